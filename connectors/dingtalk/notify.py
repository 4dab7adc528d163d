"""Reindex notifications to a staff group through a signed custom robot (`NOTIFY_WEBHOOK`).

Custom robots are throttled for 10 minutes after 20 messages a minute, so we send one
digest per reindex and stay below that rate on our side.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.ratelimit import RateLimiter
from bot.runtime import IndexReport
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient, DingTalkError
from connectors.dingtalk.signature import signed_webhook_url

log = logging.getLogger(__name__)
PER_MINUTE = 18  # DingTalk's limit is 20/min; leave room for clock skew


class Notifier:
    def __init__(self, settings: Settings, client: DingTalkClient, catalogue: Any = None) -> None:
        self.settings = settings
        self.client = client
        self.catalogue = catalogue
        self._limit = RateLimiter(PER_MINUTE)

    @property
    def enabled(self) -> bool:
        return bool(self.settings.notify_webhook)

    def _label(self, doc_id: str) -> str:
        doc = self.catalogue.get(doc_id) if self.catalogue is not None else None
        if doc is None:
            return doc_id
        return f"{doc.doc_no} 《{doc.title}》" if doc.doc_no else f"《{doc.title}》"

    def reindex_message(self, report: IndexReport) -> tuple[str, str]:
        lines = ["#### 知识库索引已更新", ""]
        for name, docs in (("新增", report.new), ("更新", report.changed), ("移除", report.removed)):
            if docs:
                lines.append(f"**{name}（{len(docs)}）**")
                lines += [f"- {self._label(d) if name != '移除' else d}" for d in docs[:30]]
                if len(docs) > 30:
                    lines.append(f"- ……共 {len(docs)} 份")
                lines.append("")
        if report.errors:
            lines.append(f"**失败（{len(report.errors)}）**")
            lines += [f"- {e.get('path', '?').rsplit('/', 1)[-1]}: {e.get('error', '')}" for e in report.errors[:10]]
            lines.append("")
        lines.append(f"未变 {len(report.unchanged)} 份，用时 {report.seconds:.1f} 秒。")
        return "知识库索引已更新", "\n".join(lines)

    def notify_reindex(self, report: IndexReport) -> bool:
        """Post the digest; False when disabled, nothing changed, throttled or DingTalk refused."""
        if not self.enabled:
            return False
        if not (report.new or report.changed or report.removed or report.errors):
            log.info("notify skipped reason=nothing-changed")
            return False
        if not self._limit.allow("notify"):
            log.warning("notify skipped reason=rate-limit per_minute=%d", PER_MINUTE)
            return False
        title, text = self.reindex_message(report)
        url = self.settings.notify_webhook
        if self.settings.notify_secret:
            url = signed_webhook_url(url, self.settings.notify_secret)
        try:
            self.client.send_session(url, {"msgtype": "markdown", "markdown": {"title": title, "text": text}})
        except DingTalkError as e:
            log.error("notify failed error=%s", e)
            return False
        return True
