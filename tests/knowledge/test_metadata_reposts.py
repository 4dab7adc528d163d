"""Metadata of reposted and scraped documents: page titles and news furniture above the printed title,
keyword lines, titles with a page date, key lists without colons, wiki headers, 公告 numbers over two
lines, decree numbers in a 题注, garbled 附注, notices run on one line.

Each text is a real snippet from tests/data/heldout3/ (cited by id); all failed before.
"""

from __future__ import annotations

from knowledge.docno import printed_no
from knowledge.gov_parse import parse_document
from knowledge.head import title_issuer
from knowledge.keylist import find_metatable
from knowledge.models import LoadedFile
from knowledge.runon import split_spaced


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


def test_a_page_title_above_the_printed_title_gives_way_to_it():
    # k07: another document's page title on the first line
    text = """辽宁省县(市)区招商引资奖励资金管理办法
一六二团招商引资奖励办法
第一条为全面贯彻落实一六二团第七次党代会精神,充分调动社会各界参与招商引资的积极性,特制定本奖励办法。"""
    assert _doc(text).title == "一六二团招商引资奖励办法"


def test_news_furniture_above_a_title_printed_whole_is_not_title():
    # k12: a news repost's channel, headline, source and buttons above the 批复
    text = """新浪山东 资讯
山东同意撤销胶南经济开发区青岛临港经济开发区
澎湃新闻
关注
确定不再关注此人吗
山东省人民政府关于撤销胶南经济开发区和青岛临港经济开发区的批复
鲁政字〔2019〕39号
青岛市人民政府:
你市《关于撤销胶南经济开发区和青岛临港经济开发区的请示》(青政呈〔2019〕4号)收悉。经研究,现批复如下:
山东省人民政府
2019年3月10日"""
    doc = _doc(text)
    assert doc.title == "山东省人民政府关于撤销胶南经济开发区和青岛临港经济开发区的批复"
    assert (doc.issuer, doc.doc_no, doc.date) == ("山东省人民政府", "鲁政字〔2019〕39号", "2019-03-10")


def test_sharing_site_notice_and_keyword_lines_above_the_title():
    # k25
    text = """温馨提示:
1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。
2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。
网站客服:3074922707
2023
乡镇
招商引资
政策规定
县乡镇村招商引资政策规定
为了充分调动全县各乡镇、各村组招商引资的乐观性,进一步提升全县对外开放水平,制定本规定。"""
    assert _doc(text).title == "县乡镇村招商引资政策规定"


def test_a_title_line_with_the_page_date_and_a_title_in_brackets():
    # k14, k16 (的具体实施细则: characters between 的 and the 文种)
    k14 = """关于印发《杨浦区全力加快经济恢复和重振行动方案》的通知 2022-06-08
杨府发〔2022〕5号
区政府各委、办、局,各街道办事处:
《杨浦区全力加快经济恢复和重振行动方案》已经区政府同意,现印发给你们,请认真按照执行。
上海市杨浦区人民政府
2022年6月1日"""
    doc = _doc(k14)
    assert (doc.title, doc.issuer) == (
        "关于印发《杨浦区全力加快经济恢复和重振行动方案》的通知",
        "上海市杨浦区人民政府",
    )
    k16 = """《关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则》
为深入贯彻落实省政府《关于进一步帮助市场主体纾困解难着力稳定经济增长的若干政策措施》(苏政发〔2022〕1号)精神,结合淮安实际,制定如下实施细则。"""
    assert _doc(k16).title == "关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则"


def test_a_doc_no_that_lost_its_closing_bracket():
    # k17
    assert printed_no("广安区府办发〔202026") == "广安区府办发〔2020〕26号"
    assert printed_no("根据2020年26") is None


def test_legislature_announcement_over_two_lines_and_an_abbreviated_issuer_line():
    # k18: the repost site's issuer line "广东省深圳市人大常委会" gives way to the 落款's full name
    text = """深圳市人民代表大会常务委员会听证条例
广东省深圳市人大常委会
深圳市人民代表大会常务委员会听证条例
深圳市人民代表大会常务委员会公告
第三十七号
  深圳市第三届人民代表大会常务委员会第十一次会议于2001年10月17日审议通过的《深圳市人民代表大会常务委员会听证条例》业经广东省第九届人民代表大会常务委员会第二十九次会议于2001年12月3日批准,现予公布,自2002年1月1日起施行。
深圳市人民代表大会常务委员会
2001年12月26日"""
    doc = _doc(text)
    assert (doc.title, doc.doc_no) == (
        "深圳市人民代表大会常务委员会听证条例",
        "深圳市人民代表大会常务委员会公告第三十七号",
    )
    assert (doc.issuer, doc.date) == ("深圳市人民代表大会常务委员会", "2001-12-26")


def test_decree_number_and_date_in_a_bracketed_note():
    # k21
    text = """山东省饲料工业管理暂行办法
山东省人民政府
山东省饲料工业管理暂行办法
(山东省人民政府令第6号 1990年6月29日)
第一章 总则
第一条 为加强对全省饲料工业的管理,提高饲料质量,根据国家有关规定,结合我省实际情况,制定本办法。"""
    doc = _doc(text)
    assert (doc.doc_no, doc.issuer, doc.date) == ("山东省人民政府令第6号", "山东省人民政府", "1990-06-29")


def test_key_list_without_colons():
    # k22: a law database's fields, key and value run together
    lines = ["发文机关国务院", "发文日期2008年01月11日", "时效性现行有效", "发文字号国函〔2008〕2号",
             "施行日期2008年01月11日", "效力级别国务院规范性文件", "发展改革委:"]  # fmt: skip
    fields, start, end = find_metatable(lines)
    assert (start, end) == (0, 6)
    assert (fields["issuer"], fields["doc_no"], fields["date"], fields["effective"]) == (
        "国务院",
        "国函〔2008〕2号",
        "2008-01-11",
        "2008-01-11",
    )
    assert find_metatable(["发文机关国务院", "各省人民政府:"]) == ({}, 0, 0)  # one line is no list


def test_wiki_header_date_is_no_title_and_garbled_note_after_the_signature():
    # k23: the wiki's header prints the 文号 and the date above the title
    k23 = """国务院办公厅关于部际联席会议审批程序等有关问题的通知
国办函〔2003〕49号
2003年7月18日
发布机关:中华人民共和国国务院办公厅
国务院办公厅关于部际联席会议
审批程序等有关问题的通知
国办函〔2003〕49号
国务院各部委、各直属机构:
  近年来,为充分发挥职能部门的作用,相继批准建立了一些部际联席会议,现就有关事项通知如下:
                        国务院办公厅
                      二○○三年七月十八日"""
    assert _doc(k23).title == "国务院办公厅关于部际联席会议审批程序等有关问题的通知"
    # k13: "（此件主动公开）" garbled by the mirror, then the carried title
    k13 = """漳政綜規(guī)〔2022〕6號
各縣(區(qū))人民政府,市直各單位:
現(xiàn)將《漳州市積極應(yīng)對疫情影響助力市場主體紓困解難的三十條措施》印發(fā)給你們,請認(rèn)真組織實(shí)施。
漳州市人民政府
2022年5月7日
?。ù思鲃庸_)
漳州市積極應(yīng)對疫情影響助力市場主體紓困解難的三十條措施
為深入貫徹落實(shí)習(xí)近平總書記關(guān)于統(tǒng)籌疫情防控和經(jīng)濟(jì)社會發(fā)展的重要指示精神,結(jié)合我市實(shí)際,特制定如下措施:"""
    doc = _doc(k13)
    assert (doc.title, doc.issuer) == (
        "漳州市积极应对疫情影响助力市场主体纾困解难的三十条措施",
        "漳州市人民政府",
    )


def test_short_addressee_and_an_interpretation_names_no_issuer():
    # k27: "各有关单位：" opens a body-only letter
    text = """各有关单位：
为深入贯彻全国和全省新型冠状病毒感染的肺炎疫情防控工作有关部署，我局拟紧急启动《农贸市场经营管理规范》地方标准的编制工作。
江西省市场监管局
2020年2月4日"""
    doc = _doc(text, "k27_jiangxi_farmers-market-standard-drafting-letter-body-only-2020.txt")
    assert doc.title == "Jiangxi farmers market standard drafting letter body only"
    assert (doc.addressees, doc.issuer) == ("各有关单位", "江西省市场监管局")
    # k26
    assert title_issuer("《渑池县人民政府关于印发渑池县招商引资奖励办法的通知》政策解读") is None


def test_a_notice_run_on_one_line_with_spaces():
    # k03
    line = ("通化市人民政府关于印发通化市市本级招商引资认定暂行办法的通知 各县(市、区)人民政府,市政府各委办局,通化经济开发区管委会: "
            "《通化市市本级招商引资认定暂行办法》已经2006年4月16日市政府第11次常务会议通过,现印发给你们,请认真遵照执行。 二OO六年五月二日 "
            "通化市市本级招商引资认定暂行办法 为加强对引进项目、引进资金的考核认定工作,结合我市招商引资工作实际,特制定本办法。 第一章 总 则 "
            "第一条 本办法适用于对年度内引进项目和资金的认定。 |")  # fmt: skip
    parts = split_spaced(line)
    assert parts[:2] == [
        "通化市人民政府关于印发通化市市本级招商引资认定暂行办法的通知",
        "各县(市、区)人民政府,市政府各委办局,通化经济开发区管委会:",
    ]
    assert "二OO六年五月二日" in parts and "通化市市本级招商引资认定暂行办法" in parts
    doc = _doc(line)
    assert (doc.title, doc.issuer, doc.date) == (
        "通化市人民政府关于印发通化市市本级招商引资认定暂行办法的通知",
        "通化市人民政府",
        "2006-05-02",
    )
    assert split_spaced("为加强 管理 工作。") == ["为加强 管理 工作。"]  # a short line, or no title first
