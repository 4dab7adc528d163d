"""`make run`'s first step on a new clone: create `.env` from `.env.example` with a random
ADMIN_TOKEN, and print the token once (it is never printed again; the start log only says
whether one is set). An existing `.env` is left alone. Standard library only: it runs before
the virtual environment exists.

    python3 scripts/init_env.py [EXAMPLE] [TARGET]      (default .env.example .env)
"""

from __future__ import annotations

import os
import re
import secrets
import sys
from pathlib import Path

TOKEN_LINE = re.compile(r"(?m)^ADMIN_TOKEN=.*$")


def init_env(example: Path, target: Path) -> str | None:
    """Write `target` with a fresh ADMIN_TOKEN and return the token; None if `target` exists."""
    if target.exists():
        return None
    token = secrets.token_urlsafe(24)
    text, n = TOKEN_LINE.subn(f"ADMIN_TOKEN={token}", example.read_text(encoding="utf-8"), count=1)
    if n == 0:
        text = text.rstrip("\n") + f"\nADMIN_TOKEN={token}\n"
    try:  # only the owner may read it: it holds the admin token (and later the DingTalk secrets)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return token


def main(argv: list[str]) -> int:
    example = Path(argv[0] if argv else ".env.example")
    target = Path(argv[1] if len(argv) > 1 else ".env")
    token = init_env(example, target)
    if token is not None:
        print(
            f"Created {target} from {example} with a new admin token (shown only this once):\n\n"
            f"    ADMIN_TOKEN={token}\n\n"
            f"已生成 {target}，管理令牌只显示这一次：打开管理页面 http://127.0.0.1:8080/admin/ 时输入它。"
            f"它保存在 {target} 中，可随时修改。"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
