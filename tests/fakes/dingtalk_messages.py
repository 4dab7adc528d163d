"""Callback bodies as DingTalk sends them, and headers signed with the production signer."""

from __future__ import annotations

import itertools
import json
import threading
import time
from pathlib import Path
from typing import Any

from connectors.dingtalk.signature import sign

_ids = itertools.count(1)


def text_message(
    content: str,
    webhook: str,
    *,
    group: bool = True,
    mentioned: bool = True,
    conversation_id: str = "cidGroup==",
    sender_id: str = "$:LWCP_v1:$s1",
    staff_id: str | None = "user123",
    is_admin: bool = False,
    msg_id: str | None = None,
    expires_in_ms: int = 5_400_000,
) -> dict[str, Any]:
    now = int(time.time() * 1000)
    body: dict[str, Any] = {
        "msgtype": "text",
        "text": {"content": (" " + content) if group else content},
        "msgId": msg_id or f"msg{next(_ids)}==",
        "createAt": now,
        "conversationType": "2" if group else "1",
        "conversationId": conversation_id,
        "senderId": sender_id,
        "senderNick": "张三",
        "isAdmin": is_admin,
        "chatbotUserId": "$:LWCP_v1:$bot",
        "robotCode": "ding-app-key",
        "isInAtList": mentioned,
        "atUsers": [{"dingtalkId": "$:LWCP_v1:$bot"}] if mentioned else [],
        "sessionWebhook": webhook,
        "sessionWebhookExpiredTime": now + expires_in_ms,
    }
    if group:
        body["conversationTitle"] = "测试群"
    if staff_id:
        body["senderStaffId"] = staff_id
        body["senderCorpId"] = "dingcorp1"
    return body


REAL = Path(__file__).resolve().parents[1] / "data" / "dingtalk-payloads"


def real_message(name: str, webhook: str, content: str | None = None, **fields: Any) -> dict[str, Any]:
    """A captured callback (tests/data/dingtalk-payloads/NAME.json) aimed at our fake: the
    sessionWebhook is replaced, times move to now, a fresh msgId; `content` replaces the text."""
    body = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))
    now = int(time.time() * 1000)
    body.update({"sessionWebhook": webhook, "createAt": now, "sessionWebhookExpiredTime": now + 5_400_000,
                 "msgId": f"real{next(_ids)}=="})
    if content is not None:
        body["text"] = {"content": (" " + content) if body.get("conversationType") == "2" else content}
    body.update(fields)
    return body


def file_message(file_name: str, download_code: str, webhook: str, **kwargs: Any) -> dict[str, Any]:
    body = text_message("", webhook, group=False, **kwargs)
    del body["text"]
    body["msgtype"] = "file"
    body["content"] = {"downloadCode": download_code, "fileName": file_name, "fileId": "f1", "spaceId": "sp1"}
    return body


_last_ts = [0]
_ts_lock = threading.Lock()


def unique_now_ms() -> int:
    """Now in ms, never the same twice in this process: a (timestamp, sign) pair is accepted with
    one body only, and two test messages sent within one millisecond must not look like a replay."""
    with _ts_lock:
        _last_ts[0] = max(int(time.time() * 1000), _last_ts[0] + 1)
        return _last_ts[0]


def signed_headers(secret: str, timestamp_ms: int | None = None) -> dict[str, str]:
    ts = str(unique_now_ms() if timestamp_ms is None else timestamp_ms)
    return {"timestamp": ts, "sign": sign(ts, secret), "content-type": "application/json; charset=utf-8"}


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()
