"""How long an incentive pays, from the shapes clauses state it in."""

from knowledge.extract.incentive_values import years_of


def test_a_tax_holiday_states_its_years():
    # 国办发〔2018〕124号 七、（二十三）
    assert years_of("经营性文化事业单位转制为企业后，五年内免征企业所得税") == 5


def test_years_of_a_reward_paid_in_a_row():
    assert years_of("给予企业连续3年奖励") == 3
    assert years_of("项目投产后给予一次性奖励") is None
