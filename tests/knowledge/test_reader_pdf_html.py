"""PDF text as paragraphs, ruled PDF tables over page breaks, HTML tables with spans."""

from __future__ import annotations

import pytest
from reader_builders import DEV_REAL, pdf_pages, pdf_reform_table

from knowledge.errors import MalformedDocument
from knowledge.readers import ReadLimits, load_file


def test_employment_opinions_pdf_lines_join_into_paragraphs():
    lines = load_file(next(DEV_REAL.glob("012_*.pdf"))).text.split("\n")
    assert lines[0] == "国务院关于做好当前和今后一个时期促进就业工作的若干意见"  # the title over two lines
    assert lines[1:4] == ["国发〔2018〕39号", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                          lines[3]] and lines[3].startswith("就业是最大的民生")  # fmt: skip
    item = next(ln for ln in lines if ln.startswith("（一）加大稳岗支持力度"))
    assert "可返还其上年度实际缴纳失业保险费的50%。" in item  # wrapped lines joined, no space
    assert item.endswith(
        "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）"
    )  # the tag closes its item
    assert (
        "一、支持企业稳定发展" in lines and "二、鼓励支持就业创业" in lines
    )  # headings stay their own paragraphs
    across_pages = next(ln for ln in lines if ln.startswith("（十一）保障困难群众基本生活"))
    assert across_pages.endswith("（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）")
    assert lines[-3:] == ["国务院", "2018年11月16日", "（此件公开发布）"]


def test_ruled_table_over_two_pages_is_one_table_with_groups_and_merged_cells(tmp_path):
    path, header, rows = pdf_reform_table(tmp_path)
    loaded = load_file(path)
    (table,) = loaded.tables
    assert table.headers == ["分组", *header] and table.source == "pdf page 1 table 1"
    measures = [r for r in rows if len(r) > 1]
    assert (
        len(table.rows) == len(measures) == 17
    )  # every row, none lost at the page break, no repeated header
    for got, want in zip(table.rows, measures, strict=True):
        assert [got[h] for h in header] == want  # each row its own cells: merged 推广范围 filled down
    groups = {r["序号"]: r["分组"] for r in table.rows}
    assert groups["1"].startswith("一、知识产权保护方面") and groups["21"].startswith("五、管理体制创新方面")
    assert loaded.text.split("\n")[:2] == ["第二批支持创新相关改革举措推广清单", " | ".join(header)]


def test_page_limit_refuses_a_long_pdf(tmp_path):
    path = pdf_pages(tmp_path, 6)
    assert load_file(path, ReadLimits(max_pdf_pages=6)).text.count("Page") == 6
    with pytest.raises(
        MalformedDocument, match=r"more than 5 PDF pages \(6 pages\); raise READER_MAX_PDF_PAGES"
    ):
        load_file(path, ReadLimits(max_pdf_pages=5))


def test_html_rowspan_colspan_and_a_layout_table(tmp_path):
    (tmp_path / "page.html").write_text(
        """<html><body><table><tr><td>
<p>江西省人民政府办公厅关于对当前全省重点企业和重大项目复工复产情况进行明查暗访的通知</p>
<table border="1"><caption>明查暗访分组安排</caption>
<tr><th>组别</th><th>牵头单位</th><th>联系人</th><th>抽查数量</th></tr>
<tr><td rowspan="2">第一组</td><td>省发展改革委</td><td>王某</td><td>10</td></tr>
<tr><td>省工业和信息化厅</td><td>李某</td><td>8</td></tr>
<tr><td>第二组</td><td colspan="2">省商务厅（联系人另行通知）</td><td>6</td></tr>
</table>
<p>（此件主动公开）</p></td></tr></table></body></html>""",
        encoding="utf-8",
    )
    loaded = load_file(tmp_path / "page.html")
    (table,) = loaded.tables
    assert table.name == "明查暗访分组安排" and table.headers == ["组别", "牵头单位", "联系人", "抽查数量"]
    assert [r["组别"] for r in table.rows] == ["第一组", "第一组", "第二组"]
    assert table.rows[1] == {
        "组别": "第一组",
        "牵头单位": "省工业和信息化厅",
        "联系人": "李某",
        "抽查数量": "8",
    }
    assert table.rows[2]["联系人"] == "省商务厅（联系人另行通知）"
    lines = loaded.text.split("\n")
    assert lines[0].startswith("江西省人民政府办公厅关于") and lines[-1] == "（此件主动公开）"
    assert "第二组 | 省商务厅（联系人另行通知） | 6" in lines  # a cell merged across shows once


def test_a_two_column_page_frame_is_text_not_a_table(tmp_path):
    (tmp_path / "frame.html").write_text(
        "<html><body><table><tr><td><a href='/'>首页</a><br><a href='/zc'>政策</a></td><td>"
        "<p>国务院办公厅关于推广第二批支持创新相关改革举措的通知</p><p>国办发〔2018〕126号</p>"
        "<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    loaded = load_file(tmp_path / "frame.html")
    assert loaded.tables == []
    assert loaded.text.split("\n")[-3:] == [
        "国务院办公厅关于推广第二批支持创新相关改革举措的通知", "国办发〔2018〕126号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    ]  # fmt: skip
