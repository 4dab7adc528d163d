"""Project tables: one row → one typed `Project` (amount normalised, stage, 类别, place …).

A project list is where "which projects over 1亿美元 are still in talks?" gets an exact
answer, so rows become records (filterable, countable), not only text. Columns are
recognised by their Chinese headers (`table_headers`); an amount's unit may sit in the
header ("总投资(万美元)") or in the cell ("8000万美元"). Every row is read on its own: a cell
is never taken from a neighbouring row, except a 类别 left empty under a merged cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from knowledge.amounts import parse_amount, unit_from_header
from knowledge.extract.unit_lists import split_units
from knowledge.models import Project
from knowledge.stages import normalize_stage
from knowledge.table_cells import strip_count
from knowledge.table_headers import FIELD_WORDS, classify_headers, is_project_header

__all__ = [
    "FIELD_WORDS",
    "classify_headers",
    "is_project_header",
    "is_total",
    "parse_date",
    "phones_in",
    "row_to_line",
    "rows_to_projects",
    "split_units",
]

_TOTAL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|共\s*计|total)$", re.IGNORECASE)
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-—\s]?\d{7,8}(?:[-转]\d{1,5})?|\d{7,8})(?!\d)")


def row_to_line(row: Mapping[str, str]) -> str:
    """Render a row as "项目名称：X；投资额：Y；…": how it reads as searchable text and as a citation source."""
    return "；".join(f"{k}：{v}" for k, v in row.items() if k and str(v).strip())


def is_total(row: Mapping[str, str], name_header: str | None = None) -> bool:
    """A 合计 / 小计 row sums the others; it is no project and no task."""
    cells = [row.get(name_header, "")] if name_header else list(row.values())
    return any(_TOTAL.match(str(c).strip()) for c in cells if str(c).strip())


def phones_in(text: str | None) -> list[str]:
    """Phone numbers in a cell ("0791-88915168、15070989988" → both), in order."""
    return [re.sub(r"[—\s]", "-", m.group(0)) for m in _PHONE.finditer(text or "")]


def person_in(text: str | None) -> str | None:
    """The name in a 责任人 / 联系人 cell without its numbers ("张三 13812345678" → "张三")."""
    name = _PHONE.sub("", text or "")
    name = re.sub(r"(?:电话|手机|联系方式)[：:]?", "", name).strip(" ，,、;；:：()（）/")
    return name or None


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


def row_section(row: Mapping[str, str], cols: Mapping[str, str], i: int) -> str:
    """How a row is cited: its 序号 when the table numbers its rows, else "第i行"."""
    serial = _cell(row, cols.get("serial"))
    return serial if serial and re.fullmatch(r"[\d一二三四五六七八九十.（）()-]{1,8}", serial) else f"第{i}行"


def fill_down(rows: Sequence[Mapping[str, str]], header: str | None) -> list[dict[str, str]]:
    """A 类别 / 奖次 column printed once over a merged block: empty cells take the one above."""
    out, above = [], ""
    for row in rows:
        row = dict(row)
        if header:
            if str(row.get(header, "")).strip():
                above = str(row[header]).strip()
            elif above:
                row[header] = above
        out.append(row)
    return out


def rows_to_projects(
    rows: Sequence[Mapping[str, str]],
    doc_no: str | None,
    section: str,
    as_of: str | None,
    table: str | None = None,
) -> list[Project]:
    """One `Project` per row that has a name; rows without one (notes) and totals are skipped.

    `section` is the citation section for every row; when empty, the row's 序号 or its
    position ("第3行", counting data rows from 1) is used so each record stays citable.
    A per-row date column overrides the document's `as_of`.
    """
    if not rows:
        return []
    headers = list(dict.fromkeys(k for row in rows for k in row))
    cols = classify_headers(headers)
    if "name" not in cols:
        return []
    rows = fill_down(rows, cols.get("category"))
    default_unit = unit_from_header(cols["amount"]) if "amount" in cols else None
    projects = []
    for i, row in enumerate(rows, start=1):
        name = _cell(row, cols.get("name"))
        if not name or is_total(row, cols.get("name")):
            continue
        amount_text = _cell(row, cols.get("amount"))
        unit = default_unit
        currency_cell = _cell(row, cols.get("currency"))
        if currency_cell and not unit:
            unit = currency_cell
        amount = parse_amount(amount_text, unit) if amount_text else None
        if amount and amount.currency is None:
            amount = None  # a percentage or a count is not the project's size
        if amount and amount_text and unit and re.fullmatch(r"[\d,.\s]+", amount_text):
            amount_text = f"{amount_text.strip()}{unit}"  # "8000" under "(万美元)" is quoted as 8000万美元
        units = _units(row, cols)
        person_cell = _cell(row, cols.get("person"))
        phone_cell = _cell(row, cols.get("phone"))
        phones = phones_in(phone_cell) or phones_in(person_cell)
        mobile = next((p for p in phones if MOBILE.fullmatch(p)), None)
        category = _cell(row, cols.get("category"))
        projects.append(
            Project(
                doc_no=doc_no or "",
                section=section or row_section(row, cols, i),
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
                units=units,
                contact="；".join(c for c in (person_cell, phone_cell) if c) or None,
                source=row_to_line(row),
                category=strip_count(category) if category else None,
                content=_cell(row, cols.get("content")),
                leader=_cell(row, cols.get("leader")),
                person=person_in(person_cell) if person_cell else None,
                phone=mobile or (phones[0] if phones else None),
                table=table,
                row=i,
            )
        )
    return projects


def _units(row: Mapping[str, str], cols: Mapping[str, str]) -> list[str]:
    units: list[str] = []
    for key in ("lead", "units", "co_units"):
        cell = _cell(row, cols.get(key))
        for unit in split_units(cell) if cell else []:
            if unit not in units:
                units.append(unit)
    return units


def _cell(row: Mapping[str, str], header: str | None) -> str | None:
    if header is None:
        return None
    value = row.get(header)
    value = str(value).strip() if value is not None else ""
    return value or None
