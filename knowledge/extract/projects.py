"""Project records from prose ("海亮集团8000万美元外资利润再投资项目已进入方案架构阶段") and from
project tables (one row, one project). The as-of date is the document's date: a status
is only true on the day it was written.

Prose names a project only when it reports on one: a specific name (quoted, a company's,
or words beyond category vocabulary such as 重大/示范/基础设施), with a money amount or a
stage the text says was reached ("已进入…", "持续洽谈"). Policy exhortations ("鼓励…建设
双向充放电项目") and laws (cut by 第X条) name kinds of project, not projects: none there.
"""

from __future__ import annotations

import re
from collections.abc import Set

from knowledge.amounts import parse_amount
from knowledge.models import Project, SourceDocument
from knowledge.sections import heading_number
from knowledge.stages import normalize_stage

_QUOTED = re.compile(r"[“\"「]([^”\"」]{3,40})[”\"」]\s*项目")
_RUN = re.compile(r"([\u4e00-\u9fffA-Za-z0-9.·（）()]{2,40}?)项目")
_PLACE = re.compile(r"^((?:[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道|开发区|高新区|园区|新区))|开发区|高新区)")
_COMPANY = re.compile(r"^([\u4e00-\u9fff]{2,12}?(?:集团|公司|股份|控股|企业))")
_GENERIC = re.compile(
    r"^(?:的|外资|内资|重点|重大|在谈|新|技术|优质|招商|投资|建设|产业|以上|上述|该|此|各类|相关|引进|实到|签约|市|省|国家|全市|"
    r"亿元|亿美元|万美元|万元|[\d.]+|\s)+$"
)
_AMOUNT_IN_RUN = re.compile(r"[\d.]+\s*(?:亿|万)?(?:美元|元)")
# a run of prose, not a project name: particles and verbs
_PROSE = re.compile(
    r"[的和与及要都有在了将把对为从]|提高|加强|建立|解决|发掘|跟进|推进|完善|协调|以上|提出|转化|开展|实施|充分|切实|组|推动|强化|突出|加快|促进|做好|抓好|招引|落实|服务|保障"
    r"|^且|举办|列入|优先|新增|落地|类$|市县长|十大|方向"
)
_TRAILING_GENERIC = re.compile(r"(?:重点外资|重大外资|外资|内资|招商|国际|重点|重大|新)+$")
_LEADING_NOISE = re.compile(r"^(?:如|例如|包括|其中|重点外资项目如|投资额|总投资|计划总投资|关于)+")
# words that name a kind of project, not one: "中央预算内投资项目", "国家级示范项目"
_CATEGORY = re.compile(
    r"(?:国家级|省级|市级|区级|县级|中央|地方|预算内|重大|重点|示范|试点|基础设施|投资|建设|产业化?|民生|前期|储备|新建|"
    r"续建|政府|社会|公益性?|合作|技术改造|技改|改造|扶贫|工程|民营|各类|一批|\d+个|双向|充放电|互动|应用|配套|公共|服务|"
    r"平台|领域|行业|专项|资金|试验|研发|创新|招商|外资|内资|新|大|该|此|本|这|目前|当前|上述|以上|等|（[^）]*）)+"
)
# a sum over projects, not one: "全市共签约33个项目", "全省新签国内省外合作项目"
_AGGREGATE = re.compile(r"^全(?:市|省|区|县|州|国|年)|共(?:签约|引进|实施|开工|有|计)|\d+\s*[个项]$|[一二三四五六七八九十百]+[个项]$")
_REACHED = re.compile(r"已|正在|现已|持续|处于|进入|完成|顺利")
_MONEY = re.compile(r"元|美元")
_INVEST = re.compile(r"投资|基金|资金|估算|引进|计划")
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")


def extract_projects(
    doc: SourceDocument, rows: list[dict[str, str]] | None = None, skip: Set[str] = frozenset()
) -> list[Project]:
    """Projects named in prose. Table rows are read as tables (`table_records`): paragraphs
    in `skip` (a table's lines and cells) and delimited rows are not prose."""
    if rows:
        from knowledge.tables import rows_to_projects

        return rows_to_projects(rows, doc.doc_no or doc.title, "", doc.date)
    if doc.language != "zh" or _is_law(doc):
        return []
    out: list[Project] = []
    seen: set[str] = set()
    for p in doc.paragraphs:
        if p.path and p.path[0] == "落款" or p.norm in skip or " | " in p.text:
            continue
        section = "".join(heading_number(h) for h in p.path)
        for sentence in re.split(r"(?<=[。；;])", p.norm):
            for clause in re.split(r"(?<=[；;])|(?<=[，,])(?=[\u4e00-\u9fff]{2,12}(?:项目|集团))", sentence):
                proj = _from_clause(doc, section, clause, sentence)
                if proj and proj.name not in seen:
                    seen.add(proj.name)
                    out.append(proj)
    return out


def _own_amount(clause: str, start: int, end: int):  # noqa: ANN202 - amounts.Amount | None
    """The project's money: next to its name or after 投资/基金, never another figure in the sentence."""
    amount = parse_amount(clause)
    if amount is None or amount.currency is None or not _MONEY.search(amount.text):
        return None  # a percentage, a count or a bare 万 (100万辆) is not the project's size
    at = clause.find(amount.text)
    near = start - 15 <= at <= end + 15 or bool(_INVEST.search(clause[max(0, at - 6) : at]))
    return amount if near else None


def _reached_stage(text: str) -> str | None:
    """A stage the text reports as reached ("已进入方案架构阶段", "持续洽谈"), not one it urges."""
    for m in _REACHED.finditer(text):
        stage = normalize_stage(text[m.start() : m.end() + 10])
        if stage:
            return stage
    return None


def _is_law(doc: SourceDocument) -> bool:
    """A law or regulation is cut by article (第十二条): it names kinds of project, never one."""
    return sum(1 for p in doc.paragraphs if _ARTICLE.match(p.norm)) >= 5


def _from_clause(doc: SourceDocument, section: str, clause: str, sentence: str) -> Project | None:
    quoted = _QUOTED.search(clause)
    if quoted:
        m = quoted
        name, place, company = m.group(1), None, None
    else:
        m = _RUN.search(clause)
        if not m:
            return None
        run = m.group(1).strip()
        run = _LEADING_NOISE.sub("", run)
        place_m = _PLACE.match(run)
        place = place_m.group(1) if place_m else None
        if place:
            run = run[len(place) :]
        company_m = _COMPANY.match(run)
        company = company_m.group(1) if company_m else None
        name_core = _AMOUNT_IN_RUN.sub("", run).strip()
        bare = _TRAILING_GENERIC.sub("", name_core)
        if len(bare) < 3 or _GENERIC.match(name_core) or _PROSE.search(bare) or _AGGREGATE.search(bare):
            return None
        if not company and len(_CATEGORY.sub("", bare)) < 2:
            return None  # a kind of project ("中央预算内投资项目"), not a named one
        name = name_core + "项目"
    tail = clause[m.end() :]
    head = clause[: m.start()]
    amount = _own_amount(clause, m.start(), m.end())
    if re.match(r"^\d", name):
        return None
    stage = _reached_stage(tail) or (_reached_stage(head) if quoted else None)
    if amount is None and stage is None:
        return None
    return Project(
        doc_no=doc.doc_no or doc.title,
        section=section,
        name=name,
        company=company,
        amount_text=amount.text if amount else None,
        amount_value=amount.value if amount else None,
        amount_unit=amount.unit if amount else None,
        currency=amount.currency if amount else None,
        amount_usd=amount.amount_usd if amount else None,
        amount_cny=amount.amount_cny if amount else None,
        stage=stage,
        place=place,
        as_of=doc.date,
        source=sentence.strip(),
    )
