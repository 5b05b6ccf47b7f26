"""Consolidation: many units' reports aligned to one catalogue of targets, and its exports.

The package is named ``consolidation`` (not ``consolidate``) so that importing it never
replaces the function :func:`appendixparse.consolidate` on the package.
"""

from __future__ import annotations

from .batch import DOCUMENT_SUFFIXES, find_documents, parse_files
from .catalogue import Catalogue, CatalogueError, Target, load_catalogue
from .core import consolidate
from .exports import EXPORT_SUFFIXES, export
from .frames import Consolidation

__all__ = [
    "DOCUMENT_SUFFIXES",
    "EXPORT_SUFFIXES",
    "Catalogue",
    "CatalogueError",
    "Consolidation",
    "Target",
    "consolidate",
    "export",
    "find_documents",
    "load_catalogue",
    "parse_files",
]
