"""`zhaoshang` command line: a thin dispatcher; each subcommand lives in bot/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# subcommand -> module in bot.commands exposing add_arguments(parser) and run(args) -> int
COMMANDS: dict[str, tuple[str, str]] = {
    "index": ("index", "index the knowledge folder (or PATH ...) incrementally"),
    "docs": ("docs", "list documents or show one document's metadata and records"),
    "ask": ("ask", "answer one question, or a batch file (--batch IN --out OUT)"),
    "serve": ("serve", "start the HTTP service (DingTalk callback, /api/ask, /admin); --stream for Stream mode"),
    "bench": ("bench", "benchmarks: retrieval | all"),
    "fit-ranking": ("fit", "fit the answer ranking's weights and threshold on generated and development questions"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhaoshang", description="招商引资 assistant for DingTalk")
    parser.add_argument("--env-file", default=".env", help="dotenv file to read (default .env)")
    sub = parser.add_subparsers(dest="command", required=True)
    words = sys.argv[1:] if argv is None else argv
    chosen = next((w for w in words if w in COMMANDS), None)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if name == chosen:  # import only the command that runs: `ask` need not load the bench code
            _load(module).add_arguments(p)
    args = parser.parse_args(argv)
    try:
        return int(_load(COMMANDS[args.command][0]).run(args) or 0)
    except BrokenPipeError:  # `zhaoshang docs list | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _load(module: str):  # noqa: ANN202 - a command module
    return importlib.import_module(f"bot.commands.{module}")


if __name__ == "__main__":
    sys.exit(main())
