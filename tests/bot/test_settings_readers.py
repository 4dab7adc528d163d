"""READER_* settings reach the readers' limits; a nonsense value names the variable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError
from knowledge.readers import DEFAULT_LIMITS, ReadLimits

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_reader_settings_from_env_become_read_limits(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_PDF_PAGES", "40")
    monkeypatch.setenv("READER_MEMORY_MB", "0")
    limits = Settings.from_env(tmp_path / "none.env").read_limits
    assert limits == ReadLimits(max_pdf_pages=40, memory_mb=0)
    assert Settings().read_limits == DEFAULT_LIMITS  # the settings' defaults are the readers' defaults


def test_a_zero_row_limit_is_refused_naming_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_MAX_ROWS", "0")
    with pytest.raises(SettingsError, match="READER_MAX_ROWS must be at least 1"):
        Settings.from_env(tmp_path / "none.env")


def test_every_reader_setting_is_documented_with_its_default():
    documented = dict(re.findall(r"^(READER_[A-Z_]+)=(\S*)$", ENV_EXAMPLE.read_text(encoding="utf-8"), re.M))
    fields = {name.upper(): getattr(Settings(), name) for name in vars(Settings()) if name.startswith("reader_")}
    assert documented == {k: str(v) for k, v in fields.items()}
