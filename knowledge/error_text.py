"""What a person is told when something failed: never Python's own wording.

Messages like "Exceeds the limit (4300 digits) for integer string conversion … use
sys.set_int_max_str_digits() to increase the limit" or "Expecting value: line 1 column 1
(char 0)" are addressed to a programmer. Our own exceptions (and the libraries') carry
messages written for the admin; Python's built-in ones are replaced here by a plain
sentence, and the service log keeps the original with its traceback.
"""

from __future__ import annotations

import json
import sqlite3

_DIGITS = "integer string conversion"


def describe(error: BaseException) -> str:
    """A plain message for `error`; the text of our own and the libraries' exceptions is kept."""
    if isinstance(error, ValueError) and _DIGITS in str(error):
        return "a number in it is too long (over 4300 digits)"
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON (line {error.lineno}, column {error.colno})"
    if isinstance(error, UnicodeError):
        return "text in an unknown encoding (not UTF-8)"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, MemoryError):
        return "too large to process in the memory available"
    if isinstance(error, sqlite3.Error):
        return "a database file in the data folder cannot be read or written (see the service log)"
    if isinstance(error, OSError):
        reason = error.strerror or "input/output error"
        return f"a file cannot be read or written ({reason})"
    if type(error).__module__ == "builtins":
        return f"an unexpected internal error ({type(error).__name__}); the service log has the details"
    return str(error) or type(error).__name__
