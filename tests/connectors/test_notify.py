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


UPLOAD = """绍兴市测试促进局文件

绍测促〔2024〕9号

关于在新加坡设立海外招商联络站的通知

各区、县（市）人民政府，市直有关单位：

一、设立海外招商联络站
经研究，决定在新加坡设立绍兴海外招商联络站。责任单位：市测试促进局、市外办。

绍兴市测试促进局
2024年3月1日
"""


@pytest.mark.slow
def test_digests_of_real_index_runs_say_what_was_indexed_and_name_removed_documents_by_title(tmp_path):
    """An upload indexes one file: its digest must not count the documents it never looked at as
    "未变"; a removed document is named by 文号 and title, not by its file name."""
    import shutil

    from bot.runtime import Runtime
    from tests.conftest import SEEDS

    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, knowledge / seed.name)
    with FakeDingTalk() as fake:
        settings = Settings.from_env(None, data_dir=tmp_path / "data", knowledge_dir=knowledge,
                                     notify_webhook=f"{fake.base_url}/robot/send?access_token=T",
                                     notify_secret=fake.notify_secret, dingtalk_retry_attempts=1)
        runtime = Runtime(settings)
        notifier = Notifier(settings, DingTalkClient(settings, sleep=lambda s: None), runtime.catalogue)
        runtime.on_indexed(notifier.notify_reindex)
        runtime.warm_up()  # first index of the knowledge folder
        upload = settings.uploads_dir / "singapore-liaison.txt"
        upload.write_text(UPLOAD, encoding="utf-8")
        runtime.reindex([upload])
        upload.unlink()
        runtime.reindex()
        first, uploaded, removed = (p.text for p in fake.received("/robot/send"))
    assert "新增（2）" in first and "绍政办发〔2023〕17号" in first
    assert "绍测促〔2024〕9号 《关于在新加坡设立海外招商联络站的通知》" in uploaded
    assert "未变 0 份" not in uploaded and "其余文档未重新检查" in uploaded and "索引" in uploaded
    assert "移除（1）" in removed and "《关于在新加坡设立海外招商联络站的通知》" in removed
    assert "singapore-liaison" not in removed and "未变 2 份" in removed
