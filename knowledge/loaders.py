"""Compatibility import path: the readers live in `knowledge.readers` (one module per format)."""

from knowledge.readers import (
    READERS,
    SIDECAR_SUFFIX,
    SKIPPED_NAMES,
    SUPPORTED_SUFFIXES,
    LoadError,
    decode_text,
    iter_files,
    load_file,
    load_many,
)

LOADERS = READERS

__all__ = [
    "LOADERS",
    "READERS",
    "SIDECAR_SUFFIX",
    "SKIPPED_NAMES",
    "SUPPORTED_SUFFIXES",
    "LoadError",
    "decode_text",
    "iter_files",
    "load_file",
    "load_many",
]
