"""Retrieval metrics over a question file: hit@k, hit within 1,500 characters, MRR, latency.

A question counts as a hit at k when the top-k passages together contain one string of
every `must_include` group (normalised on both sides). hit@1500c looks at the first
1,500 characters of ranked context instead, which is fair across chunk sizes.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.normalize import normalize

Search = Callable[[str, str], list[str]]  # (query, audience) -> ranked passage texts
DEPTH = 10


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    audience: str
    query: str
    must_include: list[list[str]]


def load_questions(path: Path) -> list[Question]:
    """Questions with `must_include` (others cannot be scored for retrieval); history is prepended."""
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{lineno}: not JSON ({e.msg})") from e
        if not q.get("must_include"):
            continue
        query = " ".join([*q.get("history", []), q["question"]])
        out.append(
            Question(
                str(q.get("id", lineno)),
                q.get("lang", "zh"),
                q.get("audience", "investor"),
                query,
                q["must_include"],
            )
        )
    return out


def _norm(text: str) -> str:
    return normalize(text).lower().replace(" ", "")


def covers(texts: Sequence[str], groups: list[list[str]]) -> bool:
    joined = _norm("\n".join(texts))
    return all(any(_norm(s) in joined for s in group) for group in groups)


def first_hit_rank(texts: Sequence[str], groups: list[list[str]]) -> int | None:
    for k in range(1, len(texts) + 1):
        if covers(texts[:k], groups):
            return k
    return None


def evaluate(search: Search, questions: Sequence[Question]) -> dict[str, dict[str, Any]]:
    """Metrics split by question language: {"zh": {...}, "en": {...}}."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for q in questions:
        started = time.perf_counter()
        texts = search(q.query, q.audience)[:DEPTH]
        ms = (time.perf_counter() - started) * 1000
        rank = first_hit_rank(texts, q.must_include)
        context = "\n".join(texts)[:1500]
        rows.setdefault(q.lang, []).append(
            {"id": q.id, "rank": rank, "ms": ms, "c1500": covers([context], q.must_include)}
        )
    return {lang: _summary(r) for lang, r in sorted(rows.items(), key=lambda kv: kv[0] != "zh")}


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    ms = sorted(r["ms"] for r in rows)

    def hit(k: int) -> float:
        return round(sum(1 for r in rows if r["rank"] is not None and r["rank"] <= k) / n, 3)

    return {
        "hit@1": hit(1),
        "hit@3": hit(3),
        "hit@5": hit(5),
        "hit@1500c": round(sum(r["c1500"] for r in rows) / n, 3),
        "mrr": round(sum(1 / r["rank"] for r in rows if r["rank"]) / n, 3),
        "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(ms[min(n - 1, int(round(0.95 * (n - 1))))], 1),
        "n": n,
        "misses@5": [r["id"] for r in rows if r["rank"] is None or r["rank"] > 5],
    }
