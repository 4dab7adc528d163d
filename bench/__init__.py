"""Benchmarks of issue 7 (`zhaoshang bench all`); imported lazily by `bot.commands.bench`."""

from __future__ import annotations

import argparse


def add_all_arguments(parser: argparse.ArgumentParser) -> None:
    from bench.run import add_arguments

    add_arguments(parser)


def run_all(args: argparse.Namespace) -> int:
    from bench.run import run_all as _run_all

    return _run_all(args)
