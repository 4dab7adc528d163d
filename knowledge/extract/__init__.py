"""Record extractors: each reads a parsed document's paragraphs and returns typed records."""

from __future__ import annotations

from knowledge.models import Records, SourceDocument


def extract_records(doc: SourceDocument, rows: list[dict[str, str]] | None = None) -> Records:
    from knowledge.extract.contacts import extract_contacts
    from knowledge.extract.figures import extract_figures
    from knowledge.extract.incentives import extract_incentives
    from knowledge.extract.projects import extract_projects
    from knowledge.extract.references import extract_references
    from knowledge.extract.responsibilities import extract_responsibilities

    records = Records(
        responsibilities=extract_responsibilities(doc),
        figures=extract_figures(doc),
        projects=extract_projects(doc, rows),
        contacts=extract_contacts(doc),
        references=extract_references(doc),
    )
    doc.records = records  # the incentive extractor reads the responsibility tags found above
    records.incentives = extract_incentives(doc)
    return records
