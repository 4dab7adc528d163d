"""Stream mode: the official `dingtalk-stream` SDK holds an outbound WebSocket, no public address.

The SDK delivers the same JSON as an HTTP callback in `callback.data`; we parse it with the
same parser and hand it to the same `DingTalkBot`. Replies still go through our client
(sessionWebhook), never over the socket. There is no signature: the socket is authenticated
by AppKey/AppSecret when it opens.

The SDK takes its gateway address from its own DINGTALK_OPENAPI_ENDPOINT variable, read once
at import; `GatewayStreamClient` opens the connection at DINGTALK_STREAM_GATEWAY (default
DINGTALK_API_BASE) instead, so `.env` decides where it goes, as for every other call.
"""

from __future__ import annotations

import logging
from typing import Any

import dingtalk_stream
import httpx
from dingtalk_stream import AckMessage, CallbackMessage, ChatbotMessage

from bot.settings import Settings
from connectors.base import PayloadError
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.payload import parse_callback

log = logging.getLogger(__name__)
OPEN_PATH = "/v1.0/gateway/connections/open"


class BotStreamHandler(dingtalk_stream.AsyncChatbotHandler):
    """Acks at once (the SDK runs `process` in its thread pool): a slow ack makes DingTalk redeliver."""

    def __init__(self, bot: DingTalkBot, max_workers: int = 8) -> None:
        super().__init__(max_workers=max_workers)
        self.bot = bot

    def process(self, callback: CallbackMessage) -> tuple[int, str]:
        try:
            msg = parse_callback(callback.data)
        except PayloadError as e:
            log.warning("ignored stream message reason=bad-payload error=%s", e)
            return AckMessage.STATUS_OK, "ignored"
        self.bot.handle(msg)
        return AckMessage.STATUS_OK, "OK"


class GatewayStreamClient(dingtalk_stream.DingTalkStreamClient):
    """The SDK's client with the connection opened at the project's gateway address."""

    def __init__(self, credential: dingtalk_stream.Credential, gateway: str, timeout_s: float = 10.0) -> None:
        super().__init__(credential)
        self.open_url = gateway.rstrip("/") + OPEN_PATH
        self.timeout_s = timeout_s

    def open_connection(self) -> dict[str, Any] | None:
        """POST the subscriptions; DingTalk answers with the WebSocket endpoint and a one-use ticket."""
        topics = [{"type": "CALLBACK", "topic": topic} for topic in self.callback_handler_map]
        if self._is_event_required:
            topics.insert(0, {"type": "EVENT", "topic": "*"})
        body = {
            "clientId": self.credential.client_id,
            "clientSecret": self.credential.client_secret,
            "subscriptions": topics,
            "ua": f"zhaoshang dingtalk-sdk-python/v{dingtalk_stream.version.VERSION_STRING}",
            "localIp": self.get_host_ip(),
        }
        log.info("stream gateway open url=%s", self.open_url)
        try:
            response = httpx.post(self.open_url, json=body, timeout=self.timeout_s)
            response.raise_for_status()
            connection = response.json()
        except (httpx.HTTPError, ValueError) as e:
            log.error("stream gateway open failed url=%s error=%s", self.open_url, e)
            return None
        if not isinstance(connection, dict) or not connection.get("endpoint") or not connection.get("ticket"):
            log.error("stream gateway open failed url=%s error=no endpoint/ticket in the answer", self.open_url)
            return None
        return connection


def build_stream_client(settings: Settings, bot: DingTalkBot) -> GatewayStreamClient:
    if not (settings.dingtalk_app_key and settings.dingtalk_app_secret):
        raise SystemExit("Stream mode needs DINGTALK_APP_KEY and DINGTALK_APP_SECRET in .env")
    credential = dingtalk_stream.Credential(settings.dingtalk_app_key, settings.dingtalk_app_secret)
    client = GatewayStreamClient(credential, settings.stream_gateway)
    client.register_callback_handler(ChatbotMessage.TOPIC, BotStreamHandler(bot))
    return client
