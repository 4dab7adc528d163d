"""`POST /dingtalk/callback`: verify the raw request, then parse, then answer in the background.

Verification comes first and its failure is one fixed 401: a forger learns nothing and
nothing is posted. The sign covers only the timestamp, so a verified (timestamp, sign) pair
is then claimed for this body: the same pair with another body is a replay, also 401.
DingTalk gets its 200 at once; the answer follows via sessionWebhook.
"""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, Request

from bot.errors import BadRequest, InvalidRequest
from connectors.base import PayloadError
from connectors.dingtalk.payload import parse_callback
from connectors.dingtalk.signature import verify
from knowledge.error_text import describe

log = logging.getLogger(__name__)


def build_dingtalk_router() -> APIRouter:
    router = APIRouter()

    @router.post("/dingtalk/callback")
    async def callback(request: Request) -> dict[str, str]:
        state = request.app.state
        settings = state.settings
        ok = verify(request.headers.get("timestamp"), request.headers.get("sign"),
                    settings.dingtalk_app_secret, settings.dingtalk_signature_window_s)
        if not ok:
            state.metrics.rejected_signatures.inc()
            log.warning("rejected callback reason=signature client=%s",
                        request.client.host if request.client else "?")
            raise InvalidRequest()
        raw = await request.body()
        if not state.bot.seen.claim_signature(request.headers["timestamp"], request.headers["sign"], raw,
                                              settings.dingtalk_signature_window_s):
            state.metrics.rejected_signatures.inc()  # a captured (timestamp, sign) pair reused with another body
            log.warning("rejected callback reason=replayed-signature client=%s",
                        request.client.host if request.client else "?")
            raise InvalidRequest()
        try:
            msg = parse_callback(json.loads(raw))
        except (ValueError, PayloadError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise BadRequest(f"unreadable DingTalk message: {describe(e)}") from None
        except RecursionError:  # signed, but nested deeper than any message: the parser gives up
            raise BadRequest("unreadable DingTalk message: JSON nested too deeply") from None
        accepted = state.bot.submit(msg)
        log.info("callback msg_id=%s accepted=%s type=%s group=%s conversation=%s", msg.msg_id, accepted,
                 msg.msgtype, msg.is_group, msg.conversation_id)
        return {"msgtype": "empty"}

    return router
