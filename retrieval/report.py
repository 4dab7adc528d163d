"""What one indexing run did: shown to admins, sent as the reindex notification.

Lives in the retrieval layer (the indexer fills it); `bot.runtime` re-exports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Progress = Callable[[int, int, str], None]  # (done, total, stage)
# the stages an indexing run reports, in order; the admin page labels each one in Chinese
STAGES = ("loading index", "catalogue", "embedding")


@dataclass
class IndexReport:
    """What one indexing run did; shown to admins and sent as the reindex notification."""

    new: list[str] = field(default_factory=list)  # doc ids
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    removed_docs: dict[str, dict[str, str | None]] = field(default_factory=dict)  # title, doc_no by doc id
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}
    superseded: list[str] = field(default_factory=list)  # uploads a newer upload replaced before this run
    chunks_embedded: int = 0
    chunks_total: int = 0
    seconds: float = 0.0
    # "all": the knowledge folder and uploads were compared; "files": only the files named
    # (an upload), so `unchanged` says nothing about the other documents
    scope: str = "all"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
