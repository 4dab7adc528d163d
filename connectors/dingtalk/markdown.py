"""An `Answer` as DingTalk markdown: text, sources (文号 《title》 section), feedback invitation.

DingTalk renders only a markdown subset (no tables, no code) and drops long messages, so
long answers are split at paragraph boundaries into several messages.
"""

from __future__ import annotations

from bot.models import Answer

MAX_CHARS = 3500
FEEDBACK = {
    "zh": "> 这条答复有帮助吗？回复 👍 或 👎 评价。",
    "en": "> Was this helpful? Reply 👍 or 👎 to rate this answer.",
}
SOURCES = {"zh": "**来源**", "en": "**Sources**"}
ESCALATE = {"zh": "请 {who} 协助答复（责任单位：{units}）", "en": "{who}, could you help answer this? (responsible: {units})"}


def _lines(text: str) -> str:
    """Single newlines become markdown hard breaks (DingTalk otherwise joins the lines)."""
    return "\n".join(line.rstrip() + "  " if line.strip() else "" for line in text.strip().splitlines())


def format_answer(
    answer: Answer,
    at_staff_id: str | None = None,
    escalate_to: list[str] | None = None,
    units: list[str] | None = None,
) -> tuple[str, str]:
    """(title, text); `at_staff_id` is written as @id, which DingTalk needs besides `at.atUserIds`."""
    lang = answer.language if answer.language in ("zh", "en") else "zh"
    parts: list[str] = []
    if at_staff_id:
        parts.append(f"@{at_staff_id}")
    parts.append(_lines(answer.answer))
    seen: list[str] = []
    for c in answer.citations:
        label = c.label()
        if label and label not in seen and label not in answer.answer:  # the text may already cite it
            seen.append(label)
    if seen:
        parts.append(SOURCES[lang] + "\n\n" + "\n".join(f"- {label}" for label in seen))
    if escalate_to:
        who = " ".join(f"@{s}" for s in escalate_to)
        parts.append(ESCALATE[lang].format(who=who, units="、".join(units or [])))
    parts.append(FEEDBACK[lang])
    return title_of(answer.answer), "\n\n".join(p for p in parts if p)


def title_of(text: str, limit: int = 24) -> str:
    """The notification preview: the first line, shortened."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "答复")
    first = first.lstrip("#>-* ").strip() or "答复"
    return first if len(first) <= limit else first[: limit - 1] + "…"


def split_markdown(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Pieces of at most `limit` chars, cut at blank lines, then lines, then hard."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for block in _blocks(text, limit):
        sep = "\n\n" if current else ""
        if len(current) + len(sep) + len(block) <= limit:
            current += sep + block
        else:
            if current:
                pieces.append(current)
            current = block
    if current:
        pieces.append(current)
    return pieces


def _blocks(text: str, limit: int) -> list[str]:
    out: list[str] = []
    for para in text.split("\n\n"):
        if len(para) <= limit:
            out.append(para)
            continue
        line_buf = ""
        for line in para.split("\n"):
            while len(line) > limit:
                if line_buf:
                    out.append(line_buf)
                    line_buf = ""
                out.append(line[:limit])
                line = line[limit:]
            if len(line_buf) + len(line) + 1 > limit:
                out.append(line_buf)
                line_buf = line
            else:
                line_buf = f"{line_buf}\n{line}" if line_buf else line
        if line_buf:
            out.append(line_buf)
    return out
