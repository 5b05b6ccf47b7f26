"""Safety limits against hostile or absurd files, in one place, configurable.

    from appendixparse import limits
    limits.LIMITS.max_pdf_pages = 2000      # for the whole process

Each reader judges a file's structure against these limits *before* handing it to the library
that parses it, and raises :class:`~appendixparse.errors.FileTooLargeError` naming the limit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Limits:
    """The limits in force; the defaults fit any real appendix with a wide margin."""

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
    max_line_chars: int = 5_000_000
    """Text: one line (no real appendix has a line of a million characters)."""
    document_timeout_s: float = 60.0
    """Batch mode (consolidate): seconds one document may take before it is given up."""


LIMITS = Limits()
