"""The one DingTalk bot behind both transports (HTTP callback and Stream mode).

Flow: de-dup on msgId -> prefilter (logs why a message is dropped) -> rate limit ->
feedback / admin command / file upload / question -> markdown reply via `DingTalkClient`.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bot.question_log import QuestionLog
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from connectors.base import IncomingMessage
from connectors.dedup import SeenMessages
from connectors.dingtalk import commands
from connectors.dingtalk.audience import resolve_audience
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.escalation import EscalationMap
from connectors.dingtalk.markdown import format_answer, split_markdown, title_of
from connectors.dingtalk.notify import Notifier

log = logging.getLogger(__name__)

TEXT_TYPES = ("text", "richText", "audio")
SEEN_FILE = "dingtalk-seen.sqlite3"  # message ids and callback signatures of the last signature window
THUMBS_UP = {"👍", "👍🏻", "👍🏼", "👍🏽", "有用", "有帮助", "[赞]", "+1"}
THUMBS_DOWN = {"👎", "👎🏻", "👎🏼", "👎🏽", "没用", "没有帮助", "-1"}

MSG = {
    "loading": "知识库正在加载，请稍后再问。",
    "rate": "您提问太频繁了，请一分钟后再试（每分钟最多 {n} 条）。",
    "unsupported": "暂时只能回答文字提问，请用文字描述您的问题。",
    "empty": "请直接输入您的问题，例如：“诸暨市招商引资的责任单位有哪些？”",
    "thanks": "谢谢您的反馈！",
    "no_rating_target": "没有找到可以评价的答复。",
    "error": "抱歉，处理您的消息时出错了，请稍后再试。",
}


class IndexLoading(Exception):
    """The message needs the index, which is still loading; `text` tells the sender."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def feedback_rating(text: str) -> int | None:
    t = "".join(text.split())
    return 1 if t in THUMBS_UP else -1 if t in THUMBS_DOWN else None


class DingTalkBot:
    def __init__(
        self,
        settings: Settings,
        runtime: Any,
        client: DingTalkClient,
        question_log: QuestionLog,
        metrics: Any = None,
        escalation: EscalationMap | None = None,
        notifier: Notifier | None = None,
        rate_limiter: RateLimiter | None = None,
        seen: SeenMessages | None = None,
        workers: int = 4,
    ) -> None:
        self.settings = settings
        self.runtime = runtime
        self.client = client
        self.question_log = question_log
        self.metrics = metrics
        self.escalation = escalation or EscalationMap(settings.data_dir)
        self.notifier = notifier or Notifier(settings, client, getattr(runtime, "catalogue", None))
        self.limiter = rate_limiter or RateLimiter(settings.rate_limit_per_minute)
        self.seen = seen or SeenMessages(settings.data_dir / SEEN_FILE, ttl_s=settings.dingtalk_signature_window_s)
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dingtalk")
        if self.notifier.enabled and hasattr(runtime, "on_indexed"):
            # here, not in one transport's start-up: every reindex (admin page, chat, upload) is told to
            # the staff group in HTTP and Stream mode alike
            runtime.on_indexed(self.notifier.notify_reindex)

    # --- entry points ----------------------------------------------------------------
    def submit(self, msg: IncomingMessage) -> bool:
        """HTTP mode: de-dup now (so a redelivery during processing is dropped), work in the background."""
        if not self._first_time(msg):
            return False
        self._executor.submit(self._safe_process, msg)
        return True

    def handle(self, msg: IncomingMessage) -> bool:
        """Stream mode (already on the SDK's worker thread): de-dup, then work synchronously."""
        if not self._first_time(msg):
            return False
        self._safe_process(msg)
        return True

    def close(self, wait: bool = True) -> None:
        self._executor.shutdown(wait=wait, cancel_futures=not wait)

    def _first_time(self, msg: IncomingMessage) -> bool:
        if self.seen.first_time(msg.msg_id):
            return True
        log.info("ignored msg_id=%s reason=duplicate", msg.msg_id)
        return False

    def require_ready(self, text: str = MSG["loading"]) -> None:
        """Raise `IndexLoading` when the message needs the index and it is not loaded yet."""
        if not getattr(self.runtime, "ready", False):
            raise IndexLoading(text)

    def _safe_process(self, msg: IncomingMessage) -> None:
        try:
            self.process(msg)
        except IndexLoading as e:  # not handled, so not seen: DingTalk's redelivery after warm-up is answered
            self.seen.forget(msg.msg_id)
            log.info("deferred msg_id=%s reason=index-loading", msg.msg_id)
            self.say(msg, e.text)
        except Exception:
            log.exception("processing failed msg_id=%s", msg.msg_id)
            self.say(msg, MSG["error"])

    # --- the flow ---------------------------------------------------------------------
    def process(self, msg: IncomingMessage) -> None:
        if msg.is_group and not msg.mentioned:
            log.info("ignored msg_id=%s reason=group-not-mentioned", msg.msg_id)
            return
        if not self.limiter.allow(msg.sender_staff_id or msg.sender_id):  # per person, whatever the group
            log.info("ignored msg_id=%s reason=rate-limit", msg.msg_id)
            self.say(msg, MSG["rate"].format(n=self.settings.rate_limit_per_minute))
            return
        if msg.msgtype == "file":
            commands.upload(self, msg)
            return
        if msg.msgtype not in TEXT_TYPES:
            log.info("refused msg_id=%s reason=unsupported-type type=%s", msg.msg_id, msg.msgtype)
            self.say(msg, MSG["unsupported"])
            return
        if not msg.text:
            self.say(msg, MSG["empty"])
            return
        rating = feedback_rating(msg.text)
        if rating is not None:
            self.rate(msg, rating)
            return
        if msg.text.startswith("/"):
            commands.command(self, msg)
            return
        self.answer(msg)

    def answer(self, msg: IncomingMessage) -> None:
        self.require_ready()
        audience = resolve_audience(self.settings, msg)
        started = time.perf_counter()
        answer = self.runtime.assistant.answer(msg.text, audience, conversation_id=msg.memory_key)
        self.question_log.record(msg.text, audience, answer, conversation_id=msg.memory_key,
                                 channel="dingtalk", sender=msg.sender_id)
        if self.metrics is not None:
            self.metrics.observe_answer("dingtalk", audience, answer.answered)
        escalate: list[str] = []
        if not answer.answered and audience == "staff" and msg.is_group and answer.responsible_units:
            escalate = [s for s in self.escalation.staff_for(answer.responsible_units) if s != msg.sender_staff_id]
        at_self = msg.sender_staff_id if msg.is_group else None
        title, text = format_answer(answer, at_self, escalate, answer.responsible_units)
        at_ids = ([at_self] if at_self else []) + escalate
        log.info("answered msg_id=%s audience=%s route=%s answered=%s escalated=%d ms=%.0f",
                 msg.msg_id, audience, answer.route, answer.answered, len(escalate),
                 (time.perf_counter() - started) * 1000)
        self.send(msg, title, text, at_ids)

    def rate(self, msg: IncomingMessage, rating: int) -> None:
        qid = self.question_log.last_for(msg.memory_key, msg.sender_id)
        if qid is None:
            self.say(msg, MSG["no_rating_target"])
            return
        self.question_log.feedback(qid, rating)
        log.info("feedback msg_id=%s question_id=%d rating=%d", msg.msg_id, qid, rating)
        self.say(msg, MSG["thanks"])

    # --- replying ---------------------------------------------------------------------
    def say(self, msg: IncomingMessage, text: str) -> bool:
        """A short reply, @-mentioning the asker in groups."""
        at = msg.sender_staff_id if msg.is_group else None
        body = f"@{at}\n\n{text}" if at else text
        return self.send(msg, title_of(text), body, [at] if at else [])

    def send(self, msg: IncomingMessage, title: str, text: str, at_ids: list[str]) -> bool:
        """Post `text`, split into several messages when DingTalk would drop it as too long."""
        ok = True
        for i, piece in enumerate(split_markdown(text)):
            sent = self.client.reply(msg, title if i == 0 else f"{title}（{i + 1}）", piece, at_ids if i == 0 else [])
            ok = ok and sent
            if not sent and self.metrics is not None:
                self.metrics.replies_failed.inc()
        return ok
