"""SQL over table rows and projects: exact counts, sums, extremes, groups and follow-ups,
over real documents parsed and stored in a real SQLite catalogue."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from knowledge.catalogue import Catalogue
from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import LoadedFile

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "dev-real"
PROJECTS = "\n".join([
    "某区2024年重点招商项目推进表",
    "序号 | 项目名称 | 总投资 | 建设地点 | 形象进度 | 类别",
    "1 | 甲智能装备项目 | 12亿元 | 柯桥区 | 已开工建设 | 制造业",
    "2 | 乙新材料项目 | 3.5亿元 | 上虞区 | 正在洽谈 | 制造业",
    "3 | 丙数字贸易项目 | 8000万美元 | 柯桥区 | 已签约 | 服务业",
    "4 | 丁文旅综合体项目 | 20亿元 | 诸暨市 | 正在洽谈 | 服务业",
    "5 | 戊总部经济项目 |  | 柯桥区 | 在谈 | 服务业",
    "（此件不予公开）",
])  # fmt: skip


@pytest.fixture(scope="module")
def cat(tmp_path_factory):
    catalogue = Catalogue(tmp_path_factory.mktemp("cat") / "catalogue.db")
    for prefix in ("013", "024"):
        doc = parse_document(load_file(next(REAL.glob(f"{prefix}_*"))))
        catalogue.upsert(dataclasses.replace(doc, visibility="public"))
    catalogue.upsert(parse_document(LoadedFile(path="/kb/projects.txt", text=PROJECTS, format="txt")))
    yield catalogue
    catalogue.close()


def _award_table(cat: Catalogue) -> str:
    infos = [t for t in cat.tables() if t.doc_id.startswith("024")]
    return max(infos, key=lambda t: t.rows).table  # 企业组, 20 rows


def test_counts_by_category_and_table(cat):
    enterprise = _award_table(cat)
    assert cat.count_projects(category="优胜奖", table=enterprise) == 8
    assert [p.name for p in cat.projects(category="一等奖", table=enterprise)] == [
        "面向半导体行业生产制造环节的生成决策工业大模型", "脑卒中快速抗血小板治疗基因指导解决方案",
    ]  # fmt: skip
    groups = cat.project_groups("category", table=enterprise)
    assert [(g.value, g.count) for g in groups] == [
        ("优胜奖", 8),
        ("三等奖", 6),
        ("二等奖", 4),
        ("一等奖", 2),
    ]
    assert cat.count_projects(doc_id=next(t.doc_id for t in cat.tables() if t.doc_id.startswith("024"))) == 32


def test_amount_filters_sum_extremes_and_top_n(cat):
    assert cat.count_projects(min_cny=1e9) == 2
    assert {p.name for p in cat.projects(place="柯桥", stage="洽谈")} == {"戊总部经济项目"}
    stats = cat.project_stats(category="制造业")
    assert stats.count == 2 and set(stats.amounts) == {"CNY"}
    cny = stats.amounts["CNY"]
    assert (cny.count, cny.total) == (2, 1.55e9)
    assert (cny.largest.name, cny.smallest.name) == ("甲智能装备项目", "乙新材料项目")
    everything = cat.project_stats(doc_id="projects")
    assert everything.count == 5 and everything.amounts["USD"].total == 8e7  # never added to yuan
    assert [p.name for p in cat.top_projects(n=2, doc_id="projects")] == [
        "丁文旅综合体项目",
        "甲智能装备项目",
    ]
    assert [p.name for p in cat.top_projects(n=1, largest=False, doc_id="projects")] == ["乙新材料项目"]
    assert [p.name for p in cat.top_projects(n=1, currency="USD")] == ["丙数字贸易项目"]


def test_follow_up_works_on_the_previous_list(cat):
    listed = [p.name for p in cat.projects(stage="洽谈", doc_id="projects")]
    assert listed == ["乙新材料项目", "丁文旅综合体项目", "戊总部经济项目"]
    (largest,) = cat.top_projects(n=1, names=listed)  # "那其中金额最大的呢？"
    assert largest.name == "丁文旅综合体项目"
    assert cat.count_projects(names=[]) == 0


def test_table_rows_filter_count_and_group_by_cell(cat):
    scope = {"推广范围": "8个改革试验区域"}
    assert [r.cells["序号"] for r in cat.table_rows(cells=scope)] == ["6", "10", "21"]
    assert cat.count_table_rows(cells=scope) == 3
    assert cat.count_table_rows(contains="国家知识产权局") == 7  # rows 1–6 and 13
    groups = dict(cat.table_row_groups("分组", table="推广清单"))
    assert groups == {
        "知识产权保护方面": 5,
        "科技成果转化激励方面": 4,
        "科技金融创新方面": 5,
        "管理体制创新方面": 3,
    }
    (info,) = [t for t in cat.tables() if t.doc_id.startswith("013")]
    assert (info.table, info.rows) == ("第二批支持创新相关改革举措推广清单", 17)
    assert info.headers == ["序号", "改革举措", "主要内容", "指导部门", "推广范围", "分组"]


def test_audience_wall(cat):
    assert cat.count_projects(("public",), doc_id="projects") == 0  # an internal table stays internal
    assert cat.count_projects(("public",)) == 32
    assert cat.top_projects(("public",), n=3) == []  # the award list states no amounts


def test_old_catalogue_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.db"
    catalogue = Catalogue(path)
    catalogue.upsert(parse_document(LoadedFile(path="/kb/projects.txt", text=PROJECTS, format="txt")))
    catalogue.close()
    db = sqlite3.connect(path)
    db.executescript(
        "DROP INDEX projects_category; DROP INDEX projects_tbl;"
        "ALTER TABLE projects DROP COLUMN category; ALTER TABLE projects DROP COLUMN tbl;"
    )
    db.close()
    catalogue = Catalogue(path)
    assert catalogue.count_projects(category="服务业") == 3
    assert catalogue.count_projects(table="推进表") == 5
    catalogue.close()
