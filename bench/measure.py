"""Small measuring tools: percentiles, timed loops, peak memory from /proc, machine facts."""

from __future__ import annotations

import datetime as dt
import math
import os
import platform
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return float(ordered[rank - 1])


def latency_summary(ms: Sequence[float]) -> dict[str, float | int]:
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 2), "p95_ms": round(percentile(ms, 95), 2),
            "mean_ms": round(sum(ms) / len(ms), 2) if ms else 0.0}


def time_calls(fn: Callable[[Any], object], items: Sequence[Any], min_calls: int = 60,
               max_seconds: float = 60.0) -> list[float]:
    """Call `fn(item)` over `items` (cycling) max(min_calls, len(items)) times, stopping at max_seconds."""
    out: list[float] = []
    deadline = time.monotonic() + max_seconds
    for i in range(max(min_calls, len(items)) if items else 0):
        started = time.perf_counter()
        fn(items[i % len(items)])
        out.append((time.perf_counter() - started) * 1000)
        if time.monotonic() > deadline:
            break
    return out


def _status_kb(pid: int | str, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a process, in MB; 0 where /proc is missing."""
    kb = _status_kb(pid, "VmHWM")
    if not kb and pid == "self":
        import resource

        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    return round(kb / 1024, 1)


def rss_mb(pid: int | str = "self") -> float:
    return round(_status_kb(pid, "VmRSS") / 1024, 1)


def reset_peak_rss() -> bool:
    """Reset this process's VmHWM (Linux: write 5 to clear_refs) so each tier reports its own peak."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants (uvicorn's workers), from /proc."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return out


def machine() -> dict[str, Any]:
    """What makes a run comparable with another: cores, CPU, date, commit."""
    cpu = ""
    try:
        cpu = next(
            (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
             if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).resolve().parent, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True,
                               cwd=Path(__file__).resolve().parent, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "", ""
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git_commit": commit + ("+dirty" if dirty else ""),
        "load_avg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
