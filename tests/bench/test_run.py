"""`zhaoshang bench all` end to end on a tiny corpus: real Chroma, real uvicorn, a load process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main


@pytest.mark.slow
def test_bench_all_writes_comparable_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results"
    code = main(["--env-file", str(tmp_path / "none.env"), "bench", "all", "--sizes", "50", "--real-max", "0",
                 "--load-requests", "6", "--concurrency", "2", "--load-seconds", "60", "--out", str(out),
                 "--work-dir", str(tmp_path)])
    assert code == 0
    assert "| answer p95 ms |" in capsys.readouterr().out
    data = json.loads((out / "bench-embedded.json").read_text(encoding="utf-8"))
    assert {"cores", "date", "git_commit"} <= set(data["machine"])
    (tier,) = data["tiers"]
    assert tier["vectors"].startswith("synthetic") and tier["embedder"] == "hash-384"
    assert tier["chunks"] == tier["corpus"]["chunks"] >= 50  # the index holds what the generator counted
    assert tier["index"]["chunks_embedded"] == tier["chunks"]
    assert tier["reindex_unchanged"] == {**tier["reindex_unchanged"], "chunks_embedded": 0, "embedder_texts": 0}
    for key in ("retrieval", "answer"):
        assert tier[key]["n"] >= 24 and 0 < tier[key]["p50_ms"] <= tier[key]["p95_ms"]
    assert tier["peak_rss_mb"] > 50
    assert tier["langchain"]["chunks"] > 0 and tier["langchain"]["retrieval"]["n"] > 0
    service = tier["service"]
    for key in ("api_ask", "dingtalk_callback"):
        assert service[key]["ok"] == 6 and service[key]["errors"] == 0, service[key]
    assert service["worker_peak_rss_mb"] > 50
    assert (out / "bench-embedded.md").read_text(encoding="utf-8").startswith("## zhaoshang bench all")


def test_bad_sizes_are_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--env-file", str(tmp_path / "none.env"), "bench", "all", "--sizes", "ten", "--out",
                 str(tmp_path)])
    assert code == 2
    assert "--sizes" in capsys.readouterr().err
