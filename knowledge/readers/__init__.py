"""One reader per file format: bytes → original text, tables and admin metadata.

No normalisation and no parsing of government structure happen here. A bad file raises
`MalformedDocument` naming the file and the reason; `load_many` records it and goes on,
so one corrupt upload never blocks a batch.
"""

from knowledge.readers.dispatch import (
    READER_VERSION,
    READERS,
    SIDECAR_SUFFIX,
    SKIPPED_NAMES,
    SUPPORTED_SUFFIXES,
    FailureMemory,
    LoadError,
    iter_files,
    load_file,
    load_many,
)
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits
from knowledge.readers.text import decode_text

__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "READER_VERSION",
    "SIDECAR_SUFFIX",
    "SKIPPED_NAMES",
    "SUPPORTED_SUFFIXES",
    "FailureMemory",
    "LoadError",
    "ReadLimits",
    "decode_text",
    "iter_files",
    "load_file",
    "load_many",
]
