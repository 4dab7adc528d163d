"""The held-out sets stay at the bar issue 11 sets for documents not shown (at least 26 of 28 fully
right): a change that helps one shape must not break the others. The figures are printed by
`python -m tests.knowledge.metadata_check tests/data/heldoutN`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from tests.knowledge.metadata_check import _files, mismatches

DATA = Path(__file__).resolve().parents[1] / "data"


# Each floor keeps what general fixes reached and is raised as the remaining shapes are handled:
# heldout7 started at 18/28, heldout8 at 15/28, heldout9 at 8/28 (its first, blind run), heldout10 (25 web-page
# copies) at 10/25.
FLOORS = {
    "heldout": 28, "heldout2": 28, "heldout3": 28, "heldout4": 28, "heldout5": 28, "heldout6": 27,
    "heldout7": 27, "heldout8": 27, "heldout9": 28, "heldout10": 23,
}  # fmt: skip
SIZES = {"heldout10": 25}  # the others hold 28


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_held_out_set_is_at_least_26_of_28_right(folder):
    root = DATA / folder
    expected = json.loads((root / "expected.json").read_text("utf-8"))
    files = _files(root)
    wrong = {key: mismatches(parse_document(load_file(files[key])), exp) for key, exp in expected.items()}
    wrong = {key: bad for key, bad in wrong.items() if bad}
    assert len(expected) == SIZES.get(folder, 28)
    assert len(expected) - len(wrong) >= FLOORS[folder], wrong
