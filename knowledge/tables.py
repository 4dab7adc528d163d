"""Project spreadsheets: Chinese column headers → typed `Project` records.

A project list is where "which projects over 1亿美元 are still in talks?" gets an exact
answer, so rows become records (filterable, countable), not only text. Columns are
recognised by their Chinese headers; an amount's unit may sit in the header
("总投资(万美元)") or in the cell ("8000万美元").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.amounts import parse_amount, unit_from_header
from knowledge.extract.responsibilities import split_units
from knowledge.models import Project
from knowledge.stages import normalize_stage

# field -> header words; a header goes to the field whose word it contains, longest word first,
# so "项目单位" is a company and "项目进展" a stage, while "项目名称" / "项目" is the name.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目", "project name", "project"),
    "amount": (
        "投资额",
        "总投资",
        "投资总额",
        "计划总投资",
        "投资金额",
        "投资规模",
        "合同外资",
        "investment",
        "amount",
    ),
    "currency": ("币种", "币别", "currency"),
    "stage": ("进展", "状态", "项目进展", "进展情况", "阶段", "项目阶段", "项目状态", "status", "stage"),
    "place": (
        "地点",
        "所在地",
        "区域",
        "落户地",
        "项目地点",
        "建设地点",
        "所在区域",
        "所在地区",
        "落户地点",
        "location",
    ),
    "company": (
        "企业",
        "公司",
        "投资方",
        "项目单位",
        "企业名称",
        "投资主体",
        "投资企业",
        "company",
        "investor",
    ),
    "units": ("责任单位", "牵头单位", "责任部门", "承办单位"),
    "contact": ("联系人", "联系方式", "联系电话", "contact"),
    "as_of": ("日期", "截至", "截止", "更新时间", "更新日期", "统计时间", "as of", "date"),
}
_DETAIL_FIELDS = ("amount", "stage", "place", "company", "units")


def classify_headers(headers: Sequence[str]) -> dict[str, str]:
    """Map field → the first header cell that names it (e.g. {"amount": "总投资(万美元)"})."""
    found: dict[str, str] = {}
    for header in headers:
        key = re.sub(r"[（(\[【].*?[）)\]】]", "", str(header)).strip().lower()
        key = re.sub(r"\s+", "", key) if re.search(r"[\u4e00-\u9fff]", key) else key
        if not key:
            continue
        best: tuple[int, str] | None = None
        for field_name, words in HEADER_WORDS.items():
            for word in words:
                if word in key and (best is None or len(word) > best[0]):
                    best = (len(word), field_name)
        if best and best[1] not in found:
            found[best[1]] = header
    return found


def is_project_header(headers: Sequence[str]) -> bool:
    """A project table names its projects and says something else about them."""
    fields = classify_headers(headers)
    return "name" in fields and any(f in fields for f in _DETAIL_FIELDS)


def row_to_line(row: Mapping[str, str]) -> str:
    """Render a row as "项目名称：X；投资额：Y；…": how it reads as searchable text and as a citation source."""
    return "；".join(f"{k}：{v}" for k, v in row.items() if k and str(v).strip())


def parse_date(text: str | None) -> str | None:
    """2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 2023年5月 → ISO (day or month precision)."""
    if not text:
        return None
    m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?", str(text))
    if not m:
        return None
    year, month, day = int(m[1]), int(m[2]), m[3]
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else f"{year:04d}-{month:02d}"


def rows_to_projects(
    rows: Sequence[Mapping[str, str]], doc_no: str | None, section: str, as_of: str | None
) -> list[Project]:
    """One `Project` per row that has a name; rows without one (totals, notes) are skipped.

    `section` is the citation section for every row; when empty, the row's position
    ("第3行", counting data rows from 1) is used instead so each record stays citable.
    A per-row date column overrides the document's `as_of`.
    """
    if not rows:
        return []
    headers = list(dict.fromkeys(k for row in rows for k in row))
    cols = classify_headers(headers)
    if "name" not in cols:
        return []
    default_unit = unit_from_header(cols["amount"]) if "amount" in cols else None
    projects = []
    for i, row in enumerate(rows, start=1):
        name = _cell(row, cols.get("name"))
        if not name or re.fullmatch(r"(合计|总计|小计|total)", name, re.IGNORECASE):
            continue
        amount_text = _cell(row, cols.get("amount"))
        unit = default_unit
        currency_cell = _cell(row, cols.get("currency"))
        if currency_cell and not unit:
            unit = currency_cell
        amount = parse_amount(amount_text, unit) if amount_text else None
        if amount and amount_text and unit and re.fullmatch(r"[\d,.\s]+", amount_text):
            amount_text = f"{amount_text.strip()}{unit}"  # "8000" under "(万美元)" is quoted as 8000万美元
        units_cell = _cell(row, cols.get("units"))
        projects.append(
            Project(
                doc_no=doc_no or "",
                section=section or f"第{i}行",
                name=name,
                company=_cell(row, cols.get("company")),
                amount_text=amount_text,
                amount_value=amount.value if amount else None,
                amount_unit=amount.unit if amount else None,
                currency=amount.currency if amount else None,
                amount_usd=amount.amount_usd if amount else None,
                amount_cny=amount.amount_cny if amount else None,
                stage=normalize_stage(_cell(row, cols.get("stage"))),
                place=_cell(row, cols.get("place")),
                as_of=parse_date(_cell(row, cols.get("as_of"))) or as_of,
                units=split_units(units_cell) if units_cell else [],
                contact=_cell(row, cols.get("contact")),
                source=row_to_line(row),
            )
        )
    return projects


def _cell(row: Mapping[str, str], header: str | None) -> str | None:
    if header is None:
        return None
    value = row.get(header)
    value = str(value).strip() if value is not None else ""
    return value or None
