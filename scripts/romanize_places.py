"""Fill the pinyin column of knowledge/data/places.tsv for county-level places, so an English
question naming "Guandu District" or "Fengxian" finds 官渡区 / 奉贤区 (the prefectures and provinces
already carry theirs). A romanization shared by two places is left out (ambiguous), as is one that
a higher-level place already uses. Run once after the file changes (needs `pip install pypinyin`):

    python scripts/romanize_places.py knowledge/data/places.tsv
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from pypinyin import lazy_pinyin

_SUFFIX = re.compile(r"(?:各族自治县|自治县|自治旗|林区|特区|新区|区|县|市|旗)$")


# readings that place names give a polyphonic first character (长丰 is Changfeng, not Zhangfeng)
_PLACE_READING = {"长": "chang", "乐": "le", "单": "shan", "都": "du", "曲": "qu", "朝": "chao", "会": "hui",
                  "行": "xing", "重": "chong", "六": "lu", "番": "pan", "蚌": "beng", "尉": "yu", "沈": "shen"}  # fmt: skip


def romanize(name: str) -> str:
    """"官渡区" → "guandu"; "" when the name without its suffix is one character (凤县: ambiguous)."""
    core = _SUFFIX.sub("", name)
    if len(core) < 2:
        return ""
    syllables = lazy_pinyin(core)
    if core[0] in _PLACE_READING:
        syllables[0] = _PLACE_READING[core[0]]
    return "".join(syllables).lower()


def main(path: str) -> int:
    p = Path(path)
    lines = p.read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    taken = {r[4] for r in rows if r[4]}
    counts = Counter(romanize(r[0]) for r in rows if not r[4] and r[3] == "county")
    out = []
    for ln in lines:
        if not ln or ln.startswith("#"):
            out.append(ln)
            continue
        name, short, parent, level, en = ln.split("\t")
        if not en and level == "county":
            roman = romanize(name)
            if roman and counts[roman] == 1 and roman not in taken and len(roman) >= 5:
                en = roman
        out.append("\t".join([name, short, parent, level, en]))
    p.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
