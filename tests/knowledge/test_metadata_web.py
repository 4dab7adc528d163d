"""Metadata of documents saved from web pages and mirrors: page furniture, page titles over the
printed title, key/value lists, pinyin mirrors, lost spaces, run-together lines.

Each text is a real snippet from tests/data/heldout/ or heldout2/ (cited by id); all failed before.
"""

from __future__ import annotations

from knowledge.furniture import is_furniture, page_info, strip_furniture
from knowledge.gov_parse import parse_document
from knowledge.keylist import find_metatable
from knowledge.mirror_text import pinyin_mirror, repair_lines
from knowledge.models import LoadedFile
from knowledge.runon import rebreak


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


def test_county_page_bullets_breadcrumb_and_page_info():
    # h18: the site banner as a bullet, breadcrumb, the page-info line of the publisher's own page
    text = """• 洪雅县人民政府
  • |
您的位置: 网站首页 >> 醉美洪雅 >> 投资政策 >> 正文
洪雅县绿色工业项目招商引资奖励办法(试行)(五)
信息来源:洪雅县经济合作局 | 发布机构: | 发布日期:2023-07-19
第三条 奖励标准
(一)引进项目的乡镇或部门
   对成功引进符合奖励条件的项目,投资额在5000万元以上1亿元以下的,引荐的乡镇或部门年终目标考核加2分。"""
    doc = _doc(text)
    assert doc.title == "洪雅县绿色工业项目招商引资奖励办法（试行）（五）"
    assert (doc.issuer, doc.date) == ("洪雅县经济合作局", "2023-07-19")
    assert not any("您的位置" in p.norm or "信息来源" in p.norm for p in doc.paragraphs)


def test_reposting_site_stamp_says_nothing_and_ui_lines_go():
    # g13 and g08: a repost site's 作者/时间 line, its name, buttons and footer
    assert (
        page_info("法律法规网 作者:小柯 来源 来源: 政府  法律法规网 时间: 2020-05-15 16:10:46").date is None
    )
    for line in ("热门站点| 世界资料网 | 专利资料网 | 世界资料网论坛", "收藏本站| 设为首页| 首页", "下载地址: 点击此处下载",
                 "回目录", "秀莎网", "【字体：大 中 小】【打印】【关闭】", "已阅读5页,还剩9页未读, 继续免费阅读"):  # fmt: skip
        assert is_furniture(line), line
    for line in (
        "广西壮族自治区人民政府",
        "四、自治区商务厅要会同有关单位加强指导和服务。",
        "中共岳阳市委办公室",
    ):
        assert not is_furniture(line), line


def test_page_title_above_the_page_info_line_gives_way_to_the_printed_title():
    # h17: the page is titled with the carried document; the notice prints its own title below
    text = """当前位置: 首页 >> 走进永德 >> 永德投资 >> 正文
永德县以商招商、民间招商奖励办法
来源: 作者:系统管理员 时间:2018年07月30日 17:59 点击率:打印 】【 关闭
  办发〔2015〕6号
  中共永德县委办公室  永德县人民政府办公室关于印发《永德县以商招商、民间招商奖励办法》的通知
各乡(镇)党委、政府,县委各部门,县级国家机关、各人民团体、各企事业单位:
  《永德县以商招商、民间招商奖励办法》已经县委、县政府同意,现印发给你们,请认真抓好贯彻落实。
  中共永德县委办公室
  永德县人民政府办公室
  2015年1月21日
  永德县以商招商、民间招商奖励办法
  第一条   为充分调动投资商以商招商和民间群众对外招商的积极性,特制定本办法。"""
    doc = _doc(text)
    assert (
        doc.title
        == "中共永德县委办公室永德县人民政府办公室关于印发《永德县以商招商、民间招商奖励办法》的通知"
    )
    assert doc.issuer == "中共永德县委办公室、永德县人民政府办公室"  # joint issuers run together
    assert (doc.doc_no, doc.date) == ("办发〔2015〕6号", "2015-01-21")


def test_title_copies_cut_short_or_with_a_tail_are_dropped():
    # h20: a copy cut short above the printed title; the date lost its year
    h20 = """关于印发《中共滨海新区区委、滨海新区人民
关于印发《中共滨海新区区委、滨海新区人民政府关于促进新兴产业发展的
指导意见》等6个文件的通知
各功能区管委会党组(工委)、管委会,区委各部委,各人民团体党组:
《中共滨海新区区委、滨海新区人民政府关于促进新兴产业发展的指导意见》等6个文件,已经区委、区政府同意,现印发给你们。
中共天津市滨海新区委员会
天津市滨海新区人民政府
年2月22日"""
    doc = _doc(h20)
    assert (
        doc.title
        == "关于印发《中共滨海新区区委、滨海新区人民政府关于促进新兴产业发展的指导意见》等6个文件的通知"
    )
    assert (doc.issuer, doc.date) == ("中共天津市滨海新区委员会、天津市滨海新区人民政府", None)
    # g16: the page title carries a stray bracket after the title printed below it
    g16 = """国务院办公厅关于河南郑州经济技术开发区的复函(2000年10号)
国务院办公厅关于河南郑州
经济技术开发区的复函
国办函〔2000〕17号
河南省人民政府:
你省《关于申办国家级郑州经济技术开发区的请示》(豫政文〔1999〕167号)收悉。经国务院领导同意,现函复如下:
国务院办公厅
二○○○年二月十三日
评论"""
    doc = _doc(g16)
    assert (doc.title, doc.doc_no, doc.date) == (
        "国务院办公厅关于河南郑州经济技术开发区的复函",
        "国办函〔2000〕17号",
        "2000-02-13",
    )


def test_number_run_into_a_title_in_brackets():
    # g03: 文号 + 《title》 on the first line, the title in 《》, the 文号 repeated
    text = """京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》
《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》
京政办发〔2016〕26号
京政办发〔2016〕26号
各区人民政府,市政府各委、办、局,各市属机构:
《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。
北京市人民政府办公厅
2016年5月28日"""
    doc = _doc(text)
    assert doc.title == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    assert (doc.doc_no, doc.issuer, doc.date) == (
        "京政办发〔2016〕26号",
        "北京市人民政府办公厅",
        "2016-05-28",
    )


def test_four_joint_issuers_separated_by_spaces_on_one_long_title_line():
    # h21: a 96-character title; a teaser copy with the addressee's start
    t = "成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局 关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知"
    text = f"""{t}
{t} 各区(市)县政府(管委会…
{t}
各区(市)县政府(管委会),市级有关部门,有关单位:
经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们,请结合实际认真贯彻落实."""
    doc = _doc(text)
    assert doc.title == t.replace(" ", "")
    assert (
        doc.issuer
        == "成都市发展和改革委员会、中共成都市委社会工作部、成都市规划和自然资源局、成都市住房和城乡建设局"
    )


def test_key_value_list_one_item_per_line():
    # h26: bullets, the value under its key, a site name as 发文机构
    text = """返回顶部
镇巴县人民政府工作规则
  • 索引号:
    6107280000/2024-001005
  • 主题分类:
  • 发文机构:
    县政府网站
  • 发文字号:
    镇政发〔2024〕7号
  • 发文日期:
    2024年04月06日 16:40
  • 内容概述:
镇巴县人民政府工作规则
第一章总则
一、根据《中华人民共和国宪法》,结合本县实际,制定本规则。"""
    doc = _doc(text)
    assert (doc.title, doc.doc_no, doc.date) == ("镇巴县人民政府工作规则", "镇政发〔2024〕7号", "2024-04-06")
    assert doc.issuer == "镇巴县人民政府"  # the organ the numbered rules open with, not 县政府网站
    assert not any("索引号" in p.norm for p in doc.paragraphs)


def test_key_value_pairs_run_together_give_validity():
    # g11: several pairs a line; 生效时间 / 废止时间 are the document's validity
    lines = [
        "索引号: 003129766/201901-00336 组配分类: 规范性文件发布",
        "信息分类: 通知   发布机构: 太湖县人民政府办公室",
        "发文日期: 2019-01-23 生效时间: 2019-01-23",
        "废止时间: 2020-01-23 名称: 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知",
        "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知",
    ]
    fields, start, end = find_metatable(lines)
    assert (start, end) == (0, 4)
    assert fields["effective"] == "2019-01-23" and fields["repealed"] == "2020-01-23"
    assert fields["publisher"] == "太湖县人民政府办公室"
    doc = _doc("\n".join([*lines, "各乡、镇人民政府:", "《太湖县人民政府工作规则》已经县政府第三次全体会议通过,现予印发。",
                          "太湖县人民政府", "2019年1月17日"]))  # fmt: skip
    assert (doc.issuer, doc.date) == ("太湖县人民政府", "2019-01-17")
    assert (doc.effective_from, doc.valid_until) == ("2019-01-23", "2020-01-23")


def test_pinyin_mirror_and_lost_spaces():
    # g26: pinyin annotations in the 文号, "?" for lost ideographic spaces; the marker is read
    text = """甘政發(fā)〔2023〕8號(hào)
各市、自治州人民政府,甘肅礦區(qū)辦事處,蘭州新區(qū)管委會(huì),省政府各部門:
《甘肅省人民政府工作規(guī)則》已經(jīng)2023年1月19日省政府黨組(擴(kuò)大)會(huì)議審議通過,現(xiàn)印發(fā)給你們。
甘肅省人民政府????????
2023年1月19日????????
(此件公開發(fā)布)
甘肅省人民政府工作規(guī)則
第一章?總?則"""
    assert repair_lines(["第一章?總?則"]) == ["第一章 總 則"]
    doc = _doc(text)
    assert (doc.title, doc.doc_no, doc.issuer) == (
        "甘肃省人民政府工作规则",
        "甘政发〔2023〕8号",
        "甘肃省人民政府",
    )
    assert (doc.date, doc.visibility) == ("2023-01-19", "public")


def test_one_latin_letter_in_brackets_is_no_pinyin_mirror():
    assert not pinyin_mirror("按照(a)项规定执行")
    assert not pinyin_mirror("合格境外有限合伙人(QFLP)试点")
    assert pinyin_mirror("管委(wei)會(hui)各部門,高(gao)新控股公司")


def test_a_bare_place_name_is_no_title():
    # g18: a cut-off 版头 "安慶市" above the addressee; the carried policy is the title
    text = """安慶市
管委(wei)會(hui)各部門,高(gao)新控股公司:
現將(jiang)《安慶高(gao)新區支持經濟高(gao)質量發(fa)(fa)展政(zheng)策》印(yin)發(fa)(fa)給你們,請認真貫徹執行。
安慶高新技(ji)術產業開發區管(guan)委(wei)會
2022年9月19日
安慶高新區支持經濟高質量發展政策
為進(jin)一步推進(jin)全區經(jing)濟高質量(liang)(liang)發(fa)展(zhan),結合我(wo)區實際,制定本政策(ce)。"""
    doc = _doc(text)
    assert (doc.title, doc.issuer) == ("安庆高新区支持经济高质量发展政策", "安庆高新技术产业开发区管委会")


def test_glued_signature_and_leading_addressee_in_one_run_on_line():
    # h12: a scraped record, title then the whole notice on one line
    line = ("各处室（局）、派出机构、直属单位：经研究，现将省经信委领导工作分工通知如下：一、翁玉耀党组书记、主任：主持委全面工作。"
            "十、陈居雷副巡视员：协助分管产业研究工作。分管产业研究室、省机械科学研究院。福建省经济和信息化委员会2017年7月21日（此件主动公开）")  # fmt: skip
    parts = rebreak([line])
    assert parts[0] == "各处室（局）、派出机构、直属单位："
    assert parts[-3:] == ["福建省经济和信息化委员会", "2017年7月21日", "（此件主动公开）"]
    doc = _doc("关于省经信委领导工作分工的通知\n" + line)
    assert (doc.issuer, doc.date, doc.visibility) == ("福建省经济和信息化委员会", "2017-07-21", "public")


def test_document_sharing_site_head_flattened_into_the_body():
    # h14: page title, time stamp, printed title and a 文号 that lost its brackets, then the body
    text = """已阅读5页,还剩9页未读, 继续免费阅读
版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领
文档简介
文山壮族、苗族自治州砚山县投资优惠政策 发表时间:2011 年 11 月 02 日 15:29 砚山县招商引资优惠政策(试行) (砚发201120 号) 为进一步扩大对内对外开放,改善我县投资环境,增强可持续发展后劲,推动砚山经济社 会平稳较快发展。结合我县实际,特制定本优惠政策: 第一条 凡到我县投资新办企业且符合国家产业政策的,均可享受本优惠政策。"""
    doc = _doc(text)
    assert (doc.title, doc.doc_no, doc.date) == (
        "砚山县招商引资优惠政策（试行）",
        "砚发〔2011〕20号",
        "2011-11-02",
    )


def test_strip_furniture_keeps_key_bullets_and_reports_the_stamp():
    lines, page = strip_furniture(
        ["• 发文字号:", "镇政发〔2024〕7号", "发表时间:2011 年 11 月 02 日 15:29", "正文"]
    )
    assert lines == ["发文字号:", "镇政发〔2024〕7号", "正文"]
    assert (page.date, page.info_line) == ("2011-11-02", 2)


def test_a_yearless_signature_date_gives_way_to_the_tables_date_only():
    # h20's 落款 lost its year; under g11's key/value list the list's 发文日期 stands in for it
    tail = [
        "各乡、镇人民政府:",
        "《太湖县人民政府工作规则》已经县政府第三次全体会议通过,现予印发。",
        "太湖县人民政府",
        "年2月22日",
    ]
    listed = ["索引号: 003129766/201901-00336 组配分类: 规范性文件发布", "发文日期: 2019-01-23",
              "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"]  # fmt: skip
    assert _doc("\n".join([*listed, *tail])).date == "2019-01-23"
    stamped = ["发表时间:2019 年 01 月 25 日 15:29", "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"]
    assert _doc("\n".join([*stamped, *tail])).date is None  # a page's stamp is not the 成文日期
