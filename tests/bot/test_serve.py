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
