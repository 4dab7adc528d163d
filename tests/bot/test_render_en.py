"""English key facts of a Chinese sentence: numbers with their units, dates, durations; the parts
of a date are neither durations nor counts."""

from bot.render_en import key_facts


def test_dates_are_stated_once_and_their_months_are_no_durations():
    # 渝企减负办〔2024〕16号, row 29 (dev-real)
    facts = key_facts("自2023年1月1日至2027年12月31日，对月销售额10万元以下（含本数）的增值税小规模纳税人，免征增值税。")
    assert facts == ["RMB 100,000 (10万元)", "1 January 2023", "31 December 2027"]


def test_durations_counts_and_caps_are_facts():
    facts = key_facts("新组建中试平台经认定后，在3个月内给予一次性资金补贴，同一平台支持金额不超过500万元，建成超充站2000座以上。")
    assert "up to RMB 5 million (500万元)" in facts
    assert "3 months (3个月内)" in facts
    assert "2000 (2000座)" in facts
    assert not any(f.startswith("3 (") for f in facts)  # "3个月" is a duration, not a count of three


def test_an_office_number_is_a_fact_and_a_mobile_is_not():
    assert "phone 0575-83129560" in key_facts("联系电话:0575-83129560")
    assert not any("139" in f for f in key_facts("联系电话:13989579269"))


def test_areas_and_other_measures_are_stated_with_their_unit():
    # 桂政函〔2020〕43号 and a Kunming district's land rule (real texts)
    assert key_facts("桂林经开区总规划面积1878.53公顷,区域范围为自治区商务厅组织审核确定的四至范围。") == ["1878.53 hectares (1878.53公顷)"]
    assert key_facts("辖区范围内6亩以下(不含6亩)的土地使用转让手续,区政府审查后办理土地登记。") == ["6 mu or less (6亩以下)"]


def test_an_english_head_states_a_rank_and_the_quoted_terms_it_knows():
    from bot.render_en import sentence_head

    head = sentence_head("浙江是一片投资兴业的广阔沃土,2022年实际使用外资193亿美元,位列全国第五,在全球产业链价值链中的地位更加凸显")
    assert "ranked 5th nationally" in head and "USD 19.3 billion" in head
    assert "精准招商 (targeted investment promotion)" in sentence_head("各地要开展“精准招商”，聚焦主导产业。")


def test_a_places_organ_is_named_by_the_place_and_the_organ():
    from bot.render_en import en_name

    assert en_name("金华市人民政府办公室").startswith("General Office of the Jinhua Municipal People's Government")
    assert en_name("柯桥区人民政府").startswith("Keqiao District People's Government")
    assert en_name("绍兴市商务局").startswith("Shaoxing Municipal")  # 绍兴, not a zone filed under it


def test_quoted_terms_the_glossary_does_not_know_are_named_in_chinese():
    from bot.render_en import sentence_head

    # the bundled 绍兴 incentives for outside investors, article 11
    head = sentence_head("对实际投资在5000万元以上的来绍投资者,其未成年子女在绍兴市区中小学、幼儿园入学享受“绿卡”待遇;")
    assert "termed: 绿卡" in head and "RMB 50 million (5000万元)" in head


def test_a_who_head_names_the_bodies_the_lead_first():
    from bot.render_en import bodies, sentence_head

    # 开封市优化营商环境条例 第三十三条; a 天河 measure's working mechanism
    head = sentence_head("市人民政府设立优化营商环境咨询委员会，负责收集、反映市场主体对营商环境的评价和诉求。", who=True)
    assert head.startswith("The source states — bodies: ") and "(优化营商环境咨询委员会)" in head.split(";")[0]
    assert "区科技工业和信息化局" in bodies("由区科技工业和信息化局牵头，会同区人力资源社会保障局、区财政局负责组织实施。")[0]
    assert "专项小组" not in sentence_head("建立港澳青年创新创业专项小组，统筹协调各部门解决企业诉求。")  # not asked who


def test_a_floor_and_an_address_are_facts_and_a_count_of_floors_is_not_a_floor():
    # a county's government service hall page (eval/h3-other o05)
    facts = key_facts("柳河县人民政府政务大厅坐落于中华大街勤政路299号，办公楼共6层，面积6995平方米。四楼是行政审批大厅；")
    assert "address 中华大街勤政路299号" in facts and "4th floor (四楼)" in facts
    assert not any("6th floor" in f for f in facts)


def test_an_english_question_splits_at_a_preposition_before_its_asking_word():
    from bot.understand import english_parts, part_fact

    parts = english_parts("Where is Liuhe County's government service hall, and on which floor are approvals handled?")
    assert len(parts) == 2 and [part_fact(p, "en") for p in parts] == ["address", "floor"]
    assert part_fact("政务大厅在哪里", "zh") == "address" and part_fact("行政审批在几楼", "zh") == "floor"
