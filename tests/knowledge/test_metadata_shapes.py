"""One test per shape of metadata, each on lines taken from the dev-real corpus (all failed before)."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.metatable import read_metatable
from knowledge.models import LoadedFile
from knowledge.titles import file_title


def _doc(text: str, path: str = "x.txt", metadata: dict[str, str] | None = None):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata=metadata or {}))


GOV_CN = """索 引 号： | 000014349/2018-00214 | 主题分类： | 综合政务\\政务督查
发文机关： | 国务院办公厅 | 成文日期： | 2018年12月06日
标　　题： | 国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知
发文字号： | 国办发〔2018〕117号 | 发布日期： | 2018年12月10日
主 题 词：
国务院办公厅关于对真抓实干成效明显地方
进一步加大激励支持力度的通知
国办发〔2018〕117号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
二、对促进外贸、外资稳定增长，积极优化营商环境成效明显的省（区、市），在外贸转型升级基地培育中给予优先支持。（商务部负责）
国务院办公厅
2018年12月6日
（此件公开发布）"""


def test_gov_cn_metadata_table_is_read_as_metadata():
    fields, used = read_metatable(GOV_CN.split("\n"))
    assert used == 5
    assert fields["issuer"] == "国务院办公厅" and fields["doc_no"] == "国办发〔2018〕117号"
    assert fields["date"] == "2018-12-06" and fields["published"] == "2018-12-10"
    doc = _doc(GOV_CN)
    assert doc.title == "国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知"
    assert (doc.doc_no, doc.issuer, doc.date, doc.visibility) == (
        "国办发〔2018〕117号",
        "国务院办公厅",
        "2018-12-06",
        "public",
    )
    assert not any("索引号" in p.norm for p in doc.paragraphs)


def test_jiangxi_metadata_row_and_abbreviated_issuer():
    text = """索 引 号: 014500815/2020-02974 | 发文机关: 省政府办公厅 | 文 号: 赣府厅发〔2020〕7号
主题分类: 商贸、海关 | 组配分类: 政策文件 | 成文日期: 2020-02-28
江西省人民政府办公厅关于加快发展流通促进商业消费的实施意见
各市、县（区）人民政府，省政府各部门：
一、积极发展流通新业态新模式。顺应消费升级和电子商务发展趋势，推进“互联网+流通”和电商物流协同发展。
2020年2月28日
（此件主动公开）"""
    doc = _doc(text)
    assert doc.doc_no == "赣府厅发〔2020〕7号"
    assert doc.issuer == "江西省人民政府办公厅"  # the title's full name beats the table's 省政府办公厅
    assert (doc.date, doc.visibility) == ("2020-02-28", "public")


def test_issuer_line_above_a_title_over_three_lines():
    text = """重庆两江新区管理委员会
关于印发重庆两江新区支持社会力量
兴办养老机构的若干措施的通知
渝两江管发〔2024〕27号
各国有企业，各街道办事处，委机关各部门，各驻区机构，各直属事业单位：
现将《重庆两江新区支持社会力量兴办养老机构的若干措施》印发给你们，请认真贯彻实施。
重庆两江新区管理委员会
2024年11月20日
（此件公开发布）
重庆两江新区支持社会力量兴办养老机构
的若干措施
第一条 为加强对社会力量兴办养老机构的规范管理，支持社会力量兴办养老机构发展。
第十七条 本政策自2024年12月20日起施行。"""
    doc = _doc(text)
    assert doc.title == "重庆两江新区管理委员会关于印发重庆两江新区支持社会力量兴办养老机构的若干措施的通知"
    assert doc.issuer == "重庆两江新区管理委员会" and doc.doc_no == "渝两江管发〔2024〕27号"
    assert doc.subject_title == "重庆两江新区支持社会力量兴办养老机构的若干措施"
    assert (doc.date, doc.effective_from) == ("2024-11-20", "2024-12-20")
    assert doc.paragraphs[-1].section_no == "第十七条"


def test_a_title_that_ends_in_a_genre_word_mid_line_continues():
    text = """渝企减负办〔2024〕16号
重庆市减轻企业负担联席会议办公室
关于发布第十二批重庆市减轻企业负担政策
措施目录清单的通知
各区县（自治县）经济信息委，有关单位：
特此通知。
重庆市减轻企业负担联席会议办公室
（代章）
2024年11月27日"""
    doc = _doc(text)
    assert (
        doc.title
        == "重庆市减轻企业负担联席会议办公室关于发布第十二批重庆市减轻企业负担政策措施目录清单的通知"
    )
    assert doc.date == "2024-11-27"


def test_law_head_gives_date_maker_number_and_entry_into_force():
    text = """# 杭州市跨境电子商务促进条例
2016年10月26日 杭州市第十二届人民代表大会常务委员会第四十次会议通过
2016年12月23日 浙江省第十二届人民代表大会常务委员会第三十六次会议批准
2016年12月23日 杭州市第十二届人民代表大会常务委员会公告第78号公布
2017年3月1日 施行
第一章　总则
第一条 为了促进本市跨境电子商务健康快速发展，根据有关法律法规，结合本市实际，制定本条例。
第四十五条 本条例自2017年3月1日起施行。"""
    doc = _doc(text, "x.md")
    assert doc.title == "杭州市跨境电子商务促进条例"  # never the markdown '#'
    assert doc.issuer == "杭州市人民代表大会常务委员会"
    assert doc.doc_no == "杭州市第十二届人民代表大会常务委员会公告第78号"
    assert (doc.date, doc.promulgated, doc.effective_from) == ("2016-12-23", "2016-12-23", "2017-03-01")
    assert [p.section_no for p in doc.paragraphs if p.norm.startswith("第")][-1] == "第四十五条"


def test_effective_thirty_days_after_issue_and_validity_in_years():
    text = """重庆市经济和信息化委员会
关于印发《重庆市中试平台认定管理办法（暂行）》的通知
渝经信规范〔2024〕17号
有关单位：
重庆市经济和信息化委员会
2024年11月24日
（此件公开发布）
重庆市中试平台认定管理办法（暂行）
第八条 中试平台有效期为三年，在有效期满当年可申请复核。
第十五条 本办法自印发之日起30日后施行，有效期2年。"""
    doc = _doc(text)
    assert doc.effective_from == "2024-12-24"
    assert doc.valid_until == "2026-12-23"  # the platform's own 有效期为三年 is not the document's


def test_validity_to_the_end_of_a_month():
    text = """江西省市场监管局印发《关于有效应对疫情促进经济稳定增长若干举措》的通知
省局机关各处（室、局）、各直属单位：
江西省市场监管局
2020年2月12日
关于有效应对疫情促进经济稳定增长的若干举措
上述举措执行期自发布之日起至2020年12月底（有明确期限规定的从其规定）。"""
    doc = _doc(text)
    assert (doc.effective_from, doc.valid_until) == ("2020-02-12", "2020-12-31")


def test_disclosure_needs_the_printed_note_not_the_word():
    text = """江西省人民政府办公厅关于对当前全省重点企业和重大项目复工复产情况进行明查暗访的通知
各市、县（区）人民政府，省政府各部门：
要把政务信息主动公开作为重要工作，及时发布复工复产信息。
2020年2月17日"""
    assert _doc(text).visibility == "internal"
    assert _doc(text + "\n（此件主动公开）").visibility == "public"
    assert _doc(text + "\n(此件依申请公开)").visibility == "internal"


def test_body_only_text_is_named_after_its_file_never_a_heading():
    text = """第一章 总则
第一条 为贯彻落实省委省政府关于推进数字山东建设的部署要求，进一步发挥数字经济园区的集聚和带动作用。
第二十一条 本办法自印发之日起实施,有效期2年。
来源：山东省大数据局"""
    doc = _doc(text, "036_shandong_provincial-digital-economy-parks-interim-measures-2020.txt")
    assert doc.title == "Shandong provincial digital economy parks interim measures"
    assert doc.issuer == "山东省大数据局"
    assert file_title("绍兴市_招商引资奖励办法_2023.docx") == "绍兴市招商引资奖励办法"


def test_covering_notice_without_its_title_takes_the_issued_documents_title():
    text = """各区县（功能区）工信部门，各有关单位：
《济南“鲲鹏+昇腾”生态创新中心、华为（济南）软件开
发云创新中心、华为（济南）人工智能创新中心服务资源供给
办法（V1.0）》已经中共济南市工业和信息化局党组 2021 年第
5 次会议审议通过，现印发给你们，请认真贯彻执行。
济南市工业和信息化局
2021 年 3 月 9 日
— 2 —
济南“鲲鹏+昇腾”生态创新中心
华为（济南）软件开发云创新中心
华为（济南）人工智能创新中心
服务资源供给办法（V1.0）
第一章    总 则
第十五条 本规定自印发之日起执行，试行期一年，期满后根据实际情况适时调整。"""
    doc = _doc(text)
    assert doc.title.startswith("济南“鲲鹏+") and doc.title.endswith(
        "华为（济南）人工智能创新中心服务资源供给办法（V1.0）"
    )
    assert "、华为（济南）软件开发云创新中心、" in doc.title  # the notice's own punctuation
    assert (doc.issuer, doc.date, doc.effective_from, doc.valid_until) == (
        "济南市工业和信息化局",
        "2021-03-09",
        "2021-03-09",
        "2022-03-08",
    )
    assert not any(p.norm == "—2—" for p in doc.paragraphs)


def test_admin_metadata_still_wins():
    doc = _doc(GOV_CN, metadata={"title": "人工标题", "date": "2019-01-01", "issuer": "某办"})
    assert (doc.title, doc.date, doc.issuer) == ("人工标题", "2019-01-01", "某办")


def test_a_table_header_row_is_never_a_title():
    text = """序号 | 内容与要求 | 完成情况 | 责任单位 |
1 | 坚持“稳开稳走,提质提效”总体态势,加强季度、月度数据监测,确保地区生产总值增长7%左右。 | 全年GDP预计增长 | 市发改委 |"""
    doc = _doc(text, "003_shaoxing-2020-key-work-completion-table.txt")
    assert doc.title == "Shaoxing key work completion table"


def test_a_doc_no_printed_in_traditional_script():
    text = """穗府〔2011〕15號
關于進一步加強招商引資促進產業轉型升級的指導意見
各區、縣級市人民政府,市政府各部門、各直屬機構:"""
    doc = _doc(text, metadata={"doc_no": "穗府〔2011〕15號 (穗府〔2011〕15号)"})
    assert doc.doc_no == "穗府〔2011〕15号"
    assert doc.title == "关于进一步加强招商引资促进产业转型升级的指导意见"
