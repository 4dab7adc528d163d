"""The bundled bilingual glossary."""

import pytest

from retrieval.glossary import Glossary, expand_query, load_glossary, stem, to_english


def test_bundled_glossary_is_large_enough():
    assert len(load_glossary().zh_to_en) >= 150


def test_longest_match_and_plurals():
    expanded = expand_query("Which office leads the international forums and expos?")
    for zh in ("国际论坛", "展会", "牵头单位"):
        assert zh in expanded
    assert "论坛" not in expanded.replace("国际论坛", "")  # "international forum" won over "forum"


def test_case_insensitive_and_possessive():
    assert "绍兴" in expand_query("SHAOXING's plan")
    assert "合格境外有限合伙人" in expand_query("qflp pilots")


def test_chinese_query_unchanged():
    assert expand_query("市发改委牵头哪些工作？") == "市发改委牵头哪些工作？"


def test_both_directions():
    assert to_english("市发改委") == "Municipal Development and Reform Commission"
    assert to_english("各区、县(市)政府") == "district and county governments"  # width-folded lookup
    assert to_english("不存在的单位") is None
    assert "利润再投资" in load_glossary().to_chinese("Profit Reinvestment")


def test_stem():
    assert stem("forums") == "forum" and stem("industries") == "industry" and stem("process") == "process"


def test_malformed_line_names_the_line():
    with pytest.raises(ValueError, match="x.tsv:2"):
        Glossary.from_tsv("外资\tforeign investment\nbroken line\n", source="x.tsv")
