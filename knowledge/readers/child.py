"""The reader child process (`python -m knowledge.readers.child MEMORY_MB`): see `isolate`.

Kept out of the package's imports so that `-m` runs it fresh."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from knowledge.readers.isolate import loaded_to_json, recv, send
from knowledge.readers.limits import MB, ReadLimits


def _limit_memory(memory_mb: int) -> None:
    import resource

    limit = memory_mb * MB
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def serve(memory_mb: int) -> None:
    out = os.fdopen(os.dup(1), "wb")  # replies go here; library prints on stdout go to stderr instead
    os.dup2(2, 1)
    _limit_memory(memory_mb)
    from knowledge.errors import KnowledgeError
    from knowledge.readers.dispatch import read_path

    while True:
        try:
            request = recv(0)
        except EOFError:
            return
        try:
            limits = ReadLimits(**request["limits"])
            loaded = read_path(Path(request["path"]), request["format"], limits)
            send(out, {"ok": True, "loaded": loaded_to_json(loaded)})
        except KnowledgeError as e:
            send(out, {"ok": False, "error": e.reason})
        except MemoryError:
            reason = f"refused: reading it needs more than {memory_mb:,} MB of memory (READER_MEMORY_MB)"
            send(out, {"ok": False, "memory": True, "error": reason})
            return  # exit: every byte the failed parse held goes back to the system
        except Exception as e:  # a library bug on one odd file
            send(out, {"ok": False, "error": f"unexpected error while reading ({type(e).__name__}: {e})"})


if __name__ == "__main__":
    serve(int(sys.argv[1]))
