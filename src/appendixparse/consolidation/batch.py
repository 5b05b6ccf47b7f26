"""Find documents in folders and parse them in worker processes; a bad file never stops a batch.

``parse`` is a pure function of a file's bytes, so files are parsed independently, in a process
pool, and each comes back as an :class:`Outcome`: its report (or, given a catalogue, the
report already aligned to it, so the parent only assembles), or why it could not be read. A
document gets ``time_limit`` seconds (an alarm in the worker stops it); a worker that ignores
the alarm (stuck inside C code) is killed after twice that. A file that kills its worker (a
crash, the out-of-memory killer) is retried alone and, failing again, recorded as unreadable.
Outcomes arrive in the workers' finishing order: the caller sorts.

Legacy files (.doc, .xls, .rtf) need LibreOffice, whose start costs seconds: before the workers
start, the batch converts them all in one LibreOffice start per target format
(:func:`~appendixparse.readers.libreoffice.convert_batch`) into a folder handed to the workers
as ``Options.converted_dir``; the readers take their conversions from there.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path

from ..errors import AppendixParseError
from ..models import Report
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import load, parse
from ..readers import detect_format
from ..readers.libreoffice import TARGETS, convert_batch
from .catalogue import Catalogue
from .documents import Document, document_of

__all__ = ["DOCUMENT_SUFFIXES", "Outcome", "find_documents", "parse_files"]

DOCUMENT_SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".xlsx", ".xls", ".rtf")
_POLL = 0.5  # seconds between checks for overdue workers
_HARD_GRACE = 10.0  # seconds past twice the time limit before a deaf worker is killed
_IN_FLIGHT_PER_WORKER = 2  # files queued per worker: enough to keep it busy, few to lose
# Files whose content may need LibreOffice (a .docx may be a renamed .doc: it is converted alone).
_LEGACY_SUFFIXES = (".doc", ".xls", ".rtf")


@dataclass(slots=True)
class Outcome:
    """What became of one input: its report or aligned document, or the error and the reason."""

    source: str
    report: Report | None = None
    document: Document | None = None
    error: str | None = None
    reason: str | None = None


class _Expired(BaseException):
    """Raised by the alarm. Not an Exception, so no ``except Exception`` in a reader eats it."""


def find_documents(
    paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str | os.PathLike[str]] = ()
) -> tuple[list[str], list[Outcome]]:
    """The files to read: named files as given, folders searched (recursively) for documents.

    Hidden files and folders, and Office lock files ("~$…"), are skipped; a file met twice is
    read once; ``exclude`` (e.g. the output file) is left out. Returns (files, outcomes for
    paths that do not exist).
    """
    files: list[str] = []
    missing: list[Outcome] = []
    seen = {_identity(Path(p)) for p in exclude}
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = _documents_in(path)
        elif path.exists():
            found = [path]
        else:
            missing.append(
                Outcome(str(item), error="FileNotFoundError", reason="no such file or folder")
            )
            continue
        for file in found:
            identity = _identity(file)
            if identity not in seen:
                seen.add(identity)
                files.append(str(file))
    return files, missing


def _identity(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _documents_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, name)
            for name in sorted(names)
            if name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith((".", "~$"))
        )
    return found


def parse_file(
    path: str,
    time_limit: float | None = None,
    catalogue: Catalogue | None = None,
    options: Options = DEFAULT_OPTIONS,
    cap_memory: bool = False,
) -> Outcome:
    """Parse one file (and align it to ``catalogue``, if given) into an :class:`Outcome`;
    never raises for a bad or slow file. ``cap_memory`` (in a worker process only) holds the
    parse to ``options.document_memory_bytes`` more memory than the worker had before it."""
    try:
        with _deadline(time_limit), _memory_cap(options.document_memory_bytes if cap_memory else 0):
            report = parse(path, options=options)
            if catalogue is not None:
                return Outcome(path, document=document_of(report, catalogue, path))
    except MemoryError:
        return Outcome(
            path,
            error="MemoryLimitError",
            reason=f"reading needed more than {options.document_memory_bytes / 1e6:,.0f} MB "
            "of memory (Options.document_memory_bytes); skipped",
        )
    except _Expired:
        return Outcome(
            path,
            error="TimeLimitError",
            reason=f"reading took longer than {time_limit:g} s; skipped",
        )
    except AppendixParseError as exc:
        return Outcome(path, error=type(exc).__name__, reason=exc.reason)
    except Exception as exc:  # a reader's bug must not stop a province's batch
        return Outcome(
            path,
            error=type(exc).__name__,
            reason=f"unexpected error ({exc}); please report it with the file",
        )
    return Outcome(path, report=report)


@contextmanager
def _memory_cap(extra_bytes: int) -> Iterator[None]:
    """Let this process's address space grow by at most ``extra_bytes`` (0: no cap) while the
    block runs: an allocation past it raises MemoryError (or, inside a native library, ends
    the worker, which the batch reports as the file's error). POSIX only."""
    try:
        import resource
    except ImportError:  # Windows: the time limit still holds
        resource = None  # type: ignore[assignment]
    if not extra_bytes or resource is None or not hasattr(resource, "RLIMIT_AS"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _address_space() + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Expired` after ``seconds`` (POSIX main thread only; None or 0: no limit)."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_files(
    files: list[str],
    *,
    jobs: int | None = None,
    time_limit: float | None = None,
    catalogue: Catalogue | None = None,
    options: Options = DEFAULT_OPTIONS,
) -> Iterator[Outcome]:
    """Parse ``files`` on ``jobs`` processes (default: the CPUs), yielding outcomes as they come.

    One job, or one file, runs in this process; workers start by ``options.start_method``.
    Legacy files are converted up front, in one LibreOffice start (see the module's docstring).
    """
    with converted_up_front(files, options) as settings:
        yield from _parse_all(files, jobs, time_limit, catalogue, settings)


@contextmanager
def converted_up_front(files: list[str], options: Options) -> Iterator[Options]:
    """``options`` with ``converted_dir`` holding the conversions of every legacy file among
    ``files`` (.doc, .xls, .rtf, told from their content), made in one LibreOffice start per
    target format; the folder lasts as long as the context (a folder already set is filled)."""
    legacy = [item for item in map(_legacy, files, [options] * len(files)) if item is not None]
    if not legacy:
        yield options
        return
    with tempfile.TemporaryDirectory(prefix="appendixparse-converted-") as tmp:
        folder = options.converted_dir or tmp
        convert_batch(legacy, folder, options)
        yield options.replace(converted_dir=folder)


def _legacy(path: str, options: Options) -> tuple[bytes, str] | None:
    """(bytes, suffix) of a file LibreOffice must convert, else None (unreadable ones too: the
    worker reports them)."""
    if not path.lower().endswith(_LEGACY_SUFFIXES):
        return None
    try:
        data, _ = load(path, options)  # its guards: regular files only, within the size limit
        fmt = detect_format(data, path)
    except AppendixParseError:
        return None
    suffix = f".{fmt}"
    return (data, suffix) if suffix in TARGETS else None


def _parse_all(
    files: list[str],
    jobs: int | None,
    time_limit: float | None,
    catalogue: Catalogue | None,
    options: Options,
) -> Iterator[Outcome]:
    wanted = jobs or _cpus()
    jobs = min(wanted, len(files))
    if wanted > jobs:  # fewer documents than workers: the idle ones read scanned pages
        options = options.replace(ocr_jobs=max(options.ocr_jobs, wanted // max(jobs, 1)))
    task = partial(parse_file, time_limit=time_limit, catalogue=catalogue, options=options)
    if jobs <= 1:
        for path in files:
            yield task(path)
        return
    task = partial(task, cap_memory=True)
    hard_limit = time_limit * 2 + _HARD_GRACE if time_limit and time_limit > 0 else None
    suspects: list[str] = []
    context = multiprocessing.get_context(options.start_method)
    yield from _pooled(deque(files), jobs, task, hard_limit, suspects, context)
    for path in suspects:  # alone, so a crash can only be this file's doing
        retry: list[str] = []
        yield from _pooled(deque([path]), 1, task, hard_limit, retry, context)
        if retry:
            yield Outcome(
                path,
                error="WorkerCrashError",
                reason="its worker process stopped while reading it (a crash or not enough memory)",
            )


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _pooled(
    queue: deque[str],
    jobs: int,
    task: Callable[[str], Outcome],
    hard_limit: float | None,
    suspects: list[str],
    context: BaseContext,
) -> Iterator[Outcome]:
    """Run ``task`` over ``queue`` in pools of ``jobs`` workers; files in flight when a pool
    breaks go to ``suspects``; a file past ``hard_limit`` has its pool killed and is reported."""
    while queue:
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_worker_init
        )
        in_flight: dict[Future[Outcome], tuple[str, float]] = {}
        try:
            while queue or in_flight:
                broken = False
                while queue and len(in_flight) < jobs * _IN_FLIGHT_PER_WORKER:
                    try:
                        future = executor.submit(task, queue[0])
                    except BrokenProcessPool:  # a worker died since the last look
                        broken = True
                        break
                    in_flight[future] = (queue.popleft(), time.monotonic())
                done, _ = wait(in_flight, timeout=_POLL, return_when=FIRST_COMPLETED)
                for future in done:
                    path, _ = in_flight.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        suspects.append(path)
                        broken = True
                if broken:
                    suspects.extend(path for path, _ in in_flight.values())
                    in_flight.clear()
                    break
                now = time.monotonic()
                overdue = [
                    f for f, (_, t) in in_flight.items() if hard_limit and now - t > hard_limit
                ]
                if overdue:
                    _kill_workers(executor)
                    for future in overdue:
                        path, _ = in_flight.pop(future)
                        yield Outcome(
                            path,
                            error="TimeLimitError",
                            reason=f"reading did not stop after {hard_limit:g} s; "
                            "its worker was stopped",
                        )
                    queue.extendleft(reversed([path for path, _ in in_flight.values()]))
                    in_flight.clear()
                    break
        finally:
            if in_flight:  # the consumer stopped early, or Ctrl-C: do not wait for the rest
                _kill_workers(executor)
            executor.shutdown(wait=True, cancel_futures=True)


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group: the parent stops the pool, workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    # The executor has no public way to stop a running task; its processes are the only handle.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.kill()
