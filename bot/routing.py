"""Decide what a question needs: a structured look-up over records, a filter/count over
projects, document facts, or passage retrieval. Rules, not a model: they are cheap,
testable, and work on a server with no LLM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from knowledge.normalize import is_chinese, normalize


class Route(StrEnum):
    RESPONSIBILITY = "responsibility"  # who leads / takes part in a task
    UNIT_TASKS = "unit-tasks"  # which tasks a unit takes part in
    FIGURE = "figure"  # targets and reported figures
    PROJECT = "project"  # one project's status / amount
    PROJECT_LIST = "project-list"  # filters and counts over projects
    CONTACT = "contact"
    DOC_FACT = "doc-fact"  # date, issuer of a named document
    PASSAGE = "passage"


_RESP = re.compile(r"牵头|负责|责任单位|哪个单位|哪些单位|什么单位|哪个部门|哪些部门|配合单位|参与单位|谁来|由谁|主管|"
                   r"\blead|\bleads\b|responsible|in charge|which (?:government )?(?:office|department|unit|agenc|bureau)|who (?:is )?(?:handles|runs|leads)", re.I)
_UNIT_TASKS = re.compile(r"参与了?哪些|负责哪些|承担了?哪些|哪些工作|哪些任务|what (?:tasks|work)|which tasks|involved in", re.I)
_CONTACT = re.compile(r"承办人|联系人|联系电话|电话|手机|联系方式|contact|phone|telephone|who (?:should|can|do) i (?:call|contact)", re.I)
_DOC_FACT = re.compile(r"哪天|哪一天|什么时候|何时|日期|发布时间|印发|发文机关|发文单位|哪个机关发|谁发|哪个单位发|抄送|主送|when was|what date|issued|published|who issued|copied to", re.I)
_PROJECT = re.compile(r"项目|project", re.I)
_PROJECT_STATUS = re.compile(r"进展|状态|哪一步|阶段|谈得|怎么样|投资额|总投资|多少|引进|什么时候|何时|投产|开工|签约|在哪|哪里|status|stage|progress|how much|amount|where does", re.I)
_PROJECT_LIST = re.compile(r"哪些项目|多少个项目|几个项目|项目有哪些[？?]?$|列出.{0,6}项目|"
                           r"项目.{0,4}(?:有哪些|哪些).{0,4}(?:洽谈|签约|在建|投产|开工)|which projects|how many projects|list (?:the |all )?projects|projects (?:over|above|still|in)", re.I)
_FIGURE = re.compile(r"多少|目标|几个|比例|占比|增长|how much|how many|target|aim|goal|percent|%|amount", re.I)
_FIGURE_NOUN = re.compile(r"外资|亿|万|美元|元|%|个|项目|capital|investment|fund|usd|billion|million|代表处|合伙人|单位|增长|占比", re.I)


@dataclass(frozen=True)
class Plan:
    route: Route
    language: str  # zh | en
    followup: bool = False


_FOLLOWUP = re.compile(r"^(?:那|那么|还有|除了|另外|其他|它|这个|该|其中)|^(?:and|what about|how about|also|and the|what else|who else)\b|"
                       r"除了牵头单位|配合单位呢|还有谁|\bit\b|\bthey\b|\bthat\b", re.I)


def language_of(question: str) -> str:
    return "zh" if is_chinese(question) else "en"


def is_followup(question: str) -> bool:
    q = normalize(question)
    return bool(_FOLLOWUP.search(q)) and len(q) < 40


def plan(question: str) -> Plan:
    q = normalize(question)
    lang = language_of(question)
    followup = is_followup(question)
    if _DOC_FACT.search(q) and re.search(r"〔\d{4}〕|号|document|policy|文件|意见|通知|答复", q):
        return Plan(Route.DOC_FACT, lang, followup)
    if _CONTACT.search(q):
        return Plan(Route.CONTACT, lang, followup)
    if _PROJECT_LIST.search(q):
        return Plan(Route.PROJECT_LIST, lang, followup)
    if _UNIT_TASKS.search(q):
        return Plan(Route.UNIT_TASKS, lang, followup)
    if _RESP.search(q):
        return Plan(Route.RESPONSIBILITY, lang, followup)
    if _PROJECT.search(q) and _PROJECT_STATUS.search(q):
        return Plan(Route.PROJECT, lang, followup)
    if _FIGURE.search(q) and _FIGURE_NOUN.search(q):
        return Plan(Route.FIGURE, lang, followup)
    return Plan(Route.PASSAGE, lang, followup)
