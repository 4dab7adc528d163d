"""Tables written into text, in every shape real pages and PDFs leave them, read from real
documents: rows never mix, group lines become 类别, short rows are placed right."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.loaders import load_file
from knowledge.text_tables import find_tables

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "data" / "dev-real"
KB = REPO / "knowledge_base"


def _text(folder: Path, prefix: str) -> str:
    return load_file(next(folder.glob(f"{prefix}_*"))).text


def test_pipe_table_with_group_lines_keeps_every_row_apart():
    """国办发〔2018〕126号 附件: 23 measures in 5 groups, items 15–20 cut by the publisher."""
    text = _text(REAL, "013")
    (found,) = find_tables(text)  # the gov.cn metadata grid above the notice is no table
    table = found.table
    assert table.name == "第二批支持创新相关改革举措推广清单"
    assert table.headers == ["序号", "改革举措", "主要内容", "指导部门", "推广范围", "分组"]
    assert [r["序号"] for r in table.rows] == [str(i) for i in [*range(1, 15), 21, 22, 23]]
    assert table.rows[5]["分组"] == "科技成果转化激励方面"
    assert table.rows[14]["分组"] == "管理体制创新方面"  # "四、军民深度融合方面" has no rows here
    # each row holds exactly the cells of its own line
    lines = {ln.split(" | ")[0]: ln.split(" | ") for ln in text.splitlines() if ln[:2].strip().isdigit()}
    for row in table.rows:
        assert [row[h] for h in table.headers[:5]] == lines[row["序号"]]


def test_short_rows_a_truncated_end_and_a_rowspan_start():
    # 渝企减负办〔2024〕16号: row 31 is cut short by the source; its missing cells are at the end
    (found,) = find_tables(_text(REAL, "023"))
    last = found.table.rows[-1]
    assert len(found.table.rows) == 31
    assert (last["序号"], last["责任单位"], last["依据文件"]) == ("31", "重庆市税务局", "")
    # 绍兴 task table: "一、发展新产业" spans rows 1–4 and is printed in row 1 only
    (found,) = find_tables(_text(KB, "012"))
    rows = found.table.rows
    assert found.table.headers[1:] == ["工作内容", "目标任务", "责任单位"]
    assert [r["列1"] for r in rows[:5]] == ["一、发展新产业"] * 4 + ["二、建设大集群"]
    assert rows[1]["工作内容"].startswith("2. 实施新兴产业发展若干项目专项")
    assert rows[1]["责任单位"].startswith("市经贸委牵头")


def test_one_cell_per_line_with_serial_numbers():
    (found,) = find_tables(_text(KB, "002"))
    table = found.table
    assert table.name == "市政府2020年重点工作(预下达)一季度进展情况表"  # as printed
    assert table.headers == ["序号", "内容与要求", "进展情况", "责任单位"]
    assert [r["序号"] for r in table.rows] == ["1", "2", "3", "4"]
    assert [r["责任单位"] for r in table.rows[:3]] == ["市发改委"] * 3
    assert table.rows[1]["进展情况"].startswith("1-2月,全市固定资产投资同比下降12.7%")


def test_one_cell_per_line_wrapped_cells_and_a_repeated_header():
    """A traditional-script mirror: names wrap over two lines, the header repeats mid-table."""
    (found,) = find_tables(_text(KB, "022"))
    rows = found.table.rows
    assert [r["目標名稱"] for r in rows] == [
        "重點產業領域招商",
        "生產性服務業發展",
        "城西科創大走廊建設",
        "項目引進",
    ]
    assert [r["完成率"] for r in rows] == ["80%", "50%", "75%", "58%"]
    assert rows[3]["完成情況"] == "29個。"


def test_cells_run_together():
    (found,) = find_tables(_text(KB, "004"))
    assert found.table.headers == ["序号", "内容与要求", "完成情况", "责任单位"]
    first = found.table.rows[0]
    assert first["内容与要求"].startswith("确保地区生产总值增长7%以上。")
    assert first["完成情况"].startswith("前三季度,全市GDP增长11.4%")
    assert first["责任单位"] == "市发改委"
    (found,) = find_tables(_text(KB, "005"))  # the units of row 1 follow it, one per line
    assert found.table.rows[0]["具体责任单位"] == "市财政局、市税务局、市发改委、市政务服务办"


@pytest.mark.parametrize("prefix", ["013", "023"])
def test_the_same_real_table_one_cell_per_line(prefix):
    """A PDF extraction puts each cell on its own line and drops empty cells: the rows read
    from that are the rows read from the delimited copy, every cell in its place."""
    text = _text(REAL, prefix)
    (delimited,) = find_tables(text)
    lines = text.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("序号 | "))
    flat = lines[:head] + [c.strip() for ln in lines[head:] for c in ln.split(" | ") if c.strip()]
    (per_line,) = find_tables("\n".join(flat))
    assert per_line.table.headers == delimited.table.headers
    assert per_line.table.rows == delimited.table.rows


def test_caption_unit_line_markdown_and_tabs():
    text = "\n".join([
        "表2 2024年重点招商项目",
        "单位：亿元",
        "| 序号 | 项目名称 | 总投资 | 建设地点 |",
        "|---|---|---|---|",
        "| 1 | 甲项目 | 12 | 柯桥区 |",
        "| 2 | 乙项目 | 3.5 | 上虞区 |",
        "",
        "以上项目由市发改委统筹。",
    ])  # fmt: skip
    (found,) = find_tables(text)
    assert found.table.name == "表2 2024年重点招商项目"
    assert found.table.headers == ["序号", "项目名称", "总投资（亿元）", "建设地点"]
    assert found.table.rows[1] == {
        "序号": "2",
        "项目名称": "乙项目",
        "总投资（亿元）": "3.5",
        "建设地点": "上虞区",
    }
    assert "以上项目由市发改委统筹。" not in found.texts
    tabbed = "序号\t任务\t牵头单位\t完成时限\n1\t建设人才培训基地\t市民政局\t到2027年\n"
    (found,) = find_tables(tabbed)
    assert found.table.rows == [
        {"序号": "1", "任务": "建设人才培训基地", "牵头单位": "市民政局", "完成时限": "到2027年"}
    ]


def test_prose_gives_no_table():
    for prefix in ("001", "011", "016", "031", "038"):
        assert find_tables(_text(REAL, prefix)) == []


def test_space_separated_rows_of_a_pdf_text_layer():
    text = "\n".join([
        "附表1 重点项目",
        "序号 项目名称 总投资（亿元） 建设地点 进展",
        "1 甲智能装备项目 12 柯桥区 在建",
        "2 乙新材料项目 3.5 上虞区 洽谈",
        "以上项目按季度调度 由市发改委汇总。",
    ])  # fmt: skip
    (found,) = find_tables(text)
    assert found.table.name == "附表1 重点项目"
    assert [r["项目名称"] for r in found.table.rows] == ["甲智能装备项目", "乙新材料项目"]
    # words apart by spaces under a line of ordinary words are no table
    assert find_tables("我们 今年 要 做好 三件 事\n一 二 三 四 五 六") == []


def test_a_cell_broken_over_lines_and_unnumbered_subheadings():
    text = "\n".join([
        "序号 | 项目名称 | 建设内容 | 责任单位",
        "制造业项目",
        "1 | 甲项目 | 新建厂房，购置设备 | 市经信局",
        "2 | 乙项目 | 建设研发中心，",
        "引进研发团队 | 市科技局",
        "3 | 丙项目 | 建设数据中心，购置服务器",
        "并建设一期机房 | 市大数据局",
        "服务业项目",
        "4 | 丁项目 | 建设物流园 | 市商务局",
        "— 2 —",
        "注：以上为2024年计划。",
    ])  # fmt: skip
    (found,) = find_tables(text)
    rows = found.table.rows
    assert [r["建设内容"] for r in rows] == [
        "新建厂房，购置设备", "建设研发中心，引进研发团队", "建设数据中心，购置服务器并建设一期机房", "建设物流园",
    ]  # fmt: skip
    assert [r["责任单位"] for r in rows] == ["市经信局", "市科技局", "市大数据局", "市商务局"]
    assert [r["分组"] for r in rows] == ["制造业项目"] * 3 + ["服务业项目"]
