import argparse

import pytest

from bot.commands import serve


def _args(*argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-file", default=None)
    serve.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_arguments():
    args = _args("--host", "0.0.0.0", "--port", "9000", "--stream")
    assert (args.host, args.port, args.stream) == ("0.0.0.0", 9000, True)


@pytest.fixture(autouse=True)
def _restore_root_logger():
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_stream_mode_without_credentials_names_the_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("DINGTALK_APP_KEY", raising=False)
    monkeypatch.delenv("DINGTALK_APP_SECRET", raising=False)
    monkeypatch.setenv("ZHAOSHANG_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit, match="DINGTALK_APP_KEY and DINGTALK_APP_SECRET"):
        serve.run(_args("--stream"))


@pytest.mark.slow  # a real Runtime indexes one document
def test_stream_mode_sends_reindex_notifications_like_http_mode(tmp_path):
    import shutil

    from bot.settings import Settings
    from tests.conftest import SEEDS
    from tests.fakes.dingtalk_server import FakeDingTalk

    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    shutil.copy(SEEDS[0], knowledge / SEEDS[0].name)
    with FakeDingTalk() as fake:
        settings = Settings.from_env(
            None, data_dir=tmp_path / "data", knowledge_dir=knowledge, dingtalk_app_key=fake.app_key,
            dingtalk_app_secret=fake.app_secret, dingtalk_api_base=fake.base_url, dingtalk_retry_attempts=1,
            notify_webhook=f"{fake.base_url}/robot/send?access_token=T", notify_secret=fake.notify_secret,
        )
        runtime, bot, stream = serve.build_stream(settings)
        try:
            assert stream.open_url == f"{fake.base_url}/v1.0/gateway/connections/open"
            runtime.warm_up()  # a new data folder: the knowledge folder is indexed, the group is told
            (post,) = fake.received("/robot/send")
            assert "新增（1）" in post.text and "绍政办发〔2023〕17号" in post.text
        finally:
            bot.close()
