"""A one-line progress bar on stderr, for terminals only; no dependency."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 28
REDRAW_EVERY = 0.1  # seconds


class Progress:
    """Count finished files and redraw ``reading 45/130 files [#####…] 12.3 files/s``.

    Draws nothing unless ``enabled``; callers decide (the CLI enables it when stderr is a
    terminal). Use as a context manager so the line is finished even on errors.
    """

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.enabled = enabled and total > 0
        self.stream = stream or sys.stderr
        self._started = time.monotonic()
        self._drawn = 0.0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def advance(self, *, failed: bool = False) -> None:
        """One more file finished (``failed``: it could not be read)."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= REDRAW_EVERY or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False

    def _draw(self, now: float) -> None:
        filled = WIDTH * self.done // self.total
        rate = self.done / max(now - self._started, 1e-6)
        unreadable = f", {self.failed} unreadable" if self.failed else ""
        self.stream.write(
            f"\rreading {self.done}/{self.total} files [{'#' * filled}{'.' * (WIDTH - filled)}] "
            f"{rate:.1f} files/s{unreadable}  "
        )
        self.stream.flush()
