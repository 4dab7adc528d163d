"""Optional LLM answers over any OpenAI-compatible chat endpoint (Qwen, DeepSeek, vLLM, Ollama).

The model sees only the retrieved, audience-filtered passages. Its answer is accepted
only if it cites a 文号 from those passages and every number (with its unit) it states
occurs in them; otherwise the caller falls back to the extractive answer. A model
cannot invent an incentive rate that no document contains.
"""

from __future__ import annotations

import logging
import re

import httpx

from bot.models import Answer, Citation
from bot.settings import Settings
from knowledge.normalize import normalize

log = logging.getLogger(__name__)

SYSTEM_ZH = (
    "你是招商引资政策助手。只能根据给出的资料回答，不得使用资料以外的信息，不得编造数字。"
    "回答简洁，第一句直接回答问题，并注明来源文号（如 绍政办发〔2023〕17号）和章节。资料中没有答案时回答：知识库中没有找到。"
)
SYSTEM_EN = (
    "You answer investment-promotion questions using ONLY the passages given. Never add facts or numbers that are not "
    "in them. Answer briefly in English, first sentence answers the question, and cite the document number (文号) and "
    "section. Give Chinese official names in brackets. If the passages do not answer, say: I could not find this."
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LIST_MARKER = re.compile(r"(?m)^\s*\d{1,2}[.、)]\s*")


def numbers_supported(answer: str, context: str) -> bool:
    """Every number in the answer occurs in the context (years and list numbers included)."""
    known = {n.replace(",", "") for n in _NUMBER.findall(normalize(context))}
    prose = _LIST_MARKER.sub("", normalize(answer))
    return all(n.replace(",", "") in known for n in _NUMBER.findall(prose))


class LLMAnswerer:
    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(timeout=settings.llm_timeout_s)

    def answer(self, question: str, picked: list, lang: str) -> Answer | None:  # noqa: ANN001 - list[Picked]
        context = "\n\n".join(
            f"[{p.chunk.doc_no or p.chunk.title} {p.chunk.section_no or p.chunk.section}]\n{p.chunk.text}" for p in picked
        )
        messages = [
            {"role": "system", "content": SYSTEM_ZH if lang == "zh" else SYSTEM_EN},
            {"role": "user", "content": f"资料 / Passages:\n{context}\n\n问题 / Question: {question}"},
        ]
        try:
            resp = self.client.post(
                self.settings.llm_base_url.rstrip("/") + "/chat/completions",
                headers={"Authorization": f"Bearer {self.settings.llm_api_key}"} if self.settings.llm_api_key else {},
                json={"model": self.settings.llm_model, "messages": messages, "temperature": 0.1},
            )
            resp.raise_for_status()
            text = resp.json()["choices"][0]["message"]["content"].strip()
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as e:
            log.warning("llm call failed, using the extractive answer: %s", type(e).__name__)
            return None
        cited = [p for p in picked if p.chunk.doc_no and p.chunk.doc_no in normalize(text)]
        if not cited:
            log.info("llm answer rejected: no citation of a retrieved document")
            return None
        if not numbers_supported(text, context):
            log.info("llm answer rejected: a number is not in the retrieved passages")
            return None
        cites = [Citation(p.chunk.doc_no or "", p.chunk.title, p.chunk.section_no or p.chunk.section) for p in cited]
        if lang == "en" and any(p.chunk.language == "zh" for p in cited):
            text += "\n(Unofficial translation of the Chinese original; the Chinese text prevails.)"
        return Answer(text, lang, True, cites, "passage-llm")
