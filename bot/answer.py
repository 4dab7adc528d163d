"""`Assistant.answer()`: the one orchestrator behind the CLI, the HTTP API and DingTalk.

question → route (bot.routing) → structured look-up over records (bot.lookup) or passage
retrieval (retrieval.HybridRetriever) → cited, language-matched text (bot.compose).
With no confident match the answer says so and names the responsible unit if known.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from bot import compose
from bot.lookup import (
    Knowledge,
    find_contacts,
    find_document,
    find_figures,
    find_projects,
    find_responsibilities,
    find_unit,
    load_views,
    project_filter,
    tasks_of_unit,
    visible,
)
from bot.memory import ConversationMemory, Turn
from bot.models import Answer, Citation
from bot.passages import PASSAGE_K, best_passages
from bot.routing import Route, language_of, plan
from bot.settings import Settings
from knowledge.contacts_mask import mask_mobiles
from knowledge.gov_parse import doc_no_of
from retrieval.glossary import load_glossary
from retrieval.heap import trim

_CO_ASK = re.compile(r"配合|除了牵头|还有谁|还有哪些|其他单位|协同|co-?operat|who else|other units|besides|supporting", re.I)
MAX_QUESTION_CHARS = 1000

# thresholds for "confident enough to answer from a record" (see tests/bot/test_answer.py)
RESP_MIN = 0.45
FIGURE_MIN = 0.55
PROJECT_MIN = 0.6
CONTACT_MIN = 0.3


@dataclass(frozen=True)
class Ask:
    """One question on its way through a route: the text to match (with follow-up context),
    the original wording, who asks, in which language, what they may see, glossary terms."""

    q: str
    original: str
    audience: str
    lang: str
    k: Knowledge
    zh: str


Routed = tuple[Answer | None, Turn | None]


class Assistant:
    def __init__(self, settings: Settings, catalogue, retriever) -> None:  # noqa: ANN001
        self.settings = settings
        self.catalogue = catalogue
        self.retriever = retriever
        self.memory = ConversationMemory(settings.memory_ttl_s)
        self._knowledge: dict[str, Knowledge] = {}
        self._lock = threading.Lock()
        self._llm = None
        if settings.llm_enabled:
            from bot.llm import LLMAnswerer

            self._llm = LLMAnswerer(settings)

    def refresh(self) -> None:
        """Drop cached records after the catalogue changed (called by Runtime after indexing)."""
        with self._lock:
            self._knowledge.clear()

    def knowledge(self, audience: str) -> Knowledge:
        with self._lock:
            if audience not in self._knowledge:
                self._knowledge.update(load_views(self.catalogue))  # both audiences from one read
                trim()
            return self._knowledge[audience]

    # ------------------------------------------------------------------------------
    def answer(self, question: str, audience: str = "investor", conversation_id: str | None = None) -> Answer:
        started = time.perf_counter()
        audience = "staff" if audience == "staff" else "investor"  # unknown → closed
        question = (question or "").strip()[:MAX_QUESTION_CHARS]
        lang = language_of(question) if question else "zh"
        if not question:
            ans = Answer("请输入问题。" if lang == "zh" else "Please ask a question.", lang, False, route="empty")
        else:
            ans = self._answer(question, audience, conversation_id, lang)
        if audience != "staff":
            ans.answer = mask_mobiles(ans.answer)
        ans.latency_ms = (time.perf_counter() - started) * 1000
        return ans

    def _answer(self, question: str, audience: str, cid: str | None, lang: str) -> Answer:
        k = self.knowledge(audience)
        p = plan(question)
        zh_terms = self._zh_terms(question) if lang == "en" else ""
        last = self.memory.last(cid)
        context_q = question
        if last and p.followup:
            handled = self._followup(question, last, lang, k)
            if handled:
                return handled
            context_q = last.question + " " + question  # the route stays the new question's own
        ans, turn = self._route(p.route, context_q, question, audience, lang, k, zh_terms)
        if ans is None:
            ans, turn = self._passage(context_q, audience, lang, k, zh_terms)
        if turn:
            self.memory.remember(cid, turn)
        return ans

    def _zh_terms(self, question: str) -> str:
        terms = [zh for _, zhs in load_glossary().english_terms(question) for zh in zhs]
        return " ".join(dict.fromkeys(terms))

    def _followup(self, question: str, last: Turn, lang: str, k: Knowledge) -> Answer | None:
        if last.route == Route.RESPONSIBILITY.value and last.record is not None and _CO_ASK.search(question):
            r = last.record
            text = compose.responsibility(r, lang, ask="co")
            cite = compose.citation(k.doc(r.doc_no), r.doc_no, f"{r.section} {r.task}")
            return self._done(text, lang, [cite], "responsibility-followup")
        return None

    def _done(self, text: str, lang: str, cites: list[Citation], route: str, doc=None) -> Answer:  # noqa: ANN001
        warning = compose.status_warning(doc, lang)
        body = (warning + "\n" if warning else "") + text + "\n" + compose.sources_line(cites, lang)
        return Answer(body, lang, True, cites, route)

    # --- routes -------------------------------------------------------------------
    # Each route returns (answer, turn to remember), or (None, None) to fall back to passages.
    def _route(self, route: Route, q: str, original: str, audience: str, lang: str, k: Knowledge, zh: str) -> Routed:
        handler = {
            Route.DOC_FACT: self._doc_fact,
            Route.CONTACT: self._contact,
            Route.PROJECT_LIST: self._project_list,
            Route.UNIT_TASKS: self._unit_tasks,
            Route.RESPONSIBILITY: self._responsibility,
            Route.PROJECT: self._project,
            Route.FIGURE: self._figure,
        }.get(route)
        return handler(Ask(q, original, audience, lang, k, zh)) if handler else (None, None)

    def _cited(self, a: Ask, route: Route, text: str, record, doc_no: str, section: str, doc=None) -> Routed:  # noqa: ANN001
        """One record's answer with its citation, and the turn a follow-up can build on."""
        cite = compose.citation(a.k.doc(doc_no), doc_no, section)
        return self._done(text, a.lang, [cite], route.value, doc), Turn(a.original, route.value, record, doc_no, section)

    def _doc_fact(self, a: Ask) -> Routed:
        d = find_document(a.k, a.q)
        if not d:
            return None, None
        return self._cited(a, Route.DOC_FACT, compose.doc_fact(d, a.lang), d, d.doc_no or d.title, "落款", d)

    def _contact(self, a: Ask) -> Routed:
        found = find_contacts(a.k, a.q, a.zh)
        if not found or found[0][0] < CONTACT_MIN:
            return self._not_found(a.q, a.lang, a.k, a.zh), None
        c = found[0][1]
        return self._cited(a, Route.CONTACT, compose.contact(c, a.lang, a.audience), c, c.doc_no, c.section)

    def _project_list(self, a: Ask) -> Routed:
        f = project_filter(a.q)
        filters = {"stage": f.stage, "min_usd": f.min_usd, "max_usd": f.max_usd, "min_cny": f.min_cny,
                   "max_cny": f.max_cny, "place": f.place}  # fmt: skip
        projects = self.catalogue.projects(visible(a.audience), limit=compose.LIST_MAX, **filters)
        if not projects:
            return None, None
        total = self.catalogue.count_projects(visible(a.audience), **filters)
        cites = [compose.citation(a.k.doc(p.doc_no), p.doc_no, p.section) for p in projects]
        text = compose.project_list(projects, f.describe(a.lang), a.lang, total)
        return self._done(text, a.lang, cites, Route.PROJECT_LIST.value), Turn(a.original, Route.PROJECT_LIST.value)

    def _unit_tasks(self, a: Ask) -> Routed:
        unit = find_unit(a.k, a.q, a.zh.split())
        rs = tasks_of_unit(a.k, unit, doc_no_of(a.q)) if unit else []
        if not rs:
            return self._responsibility(a)  # "市商务局负责哪些…" naming no known unit: treat as who-leads
        cites = [compose.citation(a.k.doc(r.doc_no), r.doc_no, f"{r.section} {r.task}") for r in rs[: compose.LIST_MAX]]
        text = compose.unit_tasks(unit, rs, a.lang)
        return self._done(text, a.lang, cites, Route.UNIT_TASKS.value), Turn(a.original, Route.UNIT_TASKS.value)

    def _responsibility(self, a: Ask) -> Routed:
        found = find_responsibilities(a.k, a.q, a.zh, doc_no_of(a.q))
        found = self._boost_by_retrieval(found, a.q, a.audience)
        if not found or found[0][0] < RESP_MIN:
            return None, None
        r = found[0][1]
        text = compose.responsibility(r, a.lang, ask="co" if _CO_ASK.search(a.original) else "all")
        return self._cited(a, Route.RESPONSIBILITY, text, r, r.doc_no, f"{r.section} {r.task}", a.k.doc(r.doc_no))

    def _project(self, a: Ask) -> Routed:
        found = find_projects(a.k, a.q, a.zh)
        if not found or found[0][0] < PROJECT_MIN:
            return None, None
        best = found[0][1]
        same = sorted((p for p in a.k.projects if p.name == best.name), key=lambda p: p.as_of or "", reverse=True)
        newest = same[0]
        text = compose.project(newest, a.lang, a.audience)
        if len(same) > 1:  # two documents disagree: the newer wins, the older is mentioned
            older = same[1]
            text += (f"\n（较早记录：截至{older.as_of}为{older.stage or older.amount_text}，以较新文件为准）" if a.lang == "zh"
                     else f"\n(An older record as of {older.as_of} said {older.stage or older.amount_text}; the newer one wins.)")
        return self._cited(a, Route.PROJECT, text, newest, newest.doc_no, newest.section)

    def _figure(self, a: Ask) -> Routed:
        found = find_figures(a.k, a.q, a.zh)
        if not found or found[0][0] < FIGURE_MIN:
            return None, None
        f = found[0][1]
        d = a.k.doc(f.doc_no)
        return self._cited(a, Route.FIGURE, compose.figure(f, a.lang, d), f, f.doc_no, f.section, d)

    def _boost_by_retrieval(self, found, q: str, audience: str):  # noqa: ANN001, ANN202
        """Records whose section the retriever also ranks high get a boost: two signals agree."""
        if not found:
            return found
        clear_winner = len(found) == 1 or found[0][0] - found[1][0] >= 0.15
        if found[0][0] >= RESP_MIN and clear_winner:
            return found  # no need to pay for a query embedding
        try:
            hits = self.retriever.search(q, audience=audience, k=PASSAGE_K)[:3]  # same search as passages: cached
        except Exception:  # noqa: BLE001 - retrieval is a tie-breaker here, never a failure
            return found
        top = {(h.chunk.doc_no, h.chunk.section_no) for h in hits}
        boosted = [(s + (0.25 if (r.doc_no, r.section) in top else 0.0), r) for s, r in found]
        return sorted(boosted, key=lambda x: -x[0])

    def _passage(self, q: str, audience: str, lang: str, k: Knowledge, zh: str):  # noqa: ANN202
        picked = best_passages(self.retriever, k, q, audience, lang, zh)
        if not picked:
            return self._not_found(q, lang, k, zh), None
        if self._llm is not None:
            llm_answer = self._llm.answer(q, picked, lang)
            if llm_answer is not None:
                return llm_answer, Turn(q, Route.PASSAGE.value, None, picked[0].chunk.doc_no)
        cites = [Citation(p.chunk.doc_no or "", p.chunk.title, p.chunk.section_no or p.chunk.section) for p in picked]
        doc = k.doc(picked[0].chunk.doc_no or picked[0].chunk.title)
        text = compose.passage_text(picked, lang)
        return self._done(text, lang, cites, Route.PASSAGE.value, doc), Turn(q, Route.PASSAGE.value, None, picked[0].chunk.doc_no)

    def _not_found(self, q: str, lang: str, k: Knowledge, zh: str) -> Answer:
        found = find_responsibilities(k, q, zh)
        units = found[0][1].units[:1] if found and found[0][0] >= 0.3 else []
        ans = Answer(compose.not_found(lang, units), lang, False, [], "not-found", responsible_units=units)
        return ans
