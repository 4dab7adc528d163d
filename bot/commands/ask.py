"""`zhaoshang ask "QUESTION"` and the batch contract `zhaoshang ask --batch IN --out OUT`."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="?", help="the question (omit with --batch)")
    p.add_argument("--audience", choices=["staff", "investor"], default="staff")
    p.add_argument("--json", action="store_true", help="print the batch-contract JSON line")
    p.add_argument("--explain", action="store_true", help="also print how the question was read and the ranked candidates")
    p.add_argument("--batch", type=Path, help="JSONL of questions (id, question, audience, history)")
    p.add_argument("--out", type=Path, help="where to write the answers JSONL (with --batch)")


def run(args: argparse.Namespace) -> int:
    from bot.runtime import Runtime
    from bot.settings import Settings

    if not args.batch and not args.question:
        print("give a QUESTION, or --batch IN --out OUT", file=sys.stderr)
        return 2
    if args.batch and not args.out:
        print("--batch needs --out FILE", file=sys.stderr)
        return 2
    runtime = Runtime(Settings.from_env(args.env_file))
    runtime.warm_up()
    assistant = runtime.assistant
    if args.batch:
        return _batch(assistant, args.batch, args.out)
    if args.explain:
        from bot.explain import explain

        print(explain(assistant, args.question, args.audience))
    ans = assistant.answer(args.question, args.audience, conversation_id="cli")
    if args.json:
        print(json.dumps(ans.to_json(), ensure_ascii=False))
    else:
        print(ans.answer)
    return 0


def _batch(assistant, src: Path, out: Path) -> int:  # noqa: ANN001
    n = 0
    with src.open(encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for lineno, line in enumerate(fin, 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{src}:{lineno}: not JSON ({e}); skipped", file=sys.stderr)
                continue
            cid = f"batch-{uuid.uuid4().hex}"  # each question with its history in one fresh conversation
            audience = q.get("audience", "investor")
            for turn in q.get("history") or []:
                assistant.answer(turn, audience, conversation_id=cid)
            ans = assistant.answer(q.get("question", ""), audience, conversation_id=cid)
            fout.write(json.dumps(ans.to_json(q.get("id")), ensure_ascii=False) + "\n")
            n += 1
    print(f"answered {n} questions → {out}", file=sys.stderr)
    return 0
