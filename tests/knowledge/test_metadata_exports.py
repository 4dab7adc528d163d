"""Metadata of texts as a records clerk exports them and of law mirrors: an addressee cut to "各", a
wrapper naming what it issues only in 《》, a decree number printed without its organ above the order,
a mirror's year after a reply's title, the central government's statement, a portal's IPv6 banner.

Each text is a real snippet from tests/data/heldout5/ (cited by id); all failed before.
"""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


def test_an_addressee_cut_to_one_character_is_no_title_and_the_wrapper_is_named_by_what_it_issues():
    # n12
    text = """各
《关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。
2020年3月16日
（此件主动公开）
为贯彻落实《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）和《国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见》（国办发〔2019〕6号）精神，进一步完善我省政府性融资担保体系，为小微企业、“三农”等普惠领域提供更加有力的金融支持，现提出如下措施。"""
    doc = _doc(text)
    assert doc.title == "关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施"
    assert (doc.date, doc.visibility) == ("2020-03-16", "public")


def test_a_wrapper_without_title_or_attachment_list_takes_the_title_it_sends():
    # n16: "附件：" is empty in the export, the issued document is named only in the sentence
    text = """省药监局，机关各处（室、局）、各直属单位：
为全面落实2020年省政府工作报告部署，做好2020年全省市场监管工作，助力全省实现经济社会发展主要目标任务。经省局领导同意，现将《江西省市场监管局落实2020年省政府工作报告重点工作责任分工》印发给你们，并就有关事项通知如下：
四、开展调度检查。根据省政府办公厅有关要求，局办将每季度对工作进展情况展开调度，并适时对落实情况进行督促检查，推动各项重点工作不折不扣落到实处。
江西省市场监管局办公室
2020年2月24日
（此件主动公开）
附件："""
    doc = _doc(text, "n16_jiangxi_market-regulation-work-report-task-division-notice-no-title-2020.txt")
    assert doc.title == "江西省市场监管局落实2020年省政府工作报告重点工作责任分工"
    assert (doc.issuer, doc.date) == ("江西省市场监管局办公室", "2020-02-24")


def test_a_decree_number_printed_alone_names_the_promulgated_text_and_its_organ():
    # n09: the decision quotes the repealed rules in 〈〉; standing alone the title prints 《》
    text = """第232号
　　《江西省人民政府关于废止〈江西省著名商标认定和保护办法〉的决定》已经2018年4月28日省人民政府第4次常务会议审议通过，现予公布，自公布之日起施行。
省长
　　2018年5月9日

　　（此件主动公开）


　　为了更好地服务改革，适应经济社会发展需要，切实维护市场公平竞争秩序，省政府决定废止《江西省著名商标认定和保护办法》（2007年9月13日江西省人民政府令第161号公布）。
　　本决定自公布之日起施行。"""
    doc = _doc(text)
    assert doc.title == "江西省人民政府关于废止《江西省著名商标认定和保护办法》的决定"
    assert (doc.doc_no, doc.issuer, doc.date) == ("江西省人民政府令第232号", "江西省人民政府", "2018-05-09")


def test_a_mirrors_year_after_a_replys_title_is_not_part_of_it():
    # n20
    text = """国务院关于同意九江共青城高新技术产业园区升级为国家高新技术产业开发区的批复(2018年)
江西省人民政府:
你省关于将九江共青城高新技术产业园区升级为国家高新技术产业开发区的请示收悉。现批复如下:"""
    doc = _doc(text)
    assert doc.title == "国务院关于同意九江共青城高新技术产业园区升级为国家高新技术产业开发区的批复"
    assert doc.issuer == "国务院"


def test_a_plans_year_range_stays_in_its_title():
    # dev-real 032 shape: a plan's period is its own qualifier, not a mirror's year
    text = """山东省科技引领标志性产业链高质量发展行动计划（2024—2027年）
为深入贯彻落实省委、省政府关于科技创新和产业链高质量发展的决策部署，制定本行动计划。"""
    assert _doc(text).title == "山东省科技引领标志性产业链高质量发展行动计划（2024—2027年）"


def test_the_central_governments_statement_is_filed_under_the_state_council():
    # n26
    text = """您的位置: 首页 » 法律资料网 » 法律法规 »

中华人民共和国政府关于中华人民共和国领海基线的声明

时间:2024-07-22 02:25:39 来源: 法律资料网 作者:法律资料网 阅读:9935

中华人民共和国政府关于中华人民共和国领海基线的声明

国务院

(一九九六年五月十五日 国务院)

  中华人民共和国政府今天就中华人民共和国大陆领海的部分基线和西沙群岛的领海基线发表声明。声明全文如下:"""
    doc = _doc(text)
    assert (doc.title, doc.issuer) == ("中华人民共和国政府关于中华人民共和国领海基线的声明", "国务院")


def test_a_portals_ipv6_banner_is_furniture_not_a_title():
    # n27
    text = """本网站已支持IPV6访问
1.项目奖励资金由县财政承担。
2.引资人获得的奖金应依法纳税(由奖金兑付部门代扣代缴)。
3.奖金由获奖团队或个人自行分配。"""
    doc = _doc(text, "n27_county_investment-referrer-reward-payment-rules-portal-fragment.txt")
    assert doc.title == "County investment referrer reward payment rules portal fragment"
