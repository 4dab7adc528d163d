"""Run an ASGI app under real uvicorn on 127.0.0.1 (port 0) in a thread, for end-to-end tests."""

from __future__ import annotations

import threading
import time

import uvicorn

KEEP_ALIVE_S = 300


class LiveServer:
    def __init__(self, app: object) -> None:
        # uvicorn closes a connection idle for 5 s; a test client that waits on jobs longer than that
        # and then reuses the pooled connection races the close ("Server disconnected without
        # sending a response", seen under load): idle connections outlive any test's pause
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on",
                                timeout_keep_alive=KEEP_ALIVE_S)  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    @property
    def url(self) -> str:
        sock = self.server.servers[0].sockets[0]
        host, port = sock.getsockname()[:2]
        return f"http://{host}:{port}"
