"""≥ 90 % of the responsibility tags of each shape become records, on real documents.

The tags are counted by `resp_census`, which shares no code with the extractor; a tag is
found when a record quotes it and its lead is the unit the tag names first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.normalize import normalize
from tests.knowledge.resp_census import census, tag_units_start

DATA = Path(__file__).resolve().parents[1] / "data"


def _coverage(folder: str) -> tuple[Counter, Counter]:
    total, found = Counter(), Counter()
    for path in sorted((DATA / folder).iterdir()):
        if path.suffix == ".md":
            continue
        loaded = load_file(path)
        tags = census(loaded.text)
        if not tags:
            continue
        records = parse_document(loaded).records.responsibilities
        for tag in tags:
            body = normalize(tag.text)
            total[tag.shape] += 1
            if any(body in normalize(r.source) and tag_units_start(body).startswith(r.lead) for r in records):
                found[tag.shape] += 1
    return total, found


@pytest.mark.parametrize("folder", ["dev-real", "resp-external"])
def test_every_shape_is_read(folder):
    total, found = _coverage(folder)
    assert sum(total.values()) > (250 if folder == "dev-real" else 10)
    short = {shape: f"{found[shape]}/{n}" for shape, n in total.items() if found[shape] < 0.9 * n}
    assert not short, short
