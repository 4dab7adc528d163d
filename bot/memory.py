"""Per-conversation memory of the last topic, so follow-ups ("那配合单位呢？") work.

Entries expire after MEMORY_TTL_S; a conversation is keyed by the caller (DingTalk uses
conversationId + sender so colleagues in one group do not mix).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Turn:
    question: str
    route: str
    record: Any = None  # the record the answer was about (Responsibility, Project …)
    doc_no: str | None = None
    section: str | None = None
    at: float = field(default_factory=time.monotonic)


class ConversationMemory:
    def __init__(self, ttl_s: float = 1800, max_conversations: int = 10_000) -> None:
        self.ttl_s = ttl_s
        self.max = max_conversations
        self._turns: dict[str, Turn] = {}
        self._lock = threading.Lock()

    def last(self, conversation_id: str | None) -> Turn | None:
        if not conversation_id:
            return None
        with self._lock:
            turn = self._turns.get(conversation_id)
            if turn and time.monotonic() - turn.at > self.ttl_s:
                del self._turns[conversation_id]
                return None
            return turn

    def remember(self, conversation_id: str | None, turn: Turn) -> None:
        if not conversation_id:
            return
        with self._lock:
            if len(self._turns) >= self.max:
                oldest = min(self._turns, key=lambda k: self._turns[k].at)
                del self._turns[oldest]
            self._turns[conversation_id] = turn

    def forget(self, conversation_id: str) -> None:
        with self._lock:
            self._turns.pop(conversation_id, None)
