"""Places in questions: Chinese names, and the pinyin an English question spells them with."""

from knowledge.places import places_in


def test_english_questions_name_counties_by_their_pinyin():
    assert places_in("In Guandu District, below what plot size can land be transferred?") == ["官渡区"]
    assert places_in("Which office in Fengxian District takes applications?") == ["奉贤区"]
    assert places_in("How many does Huai'an plan to cultivate?") == ["淮安"]
    assert places_in("Changfeng County awards") == ["长丰县"]  # 长 read chang in a place name
    assert places_in("We plan to invest in a factory") == []


def test_a_page_naming_only_我市_takes_its_place_from_the_file_name():
    from knowledge.gov_parse import parse_document
    from knowledge.models import LoadedFile
    from knowledge.places import doc_place

    doc = parse_document(LoadedFile(path="docs/d04_shaanxi-hanzhong_key-projects-progress.txt", format="txt", metadata={},
                                    text="我市前八月重点项目建设高歌猛进\n\n1-8月共完成投资622.2亿元，占年度投资计划的73%。"))
    assert doc_place(doc) == "汉中"
