"""`zhaoshang ask --explain`: how a question was read and why the answer won, for maintainers."""

from __future__ import annotations

from bot.ranking import FEATURES


def explain(assistant, question: str, audience: str = "staff", top: int = 40) -> str:  # noqa: ANN001
    u = assistant.understand(question, audience)
    k = assistant.knowledge(audience)
    intents = ", ".join(f"{i} {p:.2f}" for i, p in sorted(u.intent.probs.items(), key=lambda x: -x[1])[:4])
    best_docs = sorted(u.docs.fit.items(), key=lambda x: -x[1])[:3]
    lines = [
        f"language {u.lang}; intents {intents}",
        f"places {u.places} years {u.years} case {u.case} amounts {[a.text for a in u.amounts]} asks {u.asked_fact or '-'}",
        "documents " + "; ".join(f"{d} {f:.2f}" for d, f in best_docs) + (f"; named {u.docs.named}" if u.docs.named else ""),
        f"threshold {assistant.model.threshold_for(u.lang):.2f} ({u.lang})",
        "score  kind            " + " ".join(f"{f[:6]:>6}" for f in FEATURES) + "  text",
    ]
    for c in assistant.rank(u, k)[:top]:
        feats = " ".join(f"{c.features.get(f, 0):6.2f}" for f in FEATURES)
        lines.append(f"{c.score:5.2f}  {c.kind:15} {feats}  [{c.doc_key[:14]}] {c.text[:60]}")
    return "\n".join(lines)
