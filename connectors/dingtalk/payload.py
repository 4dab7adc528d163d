"""DingTalk callback JSON (HTTP mode body = Stream mode `data`) -> one typed `IncomingMessage`."""

from __future__ import annotations

import re
from typing import Any

from connectors.base import IncomingMessage, PayloadError

LEADING_MENTION = re.compile(r"^(?:@\S+\s+)+")


def _str(data: dict, key: str) -> str:
    value = data.get(key)
    return str(value).strip() if value is not None else ""


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _text_of(data: dict, msgtype: str) -> str:
    content = data.get("content") if isinstance(data.get("content"), dict) else {}
    if msgtype == "text":
        text = data.get("text")
        return str(text.get("content", "")) if isinstance(text, dict) else ""
    if msgtype == "richText":
        parts = content.get("richText") if isinstance(content.get("richText"), list) else []
        return "".join(str(p.get("text", "")) for p in parts if isinstance(p, dict))
    if msgtype == "audio":  # DingTalk's own speech-to-text
        return str(content.get("recognition", ""))
    return ""


def clean_text(text: str, is_group: bool) -> str:
    """Strip spaces and, in groups, any leading @mentions left in the text."""
    text = text.replace("\u2005", " ").strip()
    if is_group:
        text = LEADING_MENTION.sub("", text).strip()
    return text


def parse_callback(data: Any) -> IncomingMessage:
    """Raise `PayloadError` naming the missing field; never guess a conversation or sender."""
    if not isinstance(data, dict):
        raise PayloadError("body must be a JSON object")
    missing = [k for k in ("msgId", "conversationId", "senderId") if not _str(data, k)]
    if missing:
        raise PayloadError(f"missing field(s): {', '.join(missing)}")
    msgtype = _str(data, "msgtype") or "unknownMsgType"
    is_group = _str(data, "conversationType") == "2"
    content = data.get("content") if isinstance(data.get("content"), dict) else {}
    download_code = str(content.get("downloadCode", "")) if msgtype == "file" else ""
    file_name = str(content.get("fileName", "")) if msgtype == "file" else ""
    return IncomingMessage(
        msg_id=_str(data, "msgId"),
        msgtype=msgtype,
        text=clean_text(_text_of(data, msgtype), is_group),
        conversation_id=_str(data, "conversationId"),
        is_group=is_group,
        sender_id=_str(data, "senderId"),
        sender_staff_id=_str(data, "senderStaffId") or None,
        sender_nick=_str(data, "senderNick"),
        is_admin=_bool(data.get("isAdmin")),
        mentioned=_bool(data.get("isInAtList")),
        reply_url=_str(data, "sessionWebhook"),
        reply_url_expires_ms=_int(data.get("sessionWebhookExpiredTime")),
        robot_code=_str(data, "robotCode"),
        conversation_title=_str(data, "conversationTitle"),
        download_code=download_code,
        file_name=file_name,
        create_at_ms=_int(data.get("createAt")),
        raw=data,
    )
