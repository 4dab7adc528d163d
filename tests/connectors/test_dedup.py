from connectors.dedup import SeenMessages


def test_first_time_only_within_ttl():
    now = [0.0]
    seen = SeenMessages(ttl_s=60, clock=lambda: now[0])
    assert seen.first_time("m1") and not seen.first_time("m1") and seen.first_time("m2")
    now[0] = 61
    assert seen.first_time("m1")
