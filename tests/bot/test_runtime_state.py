"""What a first-time admin sees of indexing: the embedding stage as it runs, and the last index
time after a restart. A real Runtime and Chroma, with the benchmark's deterministic hash vectors
(the stages and the state file do not depend on the model)."""

import re
import shutil
from pathlib import Path

import pytest

from bench.hashembed import HashEmbeddings
from bot.runtime import Runtime
from bot.settings import Settings
from retrieval.report import STAGES
from tests.conftest import SEEDS

ADMIN_JS = Path(__file__).resolve().parents[2] / "bot" / "admin" / "static" / "admin.js"


@pytest.fixture
def settings(tmp_path):
    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, knowledge / seed.name)
    return Settings.from_env(
        None, data_dir=tmp_path / "data", knowledge_dir=knowledge, embedding_batch_size=4
    )


def test_the_last_index_time_survives_a_restart(settings):
    first = Runtime(settings, embedder=HashEmbeddings())
    first.warm_up()  # a new data folder: indexes the knowledge folder
    when = first.status()["last_index_time"]
    assert when is not None
    restarted = Runtime(settings, embedder=HashEmbeddings())
    assert restarted.status()["last_index_time"] == when  # before it has indexed anything
    restarted.warm_up()
    restarted.reindex()
    assert restarted.status()["last_index_time"] > when


def test_indexing_reports_the_embedding_stage_as_it_runs_and_the_page_names_every_stage_in_chinese(settings):
    runtime = Runtime(settings, embedder=HashEmbeddings())
    runtime.warm_up(index_if_new=False)
    seen: list[tuple[int, int, str]] = []
    report = runtime.reindex(progress=lambda done, total, stage: seen.append((done, total, stage)))
    embedding = [(done, total) for done, total, stage in seen if stage == "embedding"]
    assert embedding[0] == (0, report.chunks_embedded)  # shown before the first batch, not after
    assert len(embedding) > 2 and embedding[-1] == (report.chunks_embedded, report.chunks_embedded)
    assert {stage for _, _, stage in seen} <= set(STAGES)

    labels = dict(
        re.findall(
            r'"([a-z ]+)": "([^"]+)"',
            re.search(r"STAGE_LABELS = \{(.*?)\}", ADMIN_JS.read_text(encoding="utf-8"), re.S).group(1),
        )
    )
    for stage in STAGES:
        assert re.search(r"[\u4e00-\u9fff]", labels.get(stage, "")), f"stage {stage!r} has no Chinese label"
