"""`Assistant.answer()`: the one orchestrator behind the CLI, the HTTP API and DingTalk.

understand (bot.understand) → gather candidates (bot.candidates: records of every kind, the
sentences of the top passages, document facts) → rank (bot.ranking: one scoring function,
one "not found" threshold) → compose (bot.compose: the fact first, then the source sentence,
then 来源). Counts, lists and extremes over tables go through bot.tables. With no candidate
above the threshold the answer says so plainly and names the responsible unit when known.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

import numpy as np

from bot import compose
from bot.candidates import Candidate, doc_facts, records, sentences
from bot.docrefs import DocIndex
from bot.filters import (
    aims,
    by_place,
    case_first,
    closest_tier,
    not_restated,
    not_sums_for_one,
    other_years,
    row_first,
)
from bot.intents import IntentClassifier
from bot.knowledge_view import Knowledge, load_views, visible
from bot.memory import ConversationMemory, Turn
from bot.models import Answer, Citation
from bot.project_filters import project_filter
from bot.ranking import load_model
from bot.render_en import substantive
from bot.sentences import states_fact, states_part
from bot.settings import Settings
from bot.tables import TableResult, pick_table, row_name
from bot.text_match import raw_bigrams
from bot.understand import (
    DOC_NAMED,
    YEARS,
    Understanding,
    facts_of_parts,
    is_followup,
    language_of,
    understand,
)
from knowledge.contacts_mask import mask_mobiles
from knowledge.normalize import normalize
from knowledge.places import places_in, without_origin
from retrieval.heap import trim

MAX_QUESTION_CHARS = 1000
# a follow-up ("其中10亿元以上的有多少个？") is about the document the last answer came from, as
# much as a question naming that document, unless it names another year or place of its own
FOLLOWED_FIT = 1.0
PROJECT_LIST_MIN = 3  # projects a document must hold to be counted and filtered as a list
PASSAGE_K = 20  # passages retrieved: the records they hold are candidates …
SENTENCE_PASSAGES = 10  # … and the sentences of the first ten
FIGURE_FACTS = ("percent", "money", "count", "quantity")
CHECKED_FACTS = ("percent", "score", "date", "phone", "money", "count", "quantity", "issuer")  # absent: the text shows it plainly
STATING_WITHIN = 5  # candidates looked at for one that states the asked fact
EXTRA_MIN = 0.6  # a candidate for another part of the question must score this close to the best …
EXTRA_MIN_BARE = 0.5  # … or this close when the part names nothing of its own and its document is the best's
PART_COVERED = 0.5  # … and name this share of that part's bigrams (the best did not)
PART_NAMED = 0.25  # … or, stating the kind of fact the part asks for (多少分 → a score), this share
ISSUING = frozenset({"印发", "发布", "出台", "签发", "成文", "发文", "下发", "公布"})  # a part asking of the document itself


@dataclass
class View:
    knowledge: Knowledge
    docs: DocIndex


class Assistant:
    def __init__(self, settings: Settings, catalogue, retriever, vectors=None) -> None:  # noqa: ANN001
        from retrieval.vector_cache import VectorCache

        self.settings = settings
        self.catalogue = catalogue
        self.retriever = retriever
        self.memory = ConversationMemory(settings.memory_ttl_s)
        self.vectors = vectors or getattr(retriever, "vectors", None) or VectorCache(
            settings.data_dir / "text_vectors.sqlite3", retriever.embedder)
        self.model = load_model()
        self._views: dict[str, View] = {}
        self._intents: IntentClassifier | None = None
        self._lock = threading.Lock()
        self._translate = None
        if settings.llm_enabled:
            from bot.llm import LLMTranslator

            self._translate = LLMTranslator(settings).translate

    def refresh(self) -> None:
        """Drop the snapshots after the catalogue changed (Runtime calls this after indexing)."""
        with self._lock:
            self._views.clear()

    def prepare(self) -> None:
        """Build the snapshots now (at warm-up and after indexing), not in the first answer."""
        self.view("staff")

    def view(self, audience: str) -> View:
        with self._lock:
            if audience not in self._views:
                if self._intents is None:
                    self._intents = IntentClassifier(self.vectors)
                views = load_views(self.catalogue, self.vectors, self._intents.by_language(),
                                   self.settings.home_place or None, self._passage_sample())  # both audiences
                self._views = {a: View(kn, DocIndex(kn.docs, self.vectors, kn.body_df, kn.romanized)) for a, kn in views.items()}
                trim()
            return self._views[audience]

    def _passage_sample(self) -> np.ndarray | None:
        store = getattr(self.retriever, "store", None)
        rows = store.sample_vectors(400) if store is not None and hasattr(store, "sample_vectors") else []
        return np.asarray(rows, dtype=np.float32) if rows else None

    def knowledge(self, audience: str) -> Knowledge:
        return self.view(audience).knowledge

    # ------------------------------------------------------------------------------
    def answer(self, question: str, audience: str = "investor", conversation_id: str | None = None) -> Answer:
        started = time.perf_counter()
        audience = "staff" if audience == "staff" else "investor"  # unknown → closed
        question = (question or "").strip()[:MAX_QUESTION_CHARS]
        lang = language_of(question) if question else "zh"
        if not question:
            ans = Answer("请输入问题。" if lang == "zh" else "Please ask a question.", lang, False, route="empty")
        else:
            ans = self._answer(question, audience, conversation_id)
        if audience != "staff":
            ans.answer = mask_mobiles(ans.answer)
        ans.latency_ms = (time.perf_counter() - started) * 1000
        return ans

    def understand(self, question: str, audience: str, context: str = "") -> Understanding:
        v = self.view(audience)
        weigh = getattr(self.retriever, "term_weights", None)
        return understand(question, audience, self._intents, v.docs, self.vectors, context,
                          (lambda text: weigh(text, audience)) if weigh else None)  # fmt: skip

    def _answer(self, question: str, audience: str, cid: str | None) -> Answer:
        v = self.view(audience)
        last = self.memory.last(cid)
        followup = last is not None and is_followup(question)
        u = self.understand(question, audience, last.question if followup else "")
        if followup and last.doc_no and _same_setting(question, u):
            u.docs.fit[last.doc_no] = max(u.docs.of(last.doc_no), FOLLOWED_FIT)
        if followup and last.route == "responsibility" and u.wants_co and last.record is not None:
            c = Candidate("responsibility", last.record, last.record.doc_no, last.section or "", "")
            return self._compose(u, v.knowledge, [c], "responsibility-followup", cid)
        tasks = self._unit_tasks(u, v.knowledge)
        if tasks is not None:
            return tasks
        projects = self._projects(u, v.knowledge, cid)
        if projects is not None:
            return projects
        table = pick_table(u, v.knowledge, last.record if followup and last.route == "table" else None,
                           self.catalogue, visible(audience))  # fmt: skip
        if table is not None:
            return self._table(u, v.knowledge, table, cid)
        ranked = self._stating(u, v.knowledge, case_first(u, row_first(u, self.rank(u, v.knowledge)),
                                                           lambda c: self.model.answers(c, u.lang)))
        if not ranked or not self.model.answers(ranked[0], u.lang):
            return self._not_found(u, ranked)
        return self._compose(u, v.knowledge, self._answer_set(u, ranked, v.knowledge), ranked[0].kind, cid)

    def candidates(self, u: Understanding, k: Knowledge) -> list[Candidate]:
        query = without_origin(u.question)  # the asker's home is no place the answer must be of
        query = f"{query} {u.names_zh}" if u.names_zh else query  # the names as printed
        hits = self.retriever.search(query, audience=u.audience, k=PASSAGE_K)
        recs = records(u, k, hits)
        found = recs + not_restated(u, recs, sentences(u, k, hits[:SENTENCE_PASSAGES])) + doc_facts(u, k)
        if u.actual:  # "最终完成了多少": a target is no answer, however close its words
            found = [c for c in found if not aims(c)]
        found = not_sums_for_one(u, found)
        if u.years and (u.actual or u.asked_fact in FIGURE_FACTS):  # a figure of 2021 is not one of 2023
            found = [c for c in found if not other_years(c, u.years)]
        if u.places:
            found = by_place(found, u.lang)
        found = closest_tier(found)
        if u.docs.named:  # a 文号 in the question narrows the answer to that document
            named = [c for c in found if c.doc_key in u.docs.named]
            found = named or found
        return found

    def _stating(self, u: Understanding, k: Knowledge, ranked: list[Candidate]) -> list[Candidate]:
        """When the question asks for a kind of fact a text can be checked for (a rate, a score, a
        date, a phone number), the best candidate that states one leads; none among the close
        ones: the documents do not say, whatever else they say on the topic."""
        fact = u.asked_fact if u.asked_fact in CHECKED_FACTS else None
        if (fact is None and not u.asked_per and not u.asked_money and not u.asked_role) or not ranked:
            return ranked
        close = [c for c in ranked[:STATING_WITHIN] if self.model.answers(c, u.lang)]
        def states(c: Candidate) -> bool:  # the record's rendered head or the text it was matched on
            head = compose.render(c, u, k.doc(c.doc_key))[0] if c.kind != "sentence" else ""
            said = f"{c.text} {head}".lower()
            # what the question says the fact is of must be named: an amount per person is not one
            # per square metre (每平方米多少钱), a signing date no start of works (哪天开工), a sum
            # signed no sum paid in (到位资金多少), the host of an event not its organiser (承办单位)
            dated = u.asked_event if fact == "date" and c.kind != "doc_fact" else ()
            if any(forms and not any(f in said for f in forms) for forms in (u.asked_per, dated, u.asked_money, u.asked_role)):
                return False
            return fact is None or states_fact(c.text, fact) or bool(head) and states_fact(head, fact)

        stating = next((c for c in close if states(c)), None)
        if stating is None:  # a question of several parts is answered in the parts the documents hold
            return ranked if len(u.parts) > 1 else []
        return [stating] + [c for c in ranked if c is not stating]

    def rank(self, u: Understanding, k: Knowledge) -> list[Candidate]:
        return self.model.rank(self.candidates(u, k))

    def _answer_set(self, u: Understanding, ranked: list[Candidate], k: Knowledge | None = None) -> list[Candidate]:
        """The best candidate, plus, for each part of a many-part question it leaves open, the best
        close candidate of the same document that answers that part."""
        best = ranked[0]
        chosen = [best]

        # what sets a part apart ("工业产值和税收各是多少": 税收) is what its candidate must name; the
        # words every part shares (the place, the period) say nothing about which part it answers
        shared = frozenset.intersection(*u.parts) if len(u.parts) > 1 else frozenset()

        def cover(c: Candidate, part: frozenset[str]) -> float:
            own = (part - shared) or part
            return len(own & raw_bigrams(c.said)) / len(own)

        def states(c: Candidate, fact: str | None) -> bool:
            if c.kind == "doc_fact" and fact in ("date", "issuer"):  # its head states the document's own
                return bool(_own_fact(c.record, fact))
            return fact is None or states_part(c.said, fact)

        for part, fact in zip(u.parts, facts_of_parts(u), strict=True):
            # "…分成了多少项？文号是什么？", "…是哪天印发的？": the document's own number, date or issuer
            # answers that part
            if fact == "docno" or fact in ("date", "issuer") and part & ISSUING:
                d = k.doc(best.doc_key) if k is not None else None
                if d is not None and _own_fact(d, fact) and best.kind != "doc_fact" and not any(c.kind == "doc_fact" for c in chosen):
                    chosen.append(Candidate("doc_fact", d, best.doc_key, "", d.title, score=best.score))
                continue
            # a part is answered by a candidate naming it and stating the kind of fact it asks for
            if any(cover(c, part) >= PART_COVERED and states(c, fact) for c in chosen):
                continue
            # a part naming nothing of its own ("and what is the deadline?") is the whole question's
            # topic: a candidate of the document stating the fact it asks for answers it
            bare = fact is not None and part == u.grams
            need, floor = (0.0, EXTRA_MIN_BARE) if bare else (PART_COVERED if fact is None else PART_NAMED, EXTRA_MIN)
            alts = [c for c in ranked[1:12] if c.doc_key == best.doc_key and c.score >= floor * best.score
                    and cover(c, part) >= need and states(c, fact) and c.features.get("year", 0.0) >= 0.0
                    and not any(c.text in x.text or x.text in c.text for x in chosen)]  # fmt: skip
            if alts:
                chosen.append(max(alts, key=lambda c: (cover(c, part), c.score)))
        return chosen

    def _compose(self, u: Understanding, k: Knowledge, chosen: list[Candidate], route: str, cid: str | None) -> Answer:
        heads, evidence, cites = [], [], []
        for n, c in enumerate(chosen):
            doc = k.doc(c.doc_key)
            head, ev = compose.render(c, u, doc, self._translate)
            if n and u.lang == "en" and not substantive(head):
                continue  # a second sentence that only names its topic adds nothing
            heads.append(head)
            evidence.append(ev)
            cites.append(compose.citation(doc, c.doc_key, _section(c)))
        first = k.doc(chosen[0].doc_key)
        text = compose.assemble(heads, evidence, cites, u.lang, compose.status_warning(first, u.lang))
        best = chosen[0]
        self.memory.remember(cid, Turn(u.original, best.kind, best.record if best.kind != "sentence" else None,
                                       best.doc_key, best.section))  # fmt: skip
        return Answer(text, u.lang, True, cites, route, extra={"score": round(best.score, 3)})

    def _table(self, u: Understanding, k: Knowledge, t: TableResult, cid: str | None) -> Answer:
        doc = k.doc(t.doc_key)
        cite = compose.citation(doc, t.doc_key, t.table)
        where = "、".join(v for _, v in t.filters)
        names = [row_name(r) for r in t.rows[: compose.LIST_MAX]]
        if u.lang == "zh":
            scope = f"{t.table}中" if t.table else ""
            if t.op == "count":
                head = f"{scope}{where}共{t.total}项：{'、'.join(names)}。"
            elif t.op == "sum":
                head = f"{scope}{where}{len(t.rows)}项的{t.column}合计{compose.money_zh(t.total_amount or 0, t.currency)}。"
            elif t.op in ("max", "min"):
                top = "；".join(f"{n}（{t.column}：{r.cells.get(t.column or '', '')}）" for n, r in zip(names, t.rows, strict=False))
                head = f"{scope}{'最高' if t.op == 'max' else '最低'}的是：{top}。"
            else:
                head = f"{scope}{where}共{len(t.rows)}项：{'、'.join(names)}。"
        else:
            if t.op == "count":
                head = f"{t.total} in total ({where or t.table}): {'; '.join(names)}."
            elif t.op == "sum":
                head = f"Total {t.column} of {len(t.rows)} rows: {compose.money_words(t.total_amount or 0, t.currency or 'CNY')}."
            elif t.op in ("max", "min"):
                head = f"The {'largest' if t.op == 'max' else 'smallest'} is {names[0]} ({t.column}: {t.rows[0].cells.get(t.column or '', '')})."
            else:
                head = f"{len(t.rows)} item(s) ({where or t.table}): {'; '.join(names)}."
        more = len(t.rows) - len(names)
        if more > 0:
            head += f"（另有{more}项未列出）" if u.lang == "zh" else f" ({more} more not listed)"
        evidence = [("原文：" if u.lang == "zh" else "Original rows (Chinese): ") + " / ".join(r.source for r in t.rows[:3])]
        text = compose.assemble([head], evidence, [cite], u.lang)
        self.memory.remember(cid, Turn(u.original, "table", list(t.rows), t.doc_key, t.table))
        return Answer(text, u.lang, True, [cite], f"table-{t.op}")

    def _projects(self, u: Understanding, k: Knowledge, cid: str | None) -> Answer | None:
        """Lists and counts of projects by stage, amount or place: exact, in SQL."""
        if max(u.p("list"), u.p("count"), u.p("extreme")) < 0.3:
            return None
        f = project_filter(u.original)
        if f is None or f.empty or not _asks_projects(u.original):
            return None
        vis = visible(u.audience)
        where = f.sql()
        named = u.docs.best
        if named is not None and named[1] >= DOC_NAMED and (d := k.doc(named[0])) is not None:
            where["doc_id"] = d.doc_id  # "按17号文，…要引进几个…项目": the document's projects, or none
            if self.catalogue.count_projects(vis, doc_id=d.doc_id) < PROJECT_LIST_MIN:
                return None  # a report naming a project or two in prose: its sentences say how many
        shown = self.catalogue.projects(vis, limit=compose.LIST_MAX, **where)
        if not shown:
            return None
        total = self.catalogue.count_projects(vis, **where)
        cites = [compose.citation(k.doc(p.doc_no), p.doc_no, p.section) for p in shown]
        head = compose.project_list(shown, f.describe(u.lang), u.lang, total)
        self.memory.remember(cid, Turn(u.original, "project-list"))
        return Answer(compose.assemble([head], [], cites, u.lang), u.lang, True, cites, "project-list")

    def _unit_tasks(self, u: Understanding, k: Knowledge) -> Answer | None:
        """"市商务局参与了哪些工作？": every task the named unit leads or joins (in the named document)."""
        if u.intent.top != "tasks" and u.p("tasks") + u.p("list") < 0.45:
            return None
        unit = next((x for x in k.units if x in u.question), None)
        if unit is None:
            return None
        rs = [r for r in k.records("responsibilities") if unit in r.units and (not u.docs.named or r.doc_no in u.docs.named)]
        if not rs:
            return None
        shown = rs[: compose.LIST_MAX]
        cites = [compose.citation(k.doc(r.doc_no), r.doc_no, f"{r.section} {r.task}") for r in shown]
        if u.lang == "zh":
            head = f"{unit}参与以下{len(rs)}项工作：" + "".join(
                f"\n{i}. {r.task}（{r.section}，{'牵头' if r.lead == unit else '配合'}）" for i, r in enumerate(shown, 1))
        else:
            head = f"{compose.en_name(unit)} takes part in {len(rs)} tasks:" + "".join(
                f"\n{i}. {compose.with_gloss(r.task)} (section {r.section}, {'lead' if r.lead == unit else 'co-operating'})"
                for i, r in enumerate(shown, 1))  # fmt: skip
        if len(rs) > len(shown):
            head += (f"\n……另有{len(rs) - len(shown)}项未列出（请在问题中加上文号缩小范围）。" if u.lang == "zh"
                     else f"\n... {len(rs) - len(shown)} more are not shown (name a document number to narrow it down).")
        return Answer(compose.assemble([head], [], cites, u.lang), u.lang, True, cites, "unit-tasks")

    def _not_found(self, u: Understanding, ranked: list[Candidate]) -> Answer:
        units: list[str] = []
        for c in ranked[:5]:
            if c.kind == "responsibility" and c.features.get("lex_q", 0) >= 0.3:
                units = c.record.units[:1]
                break
        return Answer(compose.not_found(u.lang, units), u.lang, False, [], "not-found", responsible_units=units,
                      extra={"score": round(ranked[0].score, 3) if ranked else None})  # fmt: skip


_WHICH = re.compile(r"哪(?:几个|几家|几批|几类|几|些|一个|一|个|家)([\u4e00-\u9fff]{1,2})")


def _asks_projects(question: str) -> bool:
    """Whether what a question lists or counts is projects: "哪几个组手上有项目在洽谈" asks for groups."""
    m = _WHICH.search(normalize(question))
    return m is None or m.group(1).startswith(("项目", "工程", "企业", "公司", "重点", "外资", "招商", "签约", "在建", "洽谈"))


def _own_fact(d, fact: str) -> str | None:  # noqa: ANN001 - SourceDocument
    """What a document states of itself for a part asking its number, date or issuer."""
    return {"docno": d.doc_no, "date": d.date or d.printed_date, "issuer": d.issuer}.get(fact)


def _section(c: Candidate) -> str:
    if c.kind == "responsibility":
        return f"{c.record.section} {c.record.task}".strip()
    if c.kind == "doc_fact":
        return "落款"
    return c.section


__all__ = ["Assistant", "Citation"]


def _same_setting(question: str, u: Understanding) -> bool:
    """Whether a follow-up keeps the last turn's setting: no year or place of its own."""
    return not YEARS.search(question) and not places_in(question) and not u.docs.named
