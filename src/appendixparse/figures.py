"""Figures in Vietnamese text: percentages, ratios of counted things, counts, thresholds."""

from __future__ import annotations

from .models import Figure


def extract_figures(text: str, *, field: str = "notes") -> list[Figure]:
    """Every figure in ``text`` in order; ``field`` is "notes" or "target" (thresholds)."""
    return []
