"""`scripts/init_env.py`, what `make run` runs first on a new clone."""

import stat
import subprocess
import sys
from pathlib import Path

from bot.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "init_env.py"


def _run(tmp_path: Path) -> str:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(REPO / ".env.example"), str(tmp_path / ".env")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_new_env_gets_a_random_admin_token_printed_once(tmp_path):
    first = _run(tmp_path)
    env = tmp_path / ".env"
    token = Settings.from_env(env).admin_token
    assert len(token) >= 24 and f"ADMIN_TOKEN={token}" in first and "只显示这一次" in first
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    text = env.read_text(encoding="utf-8")
    assert text.count("ADMIN_TOKEN=") == 1 and "DINGTALK_APP_KEY=" in text  # the rest of .env.example
    assert _run(tmp_path) == "" and env.read_text(encoding="utf-8") == text  # never again, never replaced
    other = tmp_path / "second"
    other.mkdir()
    _run(other)
    assert Settings.from_env(other / ".env").admin_token != token


def test_make_run_creates_env_with_the_script():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    rule = makefile.split("\n.env:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/init_env.py .env.example .env" in rule
    assert "run: install .env" in makefile
