"""`zhaoshang serve [--host H] [--port P] [--stream]`: the HTTP service, or DingTalk Stream mode."""

from __future__ import annotations

import argparse
import logging
import threading

from bot.logs import configure_logging
from bot.settings import Settings

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="bind address (default HOST from .env, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default PORT from .env, 8080)")
    parser.add_argument("--stream", action="store_true",
                        help="DingTalk Stream mode: outbound WebSocket, no public address needed")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.env_file)
    configure_logging(settings.log_level, secrets=_secrets(settings))
    if args.stream:
        return _run_stream(settings)
    import uvicorn

    from bot.app import create_app

    uvicorn.run(create_app(settings), host=args.host or settings.host, port=args.port or settings.port,
                log_config=None, access_log=False)
    return 0


def _secrets(settings: Settings) -> list[str]:
    return [settings.dingtalk_app_secret, settings.notify_secret, settings.admin_token, settings.llm_api_key]


def build_stream(settings: Settings):  # noqa: ANN201 - (Runtime, DingTalkBot, GatewayStreamClient)
    """Everything `serve --stream` runs, built as HTTP mode builds it: one Runtime, the same bot
    (which also wires reindex notifications), and the SDK client pointed at our gateway setting."""
    from bot.metrics import Metrics
    from bot.question_log import QuestionLog
    from bot.runtime import Runtime
    from connectors.dingtalk.client import DingTalkClient
    from connectors.dingtalk.handler import DingTalkBot
    from connectors.dingtalk.stream import build_stream_client

    if not (settings.dingtalk_app_key and settings.dingtalk_app_secret):
        raise SystemExit("Stream mode needs DINGTALK_APP_KEY and DINGTALK_APP_SECRET in .env")
    runtime = Runtime(settings)
    bot = DingTalkBot(settings, runtime, DingTalkClient(settings),
                      QuestionLog(settings.data_dir / "questions.sqlite3"), metrics=Metrics())
    return runtime, bot, build_stream_client(settings, bot)


def _run_stream(settings: Settings) -> int:
    runtime, bot, stream = build_stream(settings)
    threading.Thread(target=runtime.warm_up, name="warm-up", daemon=True).start()
    log.info("starting DingTalk Stream mode gateway=%s notifications=%s", settings.stream_gateway,
             "on" if bot.notifier.enabled else "off")
    try:
        stream.start_forever()
    finally:
        bot.close(wait=False)
    return 0
