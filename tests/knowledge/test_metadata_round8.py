"""Shapes met in tests/data/heldout8 (real snippets): a State Council 常务会议 in a 题注, a ministry decree
that names its organ and comes into force on publication, a law database's bracket holding 文号 and date,
and a doc-sharing page with pkulaw 【】 keys and a title broken differently in its two printings."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile


def _parse(text: str, name: str = "x.txt"):
    return parse_document(LoadedFile(path=name, text=text, format="txt", metadata={}))


def test_a_state_council_executive_meeting_is_the_state_council():
    doc = _parse(
        "# 优化营商环境条例\n\n2019年10月8日 国务院第66次常务会议通过\n\n"
        "2019年10月22日 中华人民共和国国务院令第722号公布\n\n2020年1月1日 施行\n\n"
        "## 第一章 总则\n\n第一条 为了持续优化营商环境，不断解放和发展社会生产力，加快建设现代化经济体系，推动高质量发展，制定本条例。\n"
    )
    assert doc.issuer == "国务院"
    assert doc.doc_no == "中华人民共和国国务院令第722号"
    assert (doc.date, doc.effective_from) == ("2019-10-22", "2020-01-01")


def test_a_ministry_decree_names_its_organ_and_is_in_force_on_publication():
    doc = _parse(
        "# 中华人民共和国市场主体登记管理条例实施细则\n\n2022年3月1日 国家市场监督管理总局令第52号公布\n\n"
        "## 第一章 总则\n\n第一条 根据《中华人民共和国市场主体登记管理条例》（以下简称《条例》）等有关法律法规，制定本实施细则。\n\n"
        "## 第十二章 附则\n\n第八十二条 本实施细则自公布之日起施行。1988年11月3日原国家工商行政管理局令第1号公布的"
        "《中华人民共和国企业法人登记管理条例施行细则》同时废止。\n"
    )
    assert doc.issuer == "国家市场监督管理总局"
    assert doc.effective_from == "2022-03-01"


def test_a_bracket_under_the_title_gives_doc_no_and_date():
    doc = _parse(
        "徐州市人民政府办公室关于印发徐州市驻外招商机构管理办法(试行)的通知\n"
        "(徐政办发〔2008〕102号 2008年7月23日)\n"
        "各县(市)、区人民政府,徐州经济开发区管委会,市各委、办、局(公司),市各直属单位:\n"
        "《徐州市驻外招商机构管理办法(试行)》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
        "徐州市驻外招商机构管理办法(试行)\n第一章 总则\n"
        "第一条 为加强我市驻外招商机构的规范化、制度化建设和管理,充分发挥驻外招商人员的作用,结合实际制定本办法。\n"
    )
    assert (doc.doc_no, doc.date) == ("徐政办发〔2008〕102号", "2008-07-23")


def test_a_sharing_page_with_bracket_keys_and_a_title_broken_twice():
    doc = _parse(
        "中共惠州市委、惠州市人民政府关于进一步推动惠州仲恺高新技术产\n- 格式:doc\n- 大小:24.00 KB\n- 文档页数:2\n"
        "中共惠州市委、惠州市人民政府关于进一步推动惠州仲恺高\n新技术产业开发区发展的决定\n"
        "【法规类别】建设综合规定\n【发文字号】惠市委发[2010]5号\n【发布部门】惠州市政府\n【发布日期】2010.02.11\n"
        "【实施日期】2010.02.11\n【时效性】现行有效\n【效力级别】地方规范性文件\n"
        "中共惠州市委、惠州市人民政府关于进一步推动惠州仲恺高新技术产业开发区发展的决\n定\n"
        "(惠市委发〔2010〕5号2010年2月11日)\n"
        "为进一步加快惠州仲恺高新技术产业开发区(以下简称仲恺高新区)的发展,提升园区自主创新能力和辐射带动能力,"
        "经研究决定,赋予仲恺高新区行使市一级经济管理权限。\n"
    )
    assert doc.title == "中共惠州市委、惠州市人民政府关于进一步推动惠州仲恺高新技术产业开发区发展的决定"
    assert doc.doc_no == "惠市委发〔2010〕5号"
    assert doc.issuer == "中共惠州市委、惠州市人民政府"
    assert (doc.date, doc.effective_from) == ("2010-02-11", "2010-02-11")


def test_a_portal_table_printed_twice_with_keys_of_its_own():
    doc = _parse(
        "索 引 号: | /2022-35639 |\n分 类: | 其他 ; 通知 |\n发文机关: | 长春市绿园区人民政府办公室 |\n"
        "成文日期: | 2022年06月27日 |\n标 题: | 绿园区深化聚焦产业链链长制工作细则 |\n"
        "发文字号: | 长绿府办发〔2022〕14号 |\n发布日期: | 2022年07月15日 |\n"
        "索引号: | /2022-35639 | 分 类: | 其他 ; 通知 |\n"
        "发文机关: | 长春市绿园区人民政府办公室 | 成文日期: | 2022年06月27日 |\n"
        "标 题: | 绿园区深化聚焦产业链链长制工作细则 | ||\n"
        "发文字号: | 长绿府办发〔2022〕14号 | 发布日期: | 2022年07月15日 |\n"
        "绿园区深化聚焦产业链链长制工作细则\n"
        "为深入贯彻落实习近平总书记视察吉林重要讲话指示精神,进一步提升产业链链长制实效,决定对我区产业链链长制进行深化聚焦,特制订本细则。\n"
    )
    assert doc.title == "绿园区深化聚焦产业链链长制工作细则"
    assert (doc.doc_no, doc.issuer, doc.date) == ("长绿府办发〔2022〕14号", "长春市绿园区人民政府办公室", "2022-06-27")


def test_an_accessibility_button_is_furniture_and_an_empty_source_is_the_portal_s_own_stamp():
    doc = _parse(
        "关怀版\n无障碍\n当前位置: 首页 > 专题专栏 > 优化营商环境 > 政策文件\n\n"
        "2022年红谷滩区关于深入推进优化营商环境“一号改革工程”全力打造区域性标杆城区行动方案\n\n"
        "发布时间:2022-04-14 16:32:00 来源: 浏览量: 字体:\n\n"
        "为进一步优化提升我区2022年营商环境,致力打造区域性营商环境标杆城区,结合我区实际,特制定本方案。\n"
    )
    assert doc.title == "2022年红谷滩区关于深入推进优化营商环境“一号改革工程”全力打造区域性标杆城区行动方案"
    assert doc.date == "2022-04-14"
    assert doc.issuer is None


def test_an_issuer_line_above_the_printed_title_joins_it_under_a_page_title():
    doc = _parse(
        "关于加快第三产业发展的实施意见(试行)\n\n日期:2012-10-11 16:17 来源:本网\n| | | |\n\n沙县人民政府\n\n"
        "关于加快第三产业发展的实施意见(试行)\n\n沙政〔2012478\n\n \n\n"
        "各乡(镇)人民政府、街道办事处,县政府各部门、各直属机构:\n\n"
        "为进一步提升我县第三产业的质量和水平,实现三次产业协调发展,现就加快我县第三产业发展,提出如下实施意见:\n"
    )
    assert doc.title == "沙县人民政府关于加快第三产业发展的实施意见（试行）"
    assert (doc.doc_no, doc.issuer, doc.date) == ("沙政〔2012〕478号", "沙县人民政府", "2012-10-11")


def test_a_key_table_without_colons_gives_doc_no_and_its_implementation_date():
    doc = _parse(
        "文 号 | 深鹏管规〔2019〕6号 | 发布机关 | 深圳市大鹏新区管理委员会 |\n"
        "签发日期 | 2019-12-17 | 实施日期 | 2019-12-30 |\n新区各单位、驻新区各单位、各办事处:\n"
        "《深圳市大鹏新区棚户区改造实施细则(试行)》已经新区管委会同意,现予印发,请遵照执行。\n"
        "深圳市大鹏新区管理委员会\n2019年12月17日\n深圳市大鹏新区棚户区改造实施细则(试行)\n第一章 总则\n"
        "第一条 为稳步推进大鹏新区棚户区改造工作,建立规范有效的棚户区改造工作机制,结合新区实际,制定本实施细则。\n"
    )
    assert doc.title == "深圳市大鹏新区棚户区改造实施细则（试行）"
    assert (doc.doc_no, doc.date, doc.effective_from) == ("深鹏管规〔2019〕6号", "2019-12-17", "2019-12-30")


def test_a_sharing_site_s_heading_of_the_carried_document_is_not_the_title():
    doc = _parse(
        "第一篇:中央財政促進服務業發展專項資金管理辦法\n中央財政促進服務業發展專項資金管理辦\n法\n"
        "關于印發《中央財政促進服務業發展專項資金管理辦法》的通知\n財建[2009]227號\n"
        "各省、自治區、直轄市、計劃單列市財政廳(局),新疆生產建設兵團財務局:為加快服務業發展,中央財政設立促進服務業發展專項資金。"
        "現印發給你們,請遵照執行。\n附件:中央財政促進服務業發展專項資金管理辦法\n財政部\n二○○九年五月二十六日\n"
        "中央財政促進服務業發展專項資金管理辦法\n第一章 總 則\n"
    )
    assert doc.title == "关于印发《中央财政促进服务业发展专项资金管理办法》的通知"
    assert (doc.doc_no, doc.issuer, doc.date) == ("财建〔2009〕227号", "财政部", "2009-05-26")
