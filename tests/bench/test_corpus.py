"""The corpus generator: same seed → same bytes; about the requested number of our chunks."""

from __future__ import annotations

from pathlib import Path

from bench.corpus import count_chunks, generate
from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 120, seed=3)
    b = generate(tmp_path / "b", 120, seed=3)
    assert a.sha256 == b.sha256
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")
    c = generate(tmp_path / "c", 120, seed=4)
    assert c.sha256 != a.sha256


def test_about_the_requested_chunk_count(tmp_path: Path) -> None:
    info = generate(tmp_path, 300, seed=1)
    counted = sum(count_chunks(tmp_path / name) for name in info.files if not name.endswith(".meta.yaml"))
    assert counted == info.chunks
    assert 300 <= info.chunks < 300 * 1.1 + 40  # stops at the first document past the target
    assert info.project_tables >= 1 and info.documents >= 5


def test_documents_look_like_the_office_s_own(tmp_path: Path) -> None:
    info = generate(tmp_path, 400, seed=2)
    docs = [parse_document(load_file(tmp_path / n)) for n in info.files if n.endswith(".txt")]
    assert all(d.doc_no and "〔" in d.doc_no for d in docs)
    assert len({d.doc_no for d in docs}) == len(docs)  # 文号 are unique
    assert all(d.records.responsibilities for d in docs)  # 责任单位 lines are parsed
    assert any(f.unit == "亿美元" for d in docs for f in d.records.figures)
    visibilities = {d.visibility for d in docs}
    assert visibilities == {"public", "internal"}
    assert sum(d.visibility == "internal" for d in docs) == info.internal_documents
    tables = [parse_document(load_file(tmp_path / n)) for n in info.files if n.endswith(".csv")]
    assert tables and all(t.kind == "project-records" and t.records.projects for t in tables)
    assert any(p.amount_usd and p.place for t in tables for p in t.records.projects)
