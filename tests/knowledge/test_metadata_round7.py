"""Shapes met in tests/data/heldout7 (real snippets): a 文号 glossed with pinyin on a page that glosses
nothing else, a decree that promulgates a revised regulation, a list's short 发文机关 beside the office that
signed, and a legislature printed as 人大常委会."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile


def _parse(text: str, name: str = "x.txt"):
    return parse_document(LoadedFile(path=name, text=text, format="txt", metadata={}))


def test_pinyin_glosses_inside_a_doc_no_are_dropped():
    doc = _parse(
        "國家發展改革委關于印發貫徹落實區域發展戰略促進區域協調發展的指導意見的通知\n"
        "發改地(di)區[2016]1771號(hao)\n來源:未知 日期:2016-10-19 點擊:次\n"
        "各省、自治區、直轄市人民政府,國務院有關部委、直屬機構:\n"
        "《關于貫徹落實區域發展戰略促進區域協調發展的指導意見》已經國務院同意,現印發你們,請認真貫徹執行。\n"
        "國家發展改革委\n2016年8月16日\n"
    )
    assert doc.doc_no == "发改地区〔2016〕1771号"


def test_a_decree_is_named_by_the_revised_regulation_it_publishes():
    doc = _parse(
        "中华人民共和国国务院令\n第707号\n"
        "现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。\n"
        "总理　　李克强\n2018年12月18日\n中华人民共和国个人所得税法实施条例\n"
        "第一条　根据《中华人民共和国个人所得税法》（以下简称个人所得税法），制定本条例。\n"
    )
    assert doc.title == "中华人民共和国个人所得税法实施条例"
    assert doc.issuer == "国务院"


def test_a_listed_short_issuer_gives_way_to_the_office_that_signed():
    doc = _parse(
        "索 引 号: | 主题分类: | 市政府办文件 | |\n发文机关: | 盘锦市政府 | 成文日期: | |\n"
        "标 题: | 盘政办发〔2009〕15号 盘锦市人民政府办公室关于印发2009年市政府各部门招商引资工作任务安排意见的通知 | ||\n"
        "发文字号: | 发布日期: | 2009-05-12 | |\n主 题 词: |\n"
        "盘政办发〔2009〕15号 盘锦市人民政府办公室关于印发2009年市政府各部门招商引资工作任务安排意见的通知\n"
        "市政府各部门、各直属机构:\n经市政府同意,现将《2009年市政府各部门招商引资工作任务安排意见》印发给你们,请认真贯彻落实。\n"
        "盘锦市人民政府办公室\n二○○九年二月二十七日\n"
    )
    assert doc.issuer == "盘锦市人民政府办公室"
    assert doc.date == "2009-02-27"


def test_a_legislature_printed_short_is_filed_under_its_full_name():
    # heldout7 p20: a law site's copy, the legislature named 天津市人大常委会 under the title
    doc = _parse(
        "天津港保税区外商投资企业审批和登记规定\n\n"
        "作者:法律资料网 时间:2024-07-09 09:54:17   浏览:9557   来源:法律资料网\n下载地址: 点击此处下载\n\n"
        "天津港保税区外商投资企业审批和登记规定\n\n天津市人大常委会\n\n\n"
        "天津港保税区外商投资企业审批和登记规定\n天津市人大常委会\n\n\n"
        "(1993年10月28日天津市第十二届人民代表大会常务委员会第三次会议通过 1993年10月28日公布施行)\n\n\n"
        "第一条 为做好天津港保税区(以下简称保税区)外商投资企业的审批和登记工作,根据国家有关法律、法规,制定本规定。\n"
        "第二条 保税区鼓励开办进出口贸易企业、国际转口贸易企业和为国际贸易服务的加工、包装、仓储、运输企业以及产品出口企业、技术先进企业。\n"
    )
    assert doc.issuer == "天津市人民代表大会常务委员会"
