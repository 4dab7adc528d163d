"""The load generator: a second process that fires questions at a running service on 127.0.0.1.

`python -m bench.load --url URL --kind ask|dingtalk --questions FILE ...` prints one JSON
object. It runs in its own process so the client's work does not share the server's GIL.
For `/dingtalk/callback` the answer arrives later, posted to the sessionWebhook; this process
runs that webhook (a threaded HTTP server on port 0) and times each request from send to
reply, which is what a person in the group waits for. The count and the wall time are bounded.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from bench.measure import latency_summary


class ReplySink:
    """Records when each sessionWebhook post arrives, keyed by its `session` query value."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.cond = threading.Condition()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                session = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)).get("session", "")
                with sink.cond:
                    sink.arrived.setdefault(session, time.perf_counter())  # first piece = the answer
                    sink.cond.notify_all()
                data = b'{"errcode": 0, "errmsg": "ok"}'
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/robot/sendBySession"

    def wait(self, session: str, deadline: float) -> float | None:
        with self.cond:
            while session not in self.arrived:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.arrived[session]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _ask(client: httpx.Client, url: str, q: dict[str, str], token: str) -> tuple[bool, float]:
    headers = {"authorization": f"Bearer {token}"} if q["audience"] == "staff" else {}
    started = time.perf_counter()
    r = client.post(f"{url}/api/ask", json={"question": q["question"], "audience": q["audience"]},
                    headers=headers)
    return r.status_code == 200 and "answer" in r.json(), (time.perf_counter() - started) * 1000


_LAST_TS = [0]
_TS_LOCK = threading.Lock()


def _callback(client: httpx.Client, url: str, q: dict[str, str], secret: str, sink: ReplySink,
              deadline: float) -> tuple[bool, float]:
    from connectors.dingtalk.signature import now_ms, sign

    msg_id = uuid.uuid4().hex
    with _TS_LOCK:  # one (timestamp, sign) pair per body: concurrent senders must not share a millisecond
        _LAST_TS[0] = max(now_ms(), _LAST_TS[0] + 1)
        ts = str(_LAST_TS[0])
    body = {
        "msgId": msg_id, "msgtype": "text", "text": {"content": q["question"]},
        "conversationId": f"cid-{msg_id[:8]}", "conversationType": "1", "senderId": f"user-{msg_id[:6]}",
        "senderNick": "bench", "sessionWebhook": f"{sink.url}?session={msg_id}",
        "sessionWebhookExpiredTime": now_ms() + 3_600_000, "robotCode": "bench",
    }
    started = time.perf_counter()
    r = client.post(f"{url}/dingtalk/callback", json=body, headers={"timestamp": ts, "sign": sign(ts, secret)})
    if r.status_code != 200:
        return False, (time.perf_counter() - started) * 1000
    arrived = sink.wait(msg_id, deadline)
    if arrived is None:
        return False, (time.perf_counter() - started) * 1000
    return True, (arrived - started) * 1000


def run_load(url: str, kind: str, questions: list[dict[str, str]], n: int = 200, concurrency: int = 8,
             max_seconds: float = 120.0, admin_token: str = "", secret: str = "") -> dict[str, Any]:
    """Send `n` requests with `concurrency` in flight; stop sending after `max_seconds`."""
    if kind not in ("ask", "dingtalk"):
        raise ValueError("kind must be 'ask' or 'dingtalk'")
    if not questions:
        raise ValueError("no questions")
    sink = ReplySink() if kind == "dingtalk" else None
    deadline = time.monotonic() + max_seconds
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(n))
    local = threading.local()

    def worker() -> None:
        local.client = httpx.Client(timeout=httpx.Timeout(max_seconds))
        try:
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                q = questions[i % len(questions)]
                try:
                    if kind == "ask":
                        ok, ms = _ask(local.client, url, q, admin_token)
                    else:
                        ok, ms = _callback(local.client, url, q, secret, sink, deadline + 30)  # type: ignore[arg-type]
                except httpx.HTTPError as e:
                    ok, ms = False, 0.0
                    errors.append(type(e).__name__)
                with lock:
                    (latencies.append(ms) if ok else errors.append(f"failed after {ms:.0f} ms"))
        finally:
            local.client.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(worker)
    seconds = time.perf_counter() - started
    if sink:
        sink.close()
    return {
        "kind": kind, "requests": len(latencies) + len(errors), "ok": len(latencies), "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5], "concurrency": concurrency, "seconds": round(seconds, 2),
        "throughput_rps": round(len(latencies) / seconds, 2) if seconds else 0.0, **latency_summary(latencies),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--url", required=True)
    p.add_argument("--kind", choices=("ask", "dingtalk"), required=True)
    p.add_argument("--questions", required=True, help="JSON list of {question, audience}")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--max-seconds", type=float, default=120.0)
    p.add_argument("--admin-token", default="")
    p.add_argument("--secret", default="")
    a = p.parse_args(argv)
    with open(a.questions, encoding="utf-8") as f:
        questions = json.load(f)
    result = run_load(a.url, a.kind, questions, a.n, a.concurrency, a.max_seconds, a.admin_token, a.secret)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
