"""Project records from prose ("海亮集团8000万美元外资利润再投资项目已进入方案架构阶段") and from
project tables (one row, one project). The as-of date is the document's date: a status
is only true on the day it was written.
"""

from __future__ import annotations

import re

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
_PROSE = re.compile(r"[的和与及要都有在了将把对为从]|提高|加强|建立|解决|发掘|跟进|推进|完善|协调|以上|提出|转化|开展|实施|充分|切实|组|推动|强化|突出|加快|促进|做好|抓好|招引|落实|服务|保障"
    r"|^且|举办|列入|优先|新增|落地|类$|市县长|十大|方向")
_TRAILING_GENERIC = re.compile(r"(?:重点外资|重大外资|外资|内资|招商|国际|重点|重大|新)+$")
_LEADING_NOISE = re.compile(r"^(?:如|例如|包括|其中|重点外资项目如|投资额|总投资|计划总投资)+")


def extract_projects(doc: SourceDocument, rows: list[dict[str, str]] | None = None) -> list[Project]:
    if rows:
        from knowledge.tables import rows_to_projects

        return rows_to_projects(rows, doc.doc_no or doc.title, "", doc.date)
    if doc.language != "zh":
        return []
    out: list[Project] = []
    seen: set[str] = set()
    for p in doc.paragraphs:
        if p.path and p.path[0] == "落款":
            continue
        section = "".join(heading_number(h) for h in p.path)
        for sentence in re.split(r"(?<=[。；;])", p.norm):
            for clause in re.split(r"(?<=[；;])|(?<=[，,])(?=[\u4e00-\u9fff]{2,12}(?:项目|集团))", sentence):
                proj = _from_clause(doc, section, clause, sentence)
                if proj and proj.name not in seen:
                    seen.add(proj.name)
                    out.append(proj)
    return out


def _from_clause(doc: SourceDocument, section: str, clause: str, sentence: str) -> Project | None:
    m = _QUOTED.search(clause)
    if m:
        name, place, company = m.group(1), None, None
        tail = clause[m.end():]
        head = clause[: m.start()]
    else:
        m = _RUN.search(clause)
        if not m:
            return None
        run = _LEADING_NOISE.sub("", m.group(1).strip())
        place_m = _PLACE.match(run)
        place = place_m.group(1) if place_m else None
        if place:
            run = run[len(place):]
        company_m = _COMPANY.match(run)
        company = company_m.group(1) if company_m else None
        name_core = _AMOUNT_IN_RUN.sub("", run).strip()
        bare = _TRAILING_GENERIC.sub("", name_core)
        if len(bare) < 3 or _GENERIC.match(name_core) or _PROSE.search(bare):
            return None
        name = name_core + "项目"
        tail = clause[m.end():]
        head = clause[: m.start()]
    amount = parse_amount(clause)
    if amount is not None and amount.currency is None:
        amount = None  # a percentage or count describes progress, not the project's size
    if re.match(r"^\d", name):
        return None
    stage = normalize_stage(tail) or normalize_stage(head if m and _QUOTED.search(clause) else "")
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
