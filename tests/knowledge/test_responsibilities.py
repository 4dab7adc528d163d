"""Responsibility tags of every common shape, each read from a real snippet.

Snippets are quoted from `tests/data/dev-real/` (the file is named on each test) or from
`tests/data/resp-external/` (real documents outside the corpus; provenance in its README).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.extract.resp_tags import find_tags, parse_tag_body
from knowledge.extract.responsibilities import split_units
from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import LoadedFile

DATA = Path(__file__).resolve().parents[1] / "data"


def _records(text: str):
    """A snippet parsed as a document body (a title line first, so no snippet line becomes the title)."""
    doc = parse_document(LoadedFile(path="snippet.txt", text="若干措施\n" + text, format="txt"))
    return doc.records.responsibilities


def _file(name: str):
    folder = "dev-real" if name[:3].isdigit() else "resp-external"
    path = next((DATA / folder).glob(name + "*"))
    return parse_document(load_file(path)).records.responsibilities


def test_responsible_units_tag_018():
    # 018 赣市监综〔2020〕1号: （责任单位：…）, the lead unit then the bureau's own divisions
    (r,) = _records(
        "一、优化服务\n"
        "1.进一步升级“网上办”。 积极对接“赣服通”“江西政务服务网”，正式上线行政许可审批系统，"
        "注册登记、行政审批、信用监管等各类事项推行网上办、网上批。（责任单位：省药监局，省局行政审批处、"
        "登记注册局、信用监管处，省局行政许可评审中心、信息中心）"
    )
    assert r.section == "一、1." and r.task == "进一步升级“网上办”"
    assert r.units == [
        "省药监局",
        "省局行政审批处",
        "登记注册局",
        "信用监管处",
        "省局行政许可评审中心",
        "信息中心",
    ]
    assert r.lead == "省药监局" and not r.lead_stated  # a plain list: the document does not say who leads


def test_lead_then_responsible_semicolon_031():
    # 031 Shandong guiding opinions: （牵头单位：X；责任单位：Y）
    (r,) = _records(
        "二、重点领域\n"
        "（一）实施集成电路“强芯”工程。加快“芯机联动”，开发适配一批配套芯片。力争到2025年，全省集成电路"
        "产业规模过千亿。（牵头单位：省工业和信息化厅；责任单位：省发展改革委、省科技厅）"
    )
    assert (r.section, r.task) == ("二、（一）", "实施集成电路“强芯”工程")
    assert (r.lead, r.co_units, r.lead_stated) == ("省工业和信息化厅", ["省发展改革委", "省科技厅"], True)


def test_lead_then_responsible_comma_026():
    # 026 渝民发〔2024〕11号: the xlsx splits each item's （牵头单位：X，责任单位：Y） into two columns;
    # the tag rebuilt from row 1's cells, as the published text prints it
    (r,) = _records(
        "（一）拓宽人才来源渠道。建立完善扶持政策，支持引导高等院校和职业院校养老服务相关专业毕业生对口从事"
        "养老服务工作。（牵头单位：市民政局，责任单位：市教委、市财政局、市人力社保局、市住房城乡建委、"
        "市农业农村委、市商务委、市卫生健康委）"
    )
    assert r.task == "拓宽人才来源渠道" and r.lead == "市民政局" and r.lead_stated
    assert r.co_units == [
        "市教委",
        "市财政局",
        "市人力社保局",
        "市住房城乡建委",
        "市农业农村委",
        "市商务委",
        "市卫生健康委",
    ]


def test_lead_and_cooperating_labels():
    # （牵头单位：X；配合单位：Y）: no public copy found; the shape with 官渡区 units
    tag = parse_tag_body("牵头单位：区政务服务局；配合单位：区发改局、区审改办")
    assert tag and tag.leads == ["区政务服务局"] and tag.units == ["区政务服务局", "区发改局", "区审改办"]


def test_lead_worded_with_cooperating_032():
    # 032 Shandong plan: （X牵头，Y、Z配合）
    (r,) = _records(
        "（一）强化关键核心技术攻坚，提升产业自主可控能力。加强应用导向的基础研究，企业牵头重大项目比例达到"
        "80%以上。（省科技厅牵头，省发展改革委、省工业和信息化厅配合）"
    )
    assert r.task == "强化关键核心技术攻坚，提升产业自主可控能力"
    assert (r.lead, r.co_units, r.lead_stated) == ("省科技厅", ["省发展改革委", "省工业和信息化厅"], True)


def test_lead_alone_and_joint_leads_016():
    # 016 赣府厅字〔2020〕14号: （X牵头） and （X、Y按职责分工牵头，Z配合）
    a, b = _records(
        "一、切实保障疫情防控融资需求\n"
        "3.大力支持债券融资，鼓励、引导募集资金主要用于疫情防控。（江西证监局牵头）\n"
        "15.各级财政部门对疫情防控重点保障企业的融资担保代偿给予风险补偿，并提高代偿容忍度至10%。"
        "（省财政厅、省金融监管局按职责分工牵头，各市、县〔区〕人民政府配合）"
    )
    assert (a.lead, a.units, a.lead_stated) == ("江西证监局", ["江西证监局"], True)
    assert b.leads == ["省财政厅", "省金融监管局"] and b.lead == "省财政厅"
    assert b.units == ["省财政厅", "省金融监管局", "各市、县〔区〕人民政府"]


def test_duty_split_with_rule_stated_once_019():
    # 019 赣府厅发〔2020〕7号: several tags in one paragraph; the first states
    # "列第一的为牵头单位，下同", which holds for the whole document
    recs = _records(
        "一、积极发展流通新业态新模式。顺应消费升级和电子商务发展趋势，提升消费体验。"
        "（省发展改革委、省商务厅、省文化和旅游厅按职责分工负责，列第一的为牵头单位，下同）"
        "推动商旅文体等跨界融合、线上线下互动融合。（省商务厅、省文化和旅游厅、省体育局按职责分工负责）"
    )
    assert [r.task for r in recs] == ["积极发展流通新业态新模式", "推动商旅文体等跨界融合、线上线下互动融合"]
    assert recs[1].units == ["省商务厅", "省文化和旅游厅", "省体育局"]
    assert all(r.lead_stated and r.section == "一、" for r in recs)


def test_own_tag_without_rule_011():
    # 011 国办发〔2018〕117号: （X负责） / （X、Y负责） with no lead rule anywhere
    recs = _file("011")
    assert len(recs) == 30
    six = next(r for r in recs if r.section == "六、")
    assert six.units == ["交通运输部", "财政部"] and six.lead == "交通运输部" and not six.lead_stated
    sixteen = next(r for r in recs if r.section == "十六、")
    assert sixteen.units == ["国家发展改革委", "有关部门"]  # 国家发展改革委会同有关部门负责


def test_deng_and_rule_014():
    # 014 国发〔2018〕42号: （X、Y等负责。列第一位者为牵头单位，下同）
    recs = {r.section: r for r in _file("014")}
    assert recs["二、（六）"].units == ["市场监管总局", "工业和信息化部", "发展改革委", "农业农村部"]
    assert recs["二、（六）"].lead_stated  # the rule was stated in the first tag
    assert recs["八、（十八）"].leads == [
        "农业农村部",
        "工业和信息化部",
    ]  # 农业农村部、工业和信息化部牵头负责


def test_department_and_scope_labels():
    # （负责部门：X、Y，适用范围：Z）: the shape (its source document is not public here)
    tag = parse_tag_body("负责部门：市商务局、市财政局，适用范围：市本级")
    assert tag and tag.units == ["市商务局", "市财政局"] and tag.scope == "市本级" and not tag.lead_stated


def test_heading_tag_covers_items_under_it():
    # knowledge_base/020 金华婺城: "一、强化科技创新(区科技局牵头)" over （一）…
    text = (
        Path(__file__).resolve().parents[2]
        / "knowledge_base"
        / "020_jinhua-wucheng-2025-high-quality-development-measures.txt"
    )
    recs = parse_document(load_file(text)).records.responsibilities
    assert [(r.section, r.task, r.lead) for r in recs] == [
        ("一、", "强化科技创新", "区科技局"),
        ("一、（一）", "加强科创平台效能建设", "区科技局"),
    ]


def test_tag_as_own_docx_paragraph_022():
    # 022 渝经信发〔2024〕86号 (.docx): each （责任单位：…） is a paragraph under its task
    recs = _file("022")
    assert len(recs) == 15
    first = recs[0]
    assert (first.section, first.task) == ("二、（一）1.", "争创车网互动试点示范")
    assert first.units == ["市经济信息委", "市发展改革委", "市能源局", "国网重庆电力", "有关企业"]
    # the item's text travels with the record: "建超充站" is in task 8's body, not in its title
    eight = next(r for r in recs if r.section.endswith("8."))
    assert eight.task == "打造便捷超充城市" and "建成超充站2000座以上" in eight.item
    assert "重庆高速集团" in eight.units


def test_tag_parted_from_its_item_by_a_page_break_012():
    # 012 国发〔2018〕39号 (.pdf): the tag's line is a paragraph of its own after the PDF wrap
    recs = {r.section: r for r in _file("012")}
    assert recs["一、（一）"].task == "加大稳岗支持力度"
    assert recs["一、（一）"].units == ["人力资源社会保障部", "财政部"] and recs["一、（一）"].lead_stated
    assert recs["二、（五）"].units == ["人力资源社会保障部"]  # 人力资源社会保障部等有关部门和单位负责


def test_lines_under_one_item_make_one_record():
    # resp-external 鞍立政发〔2023〕2号: "牵头单位:X" then "责任单位:Y" lines
    recs = _file("anshan")
    assert len(recs) == 6
    assert (recs[0].task, recs[0].lead, recs[0].co_units) == (
        "努力实现地区生产总值增长6.2%左右",
        "区发改局",
        ["立山经济开发区", "全区经济运行各专班"],
    )
    assert recs[2].co_units == ["立山经济开发区", "各街道", "区直各部门"]


def test_external_documents():
    sichuan = _file("sichuan")  # 〔责任单位：…按职责分工负责。具体任务…下同。〕 in tortoise-shell brackets
    assert sichuan[0].units == ["省发展改革委", "省市场监管局", "商务厅", "省大数据中心"]
    (xianyang,) = _file("xianyang")  # traditional script, X牵头，Y按职责分工负责
    assert xianyang.leads == ["市政府办公室", "市行政审批制度改革工作领导小组办公室"]
    assert xianyang.co_units[-2:] == ["市级各有关部门", "各县市区政府"]
    (shanghai,) = _file("shanghai")  # 等按照职责分工负责。列第一位者为牵头单位,下同
    assert shanghai.lead == "市发展改革委" and shanghai.lead_stated and shanghai.units[-1] == "市地税局"
    guandu = _file("kunming")  # "…区水务局等部门，区国投公司、各街道办事处配合": 等 closes one group only
    assert guandu[-1].co_units[-2:] == ["区国投公司", "各街道办事处"]
    caidian = _file("wuhan")  # 责任单位: lines under each target
    assert [(r.task, r.lead) for r in caidian][0] == ("地区生产总值增长7%以上", "区发展和改革局")


@pytest.mark.parametrize(
    "text",
    [
        "（以下简称“市投促中心”）",
        "（2024—2027年）",
        "（试行）",
        "（含技工院校）",
        "（主要负责人）",
        "（暂行）",
        "（市、县）",
    ],
)
def test_ordinary_brackets_are_no_tags(text):
    assert find_tags("支持各类职业院校" + text + "承担培训。") == []


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "省财政厅、省金融监管局，各市、县〔区〕人民政府",
            ["省财政厅", "省金融监管局", "各市、县〔区〕人民政府"],
        ),
        ("市工业和信息化局，有关区、市政府", ["市工业和信息化局", "有关区、市政府"]),
        ("各设区市人民政府、省直有关部门", ["各设区市人民政府", "省直有关部门"]),
        ("市财政局和市税务局", ["市财政局", "市税务局"]),
        ("省发展和改革委、工业和信息化部", ["省发展和改革委", "工业和信息化部"]),
        ("各有关部门和单位", ["各有关部门和单位"]),
        ("工业和信息化部、发展改革委、农业农村部等", ["工业和信息化部", "发展改革委", "农业农村部"]),
        ("市残联、市财政局；列第一位的为牵头单位，下同。", ["市残联", "市财政局"]),
        ("各街道、区直各部门", ["各街道", "区直各部门"]),
    ],
)
def test_unit_lists(text, units):
    assert split_units(text) == units
