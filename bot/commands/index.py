"""`zhaoshang index [PATH ...]`: load, parse, catalogue and embed knowledge files incrementally.

Without PATH it indexes KNOWLEDGE_DIR plus the uploads folder and prunes documents whose
file is gone. `--catalogue-only` skips embedding (no model load): enough for `docs list`,
`docs show` and exact record queries.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: KNOWLEDGE_DIR and uploads)"
    )
    parser.add_argument(
        "--full", action="store_true", help="re-embed every document, not only new/changed ones"
    )
    parser.add_argument(
        "--catalogue-only", action="store_true", help="parse and catalogue only; no embeddings"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.env_file)
    paths = list(args.paths) or None
    if args.catalogue_only:
        from bot.admin.uploads import sources
        from knowledge.catalogue import Catalogue
        from knowledge.ingest import ingest

        settings.data_dir.mkdir(parents=True, exist_ok=True)
        roots, prune_roots = (paths, None) if paths else sources(settings.knowledge_dir, settings.uploads_dir)
        catalogue = Catalogue(settings.catalogue_path)
        try:
            report = ingest(
                [p for p in roots if paths or Path(p).exists()],
                catalogue,
                prune=paths is None,
                limits=settings.read_limits,
                prune_roots=prune_roots,
            ).to_dict()
        finally:
            catalogue.close()
    else:
        from bot.runtime import Runtime

        runtime = Runtime(settings)
        runtime.warm_up(index_if_new=False)
        report = runtime.reindex(paths, full=args.full, progress=_progress).to_dict()
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        counts = ", ".join(
            f"{len(report.get(k, []))} {k}" for k in ("new", "changed", "unchanged", "removed")
        )
        print(f"indexed: {counts}")
        if "chunks_embedded" in report:
            print(f"chunks: {report['chunks_embedded']} embedded, {report['chunks_total']} in the index "
                  f"({report.get('seconds', 0):.1f}s)")  # fmt: skip
        for err in report.get("errors", []):
            print(f"error: {err['path']}: {err['error']}", file=sys.stderr)
    return 1 if report.get("errors") else 0


def _progress(done: int, total: int, stage: str) -> None:
    print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)
