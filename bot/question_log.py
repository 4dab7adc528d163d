"""Every question asked, its answer and its rating, in SQLite: what admins read to fill gaps.

Shared by the DingTalk handler, `/api/ask` and the admin page (which lists unanswered
questions first). One short-lived connection per call keeps it safe across threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

from bot.models import Answer
from knowledge.sqlite_files import is_damage, set_aside

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    question TEXT NOT NULL,
    audience TEXT NOT NULL,
    channel TEXT NOT NULL,
    conversation_id TEXT,
    sender TEXT,
    answered INTEGER NOT NULL,
    route TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    rating INTEGER,
    comment TEXT
);
CREATE INDEX IF NOT EXISTS questions_conv ON questions (conversation_id, sender, id);
"""

SQLITE_MAX_ID = 2**63 - 1  # an id outside SQLite's INTEGER range names no question (not a crash)
# What the log keeps of one question or comment: DingTalk accepts messages far longer than any
# question (the body limit is 1 MB), and the admin page lists these texts.
MAX_TEXT_CHARS = 4000

COLUMNS = ("id", "ts", "question", "audience", "channel", "conversation_id", "sender",
           "answered", "route", "answer", "citations", "rating", "comment")


class QuestionLog:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.set_aside: Path | None = None  # where a damaged log went (the admin status shows it)
        try:
            self._create()
        except sqlite3.DatabaseError as e:  # a garbage file must not stop the service at start
            if not is_damage(e):
                raise
            self.set_aside = set_aside(self.path, e, "question log")
            self._create()

    def _create(self) -> None:
        with closing(self._connect()) as db, db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record(
        self,
        question: str,
        audience: str,
        answer: Answer,
        conversation_id: str | None = None,
        channel: str = "api",
        sender: str | None = None,
    ) -> int:
        citations = json.dumps([c.label() for c in answer.citations], ensure_ascii=False)
        question = _clip(question)
        with self._lock, closing(self._connect()) as db, db:
            cur = db.execute(
                "INSERT INTO questions (ts, question, audience, channel, conversation_id, sender, answered,"
                " route, answer, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), question, audience, channel, conversation_id, sender, int(answer.answered),
                 answer.route, answer.answer, citations),
            )
            return int(cur.lastrowid)

    def feedback(self, question_id: int, rating: int, comment: str | None = None) -> bool:
        """Rate one answer +1/-1; False when there is no such question."""
        if rating not in (1, -1):
            raise ValueError("rating must be +1 or -1")
        if not 0 < question_id <= SQLITE_MAX_ID:
            return False
        with self._lock, closing(self._connect()) as db, db:
            cur = db.execute(
                "UPDATE questions SET rating = ?, comment = COALESCE(?, comment) WHERE id = ?",
                (rating, _clip(comment) if comment else comment, question_id),
            )
            return cur.rowcount == 1

    def last_for(self, conversation_id: str, sender: str | None = None, max_age_s: float = 86400) -> int | None:
        """The latest question of one person in one conversation (what a bare 👍 refers to)."""
        sql = "SELECT id FROM questions WHERE conversation_id = ? AND ts >= ?"
        args: list[object] = [conversation_id, time.time() - max_age_s]
        if sender is not None:
            sql += " AND sender = ?"
            args.append(sender)
        with closing(self._connect()) as db:
            row = db.execute(sql + " ORDER BY id DESC LIMIT 1", args).fetchone()
        return int(row["id"]) if row else None

    def get(self, question_id: int) -> dict | None:
        if not 0 < question_id <= SQLITE_MAX_ID:
            return None
        with closing(self._connect()) as db:
            row = db.execute("SELECT * FROM questions WHERE id = ?", (question_id,)).fetchone()
        return _row(row) if row else None

    def list(self, unanswered_first: bool = True, limit: int = 200) -> list[dict]:
        order = "answered ASC, id DESC" if unanswered_first else "id DESC"
        with closing(self._connect()) as db:
            rows = db.execute(f"SELECT * FROM questions ORDER BY {order} LIMIT ?", (int(limit),)).fetchall()
        return [_row(r) for r in rows]


def _row(row: sqlite3.Row) -> dict:
    out = {k: row[k] for k in COLUMNS}
    out["answered"] = bool(out["answered"])
    out["citations"] = json.loads(out["citations"] or "[]")
    return out


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT_CHARS else text[: MAX_TEXT_CHARS - 1] + "…"
