"""The admin API and page under `/admin`: documents, uploads, reindex jobs, questions, try-it.

Every API route sits behind `Authorization: Bearer <ADMIN_TOKEN>`, checked by the route
class itself *before* the body is read, so an unauthenticated client can neither make
the server parse an upload nor learn anything from validation errors. An empty
ADMIN_TOKEN switches the API off (401 naming the setting). The page and its static
files need no token: they hold no data, and every call they make sends it.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from bot.admin import uploads
from bot.admin.jobs import JobFailed, JobRunner
from bot.admin.listing import document_rows, summary
from bot.data_check import set_aside_warnings
from bot.errors import BadRequest, NotReady
from bot.runtime import IndexReport, Progress, Runtime
from bot.settings import Settings
from knowledge.error_text import describe

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"admin.js": "text/javascript", "admin.css": "text/css"}
MULTIPART_SLACK = 64 * 1024  # form boundaries and headers around the file itself
MAX_PARAGRAPHS = 400
TOKEN_UNSET = "admin_token_unset"


class AskBody(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    audience: Literal["staff", "investor"] = "staff"
    conversation_id: str | None = Field(default=None, max_length=200)


class FeedbackBody(BaseModel):
    rating: Literal[1, -1]
    comment: str | None = Field(default=None, max_length=2000)


class ReindexBody(BaseModel):
    full: bool = False


def refusal(authorization: str | None, token: str) -> str | None:
    """Why a request may not use the admin API, or None when it may."""
    if not token:
        return "admin API is disabled: set ADMIN_TOKEN in .env (or the environment) to enable it"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return "missing admin token: send the header 'Authorization: Bearer <ADMIN_TOKEN>'"
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        return "invalid admin token"
    return None


def _guarded_route_class(settings: Settings) -> type[APIRoute]:
    limit = settings.max_upload_bytes + MULTIPART_SLACK

    class AdminAPIRoute(APIRoute):
        """Checks the token (and the declared body size) before FastAPI parses anything."""

        def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
            inner = super().get_route_handler()

            async def handler(request: Request) -> Response:
                why = refusal(request.headers.get("authorization"), settings.admin_token)
                if why:
                    body = {"error": why}
                    if not settings.admin_token:  # the page tells the admin, in Chinese, how to switch it on
                        body["code"] = TOKEN_UNSET
                    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
                declared = request.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    message = f"request is larger than the {settings.max_upload_bytes:,} byte upload limit"
                    return JSONResponse({"error": message}, status_code=413)
                return await inner(request)

            return handler

    return AdminAPIRoute


def build_admin_router(
    runtime: Runtime, settings: Settings, question_log: Any = None, jobs: JobRunner | None = None
) -> APIRouter:
    """Routes at /admin/...; include with `app.include_router(router)` (the prefix is built in)."""
    jobs = jobs or JobRunner(settings.data_dir / "admin-jobs.json")

    def ensure_ready() -> None:
        """Indexing, deleting and asking need the loaded index; `warm_up` is idempotent and locked,
        so this waits for the app's own warm-up when one is running."""
        if not runtime.ready:
            try:
                runtime.warm_up()
            except Exception as e:  # e.g. a damaged data folder: /readyz says the same
                raise NotReady(f"the index cannot be loaded: {describe(e)}") from e

    def index_work(paths: list[Path] | None, full: bool = False) -> Callable[[Progress], IndexReport]:
        def work(progress: Progress) -> IndexReport:
            progress(0, 0, "loading index")
            ensure_ready()
            return runtime.reindex(paths, full=full, progress=progress)

        return work

    def upload_work(stored: uploads.StoredUpload) -> Callable[[Progress], IndexReport]:
        """Index exactly the version this request stored (its file with its own sidecar)."""

        def work(progress: Progress) -> IndexReport:
            progress(0, 0, "loading index")
            ensure_ready()
            report = runtime.index_upload(stored.path, progress=progress)
            if report.errors and not (report.new or report.changed or report.unchanged):
                errors = "; ".join(f"{Path(e.get('path', '')).name}: {e.get('error', '')}" for e in report.errors)
                raise JobFailed(f"the file is stored but could not be indexed: {errors}")
            return report

        return work

    api = APIRouter(prefix="/admin", route_class=_guarded_route_class(settings))

    # --- the page: plain routes, no token ---------------------------------------
    def index_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers=_NO_CACHE)

    def static_file(name: str) -> FileResponse:
        if name not in STATIC_FILES:
            raise HTTPException(404, f"no static file {name!r}")
        return FileResponse(STATIC_DIR / name, media_type=STATIC_FILES[name], headers=_NO_CACHE)

    for path, endpoint in (("/", index_page), ("/static/{name}", static_file)):
        api.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False, route_class_override=APIRoute)

    # --- documents -------------------------------------------------------------
    @api.get("/documents")
    def list_documents() -> dict[str, Any]:
        return {"documents": document_rows(runtime.catalogue, settings, jobs)}

    @api.get("/documents/{doc_id}")
    def show_document(doc_id: str) -> dict[str, Any]:
        doc = runtime.catalogue.get(doc_id)
        if doc is None:
            pending = jobs.pending_for(doc_id)
            hint = f" (indexing job {pending.id} is {pending.state})" if pending else ""
            raise HTTPException(404, f"no document {doc_id!r} in the catalogue{hint}")
        out = summary(doc)
        out.update({
            "addressees": doc.addressees,
            "cc": list(doc.cc),
            "valid_until": doc.valid_until,
            "metadata": dict(doc.metadata),
            "records": _records(doc),
            "record_counts": doc.records.count(),
            "paragraph_count": len(doc.paragraphs),
            "paragraphs": [{"section": p.section, "text": p.text} for p in doc.paragraphs[:MAX_PARAGRAPHS]],
        })
        return out

    @api.post("/documents", status_code=202)
    def upload_document(
        file: UploadFile = File(..., description="the document (.txt .md .docx .pdf .html .csv .xlsx)"),
        visibility: str = Form(""),
        kind: str = Form(""),
    ) -> dict[str, Any]:
        try:
            names = uploads.knowledge_names(settings.knowledge_dir, runtime.catalogue, settings.uploads_dir)
            stored = uploads.store_upload(
                settings.uploads_dir, file.filename, file.file, settings.max_upload_bytes,
                visibility.strip().lower(), kind.strip().lower(), reserved=names.get,
            )
        except uploads.UploadRejected as e:
            raise HTTPException(e.status, e.message) from e
        job = jobs.submit("upload", upload_work(stored), doc_id=stored.doc_id)
        out: dict[str, Any] = {"doc_id": stored.doc_id, "job_id": job.id, "stored": stored.path.name}
        if stored.clashes_with:
            out["clash"] = uploads.clash_report(stored)
        return out

    @api.delete("/documents/{doc_id}")
    def delete_document(doc_id: str) -> dict[str, Any]:
        doc = runtime.catalogue.get(doc_id)
        doc_id = doc.doc_id if doc is not None else doc_id  # a 文号 works too
        deleted = uploads.delete_upload(settings.uploads_dir, doc_id)
        if doc is None and not deleted:
            raise HTTPException(404, f"no document {doc_id!r} in the catalogue or the uploads")
        out: dict[str, Any] = {"doc_id": doc_id, "files_deleted": [p.name for p in deleted]}
        from_upload = doc is not None and uploads.upload_store(settings.uploads_dir).is_stored(Path(doc.path))
        if doc is not None and deleted and not from_upload:
            # the upload shared its id with a knowledge-folder document, which is what the catalogue holds
            out.update(removed=True, note="the upload is deleted; the knowledge folder's document of that name stays")
            return out
        ensure_ready()
        removed = runtime.remove_document(doc_id)
        out["removed"] = removed or bool(deleted)
        if doc is not None and not deleted:
            out["note"] = "not an upload: the file stays in KNOWLEDGE_DIR and returns at the next full reindex"
        return out

    # --- indexing jobs ---------------------------------------------------------
    @api.post("/reindex", status_code=202)
    def reindex(body: ReindexBody | None = None) -> dict[str, Any]:
        full = bool(body and body.full)
        job = jobs.submit("reindex", index_work(None, full=full))
        return {"job_id": job.id, "state": job.state}

    @api.get("/jobs")
    def list_jobs() -> dict[str, Any]:
        return {"jobs": [j.to_dict() for j in jobs.list()[:50]]}

    @api.get("/jobs/{job_id}")
    def show_job(job_id: str) -> dict[str, Any]:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id!r}")
        return job.to_dict()

    # --- questions and the try-it box ------------------------------------------
    @api.get("/questions")
    def list_questions(limit: int = 200, unanswered_only: bool = False) -> dict[str, Any]:
        if not 1 <= limit <= 1000:
            raise BadRequest("limit must be between 1 and 1000")
        rows = question_log.list(unanswered_first=True, limit=limit) if question_log else []
        if unanswered_only:
            rows = [r for r in rows if not r["answered"]]
        return {"questions": rows}

    @api.post("/questions/{question_id}/feedback")
    def question_feedback(question_id: int, body: FeedbackBody) -> dict[str, Any]:
        if question_log is None or not question_log.feedback(question_id, body.rating, body.comment):
            raise HTTPException(404, f"no question {question_id}")
        return {"id": question_id, "rating": body.rating}

    @api.post("/ask")
    def ask(body: AskBody) -> dict[str, Any]:
        question = body.question.strip()
        if not question:
            raise BadRequest("question is empty")
        ensure_ready()
        answer = runtime.assistant.answer(question, body.audience, conversation_id=body.conversation_id)
        out = answer.to_json()
        if question_log is not None:
            out["question_id"] = question_log.record(
                question, body.audience, answer, conversation_id=body.conversation_id, channel="admin"
            )
        return out

    @api.get("/status")
    def status() -> dict[str, Any]:
        out = runtime.status()
        active = next((j for j in jobs.list() if j.state in ("queued", "running")), None)
        out["active_job"] = active.to_dict() if active else None
        out["warnings"] = set_aside_warnings(question_log=question_log, catalogue=runtime.catalogue)
        return out

    api.jobs = jobs  # type: ignore[attr-defined]  # so the app (and tests) can close it on shutdown
    return api


_NO_CACHE = {"Cache-Control": "no-cache"}


def _records(doc: Any) -> dict[str, list[dict[str, Any]]]:
    """Every record kind; each incentive also said in one line (the page shows it as 待遇)."""
    from knowledge.incentive_text import describe_zh

    records = doc.records.to_dict()
    records["incentives"] = [
        {**row, "summary_zh": describe_zh(inc)} for row, inc in zip(records["incentives"], doc.records.incentives, strict=True)
    ]
    return records
