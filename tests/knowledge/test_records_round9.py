"""Record shapes met in tests/data/heldout9 (real snippets): a tag whose label follows the item's deadline,
"（5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）", and a task table saved one cell a line, each cell
closed by its border ("责任单位 |")."""

from __future__ import annotations

from knowledge.extract.resp_tags import find_tags
from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile


def test_a_tag_whose_label_follows_the_deadline():
    tags = find_tags(
        "4．成立各级政务服务便民热线工作机构，主要领导兼任负责人，强化热线整合、运维管理和督促检查等工作。"
        "（6月底完成，牵头考核单位：市政府办公室、市公安局）"
    )
    assert [(t.leads, t.deadline) for t in tags] == [(["市政府办公室", "市公安局"], "6月底完成")]
    assert find_tags("（以下简称“港区”，含周边区域）") == []


def test_a_task_table_saved_one_cell_a_line_with_borders():
    text = (
        "2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n"
        "坚持服务跟着项目走,优化“重点项目直通车”“无忧办”工作机 制,落实重点项目“领导+专班””“项目管家”等制度,"
        "全力服务重 大项目落地见效。 |\n叶林 |\n招商工作部、安商工作部 |\n全年 |\n2 |\n"
        "全力推进开发区“空间再造”,推动工业用地“腾笼换鸟”,力争 全年盘活僵尸企业10家,盘活存量土地400亩。 |\n"
        "马振明 |\n改革办 |\n全年 |\n"
    )
    doc = parse_document(LoadedFile(path="x.txt", text=text, format="txt", metadata={}))
    got = [(r.lead, r.units, r.leader, r.deadline) for r in doc.records.responsibilities]
    assert got == [
        ("招商工作部", ["招商工作部", "安商工作部"], "叶林", "全年"),
        ("改革办", ["改革办"], "马振明", "全年"),
    ]
