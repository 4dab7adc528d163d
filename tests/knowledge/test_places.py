"""Places in questions: Chinese names, and the pinyin an English question spells them with."""

from knowledge.places import places_in


def test_english_questions_name_counties_by_their_pinyin():
    assert places_in("In Guandu District, below what plot size can land be transferred?") == ["官渡区"]
    assert places_in("Which office in Fengxian District takes applications?") == ["奉贤区"]
    assert places_in("How many does Huai'an plan to cultivate?") == ["淮安"]
    assert places_in("Changfeng County awards") == ["长丰县"]  # 长 read chang in a place name
    assert places_in("We plan to invest in a factory") == []
