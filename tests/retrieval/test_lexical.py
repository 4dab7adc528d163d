"""BM25 over jieba tokens: office vocabulary stays whole, investors see public chunks only."""

from knowledge.models import Chunk
from retrieval.chunking import chunk_id, embed_text
from retrieval.lexical import BM25Index, Tokenizer
from retrieval.store import ChunkFilter


def _chunk(doc_id, text, visibility="public", kind="policy", doc_no=None):
    return Chunk(
        chunk_id=chunk_id(doc_id, "", text), doc_id=doc_id, doc_no=doc_no, title=doc_id, section="",
        section_no="", date=None, visibility=visibility, kind=kind, language="zh", text=text,
        embed_text=embed_text(doc_id, doc_no, "", text),
    )  # fmt: skip


def test_office_vocabulary_stays_one_token():
    tok = Tokenizer(["璞剑空气轴承项目"])
    tokens = tok.tokenize("市投资促进中心牵头，要素保障；绍政办发[2023]17号；璞剑空气轴承项目；QFLP试点")
    for word in ("市投资促进中心", "牵头", "要素保障", "绍政办发〔2023〕17号", "璞剑空气轴承项目", "qflp"):
        assert word in tokens
    assert "的" not in tok.tokenize("外资的目标") and "，" not in tokens


def test_english_is_lowercased_and_stopwords_dropped():
    assert Tokenizer().tokenize("The Forums of Shaoxing") == ["forum", "shaoxing"]


FILLER = [
    _chunk(f"f{i}", t)
    for i, t in enumerate(["天气晴朗", "交通出行", "教育医疗", "文化旅游", "农业农村", "体育赛事"])
]


def test_investor_never_sees_internal_chunks():
    chunks = FILLER + [
        _chunk("pub", "海亮集团利润再投资项目公开介绍"),
        _chunk("int", "海亮集团利润再投资项目已进入方案架构阶段", visibility="internal"),
    ]
    index = BM25Index(chunks, Tokenizer())
    staff = index.search("海亮集团利润再投资项目方案架构", 5, ChunkFilter.for_audience("staff"))
    investor = index.search("海亮集团利润再投资项目方案架构", 5, ChunkFilter.for_audience("investor"))
    assert staff[0].chunk.doc_id == "int"
    assert [h.chunk.doc_id for h in investor] == ["pub"]


def test_kind_and_doc_no_filters_apply_before_ranking():
    chunks = FILLER + [_chunk(f"d{i}", "外资项目协调机制 市发改委", kind="policy") for i in range(3)]
    chunks.append(_chunk("r", "外资", kind="reply", doc_no="诸招商〔2022〕5号"))
    index = BM25Index(chunks, Tokenizer())
    hits = index.search("外资项目协调机制", 1, ChunkFilter.for_audience("staff", kinds=["reply"]))
    assert [h.chunk.doc_id for h in hits] == ["r"]  # found although it ranks last overall
    hits = index.search("外资", 5, ChunkFilter.for_audience("staff", doc_no="诸招商〔2022〕5号"))
    assert [h.chunk.doc_id for h in hits] == ["r"]


def test_empty_index_and_empty_query():
    assert BM25Index([], Tokenizer()).search("外资", 5, ChunkFilter.for_audience("staff")) == []
    index = BM25Index([*FILLER, _chunk("a", "外资")], Tokenizer())
    assert index.search("的 吗？", 5, ChunkFilter.for_audience("staff")) == []
