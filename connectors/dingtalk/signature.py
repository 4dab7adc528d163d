"""DingTalk signatures: verifying callbacks and signing custom-robot webhook URLs.

sign = base64(HMAC-SHA256(key=secret, msg=timestamp + "\\n" + secret)). The sign covers only
the timestamp, so we also bound its age in both directions and compare in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse


def sign(timestamp: str, secret: str) -> str:
    """The `sign` DingTalk sends with `timestamp` (and what tests sign with)."""
    msg = f"{timestamp}\n{secret}".encode()
    digest = hmac.new(secret.encode(), msg, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def now_ms() -> int:
    return int(time.time() * 1000)


def verify(
    timestamp: str | None,
    signature: str | None,
    secret: str,
    window_s: int = 3600,
    now: int | None = None,
) -> bool:
    """True only for a correct sign over a timestamp within ±window_s of now.

    An empty secret refuses everything: a robot that was never configured must not
    answer the internet.
    """
    if not secret or not timestamp or not signature:
        return False
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    current = now_ms() if now is None else now
    if abs(current - ts) > window_s * 1000:
        return False
    expected = sign(timestamp, secret)
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def signed_webhook_url(url: str, secret: str, now: int | None = None) -> str:
    """Custom robot URL with `&timestamp=T&sign=S` (sign URL-encoded exactly once)."""
    ts = str(now_ms() if now is None else now)
    query = urllib.parse.urlencode({"timestamp": ts, "sign": sign(ts, secret)})
    return f"{url}{'&' if '?' in url else '?'}{query}"
