"""Images of pages (.png .jpg .tif, a multi-page TIFF included): read by OCR, marked `ocr`."""

from __future__ import annotations

import io
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.layout import Geometry, paragraphs
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits, too_many

MAX_PIXELS = 80_000_000  # one page; larger is a decompression bomb, not a scan (A4 at 600 dpi is 35 M)


def read_image(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from knowledge.readers.ocr import ocr_image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # PIL refuses (DecompressionBombError) past twice this
    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        if frames > limits.max_ocr_pages:
            raise too_many(
                path, "image pages to OCR", f"{frames} pages", limits.max_ocr_pages, "READER_MAX_OCR_PAGES"
            )
        pages = []
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > MAX_PIXELS:
                raise MalformedDocument(
                    path, f"refused: a {frame.width}×{frame.height} image is too large to be a page"
                )
            pages.append(ocr_image(frame))
    except MalformedDocument:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as e:
        raise MalformedDocument(path, f"not a readable image ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    for page in pages:  # each image has its own pixel geometry
        lines.extend(paragraphs([page.lines], Geometry.of(page.lines, page.width)))
    if not lines:
        raise MalformedDocument(path, "OCR found no text in the image")
    confidence = sum(p.confidence for p in pages) / len(pages)
    metadata = {
        "ocr": "true",
        "ocr_pages": f"1-{len(pages)}" if len(pages) > 1 else "1",
        "ocr_confidence": f"{confidence:.2f}",
    }
    return LoadedFile(path=str(path), text="\n".join(lines), format=fmt, metadata=metadata, ocr=True)
