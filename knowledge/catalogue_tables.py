"""SQL over projects and table rows: filters, counts, sums, max/min and top-N.

"创客中国企业组有几个优胜奖？", "投资1亿元以上的在建项目有哪些、合计多少？", "其中金额最大的呢？"
are exact questions over a table, so they are answered by SQL over the catalogue's rows,
never by reading a sample of them. Amounts are absolute (1亿元 = 1e8 CNY) and never
converted between currencies: a sum or a maximum is per currency.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.models import Project, TableRow

Currency = Literal["CNY", "USD"]
_AMOUNT = {"CNY": "amount_cny", "USD": "amount_usd"}
_GROUP_COLUMNS = {
    "category": "category",
    "stage": "stage",
    "place": "place",
    "table": "tbl",
    "doc_id": "doc_id",
}


@dataclass(frozen=True)
class AmountStats:
    """Sum and extremes of the projects that state an amount in one currency."""

    currency: str  # CNY | USD
    count: int  # projects with an amount in this currency
    total: float  # absolute (yuan / dollars)
    largest: Project | None
    smallest: Project | None


@dataclass(frozen=True)
class ProjectStats:
    count: int  # every project the filters select, with or without an amount
    amounts: dict[str, AmountStats]  # by currency, only currencies present


@dataclass(frozen=True)
class Group:
    value: str | None
    count: int
    total_cny: float | None
    total_usd: float | None


@dataclass(frozen=True)
class TableInfo:
    doc_id: str
    table: str
    headers: list[str]
    rows: int


def where(clause: str, params: Sequence, visibility: Sequence[str] | None) -> tuple[str, list[Any]]:
    """` WHERE …` (or nothing) for record filters plus the audience's visibility, and its args."""
    clauses, args = ([clause] if clause else []), list(params)
    if visibility is not None:
        clauses.append(f"visibility IN ({','.join('?' * len(visibility))})")
        args.extend(visibility)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def project_where(
    stage: str | Sequence[str] | None = None,
    min_usd: float | None = None,
    max_usd: float | None = None,
    place: str | None = None,
    name_like: str | None = None,
    min_cny: float | None = None,
    max_cny: float | None = None,
    category: str | None = None,
    table: str | None = None,
    doc_id: str | None = None,
    names: Sequence[str] | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause of a project filter. Amount bounds are inclusive and absolute; a USD
    bound only matches projects with a USD amount. `category`, `place` and `table` match a
    part of the text ("优胜奖" matches "优胜奖（8名）"); `names` is a previous answer's list."""
    clauses: list[str] = []
    args: list[Any] = []
    if stage is not None:
        stages = [stage] if isinstance(stage, str) else list(stage)
        clauses.append(f"stage IN ({','.join('?' * len(stages))})")
        args.extend(stages)
    for column, op, value in (
        ("amount_usd", ">=", min_usd), ("amount_usd", "<=", max_usd),
        ("amount_cny", ">=", min_cny), ("amount_cny", "<=", max_cny),
    ):  # fmt: skip
        if value is not None:
            clauses.append(f"{column} IS NOT NULL AND {column} {op} ?")
            args.append(value)
    for column, value in (("place", place), ("name", name_like), ("category", category), ("tbl", table)):
        if value:
            clauses.append(f"{column} LIKE ?")
            args.append(f"%{value}%")
    if doc_id:
        clauses.append("doc_id = ?")
        args.append(doc_id)
    if names is not None:
        clauses.append(f"name IN ({','.join('?' * len(names))})" if names else "0")
        args.extend(names)
    return " AND ".join(clauses), args


def _row_where(
    doc_id: str | None = None,
    table: str | None = None,
    cells: Mapping[str, str] | None = None,
    contains: str | None = None,
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if doc_id:
        clauses.append("doc_id = ?")
        args.append(doc_id)
    if table:
        clauses.append("json_extract(data, '$.table') LIKE ?")
        args.append(f"%{table}%")
    for header, value in (cells or {}).items():
        clauses.append("json_extract(data, ?) LIKE ?")
        args.extend([_cell_path(header), f"%{value}%"])
    if contains:
        clauses.append("json_extract(data, '$.cells') LIKE ?")
        args.append(f"%{json.dumps(contains, ensure_ascii=False)[1:-1]}%")
    return " AND ".join(clauses), args


def _cell_path(header: str) -> str:
    return '$.cells."' + header.replace("\\", "\\\\").replace('"', '\\"') + '"'


class TableQueries:
    """Project and table-row queries of the `Catalogue` (uses its `_db`, `_lock`, `_records`)."""

    _db: Any
    _lock: Any
    _records: Any  # Catalogue._records(name, visibility, where, params, order, limit)

    def _scalar_row(self, sql: str, args: Sequence) -> Any:
        with self._lock:
            return self._db.execute(sql, list(args)).fetchone()

    # --- projects --------------------------------------------------------------------------

    def projects(
        self,
        visibility: tuple[str, ...] | None = None,
        stage: str | Sequence[str] | None = None,
        min_usd: float | None = None,
        max_usd: float | None = None,
        place: str | None = None,
        name_like: str | None = None,
        min_cny: float | None = None,
        max_cny: float | None = None,
        limit: int | None = None,
        **filters: Any,
    ) -> list[Project]:
        """Projects of current versions, filtered (`project_where`). With `limit`, the newest
        status first (then the largest amount); without, in document and table order."""
        clause, args = project_where(stage, min_usd, max_usd, place, name_like, min_cny, max_cny, **filters)
        if limit is None:
            return self._records("projects", visibility, clause, args)
        newest = "as_of DESC, COALESCE(amount_usd, 0) DESC, COALESCE(amount_cny, 0) DESC, doc_id, id"
        return self._records("projects", visibility, clause, args, order=newest, limit=limit)

    def count_projects(self, visibility: tuple[str, ...] | None = None, **filters: Any) -> int:
        """How many projects `projects(visibility, **filters)` would return, counted in SQL."""
        clause, args = where(*project_where(**filters), visibility)
        return int(self._scalar_row(f"SELECT COUNT(*) FROM projects{clause}", args)[0])

    def top_projects(
        self,
        visibility: tuple[str, ...] | None = None,
        n: int = 5,
        currency: Currency | None = None,
        largest: bool = True,
        **filters: Any,
    ) -> list[Project]:
        """The `n` largest (or smallest) projects by amount in one currency; by default the
        currency most of the selected projects state."""
        currency = currency or self._main_currency(visibility, **filters)
        if currency is None:
            return []
        column = _AMOUNT[currency]
        clause, args = project_where(**filters)
        clause = f"{clause} AND {column} IS NOT NULL" if clause else f"{column} IS NOT NULL"
        order = f"{column} {'DESC' if largest else 'ASC'}, doc_id, id"
        return self._records("projects", visibility, clause, args, order=order, limit=n)

    def project_stats(self, visibility: tuple[str, ...] | None = None, **filters: Any) -> ProjectStats:
        """Count, and per currency the sum, the largest and the smallest project."""
        clause, args = where(*project_where(**filters), visibility)
        row = self._scalar_row(
            "SELECT COUNT(*), COUNT(amount_cny), TOTAL(amount_cny), COUNT(amount_usd), TOTAL(amount_usd)"
            f" FROM projects{clause}",
            args,
        )
        amounts: dict[str, AmountStats] = {}
        for currency, count, total in (("CNY", row[1], row[2]), ("USD", row[3], row[4])):
            if count:
                top = self.top_projects(visibility, 1, currency, True, **filters)  # type: ignore[arg-type]
                bottom = self.top_projects(visibility, 1, currency, False, **filters)  # type: ignore[arg-type]
                amounts[currency] = AmountStats(currency, int(count), float(total), top[0], bottom[0])
        return ProjectStats(int(row[0]), amounts)

    def project_groups(
        self, by: Literal["category", "stage", "place", "table", "doc_id"],
        visibility: tuple[str, ...] | None = None, **filters: Any,
    ) -> list[Group]:  # fmt: skip
        """Projects counted (and summed per currency) by category, stage, place or table,
        largest group first: "各奖次各有几个", "按阶段统计"."""
        column = _GROUP_COLUMNS[by]
        clause, args = where(*project_where(**filters), visibility)
        sql = (
            f"SELECT {column}, COUNT(*), SUM(amount_cny), SUM(amount_usd) FROM projects{clause}"
            f" GROUP BY {column} ORDER BY COUNT(*) DESC, MIN(id)"
        )
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        return [Group(r[0], int(r[1]), r[2], r[3]) for r in rows]

    def _main_currency(self, visibility: tuple[str, ...] | None, **filters: Any) -> Currency | None:
        clause, args = where(*project_where(**filters), visibility)
        row = self._scalar_row(f"SELECT COUNT(amount_cny), COUNT(amount_usd) FROM projects{clause}", args)
        if not row[0] and not row[1]:
            return None
        return "USD" if row[1] > row[0] else "CNY"

    # --- table rows ------------------------------------------------------------------------

    def table_rows(
        self,
        visibility: tuple[str, ...] | None = None,
        doc_id: str | None = None,
        table: str | None = None,
        cells: Mapping[str, str] | None = None,
        contains: str | None = None,
        limit: int | None = None,
    ) -> list[TableRow]:
        """Rows of every table, in document and row order; `cells` filters by column
        ({"推广范围": "全国"}: the cell contains the text), `contains` by any cell."""
        clause, args = _row_where(doc_id, table, cells, contains)
        return self._records("table_rows", visibility, clause, args, limit=limit)

    def count_table_rows(self, visibility: tuple[str, ...] | None = None, **filters: Any) -> int:
        clause, args = where(*_row_where(**filters), visibility)
        return int(self._scalar_row(f"SELECT COUNT(*) FROM table_rows{clause}", args)[0])

    def table_row_groups(
        self, column: str, visibility: tuple[str, ...] | None = None, **filters: Any
    ) -> list[tuple[str, int]]:
        """Rows counted by the text of one column ("类别", "责任单位"), largest first."""
        clause, args = where(*_row_where(**filters), visibility)
        sql = (
            f"SELECT json_extract(data, ?) AS v, COUNT(*) FROM table_rows{clause}"
            " GROUP BY v ORDER BY COUNT(*) DESC, MIN(id)"
        )
        with self._lock:
            rows = self._db.execute(sql, [_cell_path(column), *args]).fetchall()
        return [(r[0], int(r[1])) for r in rows if r[0] is not None]

    def tables(self, visibility: tuple[str, ...] | None = None, doc_id: str | None = None) -> list[TableInfo]:
        """Every table: its document, name, headers and number of rows."""
        clause, args = where("doc_id = ?" if doc_id else "", [doc_id] if doc_id else [], visibility)
        sql = (
            "SELECT doc_id, json_extract(data, '$.table'), MIN(id), COUNT(*) FROM table_rows"
            f"{clause} GROUP BY doc_id, json_extract(data, '$.table') ORDER BY doc_id, MIN(id)"
        )
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
            out = []
            for doc, name, first, count in rows:
                data = json.loads(
                    self._db.execute("SELECT data FROM table_rows WHERE id = ?", (first,)).fetchone()[0]
                )
                out.append(
                    TableInfo(doc, name, data.get("headers") or list(data.get("cells", {})), int(count))
                )
        return out
