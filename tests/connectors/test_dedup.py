"""The seen-messages store: message ids and callback signatures, in SQLite, surviving a restart."""

from connectors.dedup import SeenMessages
from connectors.dingtalk.signature import sign

TS = 1_700_000_000_000  # ms
WINDOW = 3600


def test_first_time_only_within_ttl():
    now = [0.0]
    seen = SeenMessages(ttl_s=60, clock=lambda: now[0])
    assert seen.first_time("m1") and not seen.first_time("m1") and seen.first_time("m2")
    now[0] = 61
    assert seen.first_time("m1")


def test_message_ids_survive_a_restart(tmp_path):
    path = tmp_path / "seen.sqlite3"
    assert SeenMessages(path).first_time("msgA==")
    again = SeenMessages(path)  # a new process on the same data folder
    assert not again.first_time("msgA==") and again.first_time("msgB==")


def test_forget_lets_a_redelivery_through(tmp_path):
    seen = SeenMessages(tmp_path / "seen.sqlite3")
    assert seen.first_time("m1")
    seen.forget("m1")
    assert seen.first_time("m1") and not seen.first_time("m1")


def test_a_signature_is_claimed_with_one_body_only_until_its_timestamp_leaves_the_window(tmp_path):
    now = [TS / 1000]
    path = tmp_path / "seen.sqlite3"
    ts, sig = str(TS), sign(str(TS), "secret")
    seen = SeenMessages(path, clock=lambda: now[0])
    assert seen.claim_signature(ts, sig, b'{"msgId":"a"}', WINDOW)
    assert seen.claim_signature(ts, sig, b'{"msgId":"a"}', WINDOW)  # DingTalk's byte-identical retransmission
    assert not seen.claim_signature(ts, sig, b'{"msgId":"b","isAdmin":true}', WINDOW)
    now[0] += WINDOW - 1  # still valid by the clock: still refused, also after a restart
    assert not SeenMessages(path, clock=lambda: now[0]).claim_signature(ts, sig, b"other", WINDOW)
    other = str(TS + 1)
    assert seen.claim_signature(other, sign(other, "secret"), b"other", WINDOW)  # another pair is fresh


def test_a_damaged_store_is_moved_aside_and_recreated(tmp_path):
    path = tmp_path / "seen.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    seen = SeenMessages(path)
    assert seen.first_time("m1") and not seen.first_time("m1")
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
