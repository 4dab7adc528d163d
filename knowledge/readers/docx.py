"""Word (.docx): paragraphs and tables in reading order, each table also as a `Table`.

Word's automatic numbering (一、（一）1.) is rendered into the text (`docx_numbering`).
Merged cells are read from the table's layout grid: a cell merged down (`vMerge`) is
repeated in every row it covers, a cell merged across (`gridSpan`) counts once. A table
of one column is page layout (a frame around the text), read as paragraphs.
"""

from __future__ import annotations

import io
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile, Table
from knowledge.readers.docx_numbering import Numbering
from knowledge.readers.grid import Cell, Grid, build_table, clean_cell, project_rows
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits, check_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CAPTION_MAX = 40


def read_docx(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    check_zip(path, data, ".docx", limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:  # the reader process's limit: reported as such, never as a bad file
        raise
    except Exception as e:  # python-docx raises several unrelated types for a bad package
        raise MalformedDocument(path, f"not a valid .docx file ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    tables: list[Table] = []
    numbering = Numbering(document)
    for kind, element in _blocks(document.element.body):
        if kind == "p":
            lines.extend(_text_boxes(element))  # a 红头 or a stamp line is often a text box
            lines.append(numbering.prefix(element) + _paragraph_text(element))
            continue
        grid, paragraphs = _grid(element)
        if grid is None:
            lines.extend(paragraphs)
            continue
        caption = _caption(lines)
        built = build_table(grid, caption, f"docx table {len(tables) + 1}")
        lines.extend(built.text_lines())
        if built.table is not None:
            tables.append(built.table)
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise MalformedDocument(path, "empty document (no paragraphs or table text)")
    return LoadedFile(path=str(path), text=text, format=fmt, rows=project_rows(tables), tables=tables)


def _blocks(parent):  # noqa: ANN001, ANN202 - lxml elements
    """Paragraphs and tables in document order, looking inside content controls (`w:sdt`)."""
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            yield "p", child
        elif child.tag == f"{_W}tbl":
            yield "tbl", child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p) -> str:  # noqa: ANN001
    from docx.oxml.text.paragraph import CT_P

    return p.text if isinstance(p, CT_P) else "".join(t.text or "" for t in p.iter(f"{_W}t"))


def _text_boxes(p) -> list[str]:  # noqa: ANN001
    """Paragraphs inside the text boxes anchored in a paragraph; a box drawn twice (DrawingML and
    its VML fallback) is read once."""
    out = []
    for box in p.iter(f"{_W}txbxContent"):
        if any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
            continue
        out.extend(
            t
            for t in ("".join(x.text or "" for x in q.iter(f"{_W}t")) for q in box.iter(f"{_W}p"))
            if t.strip()
        )
    return out


def _cell_paragraphs(tc) -> list[str]:  # noqa: ANN001
    out = []
    for kind, element in _blocks(tc):
        if kind == "p":
            out.append(_paragraph_text(element))
        else:  # a table inside a cell: its rows as lines of the cell
            grid, paragraphs = _grid(element)
            out.extend(paragraphs if grid is None else [" ".join(c for c in row if c) for row in grid])
    return [p for p in out if p.strip()]


def _grid(tbl) -> tuple[Grid | None, list[str]]:  # noqa: ANN001
    """The layout grid of a table (None for a one-column layout table, whose paragraphs are returned)."""
    grid: Grid = []
    above: dict[int, str] = {}  # grid column → text of the cell that a vMerge continues
    for tr in tbl.tr_lst:
        row: list[Cell] = [""] * tr.grid_before
        for tc in tr.tc_lst:
            col = len(row)
            if tc.vMerge == "continue":
                text = above.get(col, "")
            else:
                text = clean_cell("\n".join(_cell_paragraphs(tc)))
            above[col] = text
            row.append(text)
            row.extend([None] * (tc.grid_span - 1))
        grid.append(row)
    if max((len(r) for r in grid), default=0) <= 1:
        return None, [p for tr in tbl.tr_lst for tc in tr.tc_lst for p in _cell_paragraphs(tc)]
    return grid, []


def _caption(lines: list[str]) -> str:
    """The paragraph just above a table when it reads like its caption (short, not a sentence)."""
    for line in reversed(lines[-3:]):
        line = line.strip()
        if not line:
            continue
        return line if len(line) <= _CAPTION_MAX and not line.endswith(("。", "；", ";", "：", ":")) else ""
    return ""
