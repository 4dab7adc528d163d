"""`POST /api/ask`: one question in, one line of the batch contract out.

Staff answers include internal documents, so `audience: staff` needs the admin token
(`Authorization: Bearer ADMIN_TOKEN`); without a token configured, nobody gets them here.
"""

from __future__ import annotations

import hmac
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from bot.errors import BadRequest, Forbidden, NotReady, RateLimited


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    audience: Literal["staff", "investor"] = "investor"
    conversation_id: str | None = Field(default=None, max_length=200)
    id: str | None = Field(default=None, max_length=200)


def _has_admin_token(request: Request, token: str) -> bool:
    if not token:
        return False
    given = request.headers.get("x-admin-token", "")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def sender_of(request: Request, header: str) -> str:
    """Who is asking, for the rate limit: RATE_LIMIT_HEADER when the proxy sets it, else the peer.

    X-Forwarded-For is a list the client may have started; its last entry is the one our proxy added."""
    if header:
        value = request.headers.get(header, "").split(",")[-1].strip()
        if value:
            return value[:200]
    return request.client.host if request.client else "unknown"


def build_ask_router() -> APIRouter:
    router = APIRouter()

    @router.post("/api/ask")
    def ask(body: AskRequest, request: Request) -> dict[str, Any]:
        state = request.app.state
        settings = state.settings
        if not body.question.strip():
            raise BadRequest("question: must not be blank")
        if body.audience == "staff" and not _has_admin_token(request, settings.admin_token):
            raise Forbidden("audience 'staff' needs the admin token (Authorization: Bearer ADMIN_TOKEN)")
        client = sender_of(request, settings.rate_limit_header)
        if not state.limiter.allow(f"api:{client}"):
            raise RateLimited(f"too many questions; at most {settings.rate_limit_per_minute} per minute")
        if not getattr(state.runtime, "ready", False):
            raise NotReady("the index is still loading; retry shortly")
        answer = state.runtime.assistant.answer(body.question.strip(), body.audience,
                                                conversation_id=body.conversation_id)
        state.question_log.record(body.question.strip(), body.audience, answer,
                                  conversation_id=body.conversation_id, channel="api", sender=client)
        state.metrics.observe_answer("api", body.audience, answer.answered)
        return answer.to_json(body.id)

    return router
