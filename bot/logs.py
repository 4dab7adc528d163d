"""Structured log lines (key=value) that never carry a secret or a personal phone number.

The mask sits on the handlers, not on a logger: records from every library logger pass
through it, including ones that print a request URL with a token in it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


class MaskFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 4]

    def mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return PHONE.sub(lambda m: m.group(0)[:3] + "****" + m.group(0)[-4:], text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not drop the line
            message = str(record.msg)
        record.msg, record.args = self.mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        return True


def configure_logging(level: str = "INFO", secrets: Iterable[str] = ()) -> MaskFilter:
    """Install one masked stderr handler on the root logger (idempotent)."""
    root = logging.getLogger()
    root.setLevel(level.upper())
    mask = MaskFilter(secrets)
    if not any(getattr(h, "_zhaoshang", False) for h in root.handlers):
        handler = logging.StreamHandler()
        handler._zhaoshang = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("ts=%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"))
        root.addHandler(handler)
    for handler in root.handlers:
        for old in [f for f in handler.filters if isinstance(f, MaskFilter)]:
            handler.removeFilter(old)
        handler.addFilter(mask)
    return mask
