"""Shared shapes of the answer path: what a question and an answer look like everywhere."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Audience = Literal["staff", "investor"]
Language = Literal["zh", "en"]


@dataclass(frozen=True)
class Citation:
    doc_no: str
    title: str
    section: str

    def label(self) -> str:
        parts = [self.doc_no or self.title]
        if self.doc_no and self.title:
            parts.append(f"《{self.title}》")
        if self.section:
            parts.append(self.section)
        return " ".join(parts)


@dataclass
class Answer:
    """One answer; `to_json()` is exactly one line of the batch contract."""

    answer: str
    language: Language
    answered: bool
    citations: list[Citation] = field(default_factory=list)
    route: str = ""  # which path produced it (responsibility, figure, project, contact, passage, not-found …)
    latency_ms: float = 0.0
    responsible_units: list[str] = field(default_factory=list)  # who to ask when not answered
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self, qid: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if qid is not None:
            out["id"] = qid
        out.update(
            {
                "answer": self.answer,
                "language": self.language,
                "answered": self.answered,
                "citations": [asdict(c) for c in self.citations],
                "latency_ms": round(self.latency_ms, 1),
            }
        )
        return out
