"""Scans: a page of real Chinese government text rendered to an image here, read back by OCR."""

from __future__ import annotations

from reader_builders import DEV_REAL, scan_image

from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest
from knowledge.readers import load_many


def _paragraphs(prefix: str, start: str, count: int) -> list[str]:
    text = next(DEV_REAL.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    return lines[first : first + count]


def _errors(got: str, want: str) -> int:
    """Edit distance (characters inserted, deleted or substituted)."""
    prev = list(range(len(want) + 1))
    for i, a in enumerate(got, start=1):
        cur = [i]
        for j, b in enumerate(want, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1]


def test_scanned_pdf_page_is_read_by_ocr_in_reading_order_and_marked(tmp_path):
    want = _paragraphs("018", "江西省市场监管局印发", 8)  # title, addressees, notice body, 落款, marker
    (tmp_path / "kb").mkdir()
    scan_image(want).save(tmp_path / "kb" / "018-scan.pdf", resolution=150)  # a PDF page that is only an image
    catalogue = Catalogue(tmp_path / "catalogue.sqlite3")
    result = ingest([tmp_path / "kb"], catalogue)
    assert result.errors == [] and len(result.docs) == 1
    doc = result.docs[0]
    assert doc.title == want[0] and doc.addressees == want[1].rstrip("：")
    got = [p.text for p in doc.paragraphs]  # one paragraph per printed paragraph: wrapped lines joined
    assert len(got) == len(want) - 2
    body = "".join(want[2:])
    assert _errors("".join(got), body) <= 0.03 * len(body)  # character error rate ≤ 3 %
    assert doc.metadata["ocr"] == "true" and doc.metadata["ocr_pages"] == "1 of 1"
    assert float(doc.metadata["ocr_confidence"]) > 0.8
    assert catalogue.list_documents()[0]["ocr"] is True  # what `docs list` and the admin page show


def test_a_png_scan_is_a_document_too(tmp_path):
    want = _paragraphs("021", "第一条", 2)
    scan_image(want, height=600).save(tmp_path / "021.png")
    loaded, errors = load_many([tmp_path])
    assert errors == []
    (scan,) = loaded
    assert scan.ocr and scan.format == "image" and scan.metadata["ocr"] == "true"
    assert _errors(scan.text.replace("\n", ""), "".join(want)) <= 0.03 * len("".join(want))
