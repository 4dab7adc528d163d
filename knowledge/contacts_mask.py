"""Masking of personal mobile numbers: the second wall behind the audience filter."""

from __future__ import annotations

import re

MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def mask_mobiles(text: str) -> str:
    """13989579269 → 139****9269 (keeps enough to recognise, not enough to call)."""
    return MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
