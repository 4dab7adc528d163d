"""`zhaoshang bench retrieval | all`: measure retrieval against its baselines.

`retrieval` builds, in one run over the same documents and the same embedder, our hybrid
index, LangChain's tutorial setup (RecursiveCharacterTextSplitter 500/50 + Chroma, dense
only) and BM25 alone, all in a temporary folder (the real index is never touched), then
reports hit@1/3/5, hit within 1,500 characters, MRR and latency split by zh/en.
`all` belongs to the `bench` package (issue 7) and is imported only when asked for.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[2].parent / "shared/eval/dev.jsonl"
METRICS = ("hit@1", "hit@3", "hit@5", "hit@1500c", "mrr", "p50_ms", "p95_ms", "n")


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="bench_command", required=True)
    r = sub.add_parser("retrieval", help="hybrid vs LangChain tutorial vs BM25 on a question file")
    r.add_argument(
        "--questions", type=Path, default=None, help=f"JSONL questions (default {DEFAULT_QUESTIONS})"
    )
    r.add_argument("--knowledge", type=Path, default=None, help="documents to index (default KNOWLEDGE_DIR)")
    r.add_argument("--json", action="store_true", help="print JSON instead of a table")
    r.add_argument(
        "--k", type=int, default=5, help="passages retrieved per question for the answer (default 5)"
    )
    a = sub.add_parser("all", help="the full benchmark of issue 7 (package `bench`)")
    try:
        from bench import add_all_arguments  # type: ignore[attr-defined]
    except ImportError:
        a.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    else:
        add_all_arguments(a)


def run(args: argparse.Namespace) -> int:
    if args.bench_command == "all":
        try:
            from bench import run_all  # type: ignore[attr-defined]
        except ImportError:
            print(
                "`zhaoshang bench all` is not available yet: the `bench` package has no run_all()",
                file=sys.stderr,
            )
            return 2
        return int(run_all(args) or 0)
    return run_retrieval(args)


def run_retrieval(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from retrieval.evaluation import load_questions

    questions_path = args.questions or DEFAULT_QUESTIONS
    if not questions_path.is_file():
        print(f"question file not found: {questions_path} (pass --questions FILE)", file=sys.stderr)
        return 2
    try:
        questions = load_questions(questions_path)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    if not questions:
        print(f"{questions_path}: no question has must_include; nothing to measure", file=sys.stderr)
        return 2
    if args.k <= 0:
        print("--k must be positive", file=sys.stderr)
        return 2
    settings = Settings.from_env(args.env_file)
    knowledge = args.knowledge or settings.knowledge_dir
    if not Path(knowledge).exists():
        print(f"knowledge folder not found: {knowledge}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="zhaoshang-bench-") as tmp:
        results = measure(replace(settings, data_dir=Path(tmp), chroma_host=""), Path(knowledge), questions)
    if args.json:
        print(json.dumps({"setups": results}, ensure_ascii=False, indent=2))
    else:
        print(format_table(results))
    return 0


def measure(settings: Any, knowledge: Path, questions: list) -> dict[str, dict[str, dict[str, Any]]]:
    """Build the three setups in `settings.data_dir` and evaluate each on `questions`."""
    from knowledge.catalogue import Catalogue
    from retrieval.embedder import build_embedder
    from retrieval.evaluation import DEPTH, evaluate
    from retrieval.indexer import Indexer
    from retrieval.retriever import HybridRetriever
    from retrieval.store import ChunkFilter, open_store

    embedder = build_embedder(settings)
    catalogue = Catalogue(settings.catalogue_path)
    store = open_store(settings)
    print(f"indexing {knowledge} for the hybrid setup …", file=sys.stderr)
    Indexer(settings, catalogue, embedder, store).index([knowledge])
    hybrid = HybridRetriever(settings, catalogue, embedder, store)
    bm25 = hybrid._lexical()
    hybrid.search("warm up", "staff")  # load the model and jieba before timing

    def hybrid_search(q: str, audience: str) -> list[str]:
        return [h.chunk.text for h in hybrid.search(q, audience, k=DEPTH)]

    def bm25_search(q: str, audience: str) -> list[str]:
        return [
            h.chunk.text for h in bm25.search(hybrid.expand(q), DEPTH, ChunkFilter.for_audience(audience))
        ]

    print("building the LangChain tutorial baseline …", file=sys.stderr)
    naive = _langchain_naive(settings, knowledge, embedder)

    def naive_search(q: str, audience: str) -> list[str]:
        return [d.page_content for d in naive.similarity_search(q, k=DEPTH)]

    out: dict[str, dict[str, dict[str, Any]]] = {}
    for name, search in (("hybrid", hybrid_search), ("langchain-naive", naive_search), ("bm25", bm25_search)):
        print(f"evaluating {name} …", file=sys.stderr)
        out[name] = {lang: {m: v[m] for m in METRICS} for lang, v in evaluate(search, questions).items()}
    return out


def _langchain_naive(settings: Any, knowledge: Path, embedder: Any) -> Any:
    """The tutorial: split raw file texts 500/50, embed, put in Chroma, similarity search."""
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from knowledge.loaders import load_many

    loaded, _ = load_many([knowledge])
    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    texts = [piece for lf in loaded for piece in splitter.split_text(lf.text)]
    db = Chroma(
        collection_name="langchain_naive",
        embedding_function=embedder,
        persist_directory=str(settings.data_dir / "langchain"),
        client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True),
        collection_metadata={"hnsw:space": "cosine"},
    )
    db.add_texts(texts)
    return db


def format_table(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    head = f"{'setup':<16}{'lang':<5}" + "".join(f"{m:>10}" for m in METRICS)
    lines = [head, "-" * len(head)]
    for setup, by_lang in results.items():
        for lang, m in by_lang.items():
            lines.append(f"{setup:<16}{lang:<5}" + "".join(f"{m[k]:>10}" for k in METRICS))
    return "\n".join(lines)
