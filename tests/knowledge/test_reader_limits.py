"""Resource limits: zip bombs, runaway memory and slow files are refused, cheaply, and remembered."""

from __future__ import annotations

from pathlib import Path

from reader_builders import DEV_REAL, many_entries_docx, zip_bomb_docx

from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest
from knowledge.readers import ReadLimits, load_many


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_zip_bomb_docx_is_refused_before_parsing(tmp_path):
    bomb = zip_bomb_docx(tmp_path / "bomb.docx", inflated_mb=1024)
    assert bomb.stat().st_size < 8 << 20  # a few MB on disk, 1 GiB inflated
    before = _rss_mb()
    loaded, errors = load_many([bomb])
    assert loaded == [] and len(errors) == 1
    assert "refused as a possible zip bomb: the .docx inflates to 1,02" in errors[0].error
    assert "READER_MAX_INFLATED_MB" in errors[0].error
    assert _rss_mb() - before < 150  # parsing it took 2 GB before the limit


def test_too_many_zip_entries_are_refused(tmp_path):
    path = many_entries_docx(tmp_path / "entries.docx", extra=60)
    _, errors = load_many([path], ReadLimits(max_zip_entries=50))
    assert "entries, more than the limit of 50 (READER_MAX_ZIP_ENTRIES)" in errors[0].error


def test_a_file_needing_more_memory_fails_in_the_child_and_the_batch_goes_on(tmp_path):
    big = zip_bomb_docx(tmp_path / "a-big.docx", inflated_mb=300)  # under the size limit set below
    good = tmp_path / "b-good.docx"
    good.write_bytes(next(DEV_REAL.glob("022_*.docx")).read_bytes())
    before = _rss_mb()
    loaded, errors = load_many([tmp_path], ReadLimits(max_inflated_mb=400, memory_mb=350))
    assert [e.error for e in errors] == [
        "refused: reading it needs more than 350 MB of memory (READER_MEMORY_MB)"
    ]
    assert [Path(f.path).name for f in loaded] == ["b-good.docx"]  # read by a fresh child after the failure
    assert "渝经信发〔2024〕86号" in loaded[0].text
    assert _rss_mb() - before < 150
    assert big.exists()


def test_a_slow_file_is_stopped_at_the_time_limit(tmp_path):
    slow = zip_bomb_docx(tmp_path / "slow.docx", inflated_mb=200, paragraphs=True)
    _, errors = load_many([slow], ReadLimits(timeout_seconds=1, memory_mb=4096))
    assert errors[0].error == "refused: reading took longer than 1 s (READER_TIMEOUT_SECONDS)"


def test_a_failed_file_is_not_read_again_until_it_changes(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    bomb = zip_bomb_docx(kb / "plan.docx", inflated_mb=300)
    catalogue = Catalogue(tmp_path / "catalogue.sqlite3")
    first = ingest([kb], catalogue, prune=True)
    assert len(first.errors) == 1 and "zip bomb" in first.errors[0]["error"]
    (failure,) = catalogue.failures.list()
    assert failure["path"] == str(bomb) and "zip bomb" in failure["error"]
    again = ingest([kb], catalogue, prune=True)
    assert again.errors[0]["error"] == f"{failure['error']} [not read again until the file changes]"
    assert catalogue.failures.list()[0]["at"] == failure["at"]  # not read, so not failed again
    # a raised limit is worth one more try: read again (and refused by the next limit, memory)
    raised = ingest([kb], catalogue, prune=True, limits=ReadLimits(max_inflated_mb=400, memory_mb=350))
    assert "READER_MEMORY_MB" in raised.errors[0]["error"]
    # the admin replaces the file with a good one: read, indexed, failure forgotten
    bomb.write_bytes(next(DEV_REAL.glob("022_*.docx")).read_bytes())
    fixed = ingest([kb], catalogue, prune=True)
    assert fixed.errors == [] and fixed.new == ["plan"] and catalogue.failures.list() == []
    bomb.unlink()
    zip_bomb_docx(kb / "other.docx", inflated_mb=300)
    ingest([kb], catalogue, prune=True)
    (kb / "other.docx").unlink()
    ingest([kb], catalogue, prune=True)
    assert catalogue.failures.list() == []  # a failed file that is gone is forgotten
