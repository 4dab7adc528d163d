"""Stream mode: the official `dingtalk-stream` SDK holds an outbound WebSocket, no public address.

The SDK delivers the same JSON as an HTTP callback in `callback.data`; we parse it with the
same parser and hand it to the same `DingTalkBot`. Replies still go through our client
(sessionWebhook), never over the socket. There is no signature: the socket is authenticated
by AppKey/AppSecret when it opens.
"""

from __future__ import annotations

import logging

import dingtalk_stream
from dingtalk_stream import AckMessage, CallbackMessage, ChatbotMessage

from bot.settings import Settings
from connectors.base import PayloadError
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.payload import parse_callback

log = logging.getLogger(__name__)


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


def build_stream_client(settings: Settings, bot: DingTalkBot) -> dingtalk_stream.DingTalkStreamClient:
    if not (settings.dingtalk_app_key and settings.dingtalk_app_secret):
        raise SystemExit("Stream mode needs DINGTALK_APP_KEY and DINGTALK_APP_SECRET in .env")
    credential = dingtalk_stream.Credential(settings.dingtalk_app_key, settings.dingtalk_app_secret)
    client = dingtalk_stream.DingTalkStreamClient(credential)
    client.register_callback_handler(ChatbotMessage.TOPIC, BotStreamHandler(bot))
    return client
