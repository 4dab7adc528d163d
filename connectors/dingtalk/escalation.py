"""Who to @-mention when a staff question has no answer: responsible unit -> DingTalk staff ids.

Admins keep the map in `<data dir>/escalation.yaml` (or `.json`), e.g.

    绍兴市商务局: [manager001]
    市投资促进中心: [staff042, staff043]

The file is re-read when it changes, so editing it needs no restart.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import yaml

log = logging.getLogger(__name__)
FILENAMES = ("escalation.yaml", "escalation.yml", "escalation.json")


def _norm(unit: str) -> str:
    return "".join(unit.split())


class EscalationMap:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._mapping: dict[str, list[str]] = {}
        self._stamp: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def _path(self) -> Path | None:
        return next((self.data_dir / n for n in FILENAMES if (self.data_dir / n).is_file()), None)

    def _load(self) -> dict[str, list[str]]:
        with self._lock:
            path = self._path()
            if path is None:
                self._mapping, self._stamp = {}, None
                return self._mapping
            stamp = (str(path), path.stat().st_mtime)
            if stamp == self._stamp:
                return self._mapping
            try:
                text = path.read_text(encoding="utf-8")
                raw = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
                self._mapping = parse_mapping(raw)
            except (OSError, ValueError, yaml.YAMLError) as e:
                log.error("escalation map unreadable path=%s error=%s; keeping the previous one", path.name, e)
            self._stamp = stamp
            return self._mapping

    def staff_for(self, units: list[str]) -> list[str]:
        """Staff ids for the first mapped unit(s), in the units' order; exact name or containment."""
        mapping = self._load()
        found: list[str] = []
        for unit in units:
            key = _norm(unit)
            ids = mapping.get(key)
            if ids is None:
                ids = next((v for k, v in mapping.items() if k and (k in key or key in k)), [])
            for staff_id in ids:
                if staff_id not in found:
                    found.append(staff_id)
        return found


def parse_mapping(raw: object) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError("the escalation file must map unit names to staff ids")
    out: dict[str, list[str]] = {}
    for unit, ids in raw.items():
        values = [ids] if isinstance(ids, str | int) else list(ids or [])
        out[_norm(str(unit))] = [str(v).strip() for v in values if str(v).strip()]
    return out
