"""PDF: the text layer as paragraphs, ruled tables as `Table`s, scanned pages by OCR.

pdfplumber (pdfminer.six, pure Python) gives every character with its position, so
lines join into paragraphs by the page geometry (`layout`) and a ruled table's cells
come with their boxes: a box spanning two rows is a cell merged down, repeated in both.
A table that runs on over a page break continues as one table. A page without a text
layer is rendered (pypdfium2) and read by OCR; the file is then marked `ocr`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile, Table
from knowledge.readers.grid import Grid, build_table, project_rows
from knowledge.readers.layout import Geometry, Line, drop_page_numbers, paragraphs
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits, too_many

OCR_DPI = 200
_CJK_SPACE = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_MIN_TEXT_CHARS = 20  # fewer characters than this on a page with an image: a scan with a stamp or page number


@dataclass
class _Run:
    """Consecutive text of one kind (text layer or OCR) or one table, in reading order."""

    kind: str  # "text" | "ocr" | "grid"
    pages: list[list[Line]] = field(default_factory=list)
    width: float = 0.0
    grid: Grid = field(default_factory=list)
    page_no: int = 0  # the last page the run reached
    first_page: int = 0
    scores: list[float] = field(default_factory=list)  # OCR confidence of each page


def read_pdf(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    if not data.lstrip().startswith(b"%PDF"):
        raise MalformedDocument(path, "not a valid PDF file (no %PDF header)")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise MalformedDocument(path, "encrypted PDF (needs a password)") from e
    except MemoryError:  # the reader process's limit: reported as such, never as a bad file
        raise
    except Exception as e:  # pdfminer raises many unrelated types for a damaged file
        raise MalformedDocument(path, f"not a valid PDF file ({type(e).__name__}: {e})") from e
    if count > limits.max_pdf_pages:
        pdf.close()
        raise too_many(path, "PDF pages", f"{count:,} pages", limits.max_pdf_pages, "READER_MAX_PDF_PAGES")
    runs: list[_Run] = []
    scanned: list[int] = []
    try:
        for i, page in enumerate(pdf.pages):
            if _needs_ocr(page):
                scanned.append(i)
                if len(scanned) > limits.max_ocr_pages:
                    raise too_many(
                        path,
                        "scanned pages to OCR",
                        f"page {i + 1}",
                        limits.max_ocr_pages,
                        "READER_MAX_OCR_PAGES",
                    )
                lines, width, score = _ocr_page(data, i)
                _add_lines(runs, "ocr", i, lines, width, score)
            else:
                _read_page(runs, page, i)
            page.close()  # frees the page's parsed objects
    except MalformedDocument:
        raise
    except MemoryError:  # the reader process's limit: reported as such, never as a bad file
        raise
    except Exception as e:
        raise MalformedDocument(path, f"not a valid PDF file ({type(e).__name__}: {e})") from e
    finally:
        pdf.close()
    lines, tables, confidence = _assemble(runs)
    text = "\n".join(lines).strip()
    if not text:
        why = "no text layer (scanned?) and OCR found no text" if scanned else "no text layer (scanned?)"
        raise MalformedDocument(path, why)
    metadata: dict[str, str] = {}
    if scanned:
        metadata["ocr"] = "true"
        metadata["ocr_pages"] = f"{_ranges(scanned)} of {count}"
        metadata["ocr_confidence"] = f"{confidence:.2f}"
    return LoadedFile(
        path=str(path),
        text=text,
        format=fmt,
        metadata=metadata,
        rows=project_rows(tables),
        tables=tables,
        ocr=bool(scanned),
    )


def _needs_ocr(page) -> bool:  # noqa: ANN001 - pdfplumber Page
    chars = sum(1 for c in page.chars if c.get("text", "").strip())
    if chars >= _MIN_TEXT_CHARS:
        return False
    return bool(page.images) or (chars == 0 and bool(page.rects or page.curves or page.lines))


def _read_page(runs: list[_Run], page, page_no: int) -> None:  # noqa: ANN001
    """Text lines outside tables and the tables themselves, top to bottom."""
    found = [(t, _grid(t)) for t in page.find_tables()]
    found = [
        (t, g) for t, g in found if len(g) >= 2 and max(len(r) for r in g) >= 2
    ]  # a frame is not a table
    rest = page
    for table, _ in found:
        rest = rest.outside_bbox(table.bbox)
    lines = [_line(d) for d in rest.extract_text_lines(return_chars=True, strip=True)]
    items: list[tuple[float, object]] = [(ln.top, ln) for ln in lines if ln.text]
    items += [(table.bbox[1], grid) for table, grid in found]
    pending: list[Line] = []
    for _, item in sorted(items, key=lambda x: x[0]):
        if isinstance(item, Line):
            pending.append(item)
            continue
        if pending:
            _add_lines(runs, "text", page_no, drop_page_numbers(pending), float(page.width))
            pending = []
        _add_grid(runs, item, page_no)
    if pending:
        _add_lines(runs, "text", page_no, drop_page_numbers(pending), float(page.width))


def _line(d: dict) -> Line:
    sizes = sorted(float(c.get("size", 0)) for c in d.get("chars", [])) or [float(d["bottom"] - d["top"])]
    return Line(
        text=_CJK_SPACE.sub("", d["text"]).strip(),
        x0=float(d["x0"]),
        x1=float(d["x1"]),
        top=float(d["top"]),
        bottom=float(d["bottom"]),
        size=sizes[len(sizes) // 2],
    )


def _grid(table) -> Grid:  # noqa: ANN001 - pdfplumber Table
    """Cells placed on the table's grid: a cell spanning rows repeats down, spanning columns is None after its first."""
    texts: dict[tuple[float, ...], str] = {}
    for row, row_texts in zip(table.rows, table.extract(), strict=False):
        for bbox, text in zip(row.cells, row_texts, strict=False):
            if bbox is not None:
                texts[tuple(bbox)] = text or ""
    xs = sorted({round(b[0], 1) for b in texts})
    ys = sorted({round(b[1], 1) for b in texts})
    grid: Grid = [[""] * len(xs) for _ in ys]
    for (x0, top, x1, bottom), text in texts.items():
        cols = [k for k, x in enumerate(xs) if x0 - 1 <= x < x1 - 1]
        rows = [r for r, y in enumerate(ys) if top - 1 <= y < bottom - 1]
        for r in rows:
            for k in cols:
                grid[r][k] = text if k == cols[0] else None
    return grid


def _ocr_page(data: bytes, page_no: int) -> tuple[list[Line], float, float]:
    import pypdfium2

    from knowledge.readers.ocr import ocr_image

    document = pypdfium2.PdfDocument(data)
    try:
        image = document[page_no].render(scale=OCR_DPI / 72).to_pil()
    finally:
        document.close()
    page = ocr_image(image)
    return page.lines, page.width, page.confidence


def _add_lines(
    runs: list[_Run], kind: str, page_no: int, lines: list[Line], width: float, score: float = 1.0
) -> None:
    if not lines:
        return
    if runs and runs[-1].kind == kind and (kind == "text" or runs[-1].page_no == page_no - 1):
        run = runs[-1]
    else:
        run = _Run(kind=kind, width=width, page_no=page_no, first_page=page_no)
        runs.append(run)
    run.pages.append(lines)
    run.page_no = page_no
    if kind == "ocr":
        run.scores.append(score)


def _add_grid(runs: list[_Run], grid: Grid, page_no: int) -> None:
    """A table at the top of a page continues one that ended the page before when the columns match."""
    last = runs[-1] if runs else None
    if last and last.kind == "grid" and last.page_no == page_no - 1 and len(last.grid[0]) == len(grid[0]):
        last.grid.extend(grid)
        last.page_no = page_no
        return
    runs.append(_Run(kind="grid", grid=grid, page_no=page_no, first_page=page_no))


def _assemble(runs: list[_Run]) -> tuple[list[str], list[Table], float]:
    lines: list[str] = []
    tables: list[Table] = []
    scores: list[float] = []
    for run in runs:
        if run.kind == "grid":
            built = build_table(run.grid, "", f"pdf page {run.first_page + 1} table {len(tables) + 1}")
            lines.extend(built.text_lines())
            if built.table is not None:
                tables.append(built.table)
            continue
        geometry = Geometry.of([ln for page in run.pages for ln in page], run.width)
        lines.extend(paragraphs(run.pages, geometry))
        scores.extend(run.scores)
    return lines, tables, (sum(scores) / len(scores) if scores else 0.0)


def _ranges(pages: list[int]) -> str:
    """[0, 1, 2, 4] → "1-3, 5" (1-based)."""
    out: list[str] = []
    start = prev = pages[0]
    for p in [*pages[1:], None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        out.append(f"{start + 1}" if start == prev else f"{start + 1}-{prev + 1}")
        if p is not None:
            start = prev = p
    return ", ".join(out)
