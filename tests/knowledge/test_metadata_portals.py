"""Metadata of documents saved from portals, news reports, repost sites and journals: a decree under
the state's name, province-prefixed issuer lines, a carried document's page title above its notice,
repost stamps, portal column prefixes and list bullets, news leads quoting a document, wrappers
without a title, key lists read from an HTML table, abstracts, validity in an interpretation, a
print view's repeated block above the title, a sharing site's slogan glued to the title.

Each text is a real snippet from tests/data/heldout4/ (or heldout3, cited by id); all failed before.
"""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


def test_a_decree_under_the_states_name_is_issued_by_the_organ():
    # m03 (pinyin mirror)
    text = """中(zhōng)華人民(mín)共和國(guó)國(guó)務(wù)院令
第723号
《中(zhōng)華人民(mín)共和國(guó)外商(shāng)投資法實施條例》已經2019年12月12日國(guó)務(wù)院第74次常務(wù)會議通過,現予公(gōng)布,自2020年1月1日起施行。
總理(lǐ) 李克強
2019年12月26日
中(zhōng)華人民(mín)共和國(guó)外商(shāng)投資法實施條例
第一章 總 則
第一條 根據《中(zhōng)華人民(mín)共和國(guó)外商(shāng)投資法》(以下簡稱外商(shāng)投資法),制定本條例。"""
    doc = _doc(text)
    assert (doc.title, doc.issuer, doc.date) == ("中华人民共和国外商投资法实施条例", "国务院", "2019-12-26")


def test_a_repost_sites_issuer_line_drops_the_province():
    # m06
    text = """沈阳市鼓励华侨、港澳同胞投资的规定
辽宁省沈阳市人民政府
沈阳市鼓励华侨、港澳同胞投资的规定
沈政令[1997]29号
第一条 为鼓励华侨、港澳同胞来我市投资兴办企业,根据国务院《关于鼓励华侨和香港澳门同胞投资的规定》,结合我市实际情况,制定本规定。"""
    doc = _doc(text)
    assert (doc.issuer, doc.doc_no) == ("沈阳市人民政府", "沈政令〔1997〕29号")


def test_the_notice_carrying_the_page_title_is_the_title_and_keeps_its_issuer_line():
    # m07: page title = the carried rules; issuer line; the notice's own title; 文号 in spaced brackets
    text = """吉安市市本级政务公开工作实施细则
江西省吉安市人民政府办公室
关于印发吉安市市本级政务公开工作实施细则的通知
( 吉府发〔2003〕37号 )
市政府各部门,市直各单位:
现将《吉安市市本级政务公开工作实施细则》印发给你们,请遵照执行。
二OO三年十二月四日
吉安市市本级政务公开工作实施细则
为促进依法行政,优化政务环境,扎实有效地推行市本级的政务公开工作,使之规范化、制度化和经常化,特制定本实施细则。"""
    doc = _doc(text)
    assert doc.title == "关于印发吉安市市本级政务公开工作实施细则的通知"
    assert (doc.issuer, doc.doc_no, doc.date) == ("吉安市人民政府办公室", "吉府发〔2003〕37号", "2003-12-04")


def test_a_stamp_whose_source_is_the_internet_is_no_date():
    # m08: "发布时间:…内容来源:互联网" run together
    text = """赣发〔2017〕30号《中共江西省委江西省人民政府关于促进开发区改革和创新发展的实施意见》
发布时间:2018-3-22 3:31:59内容来源:互联网
中共江西省委江西省人民政府关于促进开发区改革和创新发展的实施意见
赣发〔2017〕30号
为贯彻落实党中央、国务院关于促进开发区改革和创新发展的决策部署和有关文件精神,加快推进我省高新区、经开区、工业园区、海关特殊监管区改革和创新发展,特制定本实施意见。"""
    doc = _doc(text)
    assert doc.date is None
    assert doc.issuer == "中共江西省委、江西省人民政府"


def test_a_portal_column_before_the_page_title_and_list_bullets_in_the_head():
    # m10
    text = """政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见
- 发布日期:2021-07-19
- 浏览次数:
济宁市人民政府
关于持续深化“市县同权”改革的实施意见
济政字〔2021〕30号
各县(市、区)人民政府,济宁高新区、太白湖新区、济宁经济技术开发区、曲阜文化建设示范区管委会(推进办公室),市政府各部门,各大企业,各高等院校:
为持续深入推进简政放权、放管结合、优化服务改革,全面打造一流营商环境,结合我市实际,制定本意见。"""
    doc = _doc(text)
    assert doc.title == "济宁市人民政府关于持续深化“市县同权”改革的实施意见"
    assert (doc.issuer, doc.doc_no, doc.date) == ("济宁市人民政府", "济政字〔2021〕30号", "2021-07-19")


def test_a_news_lead_above_the_document_it_quotes_is_not_the_head():
    # m11 ("文件详情如下:"); m15 says "全文如下:"
    text = """日前,金华市婺城区人民政府印发关于推动经济高质量发展若干政策举措(2025年版)的通知。
文件指出,严格落实国家关于原料用能和新增可再生能源消费不纳入总量、重大项目能耗单列、绿证抵扣能耗等政策,100%保障全年新上重大项目用能。
文件详情如下:
金华市婺城区人民政府关于印发关于推动经济高质量发展若干政策举措(2025年版)的通知
各乡镇人民政府、街道办事处,区直属有关单位:
《关于推动经济高质量发展若干政策举措(2025年版)》已经区政府同意,现印发给你们,请认真贯彻执行。
金华市婺城区人民政府
2025年4月1日
(此件公开发布)
关于推动经济高质量发展若干政策举措
(2025年版)"""
    doc = _doc(text)
    assert doc.title == "金华市婺城区人民政府关于印发关于推动经济高质量发展若干政策举措（2025年版）的通知"
    assert (doc.issuer, doc.date, doc.visibility) == ("金华市婺城区人民政府", "2025-04-01", "public")


def test_a_wrapper_without_a_title_is_named_by_the_attachment_it_issues():
    # m14: opens with its 文号; the issued rules are named only in 《》 and in the 附件 list
    text = """深工信规〔2021〕6号
各有关单位:
为落实《深圳市关于推动制造业高质量发展坚定不移打造制造强市的若干措施)》(深府规〔2021〕1号),根据《深圳市市级财政专项资金管理办法》(深府规〔2018〕12号)有关规定,我局制定了《深圳市工业和信息化局工业投资项目扶持计划操作规程》,现予印发(见附件),请遵照执行。
特此通知。
附件:1.深圳市工业和信息化局工业投资项目扶持计划操作规程
2.《深圳市工业和信息化局工业投资项目扶持计划操作规程》政策解读
深圳市工业和信息化局
2021年9月23日"""
    doc = _doc(text)
    assert doc.title == "深圳市工业和信息化局工业投资项目扶持计划操作规程"
    assert (doc.issuer, doc.doc_no, doc.date) == ("深圳市工业和信息化局", "深工信规〔2021〕6号", "2021-09-23")


def test_an_attachment_after_a_notice_that_issues_nothing_is_not_its_title():
    # m22: a consultation notice on repealing two documents, their texts attached
    text = """根据《公平竞争审查条例》及上级有关政策规定,我县2009年8月25日印发的《石城县人民政府关于印发石城县外贸发展引导资金实施办法的通知》(石府发〔2009〕28号)需进行废止处理。现向公众征求意见建议,此次公开征求意见的时间为2025年5月31日—2025年6月30日。
附件:1.石城县外贸发展引导资金实施办法的通知
石城县商务局
2025年5月30日
附件1
石城县外贸发展引导资金实施办法
为深入实施建设赣江源头“五新”石城发展战略,促进我县外贸事业又好又快发展,提高资金使用效益,特制定本办法。"""
    doc = _doc(text, "m22_jiangxi-shicheng_repeal-consultation-notice-body-only-2025.txt")
    assert doc.title == "Jiangxi shicheng repeal consultation notice body only"
    assert (doc.issuer, doc.date, doc.doc_no) == ("石城县商务局", "2025-05-30", None)


def test_a_zone_portals_publication_date_line_without_a_source_dates_the_page():
    # m16
    text = """2018年1-8月份招商引资签约和跟踪在谈项目情况
发布日期:2018-09-19 10:18 【字号:   阅读:
一、签约项目情况
1-8月份,签约润滑油、皇家万喜汇、联创制药、三江生物、国瑞药业、绿十字等项目29个,其中工业项目13个,入驻科创中心项目8个。"""
    assert _doc(text).date == "2018-09-19"


def test_an_empty_key_of_a_govcn_table_does_not_swallow_the_titles_first_line():
    # m25: the text the HTML reader makes of gov.cn's table (cells joined with spaces and pipes)
    text = """索 引 号： 000014349/2018-00221 主题分类： 综合政务\\\\政务公开
发文机关： 国务院办公厅 成文日期： 2018年12月07日
标 题： | 国务院办公厅关于推进政务新媒体健康有序发展的意见
发文字号： | 国办发〔2018〕123号 | 发布日期： | 2018年12月27日
主 题 词：
国务院办公厅关于推进
政务新媒体健康有序发展的意见
国办发〔2018〕123号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
政务新媒体是移动互联网时代党和政府联系群众、服务群众、凝聚群众的重要渠道。为推动政务新媒体健康有序发展，经国务院同意，现提出如下意见。"""
    doc = _doc(text)
    assert doc.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert (doc.issuer, doc.doc_no, doc.date) == ("国务院办公厅", "国办发〔2018〕123号", "2018-12-07")


def test_a_journal_abstract_gives_its_number_and_the_organ_the_number_names():
    # m26: "摘要" label; the 文号 run into the addressee
    text = """摘要
国发[2012]58号各省、自治区、直辖市人民政府,国务院各部委、各直属机构:为适应我国不同时期对外开放和经济发展的需要,国务院先后批准设立了保税区、出口加工区等6类海关特殊监管区域。为进一步推动特殊监管区域科学发展,现提出以下指导意见:
出处
《中华人民共和国国务院公报》"""
    doc = _doc(text, "m26_state-council_special-zones-opinions-journal-abstract-2012.txt")
    assert doc.title == "State council special zones opinions journal abstract"
    assert (doc.doc_no, doc.issuer) == ("国发〔2012〕58号", "国务院")


def test_an_interpretation_states_when_the_policy_it_explains_starts_and_ends():
    # m28
    text = """关于《眉山市东坡区利用外资奖励办法》政策解读
一、制定规范性文件的目的、依据、必要性和可行性
为认真落实中央、省、市关于稳外资工作的决策部署,结合我区实际,制定了《眉山市东坡区利用外资奖励办法(试行)》。
二、主要内容、有效期等
该办法自2021年8月19日起施行,有效期两年。"""
    doc = _doc(text)
    assert (doc.effective_from, doc.valid_until) == ("2021-08-19", "2023-08-18")


def test_a_print_views_repeated_block_above_the_title_is_page_furniture():
    # m17 (pinyin mirror): the title and a 备注 row printed twice in pipe-bordered rows, then the page
    text = """| 高新區(qū)(濱江)經(jīng)信局政策匯編 (2021 年 1 月修訂版) | ||||||||||||||||||||||||
| ||||||||||||||||||||||||||||||||||||||||
備注:以上項(xiàng)目補(bǔ)助資金包括省、市兩級資金,省市政策如有調(diào)整的,按新政策執(zhí)行;同一年度同類型區(qū)級資金按從高從優(yōu)不重復(fù)原則予以支持,區(qū)財(cái) 政另有規(guī)定的按新規(guī)定執(zhí)行。 | ||||||||||||
| 打印本頁 關(guān)閉窗口 |
| 高新區(qū)(濱江)經(jīng)信局政策匯編 (2021 年 1 月修訂版) | ||||||||||||||||||||||||
| ||||||||||||||||||||||||||||||||||||||||
備注:以上項(xiàng)目補(bǔ)助資金包括省、市兩級資金,省市政策如有調(diào)整的,按新政策執(zhí)行;同一年度同類型區(qū)級資金按從高從優(yōu)不重復(fù)原則予以支持,區(qū)財(cái) 政另有規(guī)定的按新規(guī)定執(zhí)行。 | ||||||||||||
| 打印本頁 關(guān)閉窗口 |
高新區(qū)(濱江)經(jīng)信局政策匯編 (2021 年 1 月修訂版)
發(fā)布日期:2021-01-21
瀏覽次數(shù):
序號 | 項(xiàng)目 | 政策條款 | 責(zé)任科室 | 聯(lián)系人 | 聯(lián)系電話 |"""
    doc = _doc(text)
    assert doc.title.replace(" ", "") == "高新区（滨江）经信局政策汇编（2021年1月修订版）"
    assert (doc.issuer, doc.date) == ("高新区（滨江）经信局", "2021-01-21")


def test_a_sharing_sites_slogan_and_first_chapter_glued_to_the_title():
    # heldout3 k24: everything on one line
    text = (
        "精选优质文档-倾情为你奉上盘县招商引资优惠办法(试行)第一章总则 第一条为加快招商引资步伐,优化投资环境,"
        "鼓励县外投资者来我县投资兴办企业,根据国家、省和市有关法律、法规、规章和政策,结合盘县实际,特制定本办法。"
        "第二条本办法适用于来盘投资经营的县外自然人、法人以及其他经济组织(以下简称“县外投资者”)。"
    )
    assert _doc(text).title == "盘县招商引资优惠办法（试行）"
