"""The SQLite catalogue: versions, retired records, removal, visibility and exact project queries."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from catalogue_docs import make_doc, project

from knowledge.catalogue import Catalogue, doc_no_key

NO = "诸招商〔2022〕5号"


@pytest.fixture
def cat(tmp_path):
    c = Catalogue(tmp_path / "data" / "catalogue.sqlite3")
    yield c
    c.close()


def _versions(cat: Catalogue) -> int:
    with sqlite3.connect(cat.path) as db:
        return db.execute("SELECT COUNT(*) FROM document_versions").fetchone()[0]


def test_new_then_unchanged_writes_nothing(cat):
    doc = make_doc("zhuji", NO, projects=[project(NO, "海亮集团", 8e7, "方案架构")])
    assert cat.upsert(doc) == "new"
    stamp = cat.list_documents()[0]["updated_at"]
    assert (
        cat.upsert(make_doc("zhuji", NO, projects=[project(NO, "海亮集团", 8e7, "方案架构")])) == "unchanged"
    )
    assert cat.list_documents()[0]["updated_at"] == stamp
    assert _versions(cat) == 1
    assert cat.version_of("zhuji") == 1
    assert cat.hash_of("zhuji") == doc.content_hash
    assert cat.hash_of("nope") is None


def test_changed_content_bumps_version_and_retires_old_records(cat):
    cat.upsert(
        make_doc(
            "zhuji",
            NO,
            text="旧文本",
            projects=[project(NO, "旧项目", 8e7, "洽谈"), project(NO, "旧二", 1e6, "签约")],
        )
    )
    new = make_doc("zhuji", NO, text="新文本", projects=[project(NO, "新项目", 3e8, "签约")])
    assert cat.upsert(new) == "changed"
    assert cat.version_of("zhuji") == 2
    assert [p.name for p in cat.projects()] == ["新项目"]
    assert (
        len(cat.responsibilities()) == len(cat.figures()) == len(cat.contacts()) == len(cat.references()) == 1
    )
    assert cat.get("zhuji").paragraphs[1].text == "新文本"
    assert cat.list_documents()[0]["version"] == 2
    assert _versions(cat) == 2


def test_metadata_or_visibility_change_is_a_change(cat):
    cat.upsert(make_doc("zhuji", NO, visibility="internal"))
    assert cat.responsibilities(visibility=("public",)) == []
    assert cat.upsert(make_doc("zhuji", NO, visibility="public")) == "changed"
    assert len(cat.responsibilities(visibility=("public",))) == 1
    assert cat.upsert(make_doc("zhuji", NO, visibility="public", metadata={"kind": "reply"})) == "changed"
    assert cat.version_of("zhuji") == 3


def test_remove(cat):
    cat.upsert(make_doc("zhuji", NO, projects=[project(NO, "海亮集团", 8e7, "方案架构")]))
    cat.upsert(make_doc("other", None))
    assert cat.remove("zhuji") is True
    assert cat.remove("zhuji") is False
    assert cat.get("zhuji") is None and cat.get(NO) is None
    assert cat.projects() == [] and len(cat.responsibilities()) == 1
    assert [d["doc_id"] for d in cat.list_documents()] == ["other"]
    assert cat.upsert(make_doc("zhuji", NO)) == "new"
    assert cat.version_of("zhuji") == 2  # versions keep counting after a removal


def test_get_by_id_or_any_doc_no_spelling(cat):
    doc = make_doc("zhuji", NO)
    cat.upsert(doc)
    for key in (
        "zhuji",
        NO,
        "诸招商[2022]5号",
        "诸招商【2022】5号",
        "诸招商 〔2022〕 5 号",
        "诸招商(2022)5號",
    ):
        assert cat.get(key) == doc, key
    assert cat.get("诸招商〔2022〕6号") is None
    assert doc_no_key(None) is None


def test_visibility_filters_documents_and_records(cat):
    cat.upsert(
        make_doc(
            "pub",
            "绍政办发〔2023〕17号",
            visibility="public",
            projects=[project("x", "公开项目", 1e8, "洽谈")],
        )
    )
    cat.upsert(make_doc("int", NO, visibility="internal", projects=[project(NO, "内部项目", 2e8, "洽谈")]))
    assert [d["doc_id"] for d in cat.list_documents(("public",))] == ["pub"]
    assert [d["doc_id"] for d in cat.list_documents()] == ["int", "pub"]
    assert [p.name for p in cat.projects(visibility=("public",))] == ["公开项目"]
    assert len(cat.projects(visibility=("public", "internal"))) == 2
    for query in (cat.responsibilities, cat.figures, cat.contacts, cat.references):
        assert len(query(visibility=("public",))) == 1
        assert len(query(visibility=("internal",))) == 1
        assert len(query()) == 2
        assert query(visibility=()) == []


def test_project_filters_give_exact_counts(cat):
    cat.upsert(make_doc("a", "A〔2023〕1号", visibility="public", projects=[
        project("A", "一号", 3e8, "洽谈", "店口镇"),
        project("A", "二号", 1e8, "洽谈", "牌头镇"),    # exactly 1亿美元: inclusive bound
        project("A", "三号", 8e7, "洽谈", "店口镇"),
        project("A", "四号", 5e8, "签约", "暨南街道"),
        project("A", "五号", None, "洽谈", None, cny=5e9),  # CNY only: never matches a USD bound
        project("A", "六号", None, None),
    ]))  # fmt: skip
    cat.upsert(
        make_doc(
            "b", "B〔2023〕2号", visibility="internal", projects=[project("B", "七号", 2e8, "洽谈", "店口镇")]
        )
    )
    assert len(cat.projects()) == 7
    assert {p.name for p in cat.projects(min_usd=1e8)} == {"一号", "二号", "四号", "七号"}
    assert {p.name for p in cat.projects(min_usd=1e8, stage="洽谈")} == {"一号", "二号", "七号"}
    assert {p.name for p in cat.projects(min_usd=1e8, stage="洽谈", visibility=("public",))} == {
        "一号",
        "二号",
    }
    assert {p.name for p in cat.projects(max_usd=1e8)} == {"二号", "三号"}
    assert {p.name for p in cat.projects(stage=("签约", "洽谈"), place="店口")} == {"一号", "三号", "七号"}
    assert [p.name for p in cat.projects(name_like="五")] == ["五号"]
    assert [p.name for p in cat.projects(min_cny=1e9)] == ["五号"]
    assert len(cat.projects(stage="洽谈")) == 5
    assert cat.projects(stage="投产") == []
    p = cat.projects(name_like="一号")[0]
    assert (p.amount_usd, p.units, p.as_of) == (3e8, ["市投资促进中心", "店口镇"], "2022-07-14")
    # a chat lists a page (largest first within one status date) and counts the rest in SQL
    assert [p.name for p in cat.projects(stage="洽谈", limit=2)] == ["一号", "七号"]
    assert [p.name for p in cat.projects(stage="洽谈", limit=2, visibility=("public",))] == ["一号", "二号"]
    assert cat.count_projects(stage="洽谈") == 5 and cat.count_projects(("public",), stage="洽谈") == 4
    assert cat.count_projects(min_usd=1e8, place="店口") == 2


def test_persists_across_connections_in_wal_mode(tmp_path):
    path = tmp_path / "c.sqlite3"
    first = Catalogue(path)
    doc = make_doc("zhuji", NO, projects=[project(NO, "海亮集团", 8e7, "方案架构")])
    first.upsert(doc)
    first.close()
    again = Catalogue(path)
    assert again.get("zhuji") == doc
    assert list(again.iter_documents()) == [doc]
    assert len(again) == 1 and again.doc_ids() == ["zhuji"]
    assert again.record_counts() == {
        "responsibilities": 1,
        "figures": 1,
        "projects": 1,
        "contacts": 1,
        "references": 1,
        "incentives": 0,
        "table_rows": 0,
    }
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_threads_share_one_catalogue(cat):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                cat.upsert(
                    make_doc(
                        f"d{n}-{i}", f"T{n}〔2023〕{i}号", projects=[project("x", f"p{n}-{i}", 1e8, "洽谈")]
                    )
                )
                cat.projects(min_usd=1e8)
                cat.list_documents()
        except BaseException as e:  # surfaced by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(cat) == 60 and len(cat.projects(min_usd=1e8, stage="洽谈")) == 60
