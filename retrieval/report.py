"""What one indexing run did: shown to admins, sent as the reindex notification.

Lives in the retrieval layer (the indexer fills it); `bot.runtime` re-exports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Progress = Callable[[int, int, str], None]  # (done, total, stage)


@dataclass
class IndexReport:
    """What one indexing run did; shown to admins and sent as the reindex notification."""

    new: list[str] = field(default_factory=list)  # doc ids
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}
    chunks_embedded: int = 0
    chunks_total: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)
