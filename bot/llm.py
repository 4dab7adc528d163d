"""Optional machine translation of an English answer's head, over any OpenAI-compatible endpoint
(Qwen, DeepSeek, vLLM, Ollama).

Without an LLM an English head lists the key facts of the Chinese sentence; with one, the head
may be a fluent translation, labelled "(machine translation)", and accepted only if every
number of the Chinese source is in it with its unit converted (1.5亿美元 = USD 150 million,
500万元 = RMB 5 million, 50% = 50%) and it states no number the source lacks. The model sees only
the sentence already chosen for the asker's audience, never the rest of the knowledge base.
"""

from __future__ import annotations

import logging
import re

import httpx

from bot.settings import Settings
from knowledge.extract.figures import find_amounts
from knowledge.normalize import normalize

log = logging.getLogger(__name__)
LABEL = " (machine translation)"
SYSTEM = ("Translate the Chinese government text into plain English for a foreign investor. Keep every number, "
          "convert amounts to English units (1.5亿美元 = USD 150 million, 500万元 = RMB 5 million), keep Chinese "
          "official names in brackets after their English name, add nothing. Reply with the translation only.")  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _plain(n: float) -> str:
    return f"{n:g}"


def expected_numbers(zh: str) -> list[set[str]]:
    """For each number of the source, the spellings an English rendering may use."""
    text = normalize(zh)
    out: list[set[str]] = []
    spans: list[tuple[int, int]] = []
    for at, a in find_amounts(text):
        spans.append((at, at + len(a.text)))
        absolute = a.amount_usd or a.amount_cny
        if a.unit == "%":
            out.append({_plain(a.value)})
        elif absolute:
            out.append({_plain(absolute), _plain(absolute / 1e6), _plain(absolute / 1e9), _plain(absolute / 1e3),
                        f"{absolute:,.0f}"})  # fmt: skip
    for m in _NUMBER.finditer(text):  # counts, years, days: the same digits
        if not any(s <= m.start() < e for s, e in spans):
            out.append({m.group(0).replace(",", "")})
    return out


def numbers_match(zh: str, en: str) -> bool:
    """Every source number appears (converted) in `en`, and `en` states no other number."""
    found = {n.replace(",", "") for n in _NUMBER.findall(en)} | set(_NUMBER.findall(en))
    wanted = expected_numbers(zh)
    if not all(spellings & found for spellings in wanted):
        return False
    allowed = set().union(*wanted) if wanted else set()
    allowed = {x.replace(",", "") for x in allowed} | allowed
    return all(n.replace(",", "") in allowed or n in allowed for n in _NUMBER.findall(en))


class LLMTranslator:
    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(timeout=settings.llm_timeout_s)

    def translate(self, zh: str) -> str | None:
        """The English of `zh`, labelled, or None (the caller keeps its own head)."""
        messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": zh}]
        try:
            resp = self.client.post(
                self.settings.llm_base_url.rstrip("/") + "/chat/completions",
                headers={"Authorization": f"Bearer {self.settings.llm_api_key}"} if self.settings.llm_api_key else {},
                json={"model": self.settings.llm_model, "messages": messages, "temperature": 0.0},
            )
            resp.raise_for_status()
            text = resp.json()["choices"][0]["message"]["content"].strip()
        except (httpx.HTTPError, KeyError, IndexError, ValueError) as e:
            log.warning("llm translation failed, keeping the extractive head: %s", type(e).__name__)
            return None
        if not text or re.search(r"[\u4e00-\u9fff]{8,}", re.sub(r"[（(][^）)]*[）)]", "", text)):
            log.info("llm translation rejected: not English")
            return None
        if not numbers_match(zh, text):
            log.info("llm translation rejected: its numbers do not match the source")
            return None
        return text.rstrip() + LABEL
