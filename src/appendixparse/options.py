"""Every setting and limit of a parse, in one frozen, validated object handed to every worker.

    from appendixparse import Options, parse
    parse("bao-cao.pdf", options=Options(max_pdf_pages=2000))
    parse("bao-cao.pdf", options={"max_pdf_pages": 2000})      # the same, from a mapping

Each reader judges a file's structure against these limits *before* handing it to the library
that parses it, and raises :class:`~appendixparse.errors.FileTooLargeError` naming the limit.
An :class:`Options` is immutable and valid once built; :meth:`Options.resolve` turns None, a
mapping or an Options into one, raising a :class:`ValueError` that names the setting at fault.
Nothing here is module-level mutable state: a batch pickles the Options into its workers, so
the limits hold in every process whatever the start method.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

_MIN_DPI, _MAX_DPI = 100, 600  # below 100 dpi Tesseract reads little; above 600 is waste
_LANGUAGE = re.compile(r"^[A-Za-z0-9_]{2,32}$")  # a traineddata name, never a path

PdfEngine = Literal["pdfplumber", "pdfium"]
StartMethod = Literal["spawn", "forkserver", "fork"]

_POSITIVE_INTS = (
    "ocr_jobs",
    "max_file_bytes",
    "max_zip_entries",
    "max_zip_uncompressed_bytes",
    "max_xml_part_bytes",
    "max_table_cells",
    "max_merged_ranges",
    "max_grid_span",
    "max_nesting_depth",
    "max_pdf_pages",
    "max_pdf_page_objects",
    "max_pdf_content_bytes",
    "max_pdf_document_objects",
    "max_line_chars",
)


@dataclass(frozen=True, slots=True)
class Options:
    """The settings in force; the defaults fit any real appendix with a wide margin."""

    max_file_bytes: int = 100_000_000
    """The largest file read at all (100 MB)."""
    max_zip_entries: int = 5_000
    """DOCX/XLSX: members in the zip archive."""
    max_zip_uncompressed_bytes: int = 400_000_000
    """DOCX/XLSX: all members inflated together (checked while inflating, not trusted)."""
    max_zip_ratio: float = 200.0
    """DOCX/XLSX: inflated size over compressed size of one member beyond 1 MB."""
    max_xml_part_bytes: int = 150_000_000
    """DOCX/XLSX: one XML part inflated."""
    max_table_cells: int = 2_000_000
    """All cells of all tables of one document."""
    max_merged_ranges: int = 100_000
    """XLSX: merged ranges on one sheet."""
    max_grid_span: int = 1_000
    """DOCX: a cell's gridSpan (columns it merges) — real tables have a few dozen columns."""
    max_nesting_depth: int = 10
    """DOCX: tables nested in table cells."""
    max_pdf_pages: int = 500
    """PDF: pages in one document."""
    max_pdf_page_objects: int = 50_000
    """PDF: drawing operations on one page (lines, rectangles, curves, characters)."""
    max_pdf_content_bytes: int = 20_000_000
    """PDF: one page's content streams, decompressed."""
    max_pdf_document_objects: int = 1_000_000
    """PDF: drawing operations of all pages together, form XObjects counted each time drawn."""
    max_line_chars: int = 5_000_000
    """Text: one line (no real appendix has a line of a million characters)."""
    document_timeout_s: float = 60.0
    """Batch mode (consolidate): seconds one document may take before it is given up; 0: none."""
    document_memory_bytes: int = 1_000_000_000
    """Batch mode, in worker processes: memory one document may take (1 GB); 0: no cap."""
    pdf_engine: PdfEngine = "pdfium"
    """PDF: the library that reads the pages' text and drawings: "pdfium" (pypdfium2, fast) or
    "pdfplumber" (pdfminer, the reference engine); both give the same records."""
    libreoffice: str | None = None
    """The LibreOffice executable for .doc/.xls; None: ``soffice`` or ``libreoffice`` on PATH."""
    libreoffice_timeout_s: float = 120.0
    """Seconds one LibreOffice conversion may take."""
    converted_dir: str | None = None
    """A folder of legacy files LibreOffice already converted, each named by the SHA-256 of the
    original's bytes ("<sha256>.docx"); a batch fills it for all its .doc/.xls/.rtf files in
    one LibreOffice start, and a reader takes its file's conversion from there. None: convert
    each file when it is read."""
    start_method: StartMethod | None = None
    """Batch mode: how worker processes start; None: the platform's default."""
    ocr_dpi: int = 200
    """OCR (scanned PDF pages): the resolution a page image is read at."""
    ocr_languages: tuple[str, ...] = ("vie",)
    """OCR: Tesseract's models for the text (``<name>.traineddata``); numbers use ``eng``."""
    ocr_min_confidence: float = 80.0
    """OCR: a figure read below this word confidence (0–100) decides no check (the check is
    left ``not_measurable`` and ``ocr_low_confidence`` raised)."""
    ocr_page_timeout_s: float = 60.0
    """OCR: seconds one page may take; what is left unread is noted in ``unparsed``. 0: none."""
    ocr_jobs: int = 1
    """OCR: processes reading one document's scanned pages at once (1: in this process). A
    batch gives its documents the workers they leave idle."""

    def __post_init__(self) -> None:
        for name in _POSITIVE_INTS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Options.{name} must be a whole number ≥ 1, not {value!r}")
        memory = self.document_memory_bytes
        if isinstance(memory, bool) or not isinstance(memory, int) or memory < 0:
            raise ValueError(
                f"Options.document_memory_bytes must be a whole number ≥ 0, not {memory!r}"
            )
        _number(self.max_zip_ratio, "max_zip_ratio", minimum=1.0)
        _number(self.document_timeout_s, "document_timeout_s", minimum=0.0)
        _number(self.libreoffice_timeout_s, "libreoffice_timeout_s", minimum=0.0, open_min=True)
        engines = get_args(PdfEngine)
        if self.pdf_engine not in engines:
            raise ValueError(
                f"Options.pdf_engine must be one of {', '.join(engines)}, not {self.pdf_engine!r}"
            )
        methods = get_args(StartMethod)
        if self.start_method is not None and self.start_method not in methods:
            raise ValueError(
                f"Options.start_method must be one of {', '.join(methods)} or None, "
                f"not {self.start_method!r}"
            )
        if (
            isinstance(self.ocr_dpi, bool)
            or not isinstance(self.ocr_dpi, int)
            or not (_MIN_DPI <= self.ocr_dpi <= _MAX_DPI)
        ):
            raise ValueError(
                f"Options.ocr_dpi must be a whole number from {_MIN_DPI} to {_MAX_DPI}, "
                f"not {self.ocr_dpi!r}"
            )
        languages = self.ocr_languages
        if isinstance(languages, list):
            object.__setattr__(self, "ocr_languages", tuple(languages))
            languages = self.ocr_languages
        if (
            not isinstance(languages, tuple)
            or not languages
            or not all(isinstance(x, str) and _LANGUAGE.match(x) for x in languages)
        ):
            raise ValueError(
                "Options.ocr_languages must be a non-empty tuple of Tesseract model names "
                f"such as ('vie',) or ('vie', 'eng'), not {languages!r}"
            )
        _number(self.ocr_min_confidence, "ocr_min_confidence", minimum=0.0)
        if self.ocr_min_confidence > 100:
            raise ValueError(
                "Options.ocr_min_confidence must be a finite number from 0 to 100, "
                f"not {self.ocr_min_confidence!r}"
            )
        _number(self.ocr_page_timeout_s, "ocr_page_timeout_s", minimum=0.0)
        if self.libreoffice is not None and not isinstance(self.libreoffice, str):
            raise ValueError(
                f"Options.libreoffice must be a path or None, not {self.libreoffice!r}"
            )
        if self.converted_dir is not None and not isinstance(self.converted_dir, str):
            raise ValueError(
                f"Options.converted_dir must be a folder's path or None, not {self.converted_dir!r}"
            )

    @classmethod
    def resolve(cls, value: Options | Mapping[str, Any] | None = None) -> Options:
        """An Options from None (the defaults), a mapping of settings, or an Options.

        >>> Options.resolve({"max_pdf_pages": 10}).max_pdf_pages
        10
        >>> Options.resolve({"max_pdf_page": 10})
        Traceback (most recent call last):
        ValueError: Options has no setting 'max_pdf_page' (did you mean 'max_pdf_pages'?)
        """
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise TypeError(
                f"options must be an Options, a mapping or None, not {type(value).__name__}"
            )
        known = [f.name for f in fields(cls)]
        for key in value:
            if key not in known:
                import difflib  # only to name the setting meant, in an error

                near = difflib.get_close_matches(str(key), known, n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                raise ValueError(f"Options has no setting {key!r}{hint}")
        return cls(**value)

    def replace(self, **changes: Any) -> Options:
        """A copy with ``changes`` applied (validated like a new Options)."""
        return dataclasses.replace(self, **changes)


def _number(value: object, name: str, *, minimum: float, open_min: bool = False) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if ok and (value > minimum if open_min else value >= minimum):  # type: ignore[operator]
        return
    bound = f"> {minimum:g}" if open_min else f"≥ {minimum:g}"
    raise ValueError(f"Options.{name} must be a finite number {bound}, not {value!r}")


DEFAULT_OPTIONS = Options()
"""The defaults, shared read-only (an Options cannot be changed once built)."""
