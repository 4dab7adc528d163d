"""Admin-given metadata: a `key: value` header, YAML front matter, a `NAME.meta.yaml` sidecar, or
a folder's `_folder.meta.yaml` (defaults for every file under that folder).

Admin metadata wins over what the parser guesses, so it must be clean: values that
say a thing is absent ("not shown in this copy", "unknown", "none") are dropped, and
remarks in brackets after a 文号 or date are moved to `<key>_raw` ("2021-01-19 (from the
page address)" → date "2021-01-19", date_raw keeps the whole line).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from knowledge.errors import MalformedDocument
from knowledge.models import KINDS, LoadedFile
from knowledge.tables import parse_date

KNOWN_KEYS = {
    "title", "issuer", "doc_no", "date", "printed_date", "source", "kind", "visibility",
    "completeness", "note", "language", "addressees", "status", "valid_until", "doc_id",
}  # fmt: skip
_KEY_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*)$")
_ABSENT = re.compile(
    r"^(?:not shown|not in this copy|not given|not known|unknown|none shown|none|n/?a|null|nil|-+|—+)"
    r"(?:\s+in this copy)?(?![\w-])",
    re.I,
)
_NOT_ISSUER = re.compile(r"^(?:published on|posted on|source:)", re.I)  # a web host, not an issuing body
_TRAILING_REMARK = re.compile(r"\s+[(（][^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*[)）]\s*$")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d年])")
_VISIBILITY = {
    "public": "public", "公开": "public", "主动公开": "public",
    "internal": "internal", "private": "internal", "内部": "internal", "不公开": "internal",
    "不予公开": "internal", "依申请公开": "internal",
}  # fmt: skip
_CLEANED = ("title", "issuer", "doc_no", "date", "printed_date", "valid_until")


def split_header(text: str, path: str | Path = "") -> tuple[dict[str, str], str]:
    """Return (metadata, body) for a text file; the header is removed from the body."""
    stripped = text.lstrip("\ufeff")
    if stripped.startswith("---\n"):
        end = re.search(r"^(?:---|\.\.\.)[ \t]*$", stripped[4:], re.M)
        if end:
            try:
                data = yaml.safe_load(stripped[4 : 4 + end.start()])
            except yaml.YAMLError as e:
                raise MalformedDocument(path, f"invalid YAML front matter: {e}") from e
            if isinstance(data, dict):
                body = stripped[4 + end.end() :].lstrip("\n")
                return clean_metadata(_stringify(data)), body
    lines = stripped.split("\n")
    raw: dict[str, list[str]] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if i == 0 or not raw.keys() & (KNOWN_KEYS - {"note"}):
                break
            return clean_metadata({k: "\n".join(v) for k, v in raw.items()}), "\n".join(lines[i + 1 :])
        m = _KEY_LINE.match(line)
        if not m:
            break
        raw.setdefault(_key(m[1]), []).append(m[2].strip())
    return {}, text


def _key(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def _stringify(data: dict) -> dict[str, str]:
    out = {}
    for k, v in data.items():
        if v is None:
            continue
        if isinstance(v, list):
            v = "\n".join(str(x) for x in v if x is not None)
        out[_key(str(k))] = v.isoformat() if hasattr(v, "isoformat") else str(v)
    return out


def clean_metadata(raw: dict[str, str]) -> dict[str, str]:
    """Drop absent values, keep the bare 文号/date/title, and validate kind and visibility."""
    out: dict[str, str] = {}
    for key, value in raw.items():
        value = value.strip()
        if key == "note":
            notes = [n for n in value.split("\n") if n.strip() and not _ABSENT.match(n.strip())]
            if notes:
                out[key] = "\n".join(notes)
            continue
        absent = _ABSENT.match(value) or (key == "issuer" and _NOT_ISSUER.match(value))
        if not value or absent:
            if absent and len(value) - absent.end() > 3:  # "not in this copy; the page issues …" is a hint
                out[f"{key}_raw"] = value
            continue
        clean = value
        if key in _CLEANED:
            clean = _TRAILING_REMARK.sub("", value).strip()
        if key in ("date", "printed_date", "valid_until"):
            m = _ISO_PREFIX.match(clean)
            if m:
                clean = "-".join(f"{int(g):02d}" if j else g for j, g in enumerate(m.groups()) if g)
            elif re.match(r"\d{4}\s*年", clean):
                clean = parse_date(clean) or clean
        elif key == "visibility":
            clean = _VISIBILITY.get(value.lower().split()[0] if value.split() else "", "")
        elif key == "kind":
            first = value.lower().split()[0]
            clean = first if first in KINDS else ""
        if not clean:
            continue
        out[key] = clean
        if clean != value and key not in ("visibility", "kind"):
            out[f"{key}_raw"] = value
    return out


FOLDER_SIDECAR = "_folder.meta.yaml"
# what a folder can say of all its files; a folder's visibility is a default that a printed
# disclosure note (（此件不予公开）) still overrides, so it is kept apart from a file's own
FOLDER_KEYS = {"visibility": "default_visibility", "kind": "kind", "source": "source", "language": "language"}


def merge_sidecar(loaded: LoadedFile, sidecar: Path | None, folder: Path | None = None) -> LoadedFile:
    """Apply the folder's defaults under the in-file header and a `NAME.meta.yaml` sidecar over it."""
    meta = dict(loaded.metadata)
    if folder is not None:
        defaults = {FOLDER_KEYS[k]: v for k, v in _read_sidecar(folder).items() if k in FOLDER_KEYS}
        meta = {**defaults, **meta}
    if sidecar is not None:
        meta.update(_read_sidecar(sidecar))
    return loaded if meta == loaded.metadata else dataclasses.replace(loaded, metadata=meta)


def folder_sidecar(path: Path) -> Path | None:
    """The nearest `_folder.meta.yaml` in the file's folder or above it."""
    for folder in path.resolve().parents:
        candidate = folder / FOLDER_SIDECAR
        if candidate.is_file():
            return candidate
    return None


def _read_sidecar(sidecar: Path) -> dict[str, str]:
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as e:
        raise MalformedDocument(sidecar, f"invalid metadata sidecar: {e}") from e
    if not isinstance(data, dict):
        raise MalformedDocument(sidecar, "metadata sidecar must be a YAML mapping (key: value lines)")
    return clean_metadata(_stringify(data))
