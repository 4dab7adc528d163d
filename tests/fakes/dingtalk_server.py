"""A fake DingTalk: a real threaded HTTP server on 127.0.0.1 (port 0) that records what we send.

Serves sessionWebhook posts (`/robot/sendBySession`), the OpenAPI token, file-download and
send endpoints, the file bytes themselves, the Stream gateway's connections/open, and the
custom robot `/robot/send` (checking its sign with the production signer). `fail_next(path, n)` makes the next n posts to a
path fail, to exercise retries.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from connectors.dingtalk.signature import verify


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any

    @property
    def text(self) -> str:
        """The markdown/text of a message body, whatever its shape."""
        b = self.body if isinstance(self.body, dict) else {}
        if "markdown" in b:
            return b["markdown"].get("text", "")
        if "text" in b and isinstance(b["text"], dict):
            return b["text"].get("content", "")
        if "msgParam" in b:
            param = json.loads(b["msgParam"])
            return param.get("text") or param.get("content", "")
        return ""


@dataclass
class FakeDingTalk:
    app_key: str = "ding-app-key"
    app_secret: str = "test-app-secret"
    notify_secret: str = "SECtest0123456789"
    token_ttl_s: int = 7200
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # downloadCode -> (name, bytes)
    requests: list[Recorded] = field(default_factory=list)
    _failures: dict[str, list[str]] = field(default_factory=dict)  # path -> remaining failure modes
    tokens_issued: int = 0
    stream_endpoint: str = ""  # the WebSocket URL handed out by the Stream gateway (FakeStreamSocket.url)

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                fake._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self, "POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # --- life cycle ---------------------------------------------------------------
    def __enter__(self) -> FakeDingTalk:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def session_webhook(self, session: str = "s1") -> str:
        return f"{self.base_url}/robot/sendBySession?session={session}"

    def fail_next(self, path: str, times: int, mode: str = "errcode") -> None:
        """Next `times` posts to `path` fail: mode "errcode" (HTTP 200, errcode -1) or "http" (500)."""
        with self._lock:
            self._failures.setdefault(path, []).extend([mode] * times)

    def add_file(self, download_code: str, name: str, data: bytes) -> None:
        self.files[download_code] = (name, data)

    # --- inspection ---------------------------------------------------------------
    def received(self, path: str | None = None) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if path is None or r.path == path]

    def replies(self, session: str | None = None) -> list[Recorded]:
        """Successful-or-not posts to sessionWebhooks (optionally of one session)."""
        return [r for r in self.received("/robot/sendBySession")
                if session is None or r.query.get("session") == session]

    def wait_for(self, count: int, path: str = "/robot/sendBySession", timeout: float = 30.0) -> list[Recorded]:
        """Block until at least `count` requests reached `path` (answers are sent in the background)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                got = [r for r in self.requests if r.path == path]
                if len(got) >= count:
                    return got
                left = deadline - time.monotonic()
                if left <= 0:
                    return got
                self._lock.wait(left)

    # --- serving ------------------------------------------------------------------
    def _handle(self, req: BaseHTTPRequestHandler, method: str) -> None:
        parts = urllib.parse.urlsplit(req.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        length = int(req.headers.get("content-length") or 0)
        raw = req.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        record = Recorded(method, parts.path, query, {k.lower(): v for k, v in req.headers.items()}, body)
        with self._lock:
            self.requests.append(record)
            failures = self._failures.get(parts.path)
            mode = failures.pop(0) if failures else None
            self._lock.notify_all()
        if mode == "http":
            return self._send(req, 500, {"code": "ServiceUnavailable", "message": "try later"})
        if mode == "errcode":
            return self._send(req, 200, {"errcode": -1, "errmsg": "系统繁忙"})
        status, payload = self._route(record)
        if isinstance(payload, bytes):
            req.send_response(status)
            req.send_header("content-type", "application/octet-stream")
            req.send_header("content-length", str(len(payload)))
            req.end_headers()
            req.wfile.write(payload)
            return None
        return self._send(req, status, payload)

    def _route(self, r: Recorded) -> tuple[int, Any]:
        if r.path == "/robot/sendBySession":
            if r.query.get("session", "").startswith("expired"):
                return 200, {"errcode": 300001, "errmsg": "session 不存在"}
            return 200, {"errcode": 0, "errmsg": "ok"}
        if r.path == "/robot/send":
            ok = verify(r.query.get("timestamp"), r.query.get("sign"), self.notify_secret)
            return 200, ({"errcode": 0, "errmsg": "ok"} if ok else {"errcode": 310000, "errmsg": "sign not match"})
        if r.path == "/v1.0/oauth2/accessToken":
            b = r.body or {}
            if b.get("appKey") != self.app_key or b.get("appSecret") != self.app_secret:
                return 400, {"code": "invalidClientIdOrSecret", "message": "无效的clientId或者clientSecret"}
            self.tokens_issued += 1
            return 200, {"accessToken": f"token-{self.tokens_issued}", "expireIn": self.token_ttl_s}
        if r.path == "/v1.0/gateway/connections/open":  # Stream mode: credentials in the body, no token
            b = r.body or {}
            if b.get("clientId") != self.app_key or b.get("clientSecret") != self.app_secret:
                return 401, {"code": "invalidClient", "message": "clientId or clientSecret invalid"}
            return 200, {"endpoint": self.stream_endpoint, "ticket": f"ticket-{len(self.requests)}"}
        if r.path.startswith("/v1.0/"):
            if r.headers.get("x-acs-dingtalk-access-token") != f"token-{self.tokens_issued}":
                return 401, {"code": "InvalidAuthentication", "message": "不合法的access_token"}
        if r.path == "/v1.0/robot/messageFiles/download":
            code = (r.body or {}).get("downloadCode")
            if code not in self.files:
                return 400, {"code": "invalidParameter", "message": "downloadCode 无效"}
            return 200, {"downloadUrl": f"{self.base_url}/files/{urllib.parse.quote(code)}"}
        if r.path.startswith("/files/"):
            code = urllib.parse.unquote(r.path[len("/files/"):])
            return (200, self.files[code][1]) if code in self.files else (404, {"message": "gone"})
        if r.path in ("/v1.0/robot/groupMessages/send", "/v1.0/robot/oToMessages/batchSend"):
            return 200, {"processQueryKey": f"q{len(self.requests)}"}
        return 404, {"message": f"no such path {r.path}"}

    @staticmethod
    def _send(req: BaseHTTPRequestHandler, status: int, payload: Any) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        req.send_response(status)
        req.send_header("content-type", "application/json; charset=utf-8")
        req.send_header("content-length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)
