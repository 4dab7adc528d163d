"""Document references: an English question meets English-named documents by whole words, not by
letter pairs that every English title shares."""

from bot.docrefs import DocIndex, ref_grams
from knowledge.models import SourceDocument


def doc(key: str, title: str) -> SourceDocument:
    return SourceDocument(key, f"{key}.txt", "h", title, None, None, None, None, None, "public", "default", "policy", "zh")


def test_latin_words_are_whole_grams():
    grams = ref_grams("Jiangxi major industrial projects 重大产业项目")
    assert {"w:jiangxi", "w:industrial", "重大", "项目"} <= grams
    assert "ji" not in grams and "an" not in grams


def test_english_question_resolves_the_document_its_words_name():
    index = DocIndex({
        "a": doc("a", "Jiangxi major industrial projects over two billion supervision notice body only"),
        "b": doc("b", "Yunnan kunming guandu steady growth policy measures body only"),
        "c": doc("c", "眉山市东坡区利用外资奖励办法"),
    })  # fmt: skip
    refs = index.resolve("In Guandu District, which steady growth measures cover land transfers?")
    assert refs.best[0] == "b"
    chinese = index.resolve("东坡区利用外资奖励办法里最多奖多少？")
    assert chinese.best[0] == "c"


def test_words_naming_the_document_are_not_the_askers_case():
    from bot.understand import _own_case

    index = DocIndex({"m": doc("m", "国务院办公厅关于广州花都经济开发区等4个省级开发区升级为国家级经济技术开发区的复函")})
    q = "国办同意花都等4个省级开发区升级为国家级经开区的复函里，界址点坐标由哪两个部门负责发布？"
    assert _own_case(q, index.resolve(q), index) == []
    own = "我们是国家级高新技术企业，能拿多少补贴？"
    assert _own_case(own, index.resolve(own), index) == ["国家级"]
