"""`Assistant.answer()`: the one orchestrator behind the CLI, the HTTP API and DingTalk.

question → route (bot.routing) → structured look-up over records (bot.lookup) or passage
retrieval (retrieval.HybridRetriever) → cited, language-matched text (bot.compose).
With no confident match the answer says so and names the responsible unit if known.
"""

from __future__ import annotations

import re
import threading
import time

from bot import compose
from bot.lookup import (
    Knowledge,
    find_contacts,
    find_document,
    find_figures,
    find_projects,
    find_responsibilities,
    find_unit,
    load_knowledge,
    project_filter,
    tasks_of_unit,
    visible,
)
from bot.memory import ConversationMemory, Turn
from bot.models import Answer, Citation
from bot.passages import best_passages
from bot.routing import Route, language_of, plan
from bot.settings import Settings
from knowledge.contacts_mask import mask_mobiles
from knowledge.gov_parse import doc_no_of
from retrieval.glossary import load_glossary

_CO_ASK = re.compile(r"配合|除了牵头|还有谁|还有哪些|其他单位|协同|co-?operat|who else|other units|besides|supporting", re.I)
MAX_QUESTION_CHARS = 1000

# thresholds for "confident enough to answer from a record" (see tests/bot/test_answer.py)
RESP_MIN = 0.45
FIGURE_MIN = 0.55
PROJECT_MIN = 0.6
CONTACT_MIN = 0.3


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
                self._knowledge[audience] = load_knowledge(self.catalogue, audience)
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
    def _route(self, route: Route, q: str, original: str, audience: str, lang: str, k: Knowledge, zh: str):  # noqa: ANN202, PLR0911
        if route == Route.DOC_FACT:
            d = find_document(k, q)
            if d:
                cite = Citation(d.doc_no or "", d.title, "落款")
                return self._done(compose.doc_fact(d, lang), lang, [cite], route.value, d), Turn(original, route.value, d, d.doc_no)
            return None, None
        if route == Route.CONTACT:
            found = find_contacts(k, q, zh)
            if found and found[0][0] >= CONTACT_MIN:
                c = found[0][1]
                d = k.doc(c.doc_no)
                cite = compose.citation(d, c.doc_no, c.section)
                return self._done(compose.contact(c, lang, audience), lang, [cite], route.value), Turn(original, route.value, c, c.doc_no)
            return self._not_found(q, lang, k, zh), None
        if route == Route.PROJECT_LIST:
            f = project_filter(q)
            projects = self.catalogue.projects(visible(audience), stage=f.stage, min_usd=f.min_usd, max_usd=f.max_usd,
                                               min_cny=f.min_cny, max_cny=f.max_cny, place=f.place)
            if projects:
                cites = [compose.citation(k.doc(p.doc_no), p.doc_no, p.section) for p in projects]
                text = compose.project_list(projects, f.describe(lang), lang)
                return self._done(text, lang, cites, route.value), Turn(original, route.value, None)
            return None, None
        if route == Route.UNIT_TASKS:
            en_units = [zh_u for zh_u in zh.split()] if zh else []
            unit = find_unit(k, q, en_units)
            if unit:
                rs = tasks_of_unit(k, unit, doc_no_of(q))
                if rs:
                    cites = [compose.citation(k.doc(r.doc_no), r.doc_no, f"{r.section} {r.task}") for r in rs]
                    return self._done(compose.unit_tasks(unit, rs, lang), lang, cites, route.value), Turn(original, route.value, None)
            route = Route.RESPONSIBILITY
        if route == Route.RESPONSIBILITY:
            found = find_responsibilities(k, q, zh, doc_no_of(q))
            found = self._boost_by_retrieval(found, q, audience)
            if found and found[0][0] >= RESP_MIN:
                r = found[0][1]
                d = k.doc(r.doc_no)
                text = compose.responsibility(r, lang, ask="co" if _CO_ASK.search(original) else "all")
                cite = compose.citation(d, r.doc_no, f"{r.section} {r.task}")
                return self._done(text, lang, [cite], route.value, d), Turn(original, route.value, r, r.doc_no, r.section)
            return None, None
        if route == Route.PROJECT:
            found = find_projects(k, q, zh)
            if found and found[0][0] >= PROJECT_MIN:
                best = found[0][1]
                same = sorted((p for s, p in found if p.name == best.name), key=lambda p: p.as_of or "", reverse=True)
                newest = same[0]
                text = compose.project(newest, lang, audience)
                if len(same) > 1:
                    older = same[1]
                    text += (f"\n（较早记录：截至{older.as_of}为{older.stage or older.amount_text}，以较新文件为准）" if lang == "zh"
                             else f"\n(An older record as of {older.as_of} said {older.stage or older.amount_text}; the newer one wins.)")
                cite = compose.citation(k.doc(newest.doc_no), newest.doc_no, newest.section)
                return self._done(text, lang, [cite], route.value), Turn(original, route.value, newest, newest.doc_no)
            return None, None
        if route == Route.FIGURE:
            found = find_figures(k, q, zh)
            if found and found[0][0] >= FIGURE_MIN:
                f = found[0][1]
                d = k.doc(f.doc_no)
                cite = compose.citation(d, f.doc_no, f.section)
                return self._done(compose.figure(f, lang, d), lang, [cite], route.value, d), Turn(original, route.value, f, f.doc_no)
            return None, None
        return None, None

    def _boost_by_retrieval(self, found, q: str, audience: str):  # noqa: ANN001, ANN202
        """Records whose section the retriever also ranks high get a boost: two signals agree."""
        if not found:
            return found
        clear_winner = len(found) == 1 or found[0][0] - found[1][0] >= 0.15
        if found[0][0] >= RESP_MIN and clear_winner:
            return found  # no need to pay for a query embedding
        try:
            hits = self.retriever.search(q, audience=audience, k=3)
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
