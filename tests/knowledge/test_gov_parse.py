"""The two seed documents parse into exactly the records staff ask about."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.gov_parse import doc_no_of, parse_document
from knowledge.models import LoadedFile

KB = Path(__file__).resolve().parents[2] / "knowledge_base"


def _parse(name: str, metadata: dict[str, str] | None = None):
    path = KB / name
    return parse_document(LoadedFile(path=str(path), text=path.read_text("utf-8"), format="txt", metadata=metadata or {}))


@pytest.fixture(scope="module")
def sx():
    return _parse("shaoxing-2023-17-international-investment.txt")


@pytest.fixture(scope="module")
def zj():
    return _parse("zhuji-2022-5-proposal-reply.txt")


def test_doc_no_spellings():
    assert doc_no_of("绍政办发〔2023〕17号") == "绍政办发〔2023〕17号"
    assert doc_no_of("诸招商[2022]5号") == "诸招商〔2022〕5号"
    assert doc_no_of("诸招商【2022】5 号") == "诸招商〔2022〕5号"
    assert doc_no_of("绍政办发 ( 2022 ) 11 号") == "绍政办发〔2022〕11号"
    assert doc_no_of("没有文号") is None


def test_shaoxing_metadata(sx):
    assert sx.doc_no == "绍政办发〔2023〕17号"
    assert sx.issuer == "绍兴市人民政府办公室"
    assert sx.title == "绍兴市人民政府办公室关于进一步加强国际化招商引资工作的实施意见"
    assert sx.date == "2023-04-26"
    assert sx.printed_date == "2023-05-04"
    assert (sx.visibility, sx.visibility_source) == ("public", "marker")
    assert sx.cc == ["市委办公室", "市人大常委会办公室", "市政协办公室"]
    assert sx.addressees.startswith("各区、县（市）人民政府")


EXPECTED = {
    "二、（一）": ["市投资促进中心", "市经信局"],
    "二、（二）": ["市投资促进中心", "市台办", "市侨联", "市商务局", "市外办", "人行绍兴市中心支行", "各区、县（市）政府"],
    "二、（三）": ["市投资促进中心", "各区、县（市）政府"],
    "二、（四）": ["各区、县（市）政府", "滨海新区管委会", "市发改委", "市经信局", "市自然资源和规划局", "市生态环境局", "市商务局", "市投资促进中心"],
    "二、（五）": ["各区、县（市）政府", "市台办", "市商务局", "市外办", "市投资促进中心"],
    "三、（一）": ["市投资促进中心", "市发改委", "市财政局", "市商务局", "市金融办", "各区、县（市）政府"],
    "三、（二）": ["市发改委", "市经信局", "市财政局", "市自然资源和规划局", "市生态环境局", "市商务局", "市投资促进中心", "市金控公司", "各区、县（市）政府"],
    "三、（三）": ["市投资促进中心", "市财政局", "市商务局", "各区、县（市）政府"],
    "四、（一）": ["市投资促进中心", "市台办", "市侨联", "市外办", "贸促会绍兴市委委员会", "各区、县（市）政府"],
    "四、（二）": ["市发改委", "市经信局", "市财政局", "市自然资源和规划局", "市生态环境局", "市商务局", "市外办", "市投资促进中心", "各区、县（市）政府"],
    "四、（三）": ["市发改委", "市商务局", "市投资促进中心", "各区、县（市）政府"],
}


def test_all_eleven_responsibility_lists(sx):
    got = {r.section: r.units for r in sx.records.responsibilities}
    assert got == EXPECTED
    first = sx.records.responsibilities[0]
    assert first.task == "编制一个国际化产业链精准招商规划"
    assert first.lead == "市投资促进中心" and first.co_units == ["市经信局"]


def test_section_tree_and_page_break_join(sx):
    joined = [p for p in sx.paragraphs if "人行绍兴市中心支行" in p.norm]
    assert len(joined) == 1 and joined[0].norm.startswith("责任单位：市投资促进中心")
    target = next(p for p in sx.paragraphs if "制造业实际利用外资占比高于" in p.norm)
    assert target.path == ("一、总体目标",)
    assert any(p.path == ("二、工作重点", "（五）举办一批国际论坛（展会）") for p in sx.paragraphs)


def test_targets(sx):
    t = {f.text: f for f in sx.records.figures}
    assert t["40亿美元以上"].kind == "target" and t["40亿美元以上"].period == "2023—2025年"
    assert t["40亿美元以上"].amount_usd == pytest.approx(4e9)
    assert "利用外资" in t["40亿美元以上"].subject
    assert t["10个"].subject.startswith("境外商务代表处")


def test_zhuji_metadata_is_internal(zj):
    assert zj.doc_no == "诸招商〔2022〕5号"
    assert zj.issuer == "诸暨市招商投资促进中心"
    assert zj.date == "2022-07-14"
    assert (zj.visibility, zj.visibility_source) == ("internal", "default")
    assert zj.kind == "reply"


def test_zhuji_projects(zj):
    p = {x.name: x for x in zj.records.projects}
    xinyi = p["新宜中国数字装备智慧供应链产业园"]
    assert (xinyi.amount_value, xinyi.amount_unit, xinyi.currency) == (50, "亿元", "CNY")
    pujian = p["璞剑空气轴承项目"]
    assert (pujian.amount_value, pujian.amount_unit, pujian.amount_usd) == (3, "亿美元", 3e8)
    assert p["世邦魏理仕项目"].stage == "洽谈"
    hailiang = p["海亮集团外资利润再投资项目"]
    assert (hailiang.amount_text, hailiang.stage, hailiang.company) == ("8000万美元", "方案架构", "海亮集团")
    assert all(x.as_of == "2022-07-14" for x in zj.records.projects)
    assert len(zj.records.projects) == 4


def test_zhuji_contact_is_personal(zj):
    (c,) = zj.records.contacts
    assert (c.person, c.role, c.phone, c.personal) == ("杨春苗", "承办人", "13989579269", True)


def test_zhuji_cites_shaoxing_policy(zj):
    refs = [(r.relation, r.target_doc_no) for r in zj.records.references]
    assert ("cites", "绍政办发〔2022〕11号") in refs


def test_figures_with_period(zj):
    f = {x.text: x for x in zj.records.figures}
    assert f["13509万美元"].period == "2021年"
    assert f["16222.23万美元"].period == "2022年1-6月"
    assert f["96.7%"].unit == "%"


def test_admin_metadata_wins(tmp_path):
    text = (KB / "zhuji-2022-5-proposal-reply.txt").read_text("utf-8")
    doc = parse_document(LoadedFile(path=str(tmp_path / "x.txt"), text=text, format="txt",
                                    metadata={"visibility": "public", "title": "管理员标题", "doc_no": "not shown in this copy"}))
    assert (doc.visibility, doc.visibility_source, doc.title) == ("public", "admin", "管理员标题")
    assert doc.doc_no == "诸招商〔2022〕5号"


def test_traditional_and_ascii_punctuation(tmp_path):
    text = "某某市人民政府辦公室文件\n\n某政發[2024]3號\n\n關於加強招商引資的通知\n\n各單位:\n\n一、工作目標\n\n(一)引進外資。到2025年引進外資5億美元。\n\n責任單位:市商務局、市發改委\n\n某某市人民政府辦公室\n\n二〇二四年三月五日\n\n(此件公開發布)\n"
    doc = parse_document(LoadedFile(path=str(tmp_path / "t.txt"), text=text, format="txt"))
    assert doc.date == "2024-03-05"
    assert doc.visibility == "public"
    (r,) = doc.records.responsibilities
    assert r.units == ["市商务局", "市发改委"] and r.section == "一、（一）"


def test_wrapped_pdf_lines_join_and_page_numbers_drop():
    """030 (text pulled from a PDF): an article line wrapped mid-sentence is one paragraph, and the
    "— 5 —" page number between two halves of a list item is page furniture, not text."""
    text = (
        "各区县（功能区）工信部门，各有关单位：\n"
        "第八条 三个创新中心服务资源在资源总量上限内，根据服\n务资源使用单位申请按标准发放服务券，具体支持额度如下：\n"
        "— 5 —\n1.对上一年度营业收入 50 亿元以上的企业，补贴上限为每年\n200 万元；\n"
        "2.对上一年度营业收入 10 亿元到 50 亿元之间的企业，补贴\n上限为每年 150 万元；\n"
    )
    doc = parse_document(LoadedFile(path="030.txt", text=text, format="txt"))
    norms = [p.norm for p in doc.paragraphs]
    assert norms == [
        "第八条三个创新中心服务资源在资源总量上限内，根据服务资源使用单位申请按标准发放服务券，具体支持额度如下：",
        "1.对上一年度营业收入50亿元以上的企业，补贴上限为每年200万元；",
        "2.对上一年度营业收入10亿元到50亿元之间的企业，补贴上限为每年150万元；",
    ]


def test_table_rows_are_never_joined():
    """023: each ` | ` row is its own paragraph even when a row does not end with a stop."""
    text = (
        "序号 | 政策类别 | 政策措施主要内容 | 责任单位\n"
        "3 | 政府性基金 （免征，免申即享） | 在职职工人数在30人（含）以下的企业，继续免征残疾人就业保障金。 | 重庆市税务局\n"
        "4 | 政府性基金 （免征，免申即享） | 自2021年1月1日起取消港口建设费 | 重庆海事局\n"
    )
    doc = parse_document(LoadedFile(path="023.txt", text=text, format="txt"))
    assert len([p for p in doc.paragraphs if " | " in p.norm]) == 3


def test_a_unit_list_wrapped_onto_the_next_line_stays_one_tag():
    """福州 稳外资 measures (a page of the 福清 policy compilation): the tag's last units wrap after "（市）"."""
    from knowledge.paragraphs import should_join

    assert should_join("责任单位:市商务局、市发改委、市工信局、市财政局,各县(市)", "区人民政府、高新区管委会")
    assert not should_join("责任单位:市商务局、市发改委", "六、优化外商投资企业金融")
    assert not should_join("责任单位:市商务局、市发改委", "各县区要加强组织领导，确保落实。")


def test_a_policy_interpretation_is_titled_by_what_it_explains():
    """高唐县 高政字〔2024〕5号 interpretation (a county portal page, body only)."""

    text = ("2024年3月28日,高唐县人民政府印发了《<2024年政府工作报告目标任务分工方案>的通知》(高政字〔2024〕5号,"
            "以下简称《通知》),现将主要内容解读如下:\n一、出台背景\n为确保各项重点工作任务贯彻落实到位,县政府制定了方案。")
    d = parse_document(LoadedFile(path="gaotang_interpretation.txt", text=text, format="txt", metadata={}))
    assert d.title == "关于《〈2024年政府工作报告目标任务分工方案〉的通知》的解读"
    assert "《2024年政府工作报告目标任务分工方案》的通知" in d.aliases
