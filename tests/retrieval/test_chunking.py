"""Chunking a parsed seed document."""

from pathlib import Path

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from retrieval.chunking import _windows, chunk_document

SEED = (
    Path(__file__).resolve().parents[2] / "knowledge_base" / "shaoxing-2023-17-international-investment.txt"
)


def _chunks(max_chars=400):
    return chunk_document(parse_document(load_file(SEED)), max_chars=max_chars)


def test_units_line_stays_with_its_task():
    chunks = _chunks()
    task = [c for c in chunks if "筹建一批国别（地区）产业园" in c.section and "责任单位" in c.text]
    assert len(task) == 1
    assert "发挥“2+6”平台" in task[0].text and "滨海新区管委会" in task[0].text
    assert task[0].section_no == "二、（四）"
    assert task[0].embed_text.startswith(
        "绍兴市人民政府办公室关于进一步加强国际化招商引资工作的实施意见 绍政办发〔2023〕17号 | 二、工作重点 > （四）"
    )


def test_headings_are_not_chunks_and_sections_are_not_crossed():
    chunks = _chunks()
    assert not any(c.text.strip() in ("一、总体目标", "二、工作重点", "三、工作机制") for c in chunks)
    for c in chunks:
        if c.section.startswith("二、工作重点 > （一）"):
            assert "（二）" not in c.text


def test_metadata_card_and_carried_fields():
    chunks = _chunks()
    card = chunks[0]
    assert card.section == "" and "2023年4月26日" in card.text and "绍政办发〔2023〕17号" in card.text
    assert {c.visibility for c in chunks} == {"public"}
    assert {c.doc_no for c in chunks} == {"绍政办发〔2023〕17号"}
    assert all(c.date == "2023-04-26" for c in chunks)


def test_long_paragraphs_become_sentence_windows_and_ids_are_stable():
    small = _chunks(max_chars=120)
    assert max(len(c.text) for c in small[1:]) <= 120  # the metadata card is never split
    assert any(c.text.endswith("。") for c in small)
    assert [c.chunk_id for c in _chunks()] == [c.chunk_id for c in _chunks()]
    assert len({c.chunk_id for c in small}) == len(small)


def test_an_enormous_sentence_is_cut_after_a_clause_not_mid_word():
    clause = "对新引进的先进制造业项目按实际投资额给予补助最高不超过五百万元，"
    sentence = clause * 12 + "由市商务局负责。"
    pieces = list(_windows([sentence], 120))
    assert all(len(p) <= 120 for p in pieces)
    assert all(p.endswith(("，", "。")) for p in pieces)
    assert "".join(pieces) == sentence


def test_a_list_lead_in_keeps_its_items_in_one_chunk():
    # bundled 016 (CCPIT Shaoxing): the lead-in was a chunk of its own and "40 years" another
    from retrieval.chunking import _units

    texts = ["Under the Chinese law, all the land is under the State ownership. Foreign investors may lawfully obtain it.",
             "According to the following purposes, the longest terms of the contracted land use right are:",
             "---70 years for residential purpose;", "---40 years for commerce, tourism and entertainment purposes;",
             "When foreign investors invest to build or manage transportation infrastructure projects, they have priority."]  # fmt: skip
    units = _units(texts)
    assert len(units) == 3
    assert units[1].startswith("According") and "40 years for commerce" in units[1]
    assert units[2].startswith("When")  # a paragraph that is no item ends the list
