"""Give freed heap back to the operating system after building an index.

Building the keyword index or the record snapshots allocates hundreds of megabytes of
short-lived Python objects at 100k chunks; glibc keeps the freed pages, so the process's
resident memory stayed ~240 MB above what it uses. `malloc_trim` returns them (a no-op
where glibc is not the allocator).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc


def trim() -> None:
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass
