"""Admin actions in chat: /reindex, /status, /docs, and files sent to the robot.

Admins are the staff ids in ADMIN_STAFF_IDS (DingTalk org admins, `isAdmin`, only with
ADMIN_ALLOW_ORG_ADMINS=true); everyone else gets a polite refusal. An uploaded file is stored under `uploads_dir`, indexed, and summarised back.
"""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from connectors.base import IncomingMessage
from connectors.dingtalk.audience import is_admin, resolve_audience
from connectors.dingtalk.client import DingTalkError
from knowledge.error_text import describe
from knowledge.loaders import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from connectors.dingtalk.handler import DingTalkBot

log = logging.getLogger(__name__)
UPLOAD_EXTENSIONS = SUPPORTED_SUFFIXES  # every format a reader exists for, scans included

RECORD_NAMES = {"responsibilities": "责任分工", "figures": "指标数据", "projects": "项目",
                "contacts": "联系人", "references": "引用/效力"}
VISIBILITY = {"public": "公开（投资者可见）", "internal": "内部（仅工作人员）"}
HELP = ("可用命令（仅管理员）：\n\n- /status 知识库状态\n- /docs 文档列表\n- /reindex 重新索引\n"
        "- 直接发送 .pdf / .docx / .txt / .xlsx 文件：收录并索引")
REFUSAL = "抱歉，该操作仅限管理员。您可以直接用文字提问。"
UNSAFE = re.compile(r"[^\w.\-()（）〔〕\[\]【】]+")


def command(bot: DingTalkBot, msg: IncomingMessage) -> None:
    name = msg.text.split()[0].lower()
    if not is_admin(bot.settings, msg):
        log.info("refused msg_id=%s reason=not-admin command=%s", msg.msg_id, name[:20])
        bot.say(msg, REFUSAL)
        return
    if name in ("/help", "/帮助"):
        bot.say(msg, HELP)
        return
    bot.require_ready("知识库正在加载，请稍后再试。")
    if name == "/status":
        here = (f"\n\n本会话：`{msg.conversation_id}`（按"
                f"{'工作人员' if resolve_audience(bot.settings, msg) == 'staff' else '投资者'}答复）")
        bot.say(msg, format_status(bot.runtime.status()) + here)
    elif name == "/docs":
        bot.say(msg, format_docs(bot.runtime.catalogue.list_documents()))
    elif name == "/reindex":
        bot.say(msg, "开始重新索引，完成后通知您。")
        report = bot.runtime.reindex()
        bot.say(msg, format_report(report))  # the group notification comes from Runtime.on_indexed
    else:
        bot.say(msg, f"未知命令 {name[:20]}。\n\n{HELP}")


def format_status(status: dict[str, Any]) -> str:
    import datetime as dt

    last = status.get("last_index_time")
    when = dt.datetime.fromtimestamp(last).strftime("%Y-%m-%d %H:%M") if last else "—"
    return (f"**知识库状态**\n\n- 就绪：{'是' if status.get('ready') else '否'}\n"
            f"- 文档：{status.get('documents', 0)} 份\n- 片段：{status.get('chunks', 0)} 个\n"
            f"- 上次索引：{when}\n- 向量模型：{status.get('embedding_model', '')}")


def format_docs(docs: list[dict[str, Any]], limit: int = 60) -> str:
    """`docs` are the catalogue's summaries (`Catalogue.list_documents()`: dicts, not documents)."""
    if not docs:
        return "知识库里还没有文档。"
    lines = [f"**文档（{len(docs)} 份）**", ""]
    for doc in docs[:limit]:
        no = f"{doc['doc_no']} " if doc.get("doc_no") else ""
        title = doc.get("title") or doc.get("doc_id", "")
        lines.append(f"- {no}《{title}》 {'内部' if doc.get('visibility') == 'internal' else '公开'}")
    if len(docs) > limit:
        lines.append(f"- ……另有 {len(docs) - limit} 份")
    return "\n".join(lines)


def format_report(report: Any) -> str:
    text = (f"**索引完成**（{report.seconds:.1f} 秒）\n\n- 新增 {len(report.new)} 份\n- 更新 {len(report.changed)} 份\n"
            f"- 未变 {len(report.unchanged)} 份\n- 移除 {len(report.removed)} 份\n"
            f"- 新嵌入片段 {report.chunks_embedded} 个，共 {report.chunks_total} 个")
    if report.errors:
        text += "\n\n**失败**\n\n" + "\n".join(
            f"- {Path(e.get('path', '?')).name}: {e.get('error', '')}" for e in report.errors[:10])
    return text


def safe_filename(name: str) -> str:
    """A base name that cannot leave the uploads folder or hide as a dot-file."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    stem = UNSAFE.sub("_", stem).strip("._ ")[:100] or "upload"
    return stem + suffix.lower()


def upload(bot: DingTalkBot, msg: IncomingMessage) -> None:
    """File from an admin -> OpenAPI download -> uploads_dir -> reindex([path]) -> summary."""
    if not is_admin(bot.settings, msg):
        log.info("refused msg_id=%s reason=not-admin-upload", msg.msg_id)
        bot.say(msg, "抱歉，只有管理员可以向知识库添加文件。您可以直接用文字提问。")
        return
    name = safe_filename(msg.file_name or "upload")
    if Path(name).suffix.lower() not in UPLOAD_EXTENSIONS:
        bot.say(msg, f"不支持的文件类型「{Path(name).suffix or '无扩展名'}」；支持 {' '.join(UPLOAD_EXTENSIONS)}。")
        return
    if not msg.download_code:
        bot.say(msg, "消息里没有文件下载码，请重新发送文件。")
        return
    bot.require_ready("知识库正在加载，请稍后再发送文件。")
    try:
        data = bot.client.download_file(msg.download_code, bot.settings.max_upload_bytes, msg.robot_code)
    except DingTalkError as e:
        log.error("upload download failed msg_id=%s error=%s", msg.msg_id, e)
        bot.say(msg, f"文件下载失败：{e}")
        return
    from bot.admin.uploads import UploadRejected, knowledge_names, store_upload, upload_store

    settings = bot.settings
    try:  # one version folder per upload, apart from KNOWLEDGE_DIR's names (as the admin page does)
        names = knowledge_names(settings.knowledge_dir, bot.runtime.catalogue, settings.uploads_dir)
        stored = store_upload(settings.uploads_dir, name, io.BytesIO(data), settings.max_upload_bytes,
                              reserved=names.get)
    except UploadRejected as e:
        bot.say(msg, f"文件「{name}」无法收录：{e.message}")
        return
    path = stored.path
    log.info("upload stored msg_id=%s file=%s bytes=%d", msg.msg_id, path, len(data))
    try:
        report = bot.runtime.index_upload(path)
    except Exception as e:
        log.exception("upload indexing failed msg_id=%s file=%s", msg.msg_id, path.name)
        upload_store(settings.uploads_dir).discard(path)
        bot.say(msg, f"文件「{name}」无法收录：{describe(e)}")
        return
    failed = [e for e in report.errors if Path(e.get("path", "")).name == path.name]
    if failed:
        upload_store(settings.uploads_dir).discard(path)  # the previous version (if any) stays current
        bot.say(msg, f"文件「{name}」无法收录：{failed[0].get('error', '')}")
        return
    doc = bot.runtime.catalogue.get(stored.doc_id)
    reply = format_upload(name, doc, report)
    if stored.clashes_with:
        reply += f"\n\n注意：知识库文件夹已有同名文档 {stored.clashes_with}，本文件另存为 {stored.doc_id}，两份都保留。"
    bot.say(msg, reply)


def format_upload(name: str, doc: Any, report: Any) -> str:
    if doc is None:
        state = "未变化" if report.unchanged else "已处理"
        return f"文件「{name}」{state}，但目录里找不到它。"
    counts = doc.records.count()
    records = "，".join(f"{RECORD_NAMES.get(k, k)} {v} 条" for k, v in counts.items() if v) or "无结构化记录"
    state = "内容未变" if not (report.new or report.changed) else "已收录"
    return (f"**{state}：{doc.doc_no or ''}《{doc.title}》**\n\n"
            f"- 文件：{name}\n- 可见范围：{VISIBILITY.get(doc.visibility, doc.visibility)}\n"
            f"- 段落：{len(doc.paragraphs)} 段\n- 记录：{records}\n\n现在可以就这份文件提问了。")
