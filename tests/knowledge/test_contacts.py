"""Contacts in the shapes pages print them: an official by unit and title, an office line."""

from __future__ import annotations

from knowledge.gov_parse import parse_document
from knowledge.models import Contact, LoadedFile


def _contacts(text: str) -> list[Contact]:
    return parse_document(LoadedFile(path="page.txt", text=text, format="txt", metadata={})).records.contacts


def test_an_official_by_unit_and_title_with_what_they_handle_and_both_numbers():
    """新乡高新区重大招商引资项目奖励办法 (新乡日报 page): the second official's line is cut by the page."""
    (c,) = _contacts("联系人: 新乡高新区经济发展局局长 李学军(负责制造业投资项目)联系方式 13937340366、0373-3539981 "
                     "新乡高新区服务业促进局局长 刘强(负责")  # fmt: skip
    assert (c.person, c.phone, c.personal) == ("李学军", "13937340366、0373-3539981", True)
    assert c.role == "新乡高新区经济发展局局长（负责制造业投资项目）"


def test_an_office_line_in_traditional_script_names_the_office():
    """中山市“百展千企”资金分配公示 (a mirror in traditional script)."""
    (c,) = _contacts("公示期間如有異議，請與以下單位聯系：\n1.商務局貿促科 聯系電話0760-8989285")
    assert (c.person, c.role, c.phone, c.personal) == (None, "商务局贸促科", "0760-8989285", False)


def test_a_consultation_notices_contact_carries_the_address_printed_in_its_block():
    """2023年嵊州市“4173”先进制造业强市建设专项政策（征求意见稿）(the bundled knowledge): 联系人,
    电话 and 地址 each on a line of their own."""
    (c,) = _contacts("如有修改意见和建议,请于2023年1月5日前书面反馈至我局经济运行科。\n联系人:裘蒙力\n"
                     "联系电话:0575-83129560\n地址:嵊州市领带园一路403号19楼(国资综合大楼)\n嵊州市经济和信息化局")
    assert (c.person, c.phone) == ("裘蒙力", "0575-83129560")
    assert c.address.startswith("嵊州市领带园一路403号19楼")
    assert _contacts("联系人:张三\n联系电话:0575-1234567")[0].address is None


def test_a_directory_of_offices_and_their_people_gives_one_contact_each():
    """东湖高新区 2022 外资专项资金预申报 (a mirror in traditional script, whose spaces came out as "?"):
    office, people and number on each line, no 联系人 label; the lines run together once joined."""
    cs = _contacts("各园区联系方式:\n綜保辦 ???占旃、劉岑 ?聯系方式:87700710\n光電園 ???姜一鳴??????聯系方式:67886210\n"
                   "未來辦 ???劉 ?庚??????聯系方式:87920105")  # fmt: skip
    assert [(c.unit, c.person, c.phone) for c in cs] == [
        ("綜保辦", "占旃、劉岑", "87700710"), ("光電園", "姜一鳴", "67886210"), ("未來辦", "劉庚", "87920105")]


def test_a_person_by_surname_and_form_of_address_beside_the_address():
    """光明区 2021 引荐机构奖励申报: where to send the papers and to whom, in one line."""
    (c,) = _contacts("紙質材料請通過快遞送達。快遞地址:深圳市光明區科聯路科潤大廈A座14樓(投資推廣科),胡工,88210452。")
    assert (c.person, c.phone, c.personal) == ("胡工", "88210452", False)
    assert c.address.startswith("深圳市光明区科联路科润大厦A座14楼")


def test_a_labelled_pair_of_names_is_no_directory():
    """东西湖区 airport-industry fund consultation: 联系人 labels the names; 李翔 is no office."""
    cs = _contacts("联系人:谭辉 李翔 联系电话:027-83896219")
    assert all(c.unit != "李翔" and c.person != "联系" for c in cs)
