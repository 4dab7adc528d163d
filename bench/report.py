"""Issue 7's targets checked per tier, and the markdown table people compare from run to run."""

from __future__ import annotations

from typing import Any

# (name, threshold, tiers it applies to); answer p95 by tier size
ANSWER_P95_MS = {10000: 100.0, 100000: 250.0}
REINDEX_10K_S = 2.0
INDEX_VS_BARE = 0.8
SERVING_MB_100K = 1500.0
ANSWER_VS_LC = 1.0  # issue 7: answer p95 no slower than the tutorial's retrieval p95
ANSWER_VS_LC_ISSUE12 = 2.5  # issue 12 item 7: within 2.5× of it


def _get(d: dict[str, Any], *path: str) -> Any:
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def evaluate_targets(tier: dict[str, Any]) -> dict[str, Any]:
    """{target: {"value", "limit", "ok"}} for the targets that apply to this tier's size."""
    size = tier["size"]
    out: dict[str, Any] = {}

    def check(name: str, value: Any, limit: float, higher_is_better: bool = False) -> None:
        if value is None:
            return
        ok = value >= limit if higher_is_better else value <= limit
        out[name] = {"value": value, "limit": limit, "ok": bool(ok)}

    if size in ANSWER_P95_MS:
        check("answer_p95_ms", _get(tier, "answer", "p95_ms"), ANSWER_P95_MS[size])
    if size == 10000:
        check("reindex_unchanged_s", _get(tier, "reindex_unchanged", "seconds"), REINDEX_10K_S)
    check("reindex_unchanged_embeds", _get(tier, "reindex_unchanged", "embedder_texts"), 0)
    real = tier.get("vectors") == "real"  # with free hash vectors these two compare nothing the issue means
    if real:
        check("index_vs_bare_embedder", tier.get("index_vs_bare"), INDEX_VS_BARE, higher_is_better=True)
    if size == 100000:
        check("serving_peak_rss_mb", _get(tier, "service", "worker_peak_rss_mb"), SERVING_MB_100K)
    lc = _get(tier, "langchain", "retrieval", "p95_ms")
    ours = _get(tier, "answer", "p95_ms")
    if real and lc and ours is not None:
        check("answer_p95_vs_langchain_retrieval_p95", round(ours / lc, 2), ANSWER_VS_LC)
        check("answer_p95_vs_langchain_retrieval_p95_issue12", round(ours / lc, 2), ANSWER_VS_LC_ISSUE12)
    return out


def ratios(tier: dict[str, Any]) -> dict[str, float | None]:
    lc_ret = _get(tier, "langchain", "retrieval", "p95_ms")
    lc_same = _get(tier, "langchain_same_chunks", "retrieval", "p95_ms")
    lc_idx = _get(tier, "langchain", "index_chunks_per_s")
    ours_ans = _get(tier, "answer", "p95_ms")
    ours_idx = _get(tier, "index", "chunks_per_s")
    return {
        "answer_p95_vs_lc_retrieval_p95": round(ours_ans / lc_ret, 2) if lc_ret and ours_ans is not None else None,
        "answer_p95_vs_lc_same_chunks_retrieval_p95": round(ours_ans / lc_same, 2) if lc_same and ours_ans is not None else None,
        "index_throughput_vs_lc": round(ours_idx / lc_idx, 2) if lc_idx and ours_idx is not None else None,
    }


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.2f}" if v < 100 else f"{v:,.0f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chunks indexed", ("chunks",)),
    ("documents (policies + tables)", ("documents",)),
    ("vectors", ("vectors",)),
    ("embedder", ("embedder",)),
    ("index: chunks/s", ("index", "chunks_per_s")),
    ("index: seconds", ("index", "seconds")),
    ("bare embedder: chunks/s (sample)", ("bare_embedder", "chunks_per_s")),
    ("bare embedder: sample size", ("bare_embedder", "chunks")),
    ("index / bare embedder", ("index_vs_bare",)),
    ("unchanged re-index: s", ("reindex_unchanged", "seconds")),
    ("unchanged re-index: texts embedded", ("reindex_unchanged", "embedder_texts")),
    ("first questions (build keyword index): s", ("first_query_seconds",)),
    ("retrieval p50 ms", ("retrieval", "p50_ms")),
    ("retrieval p95 ms", ("retrieval", "p95_ms")),
    ("answer p50 ms", ("answer", "p50_ms")),
    ("answer p95 ms", ("answer", "p95_ms")),
    ("in-process peak RSS MB", ("peak_rss_mb",)),
    ("LangChain: chunks", ("langchain", "chunks")),
    ("LangChain: index chunks/s", ("langchain", "index_chunks_per_s")),
    ("LangChain: retrieval p50 ms", ("langchain", "retrieval", "p50_ms")),
    ("LangChain: retrieval p95 ms", ("langchain", "retrieval", "p95_ms")),
    ("LangChain at our chunk count: piece size (chars)", ("langchain_same_chunks", "chunk_size")),
    ("LangChain at our chunk count: chunks", ("langchain_same_chunks", "chunks")),
    ("LangChain at our chunk count: retrieval p95 ms", ("langchain_same_chunks", "retrieval", "p95_ms")),
    ("service workers", ("service", "workers")),
    ("service ready (incl. warm-up): s", ("service", "ready_seconds")),
    ("/api/ask ok/sent", ("service", "api_ask", "ok")),
    ("/api/ask p50 ms", ("service", "api_ask", "p50_ms")),
    ("/api/ask p95 ms", ("service", "api_ask", "p95_ms")),
    ("/api/ask req/s", ("service", "api_ask", "throughput_rps")),
    ("callback→reply ok", ("service", "dingtalk_callback", "ok")),
    ("callback→reply p50 ms", ("service", "dingtalk_callback", "p50_ms")),
    ("callback→reply p95 ms", ("service", "dingtalk_callback", "p95_ms")),
    ("callback req/s", ("service", "dingtalk_callback", "throughput_rps")),
    ("serving peak RSS MB (largest worker)", ("service", "worker_peak_rss_mb")),
)


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    tiers = results["tiers"]
    lines = [
        f"## zhaoshang bench all: {results['mode']} Chroma, {results['workers']} worker(s), "
        f"concurrency {results['concurrency']}",
        "",
        f"{m['cores']} cores ({m['cpu'] or 'unknown CPU'}), load {m.get('load_avg_1m')}, Python {m['python']}, "
        f"{m['date']}, commit {m['git_commit'] or 'unknown'}",
        "",
        "| figure | " + " | ".join(f"{t['size']:,}" for t in tiers) + " |",
        "|---|" + "---:|" * len(tiers),
    ]
    for label, path in ROWS:
        cells = []
        for t in tiers:
            v = _get(t, *path)
            if path[-1] == "ok" and v is not None:
                sent = _get(t, *path[:-1], "requests")
                v = f"{v}/{sent}"
            cells.append(_fmt(v))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for name in ("answer_p95_vs_lc_retrieval_p95", "answer_p95_vs_lc_same_chunks_retrieval_p95", "index_throughput_vs_lc"):
        lines.append(f"| ratio {name} | " + " | ".join(_fmt(ratios(t)[name]) for t in tiers) + " |")
    lines.append("")
    for t in tiers:
        verdicts = [f"{k} {v['value']} (limit {v['limit']}) {'ok' if v['ok'] else 'MISSED'}"
                    for k, v in t.get("targets", {}).items()]
        if verdicts:
            lines.append(f"- {t['size']:,}: " + "; ".join(verdicts))
    return "\n".join(lines)
