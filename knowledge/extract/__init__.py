"""Record extractors: each reads a parsed document's paragraphs and returns typed records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.models import Records, SourceDocument

if TYPE_CHECKING:
    from knowledge.text_tables import TextTable


def extract_records(
    doc: SourceDocument,
    rows: list[dict[str, str]] | None = None,
    tables: Sequence[TextTable] | None = None,
) -> Records:
    """`tables` are the file's tables (`table_records.tables_of`); `rows`, from older callers,
    a sheet's rows. Table records come first; prose records that repeat them are dropped."""
    from knowledge.extract.contacts import extract_contacts
    from knowledge.extract.figures import extract_figures
    from knowledge.extract.incentives import extract_incentives
    from knowledge.extract.projects import extract_projects
    from knowledge.extract.references import extract_references
    from knowledge.extract.responsibilities import extract_responsibilities
    from knowledge.extract.table_records import (
        extract_table_records,
        table_texts,
        tables_from_rows,
    )
    from knowledge.text_tables import TextTable

    if tables is None:
        tables = [TextTable(t) for t in tables_from_rows(rows)] if rows else []
    from_tables = extract_table_records(doc, [t.table for t in tables])
    in_table = table_texts(tables)
    prose_projects = [] if from_tables.projects else extract_projects(doc, skip=in_table)
    seen_units = {(r.lead, tuple(r.units)) for r in from_tables.responsibilities}
    prose_resp = [r for r in extract_responsibilities(doc) if (r.lead, tuple(r.units)) not in seen_units]
    seen_phones = {c.phone for c in from_tables.contacts if c.phone}
    prose_contacts = [c for c in extract_contacts(doc) if not (c.phone and c.phone in seen_phones)]
    records = Records(
        responsibilities=from_tables.responsibilities + prose_resp,
        figures=extract_figures(doc),
        projects=from_tables.projects + prose_projects,
        contacts=from_tables.contacts + prose_contacts,
        references=extract_references(doc),
        table_rows=from_tables.table_rows,
    )
    doc.records = records  # the incentive extractor reads the responsibility tags found above
    records.incentives = extract_incentives(doc)
    return records
