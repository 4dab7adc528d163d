"""Ingest builds a catalogue from files of every format; bad files are reported, never fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from file_builders import (
    PROJECT_ROWS,
    corrupt_docx,
    docx_file,
    empty_file,
    gbk_notice,
    html_page,
    pdf_file,
    xlsx_projects,
)

from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest

KB = Path(__file__).resolve().parents[2] / "knowledge_base"


@pytest.fixture
def kb(tmp_path):
    folder = tmp_path / "kb"
    folder.mkdir()
    gbk_notice(folder)
    docx_file(folder)
    pdf_file(folder)
    xlsx_projects(folder)
    html_page(folder)
    corrupt_docx(folder)
    empty_file(folder)
    return folder


@pytest.fixture
def cat(tmp_path):
    c = Catalogue(tmp_path / "catalogue.sqlite3")
    yield c
    c.close()


def test_mixed_batch_goes_through_and_errors_name_the_files(kb, cat):
    result = ingest([kb], cat)
    assert sorted(result.new) == ["notice-gbk", "page", "plan", "policy", "projects"]
    assert result.changed == result.unchanged == result.removed == []
    assert {Path(e["path"]).name: e["error"] for e in result.errors} == {
        "corrupt.docx": "not a valid .docx (zip) file",
        "empty.txt": "empty file",
    }
    notice = cat.get("诸招商〔2023〕9号")
    assert notice is not None and notice.doc_id == "notice-gbk"
    assert notice.visibility == "internal" and notice.visibility_source == "admin"
    assert notice.date == "2023-03-15"
    assert "海亮集团" in " ".join(p.text for p in notice.paragraphs)
    policy = cat.get("policy")
    assert "累计实际利用外资40亿美元以上" in " ".join(p.text for p in policy.paragraphs)
    assert policy.visibility == "public"  # the （此件公开发布） marker on page 2


def test_project_spreadsheet_rows_become_countable_records(kb, cat):
    ingest([kb], cat)
    xlsx_names = {row[0] for row in PROJECT_ROWS}
    from_xlsx = [p for p in cat.projects() if p.name in xlsx_names]
    assert len(from_xlsx) == len(PROJECT_ROWS)
    assert all(p.source.startswith(f"项目名称：{p.name}；") for p in from_xlsx)
    # "which projects over 1亿美元 are still in talks?" over the whole catalogue: exactly one
    assert [p.name for p in cat.projects(min_usd=1e8, stage="洽谈")] == ["智慧供应链产业园"]
    assert sorted(p.name for p in cat.projects(stage="洽谈") if p.name in xlsx_names) == [
        "新能源电池材料", "智慧供应链产业园", "航空零部件"
    ]  # fmt: skip
    built = [p for p in from_xlsx if p.name == "智能视觉模组"][0]
    assert (built.stage, built.amount_text, built.amount_usd, built.place) == (
        "在建",
        "12000万美元",
        1.2e8,
        "暨南街道",
    )
    assert built.units == ["暨南街道"]
    docx_projects = {p.name: p for p in cat.get("plan").records.projects}
    assert docx_projects["高端装备产业园"].amount_usd == 3e8
    assert docx_projects["生物医药基地"].amount_cny == 5e9


def test_rerun_is_unchanged_then_edit_is_changed_then_prune_removes(kb, cat):
    ingest([kb], cat)
    again = ingest([kb], cat)
    assert again.new == again.changed == []
    assert sorted(again.unchanged) == ["notice-gbk", "page", "plan", "policy", "projects"]

    page = kb / "page.html"
    page.write_text(page.read_text("utf-8").replace("单一窗口", "一网通办窗口"), encoding="utf-8")
    edited = ingest([kb], cat)
    assert edited.changed == ["page"]
    assert cat.version_of("page") == 2

    (kb / "plan.docx").unlink()
    (kb / "policy.pdf").write_bytes(b"")  # broken this time: must NOT be pruned
    pruned = ingest([kb], cat, prune=True)
    assert pruned.removed == ["plan"]
    assert cat.get("plan") is None
    assert cat.get("policy") is not None
    assert "policy.pdf" in {Path(e["path"]).name for e in pruned.errors}


def test_missing_paths(tmp_path, cat):
    (tmp_path / "kb").mkdir()
    gbk_notice(tmp_path / "kb")
    missing = ingest([tmp_path / "kb", tmp_path / "nope.txt"], cat)
    assert missing.new == ["notice-gbk"]
    assert missing.errors == [{"path": str(tmp_path / "nope.txt"), "error": "no such file or folder"}]
    whole = ingest([tmp_path / "kb", tmp_path / "uploads"], cat, prune=True)  # no uploads yet: not an error
    assert whole.errors == [] and whole.unchanged == ["notice-gbk"] and whole.removed == []


def test_prune_only_touches_documents_under_the_given_roots(tmp_path, cat):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    gbk_notice(a)
    html_page(b)
    ingest([a, b], cat)
    result = ingest([a], cat, prune=True)
    assert result.removed == []
    assert cat.get("page") is not None


def test_duplicate_doc_ids_are_reported(tmp_path, cat):
    folder = tmp_path / "kb"
    folder.mkdir()
    gbk_notice(folder, "same.txt")
    html_page(folder, "same.html")
    result = ingest([folder], cat)
    assert result.new == ["same"]
    assert len(result.errors) == 1 and "duplicate document id 'same'" in result.errors[0]["error"]


def test_a_parser_failure_names_the_file_and_the_batch_goes_on(tmp_path, cat):
    folder = tmp_path / "kb"
    folder.mkdir()
    gbk_notice(folder)
    html_page(folder)

    def parser(loaded):
        from knowledge.gov_parse import parse_document

        if loaded.path.endswith(".html"):
            raise ValueError("boom")
        return parse_document(loaded)

    result = ingest([folder], cat, parser=parser)
    assert result.new == ["notice-gbk"]
    assert result.errors == [{"path": str(folder / "page.html"),
                              "error": "cannot parse: an unexpected internal error (ValueError); the service log has the details"}]


def test_bundled_knowledge_base(tmp_path, cat):
    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    result = ingest([kb], cat, prune=True)
    assert result.errors == []
    assert len(result.new) == 32 and len(cat) == 32
    assert cat.get("绍政办发〔2023〕17号").visibility == "public"
    assert cat.get("诸招商〔2022〕5号").visibility == "internal"
    assert len(cat.list_documents(("public",))) == 31
    assert len(cat.get("绍政办发〔2023〕17号").records.responsibilities) == 11


def test_unchanged_files_are_not_parsed_again(tmp_path):
    folder = tmp_path / "kb2"
    folder.mkdir()
    for name in ("shaoxing-2023-17-international-investment.txt", "zhuji-2022-5-proposal-reply.txt"):
        shutil.copy(KB / name, folder / name)
    cat = Catalogue(tmp_path / "c.sqlite3")
    first = ingest([folder], cat, prune=True)
    assert sorted(first.new) == sorted(d.doc_id for d in first.docs) and not first.skipped
    second = ingest([folder], cat, prune=True)
    assert second.docs == [] and sorted(second.skipped) == sorted(first.new) == sorted(second.unchanged)
    edited = folder / "zhuji-2022-5-proposal-reply.txt"
    edited.write_text(edited.read_text("utf-8").replace("杨春苗", "王小明"), encoding="utf-8")
    third = ingest([folder], cat, prune=True)
    assert third.changed == ["zhuji-2022-5-proposal-reply"] and [d.doc_id for d in third.docs] == third.changed
    assert cat.contacts()[0].person == "王小明"
