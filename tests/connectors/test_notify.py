import pytest

from bot.runtime import IndexReport
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.notify import PER_MINUTE, Notifier
from tests.fakes.dingtalk_server import FakeDingTalk

pytestmark = pytest.mark.slow  # starts a real HTTP server


def _notifier(fake, tmp_path, secret):
    settings = Settings.from_env(None, data_dir=tmp_path, notify_webhook=f"{fake.base_url}/robot/send?access_token=T",
                                 notify_secret=secret, dingtalk_retry_attempts=1)
    return Notifier(settings, DingTalkClient(settings, sleep=lambda s: None))


def test_signed_digest_lists_new_changed_removed(tmp_path):
    with FakeDingTalk() as fake:
        n = _notifier(fake, tmp_path, fake.notify_secret)
        report = IndexReport(new=["zhuji-2022-5"], changed=["sx-17"], removed=["old"], unchanged=["a", "b"])
        assert n.notify_reindex(report)
        (post,) = fake.received("/robot/send")
        assert post.query["access_token"] == "T" and "timestamp" in post.query
        text = post.text
        assert "新增（1）" in text and "zhuji-2022-5" in text and "更新（1）" in text and "移除（1）" in text
        assert "未变 2 份" in text


def test_wrong_secret_is_refused_by_dingtalk_and_reported(tmp_path):
    with FakeDingTalk() as fake:
        assert not _notifier(fake, tmp_path, "SECwrong").notify_reindex(IndexReport(new=["x"]))


def test_nothing_changed_sends_nothing_and_rate_is_capped(tmp_path):
    with FakeDingTalk() as fake:
        n = _notifier(fake, tmp_path, fake.notify_secret)
        assert not n.notify_reindex(IndexReport(unchanged=["a"]))
        sent = [n.notify_reindex(IndexReport(new=[f"d{i}"])) for i in range(PER_MINUTE + 5)]
        assert sum(sent) == PER_MINUTE < 20
        assert len(fake.received("/robot/send")) == PER_MINUTE
