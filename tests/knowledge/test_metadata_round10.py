"""Shapes from heldout10 (real web-page copies), each on a snippet of the text it came from."""

from __future__ import annotations

from knowledge.english_head import english_date, read_english_head
from knowledge.gov_parse import parse_document
from knowledge.models import LoadedFile
from knowledge.sharing_text import split_masthead, unpaged


def _doc(text: str, path: str = "x.txt"):
    return parse_document(LoadedFile(path=path, text=text, format="txt", metadata={}))


CHANGSHU = """编辑: sunny爹 2018-06-25
常熟市人民政府办公室文件 常政办发〔2018〕32号 市政府办公室关于分解落实2018年 政府工作任务的通知 各镇人民政府,各街道办事处,常熟经济技术开发区、服装城管委会,市各委办局、直属单位(公司): 根据市十五届人大二次会议确定的全市经济社会发展目标任务,市政府将2018年政府工作分解为11项工作目标和138项工作任务,现下达给你们,请认真组织实施.

市政府将对各项目标任务实施动态管理.市政府办公室将适时进行督查,督查结果上报市政府并列入年度绩效考核. 各地、各部门主要负责人作为承担工作任务的第一责任人,要切实加强组织领导,抓好工作落实. 附件:常熟市2018年政府工作任务分解表 常熟市人民政府办公室 2018年2月24日 常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位

一、经济社会发展主要预期目标分解(11项)

1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委

2 一般公共预算收入增长8%以上. 财政局

7 全社会固定资产投资额550亿元,其中:工业技改投资增长10%,高新技术产业投资增长10%. 发改委、经信委、科技局

8 社会消费品零售总额增长8.5%左右,实际利用外资6亿美元,外贸进出口总额保持增长. 商务局

9 居民人均可支配收入增速"""


def test_a_red_head_flattened_on_one_line_is_read_part_by_part():
    parts = split_masthead(CHANGSHU.split("\n")[1])
    assert parts[:4] == [
        "常熟市人民政府办公室文件",
        "常政办发〔2018〕32号",
        "市政府办公室关于分解落实2018年 政府工作任务的通知",
        "各镇人民政府,各街道办事处,常熟经济技术开发区、服装城管委会,市各委办局、直属单位(公司)：",
    ]
    doc = _doc(CHANGSHU)
    assert (doc.title, doc.doc_no, doc.issuer) == (
        "市政府办公室关于分解落实2018年政府工作任务的通知",
        "常政办发〔2018〕32号",
        "常熟市人民政府办公室",
    )
    assert (
        doc.date == "2018-02-24"
    )  # the 落款 between the 附件 label and the attachment, not the site's 编辑 stamp


def test_a_task_table_in_a_text_layer_gives_one_responsibility_per_row():
    doc = _doc(CHANGSHU)
    got = [(r.section, r.lead, r.units) for r in doc.records.responsibilities]
    assert got == [
        ("1", "发改委", ["发改委"]),
        ("2", "财政局", ["财政局"]),
        ("7", "发改委", ["发改委", "经信委", "科技局"]),
        ("8", "商务局", ["商务局"]),
    ]
    assert doc.records.responsibilities[0].task.startswith("地区生产总值增长7%以上")


KAIFENG = """编辑: 摇摆白勺白芍 2015-10-06

1 ― 开封市人民政府文件 汴政〔2018〕53 号 开封市人民政府 关于印发开封市公开征集招商引资线索 奖励办法的通知 各县、区人民政府,市直各单位: 《开封市公开征集招商引资线索奖励办法》 已经开封市人民 政府第

74 次政府常务会议研究同意,现印发给你们,请认真遵 照执行.

2018 年9月10 日―2―开封市公开征集招商引资线索奖励办法 为落实 《国务院关于扩大对外开放积极利用外资若干措施的 通知》(国发〔2017〕5 号)的有关精 神,特 制定本办法. 第一条 征集方式. 在市对外开放和招商引资工作领导 小组办公室设立招商引资线索征集处理中心. 招商引资线索为围绕引进上述项目牵线搭桥、提供的重 ―

3 ― 要信息. 第三条 奖励对象."""


def test_page_numbers_of_a_text_layer_break_its_lines():
    lines = unpaged([x for x in KAIFENG.split("\n") if x])
    assert lines[1].startswith("开封市人民政府文件 汴政〔2018〕53 号")
    assert "2018 年9月10 日" in lines and lines[-1] == "要信息. 第三条 奖励对象."
    doc = _doc(KAIFENG)
    assert (doc.title, doc.doc_no, doc.issuer, doc.date) == (
        "开封市人民政府关于印发开封市公开征集招商引资线索奖励办法的通知",
        "汴政〔2018〕53号",
        "开封市人民政府",
        "2018-09-10",
    )


FUJIAN = """福建省商务厅 福建省财政厅关于开展2023年省级利用外资项目申报工作的通知-ks8凯发官方网站

索 引 号 fj00121-0503-2023-00033 文号 闽商务〔2023〕196号
发布机构 福建省商务厅 生成日期 2023-11-03
标题 福建省商务厅 福建省财政厅关于开展2023年省级利用外资项目申报工作的通知
内容概述 福建省商务厅 福建省财政厅关于开展2023年省级利用外资项目申报工作的通知
索 引 号 fj00121-0503-2023-00033
文号 闽商务〔2023〕196号

福建省商务厅 福建省财政厅关于开展2023年省级利用外资项目申报工作的通知

发布时间:2023-11-13 10:48

各设区市商务局、财政局(不含厦门),平潭综合实验区经济发展局、财政金融局:

  根据《关于促进外资扩增量稳存量提质量若干政策措施的通知》(闽商务规〔2023〕3号)等文件要求,现组织开展2023年省级利用外资项目申报工作,有关事项通知如下: """


def test_a_key_list_without_colons_is_read_as_metadata():
    doc = _doc(FUJIAN)
    assert doc.doc_no == "闽商务〔2023〕196号"  # not "文号闽商务〔2023〕196号"
    assert doc.issuer == "福建省商务厅、福建省财政厅"
    assert doc.date == "2023-11-03"  # the list's 生成日期, not the page's 发布时间


def test_an_english_page_takes_its_title_above_its_date_and_below_its_navigation():
    assert english_date("March 18, 2024") == "2024-03-18" and english_date("TIME:2012-02-24") == "2012-02-24"
    tongxiang = [
        "Foreign Investment Incentive Policy",
        "March 18, 2024",
        "Foreign Investment Incentive Policy: For …",
    ]
    assert read_english_head(tongxiang) == ("Foreign Investment Incentive Policy", 2, "2024-03-18")
    beilun = ["Home", "> Investment > Investment Policies", "Incentives for Promoting High Quality Industrial Projects in Beilun",
              "I. The investment subject shall conform to one of the following conditions:"]  # fmt: skip
    assert (
        read_english_head(beilun)[0] == "Incentives for Promoting High Quality Industrial Projects in Beilun"
    )
    zhaoqing = """The Official website of Zhaoqing China Simplified Chinese | Traditional Chinese | English
Business
Investment Guide
Policies & Regulations
  ZhaoQing Government - Business - Policies & Regulations
Preferential Policy
TIME:2012-02-24
SIZE:BMS
SHARE:
分享到:
COLOR:

1. To further enlarge the range and fields for investment .All local trades and industries will be opened to foreign and civil investment , except those restricted and forbidden by the state laws and industrial policies."""
    doc = _doc(zhaoqing)
    assert (doc.title, doc.date) == ("Preferential Policy", "2012-02-24")


PUTIAN = """【
招商引资内参导言
】
新形势下如何开展招商引资?每个地方都在思考这个话题。日前,福建省莆田市出台了深入推进开发区改革创新
强化新形势下招商引资若干措施,共计
20
条,很值得各地研读借鉴。
【招商引资内参正文】
福建省莆田市深入推进开发区改革创新 强化新形势下招商引资若干措施
为深入学习贯彻党的二十大、二十届三中全会精神,特制定如下措施:
一、强化开发区规划引领。"""


def test_a_repost_accounts_lead_above_its_text_label_is_not_the_head():
    assert _doc(PUTIAN).title == "福建省莆田市深入推进开发区改革创新强化新形势下招商引资若干措施"


SHARING = """资源预览内容
第1页 / 共3页
第2页 / 共3页
亲,该文档总共3页全部预览完了,如果喜欢就下载吧!
资源描述
管委会招商引资奖励办法为了加快国际技术合作产业园(以下简称“产业园”)的发展,调动各方面人员招商引资的积极性,组建更为广泛的招商引资网络,特制定本办法。一、招商引资奖励对象。"""


def test_a_title_run_into_the_clause_that_names_it_is_the_title():
    assert _doc(SHARING).title == "管委会招商引资奖励办法"


LUAN = """2022年1-9月份全市招商引资工作成效
按照市政府要求,现将1-9月份全市招商引资工作成效予以公示:
一、固投亿元以上新签约项目情况
1-9月份全市固投亿元以上新签约项目344个。
特此公示。
六安市投资创业中心
扫一扫在手机打开当前页"""


def test_an_organ_alone_under_the_closing_sentence_signs_without_a_date():
    doc = _doc(LUAN)
    assert (doc.issuer, doc.date) == ("六安市投资创业中心", None)


JIANGSHAN = """打造网上国际投资促进平台 致力于中国投资促进事业
您现在的位置:首页 > 开发区新闻 > 衢州 > 文字新闻
江山市一季度省市县长工程全面开工
发布时间:2022-04-07  来源:江山传媒集团  发布开发区:浙江江山经济开发区

  4月6日,笔者从市发改局获悉,我市3个省市县长工程项目全部落地开工并完成投资入库。"""


def test_a_site_banner_above_the_breadcrumb_is_not_part_of_the_title():
    assert _doc(JIANGSHAN).title == "江山市一季度省市县长工程全面开工"


YUNAN = """政府工作报告

  ——2023年3月1日在郁南县第十七届人民代表大会第三次会议上

  郁南县人民政府县长 张春海

  各位代表:

  现在,我代表县人民政府向大会作政府工作报告,请予审议,并请政协委员和其他列席人员提出意见。"""


def test_a_report_is_dated_by_its_meeting_and_issued_by_the_speakers_organ():
    doc = _doc(YUNAN)
    assert (doc.title, doc.issuer, doc.date) == ("政府工作报告", "郁南县人民政府", "2023-03-01")


GUIZHOU = "贵州省开发区条例,2012年5月25日贵州省第十一届人民代表大会常务委员会第二十八次会议通过,第一章,总,则.第一条。为实施工业强省和城镇化带动战略。加快开发区建设与发展,规范开发区管理和服务,促进全省经济社会发展,根据有关法律,法规的规定 结合本省实际。制定本条例.第二条。本条例所称开发区是指经国务院 省人民政府批准成立的本省行政区域内的国家级.省级经济开发区和高新技术产业开发区。"


def test_a_law_run_on_one_line_with_commas_keeps_its_title_and_its_adoption():
    doc = _doc(GUIZHOU)
    assert (doc.title, doc.issuer, doc.date) == (
        "贵州省开发区条例",
        "贵州省人民代表大会常务委员会",
        "2012-05-25",
    )


ANHUI = """《安徽省开发区条例(草案)》已经省十四届人大常委会第十六次会议审议。现予以公布,欢迎于2025年7月15日前提出修改意见。
安徽省开发区条例(草案)
目 录
第一章 总 则
第二章 管理体制
第一章 总 则
第一条 为了加强开发区建设,规范开发区管理,促进开发区高质量发展,根据有关法律、行政法规,结合本省实际,制定本条例。"""


def test_a_draft_under_its_publication_note_takes_its_title_and_the_reviewing_committee():
    doc = _doc(ANHUI)
    assert (doc.title, doc.issuer, doc.date) == (
        "安徽省开发区条例（草案）",
        "安徽省人民代表大会常务委员会",
        None,
    )
