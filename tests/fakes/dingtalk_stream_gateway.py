"""The WebSocket half of DingTalk's Stream gateway, on 127.0.0.1 (port 0), for the real SDK client.

`FakeDingTalk` answers `POST /v1.0/gateway/connections/open` with this socket's URL and a
ticket; the client then connects here. `push(data)` sends a CALLBACK frame the way DingTalk
does (`data` is the JSON string of a callback body) and `acks` collects what the client acks.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.parse
from typing import Any

from websockets.asyncio.server import ServerConnection, serve


class FakeStreamSocket:
    TOPIC = "/v1.0/im/bot/messages/get"

    def __init__(self) -> None:
        self.tickets: list[str] = []
        self.acks: list[dict[str, Any]] = []
        self._loop = asyncio.new_event_loop()
        self._queue: asyncio.Queue[str] | None = None
        self._started = threading.Event()
        self._stop: asyncio.Future[None] | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = 0

    def __enter__(self) -> FakeStreamSocket:
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("fake stream socket did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(lambda: self._stop and not self._stop.done() and self._stop.set_result(None))
        self._thread.join(timeout=10)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/connect"

    def push(self, data: dict[str, Any], message_id: str) -> None:
        frame = {"specVersion": "1.0", "type": "CALLBACK",
                 "headers": {"topic": self.TOPIC, "messageId": message_id, "contentType": "application/json",
                             "time": str(int(time.time() * 1000))},
                 "data": json.dumps(data, ensure_ascii=False)}
        self._loop.call_soon_threadsafe(self._queue.put_nowait, json.dumps(frame, ensure_ascii=False))

    def wait_acks(self, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while len(self.acks) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.acks)

    # --- the server ---------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._queue = asyncio.Queue()
        self._stop = self._loop.create_future()
        async with serve(self._connection, "127.0.0.1", 0) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            self._started.set()
            await self._stop

    async def _connection(self, ws: ServerConnection) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(ws.request.path).query)
        self.tickets.append(query.get("ticket", [""])[0])
        while True:
            frame = await self._queue.get()
            await ws.send(frame)
            self.acks.append(json.loads(await ws.recv()))
