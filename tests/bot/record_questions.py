"""Questions over the records of a few real documents, ranked by the assistant's own model: a
small catalogue in memory, the seed runtime's embedder, intents and weights."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.candidates import records
from bot.docrefs import DocIndex
from bot.knowledge_view import load_views
from bot.understand import understand
from knowledge.catalogue import Catalogue
from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file


def asker(assistant, paths: list[Path], kinds: tuple[str, ...] | None = None) -> Callable:  # noqa: ANN001
    """question → (understanding, knowledge, ranked record candidates of `kinds`, all when None)."""
    cat = Catalogue(":memory:")
    for path in paths:
        cat.upsert(parse_document(load_file(path)))
    k = load_views(cat, assistant.vectors, assistant._intents.by_language())["staff"]
    docs = DocIndex(k.docs, assistant.vectors)

    def run(question: str):
        u = understand(question, "staff", assistant._intents, docs, assistant.vectors)
        found = records(u, k)
        return u, k, assistant.model.rank([c for c in found if kinds is None or c.kind in kinds])

    return run
