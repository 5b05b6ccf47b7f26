"""The flags: one small function per code, each a pure function of the report."""

from __future__ import annotations

from .models import Flag, Report


def run_checks(report: Report) -> list[Flag]:
    """Every flag the checks raise on ``report``, document-level first, then by record."""
    return []
