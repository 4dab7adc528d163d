"""Talking back to DingTalk: sessionWebhook replies, OpenAPI sends, access token, file download.

Every outbound call goes through one injected `httpx.Client`, so tests point the whole
client at a fake DingTalk (`settings.dingtalk_api_base`, webhook hosts) with no patching.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from bot.settings import Settings
from connectors.base import IncomingMessage

log = logging.getLogger(__name__)

SESSION_EXPIRED = 300001  # errcode of a sessionWebhook past its expiry
NO_RETRY_ERRCODES = {SESSION_EXPIRED, 310000, 400013, 400101, 400102, 400105, 400106, 460101, 101002}
TOKEN_EARLY_REFRESH_S = 300


class DingTalkError(RuntimeError):
    """A call to DingTalk failed after all retries; `errcode` when DingTalk said why."""

    def __init__(self, message: str, errcode: int | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.errcode = errcode
        self.status = status


@dataclass
class _Token:
    value: str
    expires_at: float


class DingTalkClient:
    def __init__(
        self,
        settings: Settings,
        http: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.http = http or httpx.Client(timeout=httpx.Timeout(10.0, connect=5.0))
        self._sleep = sleep
        self._clock = clock
        self._token: _Token | None = None
        self._token_lock = threading.Lock()
        self.api_base = settings.dingtalk_api_base.rstrip("/")
        self.robot_code = settings.dingtalk_robot_code or settings.dingtalk_app_key

    def close(self) -> None:
        self.http.close()

    # --- low level -------------------------------------------------------------
    def _post(self, url: str, body: dict, headers: dict[str, str] | None = None, webhook: bool = True) -> dict:
        """POST with exponential backoff; webhooks fail on errcode != 0, OpenAPI on HTTP status."""
        attempts = max(1, self.settings.dingtalk_retry_attempts)
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.settings.dingtalk_retry_backoff_s * 2 ** (attempt - 1))
            data, error, retryable = self._attempt(url, body, headers, webhook)
            if error is None:
                return data
            log.warning("dingtalk post failed attempt=%d/%d path=%s error=%s",
                        attempt + 1, attempts, urlsplit(url).path, error)
            if not retryable or attempt == attempts - 1:
                raise error
        raise AssertionError("unreachable")

    def _attempt(
        self, url: str, body: dict, headers: dict[str, str] | None, webhook: bool
    ) -> tuple[dict, DingTalkError | None, bool]:
        try:
            resp = self.http.post(url, json=body, headers=headers)
        except httpx.HTTPError as e:
            return {}, DingTalkError(f"{type(e).__name__}: {e}"), True
        data = _json(resp)
        if resp.status_code >= 400:
            retryable = resp.status_code >= 500 or resp.status_code in (408, 429)
            error = DingTalkError(f"HTTP {resp.status_code}: {str(data)[:200]}", status=resp.status_code)
            return data, error, retryable
        errcode = data.get("errcode", 0) if webhook else 0
        try:
            code = int(errcode)
        except (TypeError, ValueError):
            code = -1
        if code != 0:
            error = DingTalkError(f"errcode {errcode}: {data.get('errmsg', '')}", code)
            return data, error, code not in NO_RETRY_ERRCODES
        return data, None, False

    # --- access token ----------------------------------------------------------
    def access_token(self) -> str:
        """OpenAPI token from AppKey/AppSecret, cached until 5 minutes before it expires."""
        with self._token_lock:
            now = self._clock()
            if self._token and now < self._token.expires_at:
                return self._token.value
            if not (self.settings.dingtalk_app_key and self.settings.dingtalk_app_secret):
                raise DingTalkError("DINGTALK_APP_KEY and DINGTALK_APP_SECRET are needed for the OpenAPI")
            data = self._post(
                f"{self.api_base}/v1.0/oauth2/accessToken",
                {"appKey": self.settings.dingtalk_app_key, "appSecret": self.settings.dingtalk_app_secret},
                webhook=False,
            )
            token = data.get("accessToken")
            if not token:
                raise DingTalkError("accessToken missing in DingTalk's answer")
            ttl = float(data.get("expireIn", 7200))
            self._token = _Token(token, now + max(ttl - TOKEN_EARLY_REFRESH_S, 0))
            return token

    def reset_token(self) -> None:
        with self._token_lock:
            self._token = None

    def _openapi(self, path: str, body: dict) -> dict:
        """One OpenAPI call; a 401 means our cached token was revoked: fetch a new one once."""
        for retry_auth in (True, False):
            headers = {"x-acs-dingtalk-access-token": self.access_token()}
            try:
                return self._post(f"{self.api_base}{path}", body, headers=headers, webhook=False)
            except DingTalkError as e:
                if not (retry_auth and e.status == 401):
                    raise
                self.reset_token()
        raise AssertionError("unreachable")

    # --- sending ---------------------------------------------------------------
    def webhook_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("https", "http") and (parts.hostname or "") in self.settings.dingtalk_webhook_hosts

    def send_session(self, url: str, body: dict) -> dict:
        return self._post(url, body)

    def send_group(self, open_conversation_id: str, title: str, text: str) -> dict:
        return self._openapi("/v1.0/robot/groupMessages/send", {
            "robotCode": self.robot_code, "openConversationId": open_conversation_id,
            "msgKey": "sampleMarkdown", "msgParam": json.dumps({"title": title, "text": text}, ensure_ascii=False),
        })

    def send_oto(self, user_ids: list[str], title: str, text: str) -> dict:
        return self._openapi("/v1.0/robot/oToMessages/batchSend", {
            "robotCode": self.robot_code, "userIds": user_ids[:20],
            "msgKey": "sampleMarkdown", "msgParam": json.dumps({"title": title, "text": text}, ensure_ascii=False),
        })

    def reply(self, message: IncomingMessage, title: str, text: str, at_staff_ids: list[str] | None = None) -> bool:
        """Reply in the message's conversation: sessionWebhook while valid, else the OpenAPI."""
        at = [s for s in (at_staff_ids or []) if s]
        body: dict[str, Any] = {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
        if at:
            body["at"] = {"atUserIds": at, "isAtAll": False}
        use_session = bool(message.reply_url)
        if use_session and not self.webhook_allowed(message.reply_url):
            log.warning("sessionWebhook host not allowed msg_id=%s host=%s", message.msg_id,
                        urlsplit(message.reply_url).hostname)
            use_session = False
        expires = message.reply_url_expires_ms
        if use_session and expires is not None and expires <= self._clock() * 1000 + 5000:
            log.info("sessionWebhook expired, using OpenAPI msg_id=%s", message.msg_id)
            use_session = False
        try:
            if use_session:
                try:
                    self.send_session(message.reply_url, body)
                    return True
                except DingTalkError as e:
                    if e.errcode != SESSION_EXPIRED:
                        raise
                    log.info("sessionWebhook refused as expired, using OpenAPI msg_id=%s", message.msg_id)
            if message.is_group:
                self.send_group(message.conversation_id, title, text)
            elif message.sender_staff_id:
                self.send_oto([message.sender_staff_id], title, text)
            else:
                raise DingTalkError("no valid sessionWebhook and no staff id to send to")
            return True
        except DingTalkError as e:
            log.error("reply failed msg_id=%s error=%s", message.msg_id, e)
            return False

    # --- files -----------------------------------------------------------------
    def download_file(self, download_code: str, max_bytes: int, robot_code: str = "") -> bytes:
        """downloadCode -> temporary URL -> bytes, refusing anything over `max_bytes`."""
        data = self._openapi("/v1.0/robot/messageFiles/download",
                             {"downloadCode": download_code, "robotCode": robot_code or self.robot_code})
        url = data.get("downloadUrl")
        if not url:
            raise DingTalkError("downloadUrl missing in DingTalk's answer")
        chunks: list[bytes] = []
        size = 0
        try:
            with self.http.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise DingTalkError(f"file download failed: HTTP {resp.status_code}")
                declared = int(resp.headers.get("content-length") or 0)
                if declared > max_bytes:
                    raise FileTooLarge(declared, max_bytes)
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge(size, max_bytes)
                    chunks.append(chunk)
        except httpx.HTTPError as e:
            raise DingTalkError(f"file download failed: {type(e).__name__}") from e
        return b"".join(chunks)


class FileTooLarge(DingTalkError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is larger than the {limit // 1_000_000} MB limit ({size} bytes)")


def _json(resp: httpx.Response) -> dict:
    try:
        data = resp.json()
    except ValueError:
        return {"raw": resp.text[:200]}
    return data if isinstance(data, dict) else {"raw": data}
