"""Metadata of law sites, portals and gazettes: a law site's navigation above its 发文标题 list, keys in
【】, placeholder dates, spam tags and a greeting above a portal's list, a catalogue whose labels were
images, a wiki infobox, a 文号's place short name as the only issuer, a government's short name.

Each text is a real snippet from tests/data/heldout6/ (cited by id) or heldout3/; all failed before.
"""

from __future__ import annotations

from knowledge.abbrev import abbreviated_issuer
from knowledge.gov_parse import parse_document
from knowledge.issuers import official_name
from knowledge.models import LoadedFile


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


def test_a_law_sites_navigation_is_no_title_and_its_list_gives_title_number_and_validity():
    # p13: menus above "发文标题: …", the masthead's 文件 glued into the title, 鲁政发[2010]29号
    text = """我的法规 最新法规 点击最多  失效法规 资料下载 法规解读 下载绿色版 法规搜索
 法规分类
    Loading...
 热点专题
【企业会计准则】
CPA考试法规汇编(2015)
IPO相关法规
电子商务法规汇编(2014)
二手房买卖
\x20
   首页 > 财经相关法律法规 > 行业规定 >
法规内容  本文仅供参考,如需引用请以正式文件为准
发文标题: 山东省人民政府文件印发关于促进新材料、新医药、新信息3个新兴产业加快发展的若干政策的通知
发文文号: 鲁政发[2010]29号
发文部门: 山东省人民政府
发文时间: 2010-3-18
实施时间: 2010-3-18
法规类型: 行业规定
所属行业: 所有行业
所属区域: 山东
阅读人次: 2811
评论人次: 0
页面功能:
  • 加入收藏
  • 关闭
发文内容:

各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构,各大企业,各高等院校:
  现将《关于促进新材料产业加快发展的若干政策》、《关于促进新医药产业加快发展的若干政策》、《关于促进新信息产业加快发展的若干政策》印发给你们,请认真贯彻执行,做好落实工作。
  山东省人民政府
  二○一○年三月十八日"""
    doc = _doc(text)
    assert doc.title == "山东省人民政府印发关于促进新材料、新医药、新信息3个新兴产业加快发展的若干政策的通知"
    assert (doc.doc_no, doc.issuer, doc.date) == ("鲁政发〔2010〕29号", "山东省人民政府", "2010-03-18")
    assert doc.effective_from == "2010-03-18"
    assert doc.addressees  # the addressee line stays text, not the value of 发文内容


def test_keys_in_brackets_are_a_list_and_dates_years_before_the_number_are_placeholders():
    # p25: "法邦网—法律法规查看" banner, 【颁发部门】…, 颁发/实施时间 1970-08-22 over 苏政复〔2011〕19号
    text = """法邦网—法律法规查看

江苏省人民政府关于筹建江苏吴江高新技术产业园区的批复


【颁发部门】 江苏省政府

【发文字号】 苏政复[2011]19号

【颁发时间】 1970-08-22

【实施时间】 1970-08-22

【效力属性】 有效


江苏省人民政府关于筹建江苏吴江高新技术产业园区的批复
(苏政复〔2011〕19号)


苏州市人民政府:
你市《关于申请设立江苏吴江纺织高新技术产业开发区的请示》(苏府呈〔2010〕142号)悉。经研究,批复如下:
一、同意在吴江市盛泽镇筹建江苏吴江高新技术产业园区。

二○一一年三月二十六日"""
    doc = _doc(text)
    assert doc.title == "江苏省人民政府关于筹建江苏吴江高新技术产业园区的批复"
    assert (doc.issuer, doc.date, doc.effective_from) == ("江苏省人民政府", "2011-03-26", None)


def test_spam_tags_and_a_sites_greeting_are_page_furniture():
    # p21: a mirror's spam tags and "巴彥淖爾市人民政府歡迎您" above the portal's traditional key list
    text = """巴彥淖爾市人民政府歡迎您
<tbody id="rxb7u"><output id="rxb7u"></output></tbody>

<dd id="rxb7u"></dd><th id="rxb7u"><track id="rxb7u"></track></th>
  • <tbody id="rxb7u"></tbody>
    <li id="rxb7u"></li>

    1. <th id="rxb7u"></th>
      當前位置:首頁>>政府信息公開>>政府信息公開目錄>>國家經濟管理、國有資產監督
      • 國家經濟管理、國有資產監督
      索  引  號: 011746318/2019-00884 主題分類: 國家經濟管理、國有資產監督
      發布機構: 內蒙古自治區人民政府 發文日期: 2019-01-07
      標       題: 內蒙古自治區人民政府印發《關于加快推進呼包鄂協同發展的若干政策措施》的通知
      文       號: 內政發〔2019〕2號 主  題  詞:
      內蒙古自治區人民政府印發《關于加快推進呼包鄂協同發展的若干政策措施》的通知

      各盟行政公署、市人民政府,自治區各委、辦、廳、局,各大企業、事業單位:

      現將《關于加快推進呼包鄂協同發展的若干政策措施》印發給你們,請結合實際,認真貫徹落實。

      2019年1月7日

      (此件公開發布)"""
    doc = _doc(text)
    assert doc.title == "内蒙古自治区人民政府印发《关于加快推进呼包鄂协同发展的若干政策措施》的通知"
    assert (doc.doc_no, doc.date, doc.visibility) == ("内政发〔2019〕2号", "2019-01-07", "public")


def test_an_unlabelled_catalogue_gives_its_number_and_its_first_date():
    # p18: the disclosure catalogue's labels were images; its values keep the catalogue's order
    text = """• 397863874/2018-12310
  • 荥阳市人民政府
  • 通知
  • 2018-05-29
  • 2018-06-02
  • 意见
  • 荥政〔2018〕8号
  • 2023-12-07
荥阳市人民政府关于进一步加强和改进招商引资工作的意见


各乡镇人民政府,各街道办事处,市人民政府各部门,各有关单位:

为深入贯彻落实党的十九大精神,结合我市实际,现就进一步加强和改进招商引资工作提出如下意见:"""
    doc = _doc(text)
    assert doc.title == "荥阳市人民政府关于进一步加强和改进招商引资工作的意见"
    assert (doc.doc_no, doc.issuer, doc.date) == ("荥政〔2018〕8号", "荥阳市人民政府", "2018-05-29")


def test_a_wiki_infobox_in_bullets_is_a_key_list():
    # p27: "• 發文字號:渝府〔2015〕52號" under the wiki's introduction
    text = """重慶市人民政府關於設立重慶永川高新技術產業開發區的批覆

《重慶市人民政府關於設立重慶永川高新技術產業開發區的批覆》是重慶市人民政府發布的地方法規,發文字號為渝府〔2015〕52號。

基本介紹

  • 中文名:重慶市人民政府關於設立重慶永川高新技術產業開發區的批覆
  • 發文機關:重慶市人民政府
  • 發文字號:渝府〔2015〕52號
渝府〔2015〕52號
永川區人民政府:
你區《關於申請設立重慶市級高新技術產業開發區的請示》(永川府文〔2015〕17號)收悉。現批覆如下:
重慶市人民政府
2015年10月23日"""
    doc = _doc(text)
    assert (doc.doc_no, doc.issuer, doc.date) == ("渝府〔2015〕52号", "重庆市人民政府", "2015-10-23")


def test_a_gazette_page_without_title_or_signature_is_filed_under_its_numbers_organ():
    # p12: the gazette prints the 文号 first, no title, no 落款; 杭政办 with 杭州 in the text
    text = """杭政办〔2024〕1号
各区、县(市)人民政府,市政府各部门、各直属单位:
为进一步扶持、培育和引进总部企业,推动我市总部企业做大做强,经市政府同意,现就进一步推动我市总部经济高质量发展提出如下实施意见。
一、总体要求
到2027年,总部经济发展能级和集聚辐射能力明显提升,将我市打造成为具有鲜明杭州特色的全国一流总部经济中心。"""
    doc = _doc(text, "p12_zhejiang-hangzhou_headquarters-economy-high-quality-development-opinions-gazette-2024.txt")
    assert (doc.doc_no, doc.issuer) == ("杭政办〔2024〕1号", "杭州市人民政府办公厅")


def test_a_place_short_name_counts_for_a_city_only_when_the_text_names_it():
    assert abbreviated_issuer("穗府〔2011〕15号", "廣州市") is None  # the text is read normalised
    assert abbreviated_issuer("穗府〔2011〕15号", "全面提升广州国家中心城市") == "广州市人民政府"  # k09
    assert abbreviated_issuer("阳府函〔2017〕510号", "阳江市产业转移") == "阳江市人民政府"  # p17
    assert abbreviated_issuer("通政办发〔2006〕38号", "崇川、港闸区人民政府") is None  # 南通? 通化? 通辽?
    assert abbreviated_issuer("鄂政发〔2018〕26号", "全省") == "湖北省人民政府"
    assert abbreviated_issuer("赣府厅字〔2023〕71号", "省发展改革委") == "江西省人民政府办公厅"
    assert abbreviated_issuer("宁政发〔2019〕3号", "南京市") == "南京市人民政府"  # not 宁夏
    assert abbreviated_issuer("绍政办发〔2009〕12号", "绍兴市区") == "绍兴市人民政府办公室"
    assert abbreviated_issuer("苏政复〔2011〕19号", "江苏省人民政府 苏州市人民政府") is None  # both named
    assert abbreviated_issuer("赣市监综〔2020〕1号", "江西") is None  # a department's code


def test_a_governments_short_name_is_filed_with_renmin():
    # p15: the provincial portal prints "省政府关于同意…的批复" under 苏政复〔2010〕55号
    text = """苏政复〔2010〕55号
省政府关于同意江苏省江阴经济开发区
更名为江苏省江阴高新技术产业开发区的批复
江阴市人民政府:
你市《关于江苏省江阴经济开发区更名为江苏省江阴高新技术产业开发区的请示》(澄政发〔2010〕67号)悉。经研究,批复如下:
二○一○年八月十一日"""
    doc = _doc(text)
    assert (doc.issuer, doc.date) == ("江苏省人民政府", "2010-08-11")
    assert official_name("市政府办公室、江苏省政府") == "市人民政府办公室、江苏省人民政府"
    assert official_name("中华人民共和国政府") == "中华人民共和国政府"
