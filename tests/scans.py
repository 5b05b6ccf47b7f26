"""Image-only PDFs made at test time from text PDFs, clean or degraded like a real scan, and a
comparison of what a scan reads against what its text-layer twin reads.

Each page is rendered with pypdfium2 and saved as an image PDF with Pillow: no text objects,
one image over the page. Degraded: turned by up to ±1.5°, blurred, with noise, saved as JPEG
at quality 75 — what a cheap office scanner gives.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from typing import Any

from appendixparse.models import Report


def make_scan(
    pdf: bytes,
    *,
    dpi: int = 200,
    degraded: bool = False,
    pages: list[int] | None = None,
    seed: int = 16,
    angle: float | None = None,
) -> bytes:
    """An image-only PDF of ``pdf``'s pages (all, or the 0-based ``pages``)."""
    import numpy as np
    import pypdfium2
    from PIL import Image, ImageFilter

    document = pypdfium2.PdfDocument(pdf)
    rnd = random.Random(seed)
    images = []
    try:
        for index in pages if pages is not None else range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if degraded:
                turn = angle if angle is not None else rnd.choice((-1, 1)) * rnd.uniform(0.7, 1.5)
                image = image.rotate(turn, resample=Image.BICUBIC, fillcolor=255)
                image = image.filter(ImageFilter.GaussianBlur(0.6))
                noise = np.random.default_rng(seed + index).normal(
                    0, 12, (image.height, image.width)
                )
                pixels = np.clip(np.asarray(image, dtype=np.float32) + noise, 0, 255)
                buffer = io.BytesIO()
                Image.fromarray(pixels.astype(np.uint8)).save(buffer, "JPEG", quality=75)
                image = Image.open(io.BytesIO(buffer.getvalue()))
            images.append(image)
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


@dataclass
class Comparison:
    """What a scan read against its twin: rows, statuses, figures found alike, indicator rows
    read with the twin's id and value, and the error flags the scan raised that the twin did
    not."""

    rows: int
    twin_rows: int
    statuses: int
    figures: int
    twin_figures: int
    extra_errors: list[tuple[str, str | None]] = field(default_factory=list)
    wrong_figures: list[Any] = field(default_factory=list)
    indicators: int = 0
    twin_indicators: int = 0


def _figures(report: Report) -> list[tuple[str, str, str, float]]:
    out = []
    for r in report.records:
        for where, figures in (("notes", r.figures), ("target", r.target_figures)):
            out += [(r.id, where, f.kind, round(f.value, 4)) for f in figures]
    return out


def compare(scan: Report, twin: Report) -> Comparison:
    by_id = {r.id: r for r in scan.records}
    twin_ids = [r.id for r in twin.records]
    statuses = sum(1 for r in twin.records if r.id in by_id and by_id[r.id].status == r.status)
    read = _figures(scan)
    wanted = _figures(twin)
    pool = list(read)
    found = 0
    wrong = []
    for f in wanted:
        if f in pool:
            pool.remove(f)
            found += 1
        else:
            wrong.append(f)
    twin_errors = {(f.code, f.record) for f in twin.flags if f.severity == "error"}
    extra = [
        (f.code, f.record)
        for f in scan.flags
        if f.severity == "error" and (f.code, f.record) not in twin_errors
    ]
    values = {i.id: _value(i.value) for i in scan.indicators}
    indicators = sum(1 for i in twin.indicators if values.get(i.id, "") == _value(i.value))
    return Comparison(
        rows=len([i for i in twin_ids if i in by_id]),
        twin_rows=len(twin_ids),
        statuses=statuses,
        figures=found,
        twin_figures=len(wanted),
        extra_errors=extra,
        wrong_figures=wrong,
        indicators=indicators,
        twin_indicators=len(twin.indicators),
    )


def _value(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
