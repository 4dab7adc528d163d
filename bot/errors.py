"""The service's error tree and the one place that maps it to HTTP.

    ServiceError (500)
     ├── BadRequest (400)        malformed JSON, missing field, bad value
     ├── InvalidRequest (401)    failed signature; always the same fixed body
     ├── Forbidden (403)
     ├── PayloadTooLarge (413)
     ├── RateLimited (429)
     └── NotReady (503)          the index is still loading

Every error leaves the service as `{"error": "..."}`; a malformed body is never a 5xx.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ServiceError(Exception):
    status = 500

    def __init__(self, message: str = "internal error") -> None:
        super().__init__(message)
        self.message = message


class BadRequest(ServiceError):
    status = 400


class InvalidRequest(ServiceError):
    """A request that failed verification; the body never says why (no oracle for forgers)."""

    status = 401

    def __init__(self, message: str = "invalid request") -> None:
        super().__init__("invalid request")


class Forbidden(ServiceError):
    status = 403


class PayloadTooLarge(ServiceError):
    status = 413


class RateLimited(ServiceError):
    status = 429


class NotReady(ServiceError):
    status = 503


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception that can leave a route to the one JSON shape."""

    @app.exception_handler(ServiceError)
    async def _service(_: Request, exc: ServiceError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        detail = first.get("msg", "invalid body")
        return error_response(400, f"{where}: {detail}" if where else detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error: %s", type(exc).__name__)
        return error_response(500, "internal error")
