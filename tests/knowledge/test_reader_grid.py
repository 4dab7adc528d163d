"""Grids → tables: titles, headers, merged cells, group rows and notes, the same for every format."""

from __future__ import annotations

from knowledge.readers.grid import build_table, clean_cell


def test_title_rows_then_header_then_rows_filled_down_and_shown_once_across():
    grid = [
        ["第九届“创客中国”重庆市中小企业创新创业大赛获奖项目（一、企业组）", None, None],
        ["奖次", "项目名称", "企业名称"],
        ["一等奖 （2名）", "面向半导体行业生产制造环节的生成决策工业大模型", "埃克斯工业有限公司"],
        ["一等奖 （2名）", "脑卒中快速抗血小板治疗基因指导解决方案", "重庆京因生物科技有限责任公司"],
        ["二等奖 （4名）", "“飞星”高精度区域定位技术", None],  # 项目名称 merged across into 企业名称
    ]
    built = build_table(grid, "企业组", "sheet 企业组")
    assert built.titles == ["第九届“创客中国”重庆市中小企业创新创业大赛获奖项目（一、企业组）"]
    table = built.table
    assert table is not None and table.name == "企业组" and table.headers == ["奖次", "项目名称", "企业名称"]
    assert table.rows[1] == {"奖次": "一等奖 （2名）", "项目名称": "脑卒中快速抗血小板治疗基因指导解决方案",
                             "企业名称": "重庆京因生物科技有限责任公司"}  # fmt: skip
    assert table.rows[2]["企业名称"] == "“飞星”高精度区域定位技术"
    assert built.lines[-1] == "二等奖 （4名） | “飞星”高精度区域定位技术"


def test_two_row_header_under_merged_cells_and_a_repeated_header():
    grid = [
        ["项目名称", "投资额", None, "进展"],
        ["", "总投资", "外资", ""],
        ["智慧供应链产业园", "15000", "8000", "持续洽谈"],
        ["项目名称", "投资额", None, "进展"],  # the header again on a new page
        ["", "总投资", "外资", ""],
        ["空气轴承", "30000", "30000", "已签约"],
    ]
    table = build_table(grid, "", "pdf page 1 table 1").table
    assert table is not None
    assert table.headers == ["项目名称", "投资额/总投资", "投资额/外资", "进展"]
    assert [r["项目名称"] for r in table.rows] == ["智慧供应链产业园", "空气轴承"]


def test_group_rows_and_trailing_notes_are_not_data_rows():
    grid = [
        ["序号", "任务", "牵头单位"],
        ["一、工作举措", None, None],
        ["1", "拓宽人才来源渠道", "市民政局"],
        ["2", "加强专业教育培训", "市教委"],
        ["二、保障措施", "", ""],
        ["3", "加大经费保障", "市财政局"],
        ["重庆市民政局发布", "", ""],
    ]
    built = build_table(grid, "任务分工", "sheet 任务分工")
    table = built.table
    assert table is not None and table.headers == ["分组", "序号", "任务", "牵头单位"]
    assert [(r["分组"], r["任务"]) for r in table.rows] == [
        ("一、工作举措", "拓宽人才来源渠道"), ("一、工作举措", "加强专业教育培训"), ("二、保障措施", "加大经费保障"),
    ]  # fmt: skip
    assert built.notes == ["重庆市民政局发布"]


def test_no_header_row_names_columns_and_one_column_is_text():
    form = [
        ["索引号：", "000014349/2018-00228", "主题分类：", "科技、教育"],
        ["发文机关：", "国务院办公厅", "成文日期：", "2018年12月23日"],
    ]
    table = build_table(form, "", "html table 1").table
    assert table is not None and table.headers == ["列1", "列2", "列3", "列4"] and len(table.rows) == 2
    notice = [["渝经信中小〔2024〕38号"], ["重庆市经济和信息化委员会"], ["（此件公开发布）"]]
    built = build_table(notice, "通知", "sheet 通知")
    assert built.table is None and built.titles == [
        "渝经信中小〔2024〕38号",
        "重庆市经济和信息化委员会",
        "（此件公开发布）",
    ]


def test_cell_lines_join_without_spaces_between_chinese():
    assert clean_cell("市教委、\n市财政局") == "市教委、市财政局"
    assert clean_cell("Vision\nteam  (3)") == "Vision team (3)"
