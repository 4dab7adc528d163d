"""OCR of a page image with RapidOCR (PP-OCR models shipped in the `rapidocr-onnxruntime` wheel,
so nothing is downloaded): text boxes → lines → paragraphs in reading order.

The engine takes about half a gigabyte and a second to load, so it is built once per
process, lazily: only a file that needs OCR pays for it (and it runs in the reader
process, see `isolate`, so the service never holds it).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import lru_cache

from knowledge.readers.layout import Line, drop_page_numbers, group_lines

MIN_SCORE = 0.5  # boxes the recogniser is less sure of are noise (stamps, specks)
MAX_SIDE = 2400  # pixels: larger pages are scaled down first (the detector works at 2000 anyway)


@dataclass(frozen=True)
class OcrPage:
    lines: list[Line]
    width: float
    confidence: float  # mean recogniser score of the kept boxes (0 when none)


@lru_cache(maxsize=1)
def _engine():  # noqa: ANN202 - rapidocr's own type
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(intra_op_num_threads=2, inter_op_num_threads=1)


def ocr_image(image) -> OcrPage:  # noqa: ANN001 - a PIL image
    """Read one page image; the lines come back top to bottom, boxes on a line joined left to right."""
    import numpy as np

    image = image.convert("RGB")
    scale = min(1.0, MAX_SIDE / max(image.size))
    if scale < 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    bgr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
    result, _ = _engine()(bgr)
    boxes, scores = [], []
    for points, text, score in result or []:
        if float(score) < MIN_SCORE or not str(text).strip():
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        boxes.append(Line(str(text).strip(), min(xs), max(xs), min(ys), max(ys), max(ys) - min(ys)))
        scores.append(float(score))
    lines = drop_page_numbers(group_lines(boxes))
    return OcrPage(lines, float(image.width), statistics.fmean(scores) if scores else 0.0)
