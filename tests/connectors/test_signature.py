from connectors.dingtalk.signature import sign, signed_webhook_url, verify

TS = "1700000000000"


def test_reference_vectors():
    assert sign(TS, "test-app-secret") == "dhJB8TJ0cHPEbwpUauugV2Wz8v4qlWoO+C42nEhJW+c="
    assert sign(TS, "SECtest0123456789") == "yBKp5IlG6qCzcQWmgyRK/ziJBdVNJmHfFE2ST/CzT/g="


def test_custom_robot_url_is_encoded_once():
    url = signed_webhook_url("https://oapi.dingtalk.com/robot/send?access_token=T", "SECtest0123456789",
                             now=1700000000000)
    assert url.endswith("&timestamp=1700000000000&sign=yBKp5IlG6qCzcQWmgyRK%2FziJBdVNJmHfFE2ST%2FCzT%2Fg%3D")


def test_verify_accepts_a_fresh_correct_sign():
    assert verify(TS, sign(TS, "test-app-secret"), "test-app-secret", now=1700000000000 + 59_000)


def test_verify_rejects_forged_unsigned_stale_future_and_garbage():
    good = sign(TS, "test-app-secret")
    now = 1700000000000
    assert not verify(TS, sign(TS, "other-secret"), "test-app-secret", now=now)  # forged
    assert not verify(TS, None, "test-app-secret", now=now)  # unsigned
    assert not verify(None, good, "test-app-secret", now=now)
    assert not verify(TS, good, "test-app-secret", window_s=3600, now=now + 3_600_001)  # stale
    assert not verify(TS, good, "test-app-secret", window_s=3600, now=now - 3_600_001)  # from the future
    assert not verify("not-a-number", good, "test-app-secret", now=now)
    assert not verify(TS, good + "x", "test-app-secret", now=now)
    assert not verify(TS, "签名", "test-app-secret", now=now)


def test_empty_secret_rejects_everything():
    assert not verify(TS, sign(TS, ""), "", now=1700000000000)
