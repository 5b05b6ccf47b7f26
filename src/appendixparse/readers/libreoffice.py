"""Legacy Office formats (.doc, .xls, .rtf) converted to their XML twins by LibreOffice, headless.

One LibreOffice start costs seconds, so a batch converts all its legacy files in one
``soffice --convert-to`` call per target format (:func:`convert_batch`), into a folder of files
named by the SHA-256 of the original's bytes; given that folder as ``Options.converted_dir``,
:func:`convert` takes a file's conversion from there and starts LibreOffice only for a file the
folder lacks. The readers call :func:`convert` alone and never learn about batches.

A LibreOffice installed without the component a format needs (Calc for .xls, Writer for .doc
and .rtf — Debian splits them into packages) converts nothing and says little: the program
folder is looked at first, and a missing component is a :class:`ConversionUnavailableError`
naming the package to install.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConversionUnavailableError, CorruptFileError
from ..options import DEFAULT_OPTIONS, Options

__all__ = ["TARGETS", "convert", "convert_batch", "converted_name", "soffice"]

# suffix of the legacy file -> the format LibreOffice converts it to
TARGETS: dict[str, str] = {".doc": "docx", ".rtf": "docx", ".xls": "xlsx"}

# target -> (the component's library stem in LibreOffice's program folder, its name, package)
_WRITER = ("swlo", "Writer", "libreoffice-writer")
_CALC = ("sclo", "Calc", "libreoffice-calc")
_COMPONENTS: dict[str, tuple[str, str, str]] = {
    "docx": _WRITER, "doc": _WRITER, "rtf": _WRITER, "odt": _WRITER,
    "xlsx": _CALC, "xls": _CALC, "ods": _CALC,
}  # fmt: skip


def soffice(options: Options = DEFAULT_OPTIONS) -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    if options.libreoffice is not None:
        return shutil.which(options.libreoffice)
    return shutil.which("soffice") or shutil.which("libreoffice")


def converted_name(data: bytes, target: str) -> str:
    """The name a conversion of ``data`` to ``target`` has in a batch's folder."""
    return f"{hashlib.sha256(data).hexdigest()}.{target}"


def convert(
    data: bytes, source: str, *, suffix: str, target: str, options: Options = DEFAULT_OPTIONS
) -> bytes:
    """Convert ``data`` (a ``suffix`` file such as ".doc") to ``target`` ("docx", "xlsx").

    Takes the conversion from ``options.converted_dir`` when a batch made it there already.
    Raises ConversionUnavailableError when LibreOffice (or the component the format needs) is
    missing, CorruptFileError when it cannot convert the file.
    """
    if options.converted_dir is not None:
        ready = Path(options.converted_dir) / converted_name(data, target)
        if ready.is_file():
            return ready.read_bytes()
    exe = _executable(source, suffix, target, options)
    with tempfile.TemporaryDirectory(prefix="appendixparse-") as tmp:
        work = Path(tmp)
        infile = work / f"input{suffix}"
        infile.write_bytes(data)
        try:
            _run(exe, work, target, [infile], options.libreoffice_timeout_s)
        except subprocess.TimeoutExpired:
            raise CorruptFileError(source, "LibreOffice did not finish converting it") from None
        outfile = work / "out" / f"input.{target}"
        if not outfile.exists():
            raise CorruptFileError(source, f"LibreOffice could not convert it to .{target}")
        return outfile.read_bytes()


def convert_batch(
    files: Iterable[tuple[bytes, str]], folder: str | os.PathLike[str], options: Options
) -> int:
    """Convert every (bytes, suffix) of ``files`` into ``folder`` (as :func:`converted_name`),
    starting LibreOffice once per target format; returns how many times it was started.

    Never raises for a file: one LibreOffice could not convert (or a missing LibreOffice, or a
    missing component) is simply absent from ``folder``, and :func:`convert` tries it alone,
    raising the error that file deserves.
    """
    exe = soffice(options)
    if exe is None:
        return 0
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    starts = 0
    with tempfile.TemporaryDirectory(prefix="appendixparse-batch-") as tmp:
        work = Path(tmp)
        inputs: dict[str, list[Path]] = {}
        for data, suffix in files:
            target = TARGETS.get(suffix)
            if target is None or _missing_component(exe, target) is not None:
                continue
            name = converted_name(data, target)
            if (out / name).exists():
                continue
            infile = work / "in" / f"{Path(name).stem}{suffix}"
            if infile.exists():
                continue  # the same bytes twice: converted once
            infile.parent.mkdir(exist_ok=True)
            infile.write_bytes(data)
            inputs.setdefault(target, []).append(infile)
        for target, paths in inputs.items():
            starts += 1
            # On a timeout, what was converted by then is kept; the rest is tried one by one.
            with contextlib.suppress(subprocess.TimeoutExpired):
                _run(exe, work, target, paths, options.libreoffice_timeout_s * len(paths))
            for converted in (work / "out").glob(f"*.{target}"):
                shutil.move(str(converted), out / converted.name)
    return starts


def _executable(source: str, suffix: str, target: str, options: Options) -> str:
    exe = soffice(options)
    if exe is None:
        raise ConversionUnavailableError(
            source,
            f"{suffix} files need LibreOffice to be read: install it "
            f"(apt-get install libreoffice) or save the file as .{target}",
        )
    missing = _missing_component(exe, target)
    if missing is not None:
        name, package = missing
        raise ConversionUnavailableError(
            source,
            f"{suffix} files need LibreOffice {name}, which is not installed: install the "
            f"package {package} (or {package}-nogui) or save the file as .{target}",
        )
    return exe


def _missing_component(exe: str, target: str) -> tuple[str, str] | None:
    """(component, package) when LibreOffice's program folder lacks what ``target`` needs.

    Only a folder that is recognisably LibreOffice's (``soffice.bin`` or ``sofficerc`` in it)
    is judged; any other layout (a wrapper script, an unusual install) is trusted.
    """
    if target not in _COMPONENTS:
        return None  # another format: not judged
    stem, name, package = _COMPONENTS[target]
    program = Path(os.path.realpath(exe)).parent
    if not any((program / marker).exists() for marker in ("soffice.bin", "sofficerc")):
        return None
    libraries = (f"lib{stem}.so", f"{stem}.dll", f"lib{stem}.dylib")
    if any((program / library).exists() for library in libraries):
        return None
    return name, package


def _run(exe: str, work: Path, target: str, inputs: list[Path], timeout: float) -> None:
    command = [
        exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
        "--convert-to", target, "--outdir", str(work / "out"), *map(str, inputs),
    ]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=timeout, check=False)
