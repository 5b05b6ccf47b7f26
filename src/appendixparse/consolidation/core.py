"""consolidate(): find, parse (in parallel), align and tabulate many units' reports."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InputNotFoundError
from ..models import Report
from ..options import Options
from .batch import Outcome, find_documents, parse_files
from .catalogue import load_catalogue
from .collect import Collection
from .documents import document_of
from .frames import Consolidation, build
from .progress import Progress

Source = str | os.PathLike[str] | Report


def consolidate(
    sources: Source | Iterable[Source],
    *,
    catalogue: Any = None,
    jobs: int | None = None,
    progress: bool = False,
    time_limit: float | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    options: Options | Mapping[str, Any] | None = None,
) -> Consolidation:
    """Consolidate many units' reports into one dataset, target by target.

    ``sources``: files, folders (searched recursively for .docx .doc .pdf .txt .xlsx .xls)
    and already parsed :class:`Report` objects, in any mix. ``catalogue``: the targets to
    align to (see :func:`load_catalogue`; default: the Quảng Trị appendix's). Files are parsed
    on ``jobs`` processes (default: the CPUs), each within ``time_limit`` seconds (None:
    ``options.document_timeout_s``; 0: no limit); ``progress`` draws a bar on stderr;
    ``exclude`` lists files to leave out (the output file, when it sits in an input folder);
    ``options`` (an :class:`~appendixparse.options.Options` or a mapping) holds in every worker.

    A path that does not exist raises :class:`~appendixparse.errors.InputNotFoundError` before
    any work; a file that cannot be read goes to ``errors`` and the rest go on. The result does not
    depend on the order of the inputs or of the workers: documents are sorted by unit, then
    period, then file, and targets keep the catalogue's order.
    """
    targets = load_catalogue(catalogue)
    settings = Options.resolve(options)
    limit = settings.document_timeout_s if time_limit is None else time_limit
    reports, paths = _split(sources)
    files, failures = find_documents(paths, exclude)
    if failures:  # a mistyped path: said before minutes of work, not buried in the errors
        raise InputNotFoundError(failures[0].source)
    documents = Collection()  # tabulated as they come, one report kept per unit
    for number, report in enumerate(reports, start=1):
        documents.add(document_of(report, targets, report.source.path or f"<report {number}>"))
    with Progress(len(files), enabled=progress) as bar:
        for outcome in parse_files(
            files, jobs=jobs, time_limit=limit or None, catalogue=targets, options=settings
        ):
            if outcome.document is None:
                failures.append(outcome)
            else:
                documents.add(outcome.document)
            bar.advance(failed=outcome.document is None)
    return build(documents, failures, targets)


def _split(sources: Source | Iterable[Source]) -> tuple[list[Report], list[Any]]:
    if isinstance(sources, (str, os.PathLike, Report)):
        sources = [sources]
    reports: list[Report] = []
    paths: list[Any] = []
    for item in sources:
        if isinstance(item, Report):
            reports.append(item)
        elif isinstance(item, (str, os.PathLike)):
            paths.append(item)
        else:
            raise TypeError(
                f"consolidate() takes paths, folders and Reports, not {type(item).__name__}"
            )
    return reports, paths


__all__ = ["Consolidation", "Outcome", "consolidate"]
