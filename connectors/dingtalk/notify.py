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

    def _label(self, doc_id: str, report: IndexReport) -> str:
        """文号 《title》 as staff know the document; a removed one is named from the report
        (the catalogue no longer has it), the doc id only when nothing else is known."""
        known = report.removed_docs.get(doc_id)
        if known is None and self.catalogue is not None:
            doc = self.catalogue.get(doc_id)
            known = {"title": doc.title, "doc_no": doc.doc_no} if doc is not None else None
        if not known or not known.get("title"):
            return doc_id
        return f"{known['doc_no']} 《{known['title']}》" if known.get("doc_no") else f"《{known['title']}》"

    def reindex_message(self, report: IndexReport) -> tuple[str, str]:
        upload = report.scope == "files"
        title = "知识库已索引上传的文件" if upload else "知识库索引已更新"  # both hold the keyword 索引
        lines = [f"#### {title}", ""]
        sections = [("新增", report.new), ("更新", report.changed), ("移除", report.removed)]
        if upload:
            sections.append(("内容未变", report.unchanged))
        for name, docs in sections:
            if docs:
                lines.append(f"**{name}（{len(docs)}）**")
                lines += [f"- {self._label(d, report)}" for d in docs[:30]]
                if len(docs) > 30:
                    lines.append(f"- ……共 {len(docs)} 份")
                lines.append("")
        if report.errors:
            lines.append(f"**失败（{len(report.errors)}）**")
            lines += [f"- {e.get('path', '?').rsplit('/', 1)[-1]}: {e.get('error', '')}" for e in report.errors[:10]]
            lines.append("")
        if upload:  # only the uploaded files were looked at: the rest is neither changed nor "unchanged"
            lines.append(f"本次只处理了上传的文件，其余文档未重新检查；用时 {report.seconds:.1f} 秒。")
        else:
            lines.append(f"未变 {len(report.unchanged)} 份，用时 {report.seconds:.1f} 秒。")
        return title, "\n".join(lines)

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
