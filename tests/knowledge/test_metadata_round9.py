"""Shapes met in tests/data/heldout9 (real snippets): law-database exports with their citation stamps,
validity spans, a task-force office signing, portal lists without colons, a gazette page, column tags and
site paths above titles, dates and 文号 that lost their characters, 人大 公告 headings, joint organs on one
line, and a sharing site's text run into its title."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.mirror_text import restore_dates
from knowledge.models import LoadedFile


def _parse(text: str, name: str = "x.txt"):
    return parse_document(LoadedFile(path=name, text=text, format="txt", metadata={}))


def test_a_law_database_export_stamp_is_no_title():
    doc = _parse(
        "    【法宝引证码】 CLI.12.5115678\n"
        "原文链接：https://www.pkulaw.com/lar/ea5258e56c60aba96802bb670d6bf530bdfb.html\n"
        "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\n"
        "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\n"
        "包府办发〔2022〕43号\n各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位：\n"
        "　　经市人民政府同意，将《包头市2022年数字政府建设考评办法》印发给你们，请认真抓好落实。\n"
        "2022年4月14日\n　　包头市2022年数字政府建设考评办法\n　　一、考评对象\n"
    )
    assert doc.title == "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知"
    assert (doc.doc_no, doc.issuer, doc.date) == (
        "包府办发〔2022〕43号",
        "包头市人民政府办公室",
        "2022-04-14",
    )


def test_a_validity_span_in_one_clause():
    doc = _parse(
        "新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知\n（余府发〔2012〕3号）\n"
        "各县（区）人民政府、管委会，市政府各部门，市直各单位：\n"
        "　　《新余市绿色建筑管理办法》已经2011年12月20日市八届人民政府第7次常务会议审议通过，现予印发，请认真遵照执行。\n"
        "　　二○一二年一月九日\n新余市绿色建筑管理办法\n　第六章　附则\n"
        "　　第二十九条　本办法自2012年2月1日至2017年1月31日施行。\n"
    )
    assert (doc.date, doc.effective_from, doc.valid_until) == ("2012-01-09", "2012-02-01", "2017-01-31")


def test_an_organ_with_quotes_in_its_name_signs_and_a_unit_addressee_ends_the_head():
    doc = _parse(
        "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定"
        "（RCEP）经贸新规则扎实推进高水平开放实施意见的通知\n（皖开放办〔2022〕6号）\n省有关单位：\n"
        "　　《安徽省关于加快对接〈区域全面经济伙伴关系协定〉（RCEP）经贸新规则 扎实推进高水平开放实施意见》现印发给你们，"
        "请认真贯彻执行。\n安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室\n\n　　2022年3月23日\n"
    )
    assert doc.addressees == "省有关单位"
    assert doc.date == "2022-03-23"


def test_an_attachment_label_names_a_wrapper_without_title_though_the_notice_nests_its_marks():
    doc = _parse(
        "各镇(街道)人民政府(办事处),临港经济开发区管委会,区政府各部门、直属机构:\n"
        "为全面完成好《政府工作报告》中确定的2021年各项工作任务,现将《<政府工作报告>任务分解表》印发给你们。\n"
        "附件:《政府工作报告》任务分解表\n盘锦市大洼区人民政府办公室\n2021年1月25日\n(此件公开发布)\n"
    )
    assert doc.title == "《政府工作报告》任务分解表"


def test_a_page_source_under_the_title_names_the_office_by_its_short_name():
    doc = _parse(
        "无障碍浏览 长者模式\n\n《〈政府工作报告〉2024年重点工作任务分工方案》政策解读\n\n"
        "发布日期:2024-04-02 15:35 点击量:10\n\n来源:二连浩特市政府办\n\n一、起草背景\n\n"
        "为高质高效推动目标任务落实落地,二连浩特市人民政府办公室对报告的目标任务进行了细化分解,明确了责任分工。\n"
    )
    assert (doc.issuer, doc.date) == ("二连浩特市人民政府办公室", "2024-04-02")


def test_a_portal_list_without_colons_and_two_bureaus_signing_in_full():
    doc = _parse(
        "索 引 号 H002/2025-61309 成文日期 2025-05-29\n发布机构 区发改局 统一编号 AXSD02-2025-0003\n"
        "文 号 萧发改〔2025〕30号 主题分类 政务公开\n有效性 有效 解读文件 政策解读 图解等解读 意见收集采纳\n\n"
        "区发展和改革局 区财政局关于印发《杭州市萧山区推动总部经济高质量发展实施意见》的通知\n\n"
        "各镇人民政府、街道办事处,区政府各部门、各直属单位:\n\n"
        "《杭州市萧山区推动总部经济高质量发展实施意见》已经区政府同意,现印发给你们,请认真遵照执行。\n\n"
        "杭州市萧山区发展和改革局\n\n杭州市萧山区财政局\n\n2025年 5月29日\n"
    )
    assert doc.doc_no == "萧发改〔2025〕30号"
    assert doc.title.startswith("区发展和改革局")
    assert (doc.issuer, doc.date) == ("杭州市萧山区发展和改革局、杭州市萧山区财政局", "2025-05-29")


def test_a_portal_list_with_values_glued_to_their_keys():
    doc = _parse(
        "索引号M062/2022-121428 发布机构县商务局 发布日期2022-12-13 10:04:40\n统一编号 公开方式主动公开 文件效力\n"
        "文件编号桐商〔2022〕11号 关联文件\n关于印发《投资促进工作专项考核实施细则(2022年度)》的通知\n访问次数:\n\n"
        "各乡镇党委、人民政府,各街道党工委、办事处,县级机关、企事业各单位:\n\n"
        "现将《投资促进工作专项考核实施细则(2022年度)》印发给你们,请遵照执行。\n"
    )
    assert doc.title == "关于印发《投资促进工作专项考核实施细则（2022年度）》的通知"
    assert (doc.doc_no, doc.date, doc.visibility) == ("桐商〔2022〕11号", "2022-12-13", "public")


def test_a_portal_column_line_and_bare_bullets_above_a_three_line_title():
    doc = _parse(
        "-\n市政府部门网站\n-\n区县政府网站\n重庆市沙坪坝区商务委行政规范性文件\n重庆市沙坪坝区商务委员会\n"
        "关于印发《重庆市沙坪坝区跨境电子商务发展专项资金使用\n管理实施细则》的通知\n沙商务发〔2024〕11号\n"
        "各镇人民政府、街道办事处,区政府各部门,各有关单位:\n为规范专项资金的使用和管理,现印发给你们,请遵照执行。\n(此件公开发布)\n"
    )
    assert (
        doc.title
        == "重庆市沙坪坝区商务委员会关于印发《重庆市沙坪坝区跨境电子商务发展专项资金使用管理实施细则》的通知"
    )
    assert doc.issuer == "重庆市沙坪坝区商务委员会"


def test_a_gazette_page_header_is_furniture_and_the_spaced_organ_joins_the_title():
    doc = _parse(
        "Page 24 - 2021年第6期\nP. 24\n\n"
        "6/2021      大同市人民政府公报                                      ·大同市人民政府办公室文件·\n\n"
        "                                    大 同 市 人 民 政 府 办 公 室\n\n"
        "                      关于加快推进跨境电子商务发展的实施意见\n\n"
        "                                                  同政办发 〔2021〕 46 号\n\n"
        "            各县 (区) 人民政府,开发区管委会,各有关                             B2B、B2C 进出口业务的企业,对年交易额达到\n"
    )
    assert doc.title == "大同市人民政府办公室关于加快推进跨境电子商务发展的实施意见"
    assert (doc.doc_no, doc.issuer) == ("同政办发〔2021〕46号", "大同市人民政府办公室")


def test_a_column_tag_in_quotes_and_a_site_path_are_no_part_of_the_title():
    tagged = _parse(
        "“党政混合信息公开” 中共静安区委办公室 静安区人民政府办公室印发《静安区全力打响“上海服务”品牌加快建设“国际静安”"
        "三年行动计划(2018—2020年)》的通知\n静安区全力打响“上海服务”品牌\n加快建设“国际静安”三年行动计划\n(2018—2020年)\n"
        "为贯彻落实上海全力打响“四大品牌”的战略部署,打响“上海服务”品牌,增强城市服务功能,特制定本行动计划。\n"
    )
    assert tagged.title.startswith("中共静安区委办公室")
    assert tagged.issuer == "中共静安区委办公室、静安区人民政府办公室"
    path = _parse(
        "好律师> 法律法规库> 政策参考> 陕西省人民政府办公厅关于加强和规范招商引资工作的通知\n"
        "  • 【发布单位】陕西省\n  • 【发布文号】陕政办发〔2005〕76号\n  • 【发布日期】2005-09-06\n"
        "  • 【生效日期】2005-09-06\n  • 【失效日期】--\n\n陕西省人民政府办公厅关于加强和规范招商引资工作的通知\n\n"
        "(陕政办发〔2005〕76号)\n\n各设区市人民政府,省人民政府各工作部门、各直属机构:\n"
    )
    assert path.title == "陕西省人民政府办公厅关于加强和规范招商引资工作的通知"
    assert (path.issuer, path.date, path.effective_from) == (
        "陕西省人民政府办公厅",
        "2005-09-06",
        "2005-09-06",
    )


def test_dates_that_lost_year_and_month_marks_are_read_when_one_reading_fits():
    assert restore_dates("2023426日宣城市第五届人民代表大会常务委员会第十二次会议通过") == (
        "2023年4月26日宣城市第五届人民代表大会常务委员会第十二次会议通过"
    )
    assert restore_dates("2023112日") == "2023112日"  # 1月12日 or 11月2日: left alone
    assert restore_dates("201597", "泰兴市人民政府辦公室") == "2015年9月7日"
    assert restore_dates("201597", "浏览次数") == "201597"  # a counter, not a 落款 date
    doc = _parse(
        "宣城市優(yōu)化營(yíng)商環(huán)境條例\n\n"
        "閱讀次數(shù): 2334次 信息來(lái)源:宣城市人民政府辦公室 發(fā)布時(shí)間:2023-07-05 14:55\n\n"
        "2023426日宣城市第五屆人民代表大會(huì)常務(wù)委員會(huì)第十二次會(huì)議通過(guò)  "
        "2023526日安徽省第十四屆人民代表大會(huì)常務(wù)委員會(huì)第二次會(huì)議批準(zhǔn))\n\n"
        "第一條 為了持續(xù)優(yōu)化營(yíng)商環(huán)境,結(jié)合本市實(shí)際,制定本條例。\n"
    )
    assert (doc.issuer, doc.date) == ("宣城市人民代表大会常务委员会", "2023-05-26")


def test_a_docno_and_signature_date_that_lost_their_marks():
    doc = _parse(
        "市政府辦公室關于印發泰興市2015年度農業產業化扶持獎勵補助辦法的通知\n\n"
        "亚洲成a人片在线视频,久久综合给合久久狠狠97色,国产乱沈阳女人高潮乱叫老,午夜国产小视频,色 亚洲 日韩 国产 综合,最新在线观看\n"
        "2015-09-11 瀏覽次數:\n泰政辦發2015107\n各鄉鎮人民政府(街道辦事處),各園區管委會,市各有關部門:\n"
        "《泰興市2015年度農業產業化扶持獎勵補助辦法》已經市政府研究同意,現印發給你們,希認真貫徹執行。\n"
        "泰興市人民政府辦公室\n201597\n"
    )
    assert (doc.doc_no, doc.issuer, doc.date) == (
        "泰政办发〔2015〕107号",
        "泰兴市人民政府办公室",
        "2015-09-07",
    )


def test_a_legislature_announcement_is_filed_under_the_regulation_it_promulgates():
    doc = _parse(
        "滁州市人民代表大會常務(wù)委員會公告\n\n"
        "  《滁州市優(yōu)化營商環(huán)境條例》已經(jīng)2021年10月29日滁州市第六屆人民代表大會常務(wù)委員會第二十八次會議通過,"
        "并經(jīng)11月19日安徽省第十三屆人民代表大會常務(wù)委員會第三十次會議批準,現(xiàn)予公布,自2022年1月1日起施行。\n\n"
        "  滁州市人民代表大會常務(wù)委員會\n\n  2021年11月30日\n\n  目 錄\n\n  第一章 總 則\n"
    )
    assert doc.title == "滁州市优化营商环境条例"
    assert (doc.issuer, doc.date, doc.effective_from) == (
        "滁州市人民代表大会常务委员会",
        "2021-11-30",
        "2022-01-01",
    )
    noted = _parse(
        "《深圳經(jīng)濟特區優(yōu)化營(yíng)商環(huán)境條例》(2020年全文)\n深圳市第六屆人民代表大會(huì )常務(wù)委員會(huì )公告第二一九號\n"
        "《深圳經(jīng)濟特區優(yōu)化營(yíng)商環(huán)境條例》經(jīng)深圳市第六屆人民代表大會(huì )常務(wù)委員會(huì )第四十五次會(huì )議於2020年10月29日通過(guò),"
        "現予公布,自2021年1月1日起施行。\n深圳市人民代表大會(huì )常務(wù)委員會(huì )\n2020年11月5日\n"
    )
    assert noted.title == "深圳经济特区优化营商环境条例"


def test_joint_organs_on_one_signature_line():
    doc = _parse(
        "关于印发《厦门市2022-2023年度中央外经贸发展专项资金(跨境电子商务项目)管理办法》的通知\n厦商务规〔2022〕5号\n"
        "各外贸企业、各有关单位:\n《厦门市2022-2023年度中央外经贸发展专项资金(跨境电子商务项目)管理办法》已经市政府研究通过,现予印发,请遵照执行。\n"
        "厦门市商务局 厦门市财政局\n2022年4月18日\n(此件主动公开)\n厦门市商务局办公室 2022年4月20日印发\n"
    )
    assert (doc.issuer, doc.date, doc.visibility) == ("厦门市商务局、厦门市财政局", "2022-04-18", "public")


def test_a_sharing_site_page_title_and_a_title_run_into_its_first_sentence():
    doc = _parse(
        "招商引資工作上半年工作總結及下半年工作打算_第1頁\n已閱讀1頁,還剩7頁未讀, 繼續(xù)免費閱讀\n\n下載本文檔\n\n"
        "文檔簡介\n\n1、—1—全區(qū)招商引資重大項目落地評審實施辦法為進一步加大招商選資力度,強化集約用地意識,"
        "加快項目落地進程,結合我區(qū)實際,現(xiàn)制定招商引資重大項目落地評審實施辦法如下:第一條評審原則遵循原則。\n"
    )
    assert doc.title == "全区招商引资重大项目落地评审实施办法"


# heldout7 and heldout8 shapes the same rules reach


def test_a_docno_without_its_hao_and_one_without_brackets():
    doc = _parse(
        "关于印发咸安区进一步优化营商环境实施方案的通知\n咸安政发〔2019〕1\n"
        "各乡、镇人民政府，各办事处、场，区政府各部门：\n"
        "《咸安区进一步优化营商环境实施方案》已经区政府第二次常务会议审议通过，现印发给你们，请认真组织实施。\n"
        "咸安区人民政府\n2019年3月9日\n"
    )
    assert doc.doc_no == "咸安政发〔2019〕1号"
    bare = _parse(
        "菏泽市定陶区人民政府关于设立菏泽市定陶区润鑫产业园的意见\n定政201761\n各镇人民政府、街道办事处，区政府各部门：\n"
        "为进一步拓展我区化工产业发展空间，加快化工产业转型升级步伐，结合我区实际，提出如下意见。\n"
        "菏泽市定陶区人民政府\nbet365体育投注官网\n20171120\n政府信息公开选项:主动公开\n"
    )
    assert (bare.doc_no, bare.date) == ("定政〔2017〕61号", "2017-11-20")


def test_a_signature_run_on_before_the_attached_files_name():
    doc = _parse(
        "为规范平湖市独山港经济开发区政府产业基金运作与管理,更好发挥产业基金的引导和放大作用,结合港区实际,制定本办法。"
        "现面向社会公开征求意见。 意见反馈截止时间为2024年7月8日。 平湖市独山港镇人民政府 2024年6月28日 "
        "平湖市独山港经济开发区政府产业基金管理办法(试行)(征求意见稿).pdf\n"
    )
    assert (doc.issuer, doc.date) == ("平湖市独山港镇人民政府", "2024-06-28")


def test_a_law_sites_note_and_a_bracketed_preamble_over_three_lines():
    doc = _parse(
        "法搜网--中国法律信息搜索网\n苏州国家高新技术产业开发区条例\n"
        "*注:本篇法规已被《苏州市人大常委会关于修改<苏州国家高新技术产业开发区条例>的决定》"
        "(发布日期:2004年6月17日 实施日期:2004年6月17日)修正\n\n苏州国家高新技术产业开发区条例\n"
        " (1994年7月7日苏州市第十一届人民代表大会\n 常务委员会第九次会议制定 1994年9月3日江苏省第八届\n"
        " 人民代表大会常务委员会第九次会议批准)\n\n第一章 总则\n\n"
        "  第一条 为加快苏州国家高新技术产业开发区(苏州新区)的建设,结合苏州具体情况,制定本条例。\n"
    )
    assert doc.title == "苏州国家高新技术产业开发区条例"
    assert (doc.issuer, doc.date) == ("苏州市人民代表大会常务委员会", "1994-09-03")


def test_a_sharing_sites_reading_line_and_bracketed_keys_run_on_one_line():
    doc = _parse(
        "发布时间 : 星期二 文章遂宁市人民政府关于进一步加强产业园区管理的通知更新完毕开始阅读b525533ed0f34693daef5ef7ba0d4a7303766c31\n\n"
        "遂宁市人民政府关于进一步加强产业园区管理的通知\n\n"
        "【法规类别】机关工作综合规定 【发文字号】遂府函[2012]90号 【发布部门】遂宁市政府 【发布日期】2012.06.27 "
        "【实施日期】2012.06.27 【时效性】现行有效\n\n【效力级别】地方规范性文件\n\n"
        "遂宁市人民政府关于进一步加强产业园区管理的通知\n\n(遂府函[2012]90号)\n\n各县(区)人民政府,市直各部门:\n"
    )
    assert doc.title == "遂宁市人民政府关于进一步加强产业园区管理的通知"
    assert (doc.doc_no, doc.date, doc.effective_from) == ("遂府函〔2012〕90号", "2012-06-27", "2012-06-27")


def test_the_congress_its_preamble_names_beats_a_sites_attribution_line():
    doc = _parse(
        "重慶市開發(fā)區(qū)條例\n重慶市人大常委會\n重慶市開發(fā)區(qū)條例\n"
        "(2025年1月22日經重慶市第六屆人民代表大會第三次會議通過)\n目 錄\n第一章 總 則\n"
        "第一條 為了規(guī)范開發(fā)區(qū)管理和服務,結合本市實際,制定本條例。\n"
    )
    assert doc.issuer == "重庆市人民代表大会"
