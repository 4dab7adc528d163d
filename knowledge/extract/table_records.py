"""Tables → records, whatever file the table came in.

Every row becomes a `TableRow` keyed by its headers (so a count or a filter over a table is
SQL); a project list also gives `Project`s, a task-division table (任务分工表: 牵头单位 /
配合单位 / 责任单位 / 牵头领导 / 责任人 / 完成时限) gives `Responsibility`s, and a 责任人 or
联系人 with a number gives `Contact`s (a mobile is personal). Rows are read one by one:
no cell is ever taken from a neighbouring row, except a 类别 printed once over a merged block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.extract.resp_tags import parse_tag_body
from knowledge.extract.unit_lists import split_units
from knowledge.models import Contact, LoadedFile, Project, Responsibility, SourceDocument, Table, TableRow
from knowledge.normalize import normalize
from knowledge.table_cells import group_label, is_group_line
from knowledge.table_headers import classify_headers, is_project_header, is_task_header
from knowledge.tables import (
    MOBILE,
    fill_down,
    is_total,
    person_in,
    phones_in,
    row_section,
    row_to_line,
    rows_to_projects,
)
from knowledge.text_tables import GROUP_HEADER, TextTable, find_tables

_TAIL = re.compile(r"(?:等)?(?:按职责分工|按职责|分别)?(?:负责实施|负责落实|负责|配合|协助|参与|协办|落实)$")
_LEADS = re.compile(r"^(.+?)(?:分别|共同)?牵头$")


@dataclass
class TableRecords:
    table_rows: list[TableRow] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)


def tables_of(loaded: LoadedFile) -> list[TextTable]:
    """The tables of a file: the reader's when it found any, else the rows of a sheet, else
    the tables written into the text (a .txt, a converted page)."""
    if loaded.tables:
        return [TextTable(t, ()) for t in loaded.tables]
    if loaded.rows and loaded.format in ("csv", "xlsx"):
        return [TextTable(t, ()) for t in tables_from_rows(loaded.rows)]
    return find_tables(loaded.text)  # a .docx / .html reader renders its tables as " | " lines


def tables_from_rows(rows: Sequence[dict[str, str]]) -> list[Table]:
    """Rows of several sheets arrive in one list; a new header set starts a new table."""
    tables: list[Table] = []
    current: list[dict[str, str]] = []
    for row in rows:
        if current and list(row) != list(current[0]):
            tables.append(Table(f"表{len(tables) + 1}", list(current[0]), current, source="rows"))
            current = []
        current.append(row)
    if current:
        tables.append(Table(f"表{len(tables) + 1}", list(current[0]), current, source="rows"))
    return tables


def table_texts(tables: Sequence[TextTable]) -> set[str]:
    """The text lines a table covers and each of its cells (normalised): prose extractors
    skip them, and the parser keeps them as separate paragraphs."""
    out = {s for t in tables for s in t.texts}
    for t in tables:
        for row in t.table.rows:
            out.update(str(c).strip() for c in row.values() if len(str(c).strip()) >= 2)
    return {normalize(s) for s in out if s}


def extract_table_records(doc: SourceDocument, tables: Sequence[Table]) -> TableRecords:
    out = TableRecords()
    doc_no = doc.doc_no or doc.title
    seen_contacts: set[tuple[str | None, str | None]] = set()
    for table in tables:
        headers = list(table.headers) or list(dict.fromkeys(k for r in table.rows for k in r))
        rows = _grouped(table.rows, headers)
        if not rows:
            continue
        headers = list(rows[0])
        cols = classify_headers(headers)
        rows = fill_down(rows, cols.get("category"))
        projects = is_project_header(headers)
        tasks = not projects and is_task_header(headers)
        for i, row in enumerate(rows, start=1):
            if is_total(row, cols.get("name")):
                continue
            cells = {h: str(row.get(h, "")).strip() for h in headers}
            section = _section(cells, cols, i)
            if getattr(table, "heading", ""):
                section = f"{table.heading} {section}"
            line = row_to_line(cells)
            out.table_rows.append(TableRow(doc_no, section, table.name, i, cells, line, headers))
            if tasks:
                resp = _responsibility(doc_no, section, cells, cols, line)
                if resp:
                    out.responsibilities.append(resp)
            for contact in _contacts(doc_no, section, cells, cols, line):
                if (contact.person, contact.phone) not in seen_contacts:
                    seen_contacts.add((contact.person, contact.phone))
                    out.contacts.append(contact)
        if projects:
            out.projects.extend(rows_to_projects(rows, doc_no, "", doc.date, table=table.name))
    return out


def _grouped(rows: Sequence[dict[str, str]], headers: list[str]) -> list[dict[str, str]]:
    """Data rows only. A row with one distinct text across a wide table is a group line
    ("一、工作举措", merged across the columns): its label goes to the rows below as 类别;
    any other such row (a note, "重庆市民政局发布") and empty rows are dropped."""
    out: list[dict[str, str]] = []
    group: str | None = None
    grouped = False
    key = GROUP_HEADER if GROUP_HEADER not in headers else "分组2"
    for row in rows:
        values = [str(v).strip() for v in row.values() if str(v).strip()]
        if not values:
            continue
        if len(headers) >= 3 and len(set(values)) == 1 and not re.fullmatch(r"\d{1,3}", values[0]):
            if is_group_line(values[0]):
                group, grouped = group_label(values[0]), True
            continue
        out.append(dict(row))
        if grouped:
            out[-1][key] = group or ""
    if grouped:
        for row in out:
            row.setdefault(key, "")
    return out


def _section(cells: dict[str, str], cols: dict[str, str], i: int) -> str:
    """The row's 序号; else the number its task cell starts with ("1. 编制…"); else 第i行."""
    section = row_section(cells, cols, i)
    if section.startswith("第") and cols.get("task"):
        m = re.match(r"^\s*(\d{1,3})\s*[.、．]", cells.get(cols["task"], ""))
        if m:
            return m.group(1)
    return section


def lead_and_units(cells: dict[str, str], cols: dict[str, str]) -> tuple[list[str], list[str], bool]:
    """(leads, co-units, lead stated) of a row: a 牵头单位 / 指导部门 column leads; else a
    责任单位 cell that says "X牵头，Y配合" / "X、Y分别牵头，Z负责实施"; else the first unit
    listed is taken as the lead, which the table does not state (unless it is the only one)."""
    leads = _units_of(cells.get(cols.get("lead", ""), ""))
    co = _units_of(cells.get(cols.get("co_units", ""), ""))
    stated = bool(leads)
    units_cell = cells.get(cols.get("units", ""), "")
    if units_cell:
        cell_leads, cell_co, cell_stated = _parse_unit_cell(units_cell)
        if leads:
            co = [*cell_leads, *cell_co, *co]
        else:
            leads, co, stated = cell_leads, [*cell_co, *co], cell_stated
    if not leads and co:
        leads, co = co[:1], co[1:]
    co = [u for u in dict.fromkeys(co) if u not in leads]
    return leads, co, stated or (len(leads) == 1 and not co)


def _parse_unit_cell(text: str) -> tuple[list[str], list[str], bool]:
    tag = parse_tag_body(text)
    if tag and tag.units:
        leads = tag.leads or tag.units[:1]
        return leads, [u for u in tag.units if u not in leads], tag.lead_stated
    clauses = [c.strip() for c in re.split(r"[，,；;。]", text) if c.strip()]
    if not any(_LEADS.match(c) for c in clauses):
        units = _units_of(text)
        return units[:1], units[1:], False
    leads, co = [], []
    for clause in clauses:
        m = _LEADS.match(clause)
        if m:
            leads.extend(_units_of(m.group(1)))
        else:
            co.extend(_units_of(clause))
    return leads, co, True


def _units_of(text: str) -> list[str]:
    if not text or not text.strip():
        return []
    units = []
    for unit in split_units(text):
        unit = _TAIL.sub("", unit).strip()
        if unit and unit not in units and not re.fullmatch(r"[-—/无]+", unit):
            units.append(unit)
    return units


def _task(cells: dict[str, str], cols: dict[str, str]) -> str:
    text = next(
        (cells[cols[k]] for k in ("task", "name", "content") if cols.get(k) and cells.get(cols[k])), ""
    )
    text = re.sub(r"^\s*(?:\d{1,3}\s*[.、．]|（\d{1,3}）)\s*", "", text)
    first = re.split(r"(?<=[。；;])", text, maxsplit=1)[0].rstrip("。；;")
    return first if len(first) <= 80 else first[:80]


def _responsibility(
    doc_no: str, section: str, cells: dict[str, str], cols: dict[str, str], line: str
) -> Responsibility | None:
    leads, co, stated = lead_and_units(cells, cols)
    leader = cells.get(cols.get("leader", "")) or None
    if not leads and not leader:
        return None
    lead = leads[0] if leads else (leader or "")
    return Responsibility(
        doc_no=doc_no,
        section=section,
        task=_task(cells, cols),
        lead=lead,
        units=[*leads, *co] if leads else [],
        source=line,
        scope=cells.get(cols.get("scope", "")) or None,
        leader=leader,
        person=person_in(cells.get(cols.get("person", ""))) if cols.get("person") else None,
        deadline=cells.get(cols.get("deadline", "")) or None,
        leads=leads if len(leads) > 1 else [],
        lead_stated=stated if leads else False,
    )


def _contacts(
    doc_no: str, section: str, cells: dict[str, str], cols: dict[str, str], line: str
) -> list[Contact]:
    """A named person with numbers: one contact per number, a mobile marked personal."""
    person_cell = cells.get(cols.get("person", ""), "")
    phone_cell = cells.get(cols.get("phone", ""), "")
    name = person_in(person_cell) or (person_in(phone_cell) if not cols.get("person") else None)
    if not name or not re.fullmatch(r"[\u4e00-\u9fff·]{2,5}|[A-Za-z][A-Za-z .]{1,30}", name):
        return []
    phones = phones_in(phone_cell) or phones_in(person_cell)
    role = re.sub(r"[（(].*", "", cols["person"]).strip() if cols.get("person") else "联系人"
    role = "联系人" if role in ("姓名", "") else role
    unit = next(
        (cells[cols[k]] for k in ("units", "lead", "company") if cols.get(k) and cells.get(cols[k])), None
    )
    return [Contact(doc_no, section, name, role, p, bool(MOBILE.fullmatch(p)), unit, line) for p in phones]
