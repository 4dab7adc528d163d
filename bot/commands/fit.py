"""`zhaoshang fit-ranking`: fit the answer ranking's weights and threshold (see bot/fit.py).

    zhaoshang fit-ranking --set data=../shared/eval/dev.jsonl --set /tmp/dev2=../shared/eval/dev2.jsonl \\
        --generated 300 --holdout 0.3 --out bot/data/ranking.json

Each `--set DATA_DIR=QUESTIONS.jsonl` is an indexed data folder and the questions asked of it
(QUESTIONS may be empty: `--set DATA_DIR=` fits on generated questions only).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--set", action="append", default=[], metavar="DATA_DIR=QUESTIONS", help="an indexed data folder and its questions")
    p.add_argument("--dump", type=Path, help="save the gathered features (to refit without gathering again)")
    p.add_argument("--load", type=Path, help="refit on features saved by --dump")
    p.add_argument("--generated", type=int, default=300, help="questions generated from records per set")
    p.add_argument("--holdout", type=float, default=0.3, help="share of questions (by id / document) held out")
    p.add_argument("--out", type=Path, default=None, help="where to write the fitted model (default: print only)")


def run(args: argparse.Namespace) -> int:
    import pickle

    import numpy as np

    from bot import fit
    from bot.ranking import FEATURES
    from bot.runtime import Runtime
    from bot.settings import Settings

    data = pickle.loads(args.load.read_bytes()) if args.load else []
    for spec in args.set:
        data_dir, _, questions = spec.partition("=")
        runtime = Runtime(Settings.from_env(args.env_file, data_dir=Path(data_dir)))
        runtime.warm_up(index_if_new=False)
        assistant = runtime.assistant
        examples = []
        if questions:
            lines = [json.loads(x) for x in Path(questions).read_text(encoding="utf-8").splitlines() if x.strip()]
            examples += fit.from_dev(lines, Path(questions).stem, args.holdout)
        examples += fit.generate(assistant.knowledge("staff"), args.generated, args.holdout)
        for ex in examples:
            k = assistant.knowledge(ex.audience)
            u = assistant.understand(ex.question, ex.audience, ex.history[-1] if ex.history else "")
            cands = [c for c in assistant.candidates(u, k) if c.doc_key != ex.exclude]
            x = np.asarray([[c.features.get(f, 0.0) for f in FEATURES] for c in cands]).reshape(len(cands), len(FEATURES))
            data.append((ex, x, fit.label(cands, ex, u, k)))
        print(f"{data_dir}: {len(examples)} questions", file=sys.stderr)
    if args.dump:
        args.dump.write_bytes(pickle.dumps(data))
    model, report = fit.fit(data)
    print(json.dumps({**model.to_dict(), "report": report}, ensure_ascii=False, indent=2))
    if args.out:
        fit.save(model, report, args.out)
    return 0
