"""Real servers for the benchmark: our app under uvicorn, and `chroma run`, each a subprocess.

`app_from_env` is the uvicorn factory the benchmark starts (`--factory`, so it also works
with several workers): with BENCH_EMBEDDER=hash it serves with the synthetic vectors the
index was built with, otherwise it is exactly `bot.app.app_from_env`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent


def app_from_env() -> Any:
    if os.environ.get("BENCH_EMBEDDER") == "hash":
        from bench.hashembed import HashEmbeddings
        from bot.app import create_app
        from bot.runtime import Runtime
        from bot.settings import Settings

        settings = Settings.from_env(None)
        return create_app(settings, Runtime(settings, embedder=HashEmbeddings()))
    from bot.app import app_from_env as production_factory

    return production_factory()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Subprocess:
    """A child process in its own process group, stopped (TERM, then KILL) on exit."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> None:
        self.argv, self.env, self.cwd, self.log_path = argv, env, cwd, log
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(self.argv, env=self.env, cwd=self.cwd, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.log.close()

    def tail(self, n: int = 2000) -> str:
        try:
            return self.log_path.read_bytes()[-n:].decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_http(self, url: str, timeout: float) -> None:
        """Poll `url` until it answers 200; fail with the server's log tail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"{self.argv[0]} exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{url} not ready after {timeout:.0f} s:\n{self.tail()}")


def chroma_server(path: Path, log: Path) -> tuple[Subprocess, int]:
    """`chroma run` on 127.0.0.1 and a free port, ready when its heartbeat answers."""
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if exe is None:
        raise RuntimeError("the `chroma` CLI is not installed (it comes with chromadb)")
    port = free_port()
    path.mkdir(parents=True, exist_ok=True)
    proc = Subprocess([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                      env=dict(os.environ), cwd=path, log=log)
    proc.start()
    proc.wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=60)
    return proc, port


def app_server(env: dict[str, str], workers: int, cwd: Path, log: Path, timeout: float) -> tuple[Subprocess, str]:
    """Our app under uvicorn (`workers` processes), ready when /readyz says so."""
    port = free_port()
    full_env = {**os.environ, **env, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    proc = Subprocess([sys.executable, "-m", "uvicorn", "bench.servers:app_from_env", "--factory",
                       "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                       "--log-level", "warning", "--no-access-log"], env=full_env, cwd=cwd, log=log)
    proc.start()
    url = f"http://127.0.0.1:{port}"
    proc.wait_http(f"{url}/readyz", timeout=timeout)
    return proc, url
