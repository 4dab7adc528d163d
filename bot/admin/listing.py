"""The admin page's document table: catalogue documents, uploads waiting to be indexed, why a
file could not be read, and uploads sharing an id with a knowledge-folder file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.admin import uploads
from bot.admin.jobs import JobRunner
from bot.settings import Settings
from knowledge.gov_parse import doc_id_for


def document_rows(catalogue: Any, settings: Settings, jobs: JobRunner) -> list[dict[str, Any]]:
    """Waiting uploads first, then uploads (newest first), then the knowledge folder's documents."""
    stored = uploads.list_uploads(settings.uploads_dir)
    rows = []
    for doc in catalogue.list_documents():
        row = summary(doc)
        row["upload"] = row["doc_id"] in stored
        row["index_state"] = _index_state(jobs, row["doc_id"], indexed=True)
        rows.append(row)
    names = uploads.knowledge_names(settings.knowledge_dir, catalogue, settings.uploads_dir)
    for row in rows:  # an upload and a knowledge-folder file of one id (the file came later)
        if row["upload"] and row["doc_id"] in names:
            row["clash"] = names[row["doc_id"]]
    known = {r["doc_id"] for r in rows}
    waiting = [
        {"doc_id": doc_id, "title": path.name, "doc_no": None, "date": None, "visibility": None,
         "kind": None, "status": None, "records": {}, "upload": True,
         "index_state": _index_state(jobs, doc_id, indexed=False)}
        for doc_id, path in stored.items() if doc_id not in known
    ]  # fmt: skip
    _add_read_failures(catalogue, rows, waiting, stored)
    rows.sort(key=lambda r: r.get("date") or "", reverse=True)
    rows.sort(key=lambda r: not r["upload"])
    return waiting + rows


def summary(doc: Any) -> dict[str, Any]:
    return dict(doc.summary()) if hasattr(doc, "summary") else dict(doc)


def _add_read_failures(catalogue: Any, rows: list[dict], waiting: list[dict], stored: dict[str, Path]) -> None:
    """Say why a file could not be read: on its waiting upload, on the document whose last good
    version still serves, or as its own row for a file of the knowledge folder."""
    failures = getattr(catalogue, "failures", None)
    if failures is None:
        return
    by_id = {r["doc_id"]: r for r in [*waiting, *rows]}
    for failure in failures.list():
        doc_id = doc_id_for(failure["path"])
        if not Path(failure["path"]).exists() or (doc_id in stored and stored[doc_id] != Path(failure["path"])):
            continue  # an upload version since replaced (or removed): the current one is what counts
        row = by_id.get(doc_id)
        if row is None:
            row = {"doc_id": doc_id, "title": failure["name"], "doc_no": None, "date": None, "visibility": None,
                   "kind": None, "status": None, "records": {}, "upload": doc_id in stored}  # fmt: skip
            waiting.append(row)
            by_id[doc_id] = row
        if row.get("index_state") != "indexed":
            row["index_state"] = "failed"
        row["error"] = failure["error"]
        row["error_file"] = failure["name"]


def _index_state(jobs: JobRunner, doc_id: str, indexed: bool) -> str:
    """indexed | queued | running | failed | interrupted | not indexed — the table's status column."""
    pending = jobs.pending_for(doc_id)
    if pending:
        return pending.state
    if indexed:
        return "indexed"
    last = jobs.latest_for(doc_id)
    return last.state if last and last.state in ("failed", "interrupted") else "not indexed"
