"""`zhaoshang serve [--host H] [--port P] [--stream]`: the HTTP service, or DingTalk Stream mode."""

from __future__ import annotations

import argparse
import logging
import socket
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

    app = create_app(settings)
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False)
    sockets = None
    if port == 0:  # a free port: bind it here so the start log can say which
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((host, 0))
        port, sockets = sock.getsockname()[1], [sock]
    for line in banner(settings, host, port):
        log.info("%s", line)
    uvicorn.Server(config).run(sockets=sockets)
    return 0


def banner(settings: Settings, host: str, port: int) -> list[str]:
    """Where things are, and what a first-time user still has to set, printed at start."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"
    token = ("ADMIN_TOKEN is set: enter it on the admin page" if settings.admin_token else
             "ADMIN_TOKEN is NOT set: the admin page and staff answers on /api/ask are closed; "
             "set ADMIN_TOKEN in .env (make run writes one into a new .env) and restart")
    callback = "set" if settings.dingtalk_app_secret else "NOT set: every callback gets 401"
    return [
        f"zhaoshang serving on {base} (the index loads in the background; {base}/readyz turns 200 when ready)",
        f"admin page     {base}/admin/",
        f"ask API        POST {base}/api/ask",
        f"API docs       {base}/docs",
        f"DingTalk HTTP  POST {base}/dingtalk/callback (DINGTALK_APP_SECRET {callback})",
        token,
    ]


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
