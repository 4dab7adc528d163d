"""`zhaoshang docs list | show`: a table of the catalogue, and one document's records as JSON."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from bot.commands import docs
from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest

KB = Path(__file__).resolve().parents[3] / "knowledge_base"
SEEDS = ["shaoxing-2023-17-international-investment.txt", "zhuji-2022-5-proposal-reply.txt"]


def _run(*argv: str, env_file: Path) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-file", default=str(env_file))
    docs.add_arguments(parser)
    return docs.run(parser.parse_args(list(argv)))


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("ZHAOSHANG_DATA_DIR", str(data))
    return data


@pytest.fixture
def indexed(tmp_path, data_dir):
    kb = tmp_path / "kb"
    kb.mkdir()
    for name in SEEDS:
        shutil.copy(KB / name, kb / name)
    catalogue = Catalogue(data_dir / "catalogue.sqlite3")
    assert ingest([kb], catalogue).errors == []
    catalogue.close()
    return data_dir


def test_empty_catalogue_says_run_index_first(tmp_path, data_dir, capsys):
    assert _run("list", env_file=tmp_path / "none.env") == 1
    assert "run `zhaoshang index` first" in capsys.readouterr().err
    assert not data_dir.exists()  # listing does not create the data folder


def test_list_is_a_table(tmp_path, indexed, capsys):
    assert _run("list", env_file=tmp_path / "none.env") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "doc_no",
        "title",
        "date",
        "visibility",
        "kind",
        "status",
        "resp",
        "fig",
        "proj",
        "cont",
        "ref",
        "inc",
        "rows",
    ]
    row = next(line for line in out if line.startswith("绍政办发〔2023〕17号"))
    assert "2023-04-26" in row and "public" in row and " 11 " in row
    assert next(line for line in out if line.startswith("诸招商〔2022〕5号")).split()[3] == "internal"
    assert out[-1] == "2 documents"
    assert _run("list", "--visibility", "public", "--json", env_file=tmp_path / "none.env") == 0
    assert [d["doc_no"] for d in json.loads(capsys.readouterr().out)] == ["绍政办发〔2023〕17号"]


def test_show_json_has_metadata_and_responsibilities_lead_first(tmp_path, indexed, capsys):
    assert _run("show", "绍政办发[2023]17号", "--json", env_file=tmp_path / "none.env") == 0
    data = json.loads(capsys.readouterr().out)
    assert (
        data["doc_no"] == "绍政办发〔2023〕17号" and data["visibility"] == "public" and data["version"] == 1
    )
    resp = data["records"]["responsibilities"]
    assert len(resp) == 11
    assert set(resp[0]) == {"section", "task", "lead", "units"}
    assert resp[0]["section"] == "二、（一）" and resp[0]["lead"] == resp[0]["units"][0] == "市投资促进中心"
    assert data["records"]["responsibilities"][1]["units"][-1] == "各区、县（市）政府"


def test_show_text_and_unknown_document(tmp_path, indexed, capsys):
    assert _run("show", "zhuji-2022-5-proposal-reply", env_file=tmp_path / "none.env") == 0
    out = capsys.readouterr().out
    assert "诸招商〔2022〕5号" in out and "projects (" in out and "(personal)" in out
    assert _run("show", "不存在〔2020〕1号", env_file=tmp_path / "none.env") == 1
    assert "no document" in capsys.readouterr().err


def test_show_lists_incentives_and_table_rows(tmp_path, data_dir, capsys):
    """Every record kind is listed: a policy's incentives in the document's words (JSON adds the
    English line), and the table rows section even when a document has none."""
    kb = tmp_path / "kb"
    kb.mkdir()
    shutil.copy(KB / "019_wenzhou-open-economy-policy-opinions.txt", kb / "wz.txt")
    catalogue = Catalogue(data_dir / "catalogue.sqlite3")
    assert ingest([kb], catalogue).errors == []
    catalogue.close()
    assert _run("show", "wz", env_file=tmp_path / "none.env") == 0
    out = capsys.readouterr().out
    assert "incentives (" in out and "table_rows (0)" in out
    assert "每万美元1000元" in out and "条件：" in out
    assert _run("show", "wz", "--json", env_file=tmp_path / "none.env") == 0
    incentives = json.loads(capsys.readouterr().out)["records"]["incentives"]
    top = next(i for i in incentives if i["amount_cny"] == 2_000_000)
    assert top["summary_en"].startswith("A one-off reward of RMB 2 million (200万元)")
    assert top["frequency"] == "one-off" and "新引进" in top["case"]
    assert _run("list", env_file=tmp_path / "none.env") == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "开放型经济" in line)
    assert row.split()[-2] == str(len(incentives))
