"""Files → parsed documents → catalogue, incrementally.

Every file is loaded, parsed and upserted on its own: a corrupt upload or a parser
failure becomes an error naming the file, and the rest of the batch still goes in.
Pruning (documents whose file is gone) never removes a document whose file merely
failed to load this time: a bad edit must not silently delete the last good version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.catalogue import Catalogue
from knowledge.error_text import describe
from knowledge.models import LoadedFile, SourceDocument
from knowledge.readers import ReadLimits, load_many

Parser = Callable[[LoadedFile], SourceDocument]
Progress = Callable[[int, int, str], None]  # (done, total, stage)
log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    new: list[str] = field(default_factory=list)  # doc ids
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # what a removed document was (its row is gone afterwards): {"title", "doc_no"} by doc id
    removed_docs: dict[str, dict[str, str | None]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)  # {"path", "error"}
    docs: list[SourceDocument] = field(default_factory=list)  # every document parsed this run
    skipped: list[str] = field(default_factory=list)  # unchanged by content hash: not even parsed

    @property
    def touched(self) -> list[str]:
        """Documents whose chunks must be (re)built."""
        return self.new + self.changed

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("docs", "skipped")}


def _default_parser() -> Parser:
    from knowledge.gov_parse import parse_document

    return parse_document


def _stem_id(path: str | Path) -> str:
    return Path(path).stem


def ingest(
    paths: Iterable[str | Path],
    catalogue: Catalogue,
    prune: bool = False,
    parser: Parser | None = None,
    progress: Progress | None = None,
    limits: ReadLimits | None = None,
    prune_roots: Iterable[str | Path] | None = None,
) -> IngestResult:
    """Load, parse and upsert every file under `paths`.

    With `prune`, catalogue documents that no file under `paths` produced any more are
    removed (use it when `paths` is the whole knowledge folder, never for a single upload),
    and a root that does not exist is skipped rather than reported. A file that failed to
    read is remembered in `catalogue.failures` and not read again until it changes. Only
    documents read from under `prune_roots` (default: `paths`) are pruned: the uploads folder
    is a prune root while just the current version of each upload is read.
    """
    parse = parser or _default_parser()
    paths = list(paths)
    if prune:  # whole-folder mode: a root that does not exist yet (an empty uploads folder) holds nothing
        paths = [p for p in paths if Path(p).exists()]
    result = IngestResult()
    failures = getattr(catalogue, "failures", None)
    loaded, load_errors = load_many(paths, limits=limits, failures=failures)
    if prune and failures is not None:
        failures.forget_missing()
    result.errors.extend(e.to_dict() for e in load_errors)
    total = len(loaded)
    seen: dict[str, str] = {}  # doc_id -> path
    for i, lf in enumerate(loaded, start=1):
        if parser is None:  # the default parser's content hash is known before parsing
            from knowledge.gov_parse import content_hash, doc_id_for

            doc_id = doc_id_for(lf.path)
            if doc_id not in seen and catalogue.hash_of(doc_id) == content_hash(lf):
                seen[doc_id] = lf.path
                result.unchanged.append(doc_id)
                result.skipped.append(doc_id)
                continue
        try:
            doc = parse(lf)
        except Exception as e:  # a parser bug on one file must not stop the batch
            log.warning("cannot parse %s", lf.path, exc_info=True)
            result.errors.append({"path": lf.path, "error": f"cannot parse: {describe(e)}"})
            continue
        if doc.doc_id in seen:
            result.errors.append(
                {
                    "path": lf.path,
                    "error": f"duplicate document id {doc.doc_id!r}: same name as {seen[doc.doc_id]}",
                }
            )
            continue
        seen[doc.doc_id] = lf.path
        try:
            outcome = catalogue.upsert(doc)
        except Exception as e:  # e.g. a full disk: report it with the file, keep the batch going
            log.warning("cannot store %s", lf.path, exc_info=True)
            result.errors.append({"path": lf.path, "error": f"cannot store: {describe(e)}"})
            continue
        getattr(result, outcome).append(doc.doc_id)
        result.docs.append(doc)
        if progress:
            progress(i, total, "catalogue")
    if prune:
        failed = {str(Path(e["path"]).resolve()) for e in result.errors}
        keep = set(seen) | {_stem_id(e["path"]) for e in result.errors}
        roots = [Path(p).resolve() for p in (paths if prune_roots is None else prune_roots)]
        for summary in catalogue.list_documents():
            doc_id, path = summary["doc_id"], summary.get("path") or ""
            if doc_id in keep or str(Path(path).resolve()) in failed or not _under(path, roots):
                continue
            if catalogue.remove(doc_id):
                result.removed.append(doc_id)
                result.removed_docs[doc_id] = {"title": summary.get("title"), "doc_no": summary.get("doc_no")}
    return result


def _under(path: str, roots: list[Path]) -> bool:
    """True if `path` was (or would be) read from one of `roots`: only those may be pruned."""
    p = Path(path).resolve()
    return any(p == r or r in p.parents for r in roots)
