"""Read office files, PDFs and images in a child process with a memory and a time limit.

Parsing a hostile or simply huge file can take gigabytes (lxml trees, pdfminer streams,
the OCR models); in the service's own process that memory would stay taken long after
the file failed. The child (`python -m knowledge.readers.isolate`, a fresh interpreter:
nothing of the service is inherited) runs under `RLIMIT_DATA`; a file that exceeds it
raises MemoryError there, the child reports it and exits, and all its memory goes back
to the system. Results come back as JSON, never pickle, so a compromised child cannot
run code in the service. One child serves a whole batch and is replaced after a failure.
"""

from __future__ import annotations

import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile, Table
from knowledge.readers.limits import ReadLimits

_HEADER = struct.Struct(">Q")
_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the `knowledge` package


def send(stream, payload: dict[str, Any]) -> None:  # noqa: ANN001 - a binary file object
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _recv_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, left = [], n
    while left:
        if deadline is not None:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([fd], [], [], wait)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def recv(fd: int, deadline: float | None = None) -> dict[str, Any]:
    (size,) = _HEADER.unpack(_recv_exact(fd, _HEADER.size, deadline))
    return json.loads(_recv_exact(fd, size, deadline))


def loaded_to_json(loaded: LoadedFile) -> dict[str, Any]:
    return asdict(loaded)


def loaded_from_json(data: dict[str, Any]) -> LoadedFile:
    tables = [Table(**t) for t in data.pop("tables", [])]
    return LoadedFile(**data, tables=tables)


class ReaderProcess:
    """A child process that reads one file at a time; `read` raises `MalformedDocument` on any failure."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen[bytes]:
        if self._proc is None or self._proc.poll() is not None:
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join(p for p in (str(_ROOT), os.environ.get("PYTHONPATH")) if p),
            }
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "knowledge.readers.child", str(self.limits.memory_mb)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                cwd=str(_ROOT),
            )
        return self._proc

    def read(self, path: Path, fmt: str) -> LoadedFile:
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        try:
            send(proc.stdin, {"path": str(path), "format": fmt, "limits": asdict(self.limits)})
            reply = recv(proc.stdout.fileno(), time.monotonic() + self.limits.timeout_seconds)
        except TimeoutError:
            self.close()
            raise MalformedDocument(
                path,
                f"refused: reading took longer than {self.limits.timeout_seconds} s (READER_TIMEOUT_SECONDS)",
            ) from None
        except (EOFError, BrokenPipeError, OSError):
            code = self._reap()
            raise MalformedDocument(path, self._death(code)) from None
        if reply.get("ok"):
            return loaded_from_json(reply["loaded"])
        if reply.get("memory"):
            self._reap()
        raise MalformedDocument(path, reply["error"])

    def _death(self, code: int | None) -> str:
        if code == -signal.SIGKILL:
            return f"the reader process was killed (out of memory?) while reading it; READER_MEMORY_MB is {self.limits.memory_mb}"
        return f"the reader process stopped while reading it (exit code {code})"

    def _reap(self) -> int | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        try:
            return proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
