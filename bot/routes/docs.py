"""`GET /docs`: the service's own API reference, as one plain HTML page built from its OpenAPI schema.

FastAPI's Swagger page loads its scripts from a CDN, which a government network cannot reach,
so this page is rendered here with no script at all; `/openapi.json` stays the machine-readable
form (what the fuzz test reads).
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

INTRO = """<h1>zhaoshang API</h1>
<p>招商助手的 HTTP 接口。管理页面：<a href="/admin/">/admin/</a>（需要 ADMIN_TOKEN）。
机器可读的接口描述：<a href="/openapi.json">/openapi.json</a>。</p>
<p>Ask a question (investor audience by default; <code>"audience": "staff"</code> needs
<code>Authorization: Bearer ADMIN_TOKEN</code>):</p>
<pre>curl -X POST http://HOST:PORT/api/ask -H 'content-type: application/json' \\
     -d '{"question": "国际化招商引资的牵头单位是谁？"}'</pre>"""
STYLE = (
    "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:960px;margin:24px auto;padding:0 16px}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;"
    "vertical-align:top}code,pre{background:#f4f6f9;padding:2px 4px}pre{padding:8px;overflow:auto}"
)


def _rows(schema: dict[str, Any]) -> list[str]:
    rows = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, op in methods.items():
            if not isinstance(op, dict):
                continue
            about = op.get("description") or op.get("summary") or ""
            auth = (
                "ADMIN_TOKEN"
                if path.startswith("/admin")
                else ("signed" if path.startswith("/dingtalk") else "")
            )
            rows.append(
                f"<tr><td><code>{html.escape(method.upper())}</code></td><td><code>{html.escape(path)}</code>"
                f"</td><td>{html.escape(auth)}</td><td>{html.escape(about.strip().splitlines()[0] if about else '')}"
                "</td></tr>"
            )
    return rows


def build_docs_router() -> APIRouter:
    router = APIRouter()

    @router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        rows = "".join(_rows(request.app.openapi()))
        body = (
            f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>zhaoshang API</title>"
            f"<style>{STYLE}</style></head><body>{INTRO}<table><thead><tr><th>method</th><th>path</th>"
            f"<th>auth</th><th>what</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
        )
        return HTMLResponse(body)

    return router
