"""Office files, PDFs and scans built in a test from the real texts of `tests/data/dev-real/`.

The wording is the documents' own; only the container is made here (the way an office
would save or scan them), so a reader is tested on real tables and real Chinese text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

DEV_REAL = Path(__file__).resolve().parents[1] / "data" / "dev-real"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # Debian fonts-wqy-microhei (`make test`)


def table_lines(prefix: str, header_start: str) -> tuple[list[str], list[list[str]]]:
    """The ` | ` table of a corpus text file: (header, rows); a row of one cell is a group row."""
    path = next(DEV_REAL.glob(f"{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(header_start))
    header = [c.strip() for c in lines[start].split(" | ")]
    rows = []
    for ln in lines[start + 1 :]:
        if not ln.strip():
            continue
        cells = [c.strip() for c in ln.split(" | ")]
        if len(cells) != len(header) and not (len(cells) == 1 and ln[:2].endswith("、")):
            break
        rows.append(cells)
    return header, rows


def font_path() -> Path:
    assert FONT.is_file(), f"{FONT} missing: install the Debian package fonts-wqy-microhei (`make test` does)"
    return FONT


# --- .docx ---------------------------------------------------------------------------------


def docx_policy_list(folder: Path, rows: int = 12) -> tuple[Path, list[str], list[list[str]]]:
    """023's policy list as a Word table: 政策类别 merged down over equal neighbours, a title row
    merged across, paragraphs before and after."""
    import docx

    header, data = table_lines("023", "序号 | 政策类别")
    data = data[:rows]
    document = docx.Document()
    document.add_paragraph(
        "重庆市减轻企业负担联席会议办公室关于发布第十二批重庆市减轻企业负担政策措施目录清单的通知"
    )
    document.add_paragraph("第十二批重庆市减轻企业负担政策措施目录清单")
    table = document.add_table(rows=2 + len(data), cols=len(header))
    title = table.cell(0, 0).merge(table.cell(0, len(header) - 1))
    title.text = "第十二批重庆市减轻企业负担政策措施目录清单（节选）"
    for j, text in enumerate(header):
        table.cell(1, j).text = text
    r = 0
    while r < len(data):
        end = r
        while end + 1 < len(data) and data[end + 1][1] == data[r][1]:
            end += 1
        for i in range(r, end + 1):
            for j, text in enumerate(data[i]):
                if j != 1:
                    table.cell(2 + i, j).text = text
        merged = table.cell(2 + r, 1).merge(table.cell(2 + end, 1)) if end > r else table.cell(2 + r, 1)
        merged.text = data[r][1]
        r = end + 1
    document.add_paragraph("（此件公开发布）")
    path = folder / "023-policy-list.docx"
    document.save(path)
    return path, header, data


def zip_bomb_docx(path: Path, inflated_mb: int, paragraphs: bool = False) -> Path:
    """A real .docx whose document.xml is one run of `inflated_mb` MiB of text (≈1 MB on disk per GiB),
    or with `paragraphs` as many short paragraphs: valid XML that is merely slow to read (one
    huge text node trips libxml2's own limit first on a fast machine)."""
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("MARKER")
    document.save(buf)
    source = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, source.read(info))
                continue
            head, tail = source.read(info).decode("utf-8").split("MARKER")
            with out.open("word/document.xml", "w", force_zip64=True) as w:
                w.write(head.encode())
                chunk = "招商".encode() * (1 << 19)  # 3 MiB of text per write
                if paragraphs:
                    chunk = ("</w:t></w:r></w:p><w:p><w:r><w:t>" + "招商" * 200).encode() * (1 << 12)
                written = 0
                while written < inflated_mb << 20:
                    w.write(chunk)
                    written += len(chunk)
                w.write(tail.encode())
    return path


def many_entries_docx(path: Path, extra: int) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("正文")
    document.save(path)
    with zipfile.ZipFile(path, "a") as z:
        for i in range(extra):
            z.writestr(f"customXml/extra{i}.xml", "<a/>")
    return path


# --- .pdf ----------------------------------------------------------------------------------


def pdf_reform_table(folder: Path) -> tuple[Path, list[str], list[list[str]]]:
    """013's table of reform measures as a ruled PDF table over two pages: the header repeats on
    the second page, group rows (一、…) span the table, 推广范围 is merged down over equal rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", str(font_path()), subfontIndex=0))
    style = ParagraphStyle("cell", fontName="WQY", fontSize=8, leading=10, wordWrap="CJK")
    header, rows = table_lines("013", "序号 | 改革举措")
    cells = [[Paragraph(h, style) for h in header]]
    spans = []
    for r, row in enumerate(rows, start=1):
        if len(row) == 1:
            cells.append([Paragraph(row[0], style)] + [""] * (len(header) - 1))
            spans.append(("SPAN", (0, r), (-1, r)))
        else:
            cells.append([Paragraph(c, style) for c in row])
    # 推广范围 merged down over runs of up to three equal rows (never across a group row)
    r = 1
    while r < len(cells):
        end = r
        if len(rows[r - 1]) > 1:
            while (
                end + 1 < len(cells) and end - r < 2 and len(rows[end]) > 1 and rows[end][4] == rows[r - 1][4]
            ):
                end += 1
            if end > r:
                spans.append(("SPAN", (4, r), (4, end)))
                for k in range(r + 1, end + 1):
                    cells[k][4] = ""
        r = end + 1
    table = Table(cells, colWidths=[30, 110, 230, 90, 60], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"), *spans])
    )
    path = folder / "013-reforms.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    title = ParagraphStyle("title", fontName="WQY", fontSize=14, leading=20)
    doc.build([Paragraph("第二批支持创新相关改革举措推广清单", title), table])
    return path, header, rows


def pdf_pages(folder: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    path = folder / f"{pages}-pages.pdf"
    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.drawString(72, 760, f"Page {i + 1} of a long report, text layer present on every page.")
        c.showPage()
    c.save()
    return path


# --- scans ---------------------------------------------------------------------------------


def scan_image(paragraphs: list[str], width: int = 1240, height: int = 1754, size: int = 26):  # noqa: ANN201
    """A page as a scanner returns it (A4 at 150 dpi, grey): paragraphs typeset with a two-character
    indent and wrapped at the margin, as printed Chinese documents are."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path()), size)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    left, right, y, pitch = 120, width - 120, 120, int(size * 1.8)
    for paragraph in paragraphs:
        x, line = left + 2 * size, ""
        for ch in paragraph:
            if x + draw.textlength(line + ch, font=font) > right:
                draw.text((x, y), line, font=font, fill=0)
                y, x, line = y + pitch, left, ch
            else:
                line += ch
        draw.text((x, y), line, font=font, fill=0)
        y += pitch
        if y > height - 120:
            break
    return image
