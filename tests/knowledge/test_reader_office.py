"""Word and Excel files of the corpus, and ones built from its real tables: faithful tables."""

from __future__ import annotations

import pytest
from reader_builders import DEV_REAL, docx_policy_list

from knowledge.errors import MalformedDocument
from knowledge.readers import ReadLimits, load_file


def _one(prefix: str):  # noqa: ANN202
    return load_file(next(DEV_REAL.glob(f"{prefix}_*")))


def test_award_workbook_every_row_keeps_its_merged_award():
    loaded = _one("024")
    assert [t.name for t in loaded.tables] == ["企业组", "创客组"]
    companies, makers = loaded.tables
    assert companies.headers == ["奖次", "项目名称", "企业名称"] and len(companies.rows) == 20
    assert makers.headers == ["奖次", "项目名称", "团队及核心成员"] and len(makers.rows) == 12
    awards = [r["奖次"].split()[0] for r in companies.rows]
    assert (
        awards == ["一等奖"] * 2 + ["二等奖"] * 4 + ["三等奖"] * 6 + ["优胜奖"] * 8
    )  # merged cells filled down
    assert companies.rows[2] == {"奖次": "二等奖 （4名）", "项目名称": "“飞星”高精度区域定位技术",
                                 "企业名称": "辰熠中泽(重庆)科技有限公司"}  # fmt: skip
    lines = loaded.text.split("\n")
    assert lines[0] == "渝经信中小〔2024〕38号" and "（此件公开发布）" in lines  # the notice sheet is text
    assert loaded.rows is not None and len(loaded.rows) == 32  # project-like tables, as before


def test_task_workbook_is_a_table_of_17_tasks_and_its_footer_is_text():
    loaded = _one("026")
    (tasks,) = loaded.tables
    assert tasks.headers == ["序号", "类别", "任务", "主要内容", "牵头单位", "责任单位", "完成时限"]
    assert [r["序号"] for r in tasks.rows] == [str(i) for i in range(1, 18)]
    assert tasks.rows[3]["完成时限"] == "到2027年" and tasks.rows[0]["牵头单位"] == "市民政局"
    assert loaded.text.split("\n")[-1] == "重庆市民政局发布"
    assert loaded.rows is None  # a responsibility table, not a project list


def test_work_plan_docx_keeps_each_tag_paragraph_under_its_task():
    lines = _one("022").text.split("\n")
    task = next(i for i, ln in enumerate(lines) if ln.startswith("1.争创车网互动试点示范"))
    assert lines[task + 1] == "（责任单位：市经济信息委、市发展改革委、市能源局，国网重庆电力、有关企业）"
    assert lines.index("一、工作目标") < task < lines.index("（二）加快完善电价及市场化机制")


def test_docx_table_with_merged_cells_in_reading_order(tmp_path):
    path, header, rows = docx_policy_list(tmp_path)
    loaded = load_file(path)
    (table,) = loaded.tables
    assert table.headers == header and table.source == "docx table 1"
    assert table.name == "第十二批重庆市减轻企业负担政策措施目录清单"  # the caption paragraph above
    assert len(table.rows) == len(rows)
    for r, row in zip(
        table.rows, rows, strict=True
    ):  # merged 政策类别 in every row it covers, no neighbour's cells
        assert r["政策类别"].replace(" ", "") == row[1].replace(" ", "")
        assert (r["序号"], r["责任单位"]) == (row[0], row[3])
    lines = loaded.text.split("\n")
    assert lines[2] == "第十二批重庆市减轻企业负担政策措施目录清单（节选）"  # the title row, once
    assert lines[3] == " | ".join(header) and lines[-1] == "（此件公开发布）"


def test_row_limit_refuses_a_runaway_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目名称", "投资额"])
    for i in range(30):
        sheet.append([f"项目{i}", i])
    book.save(tmp_path / "big.xlsx")
    assert len(load_file(tmp_path / "big.xlsx").tables[0].rows) == 30
    with pytest.raises(MalformedDocument, match=r"more than 20 spreadsheet rows .*READER_MAX_ROWS"):
        load_file(tmp_path / "big.xlsx", ReadLimits(max_rows=20))


def test_word_automatic_numbering_is_part_of_the_text(tmp_path):
    """022's headings and tasks typed without numbers, numbered by a Word list (一、/（一）/1.)."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        "</w:abstractNum>"
    ))  # fmt: skip
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = document.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))  # fmt: skip

    document.add_paragraph("重庆市新能源汽车与电网融合互动工作方案")
    numbered("工作目标", 0)
    numbered("重点任务", 0)
    numbered("加强车网融合示范推广", 1)
    numbered("争创车网互动试点示范。争创国家级车网互动规模化应用试点城市。", 2)
    numbered("加快双向充放电规模化应用。", 2)
    numbered("加快完善电价及市场化机制", 1)
    numbered("优化完善充放电价格机制。", 2)
    document.save(tmp_path / "plan.docx")
    assert load_file(tmp_path / "plan.docx").text.split("\n")[1:] == [
        "一、工作目标", "二、重点任务", "（一）加强车网融合示范推广",
        "1.争创车网互动试点示范。争创国家级车网互动规模化应用试点城市。", "2.加快双向充放电规模化应用。",
        "（二）加快完善电价及市场化机制", "1.优化完善充放电价格机制。",
    ]  # fmt: skip


def test_a_red_header_in_a_text_box_is_read_once(tmp_path):
    import docx
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    )
    box = '<w:txbxContent><w:p><w:r><w:t>重庆市经济和信息化委员会文件</w:t></w:r></w:p></w:txbxContent>'
    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(  # DrawingML with its VML fallback: Word writes the box twice
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><wps:txbx>{box}</wps:txbx></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    ))  # fmt: skip
    document.add_paragraph("渝经信发〔2024〕86号")
    document.save(tmp_path / "red.docx")
    assert load_file(tmp_path / "red.docx").text.split("\n") == ["重庆市经济和信息化委员会文件", "", "渝经信发〔2024〕86号"]
