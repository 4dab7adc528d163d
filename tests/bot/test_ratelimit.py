import pytest

from bot.ratelimit import RateLimiter


def test_per_sender_window():
    now = [0.0]
    rl = RateLimiter(2, clock=lambda: now[0])
    assert rl.allow("a") and rl.allow("a") and not rl.allow("a")
    assert rl.allow("b")  # another sender is unaffected
    now[0] = 60.0
    assert rl.allow("a")


def test_limit_must_be_positive():
    with pytest.raises(ValueError, match="RATE_LIMIT_PER_MINUTE"):
        RateLimiter(0)
