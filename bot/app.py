"""`create_app(settings, runtime=None)`: the FastAPI service around one `Runtime`.

The runtime is built cheaply here and warmed up in a background thread by the lifespan, so
`/healthz` answers at once and `/readyz` turns 200 only when the index is loaded.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.errors import error_response, install_error_handlers
from bot.metrics import Metrics
from bot.question_log import QuestionLog
from bot.ratelimit import RateLimiter
from bot.routes.ask import build_ask_router
from bot.routes.dingtalk import build_dingtalk_router
from bot.routes.docs import build_docs_router
from bot.routes.health import build_health_router
from bot.settings import Settings
from knowledge.error_text import describe

log = logging.getLogger(__name__)


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class ServiceMiddleware:
    """Body size limit (413 before reading more) and request metrics, as plain ASGI."""

    # document uploads are bigger than any chat message; the admin route enforces its own limit
    UPLOAD_PATHS = ("/admin/documents",)
    MULTIPART_OVERHEAD = 64 * 1024

    def __init__(self, app: ASGIApp, max_body_bytes: int, metrics: Metrics, max_upload_bytes: int = 0) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        limit = self.max_body_bytes
        if scope.get("path") in self.UPLOAD_PATHS and self.max_upload_bytes:
            limit = max(limit, self.max_upload_bytes + self.MULTIPART_OVERHEAD)
        try:
            declared = _content_length(scope)
            if declared is not None and declared > limit:
                await error_response(413, f"request body larger than {limit} bytes")(
                    scope, receive, send_wrapper)
                return
            if declared is None and _has_header(scope, b"content-length"):
                await error_response(400, "invalid Content-Length")(scope, receive, send_wrapper)
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > limit:
                        raise BodyTooLarge(limit)
                return message

            await self.app(scope, limited_receive, send_wrapper)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", "other")
            self.metrics.requests.labels(label, str(status["code"])).inc()
            self.metrics.latency.labels(label).observe(time.perf_counter() - started)


def _has_header(scope: Scope, name: bytes) -> bool:
    return any(k.lower() == name for k, _ in scope.get("headers", []))


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                n = int(value)
            except ValueError:
                return None
            return n if n >= 0 else None
    return None


def _warm_up(app: FastAPI) -> None:
    try:
        app.state.runtime.warm_up()
        log.info("runtime ready")
    except Exception as e:  # reported by /readyz; the service stays up for /healthz and /metrics
        log.exception("warm-up failed")
        app.state.warm_up_error = describe(e)


def create_app(settings: Settings, runtime: Any = None) -> FastAPI:
    from connectors.dingtalk.client import DingTalkClient
    from connectors.dingtalk.handler import DingTalkBot

    if runtime is None:
        from bot.runtime import Runtime

        runtime = Runtime(settings)  # cheap: the model and index load in the lifespan's thread
    metrics = Metrics()
    question_log = QuestionLog(settings.data_dir / "questions.sqlite3")
    client = DingTalkClient(settings)
    bot = DingTalkBot(settings, runtime, client, question_log, metrics=metrics)  # also wires reindex notices

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        thread = None
        if not getattr(runtime, "ready", False):
            thread = threading.Thread(target=_warm_up, args=(app,), name="warm-up", daemon=True)
            thread.start()
        app.state.warm_up_thread = thread
        try:
            yield
        finally:
            bot.close(wait=False)
            client.close()

    app = FastAPI(title="zhaoshang", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.runtime = runtime
    app.state.metrics = metrics
    app.state.question_log = question_log
    app.state.bot = bot
    app.state.dingtalk_client = client
    app.state.limiter = RateLimiter(settings.rate_limit_per_minute)
    app.state.warm_up_error = None
    install_error_handlers(app)
    app.include_router(build_health_router())
    app.include_router(build_ask_router())
    app.include_router(build_dingtalk_router())
    app.include_router(build_docs_router())
    try:
        from bot.admin.routes import build_admin_router
    except ImportError as e:  # the admin package is optional until it lands
        log.warning("admin router not loaded: %s", e)
    else:
        app.include_router(build_admin_router(runtime, settings, question_log))
    app.add_middleware(ServiceMiddleware, max_body_bytes=settings.max_body_bytes, metrics=metrics,
                       max_upload_bytes=settings.max_upload_bytes)
    return app


def app_from_env() -> FastAPI:
    """App factory for `uvicorn --factory bot.app:app_from_env --workers N`: several workers
    need a factory (each builds its own app from `.env` and the environment)."""
    return create_app(Settings.from_env())
