"""Word's automatic numbering: the "一、", "（一）", "1." that Word draws but does not store as text.

Offices number headings and items with list styles; python-docx returns a paragraph's
runs only, so without this the section tree (一、…（一）…1.…) of a .docx would be lost.
Counters follow numbering.xml: one per list instance and level, a level restarting the
levels below it, `startOverride` honoured; bullets add nothing.
"""

from __future__ import annotations

from collections.abc import Callable

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    return _CN[n // 100] + "百" + ("" if not rest else ("零" + _CN[rest] if rest < 10 else _chinese(rest)))


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "chineseLegalSimplified": _chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographDigital": lambda n: "".join(_CN[int(c)] for c in str(n)),
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "decimalEnclosedCircle": lambda n: chr(0x245F + n) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x245F + n) if 1 <= n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


class Numbering:
    """Renders the number of each numbered paragraph, in document order."""

    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        self._levels: dict[
            str, dict[int, tuple[str, str, int]]
        ] = {}  # abstractNumId → ilvl → (fmt, text, start)
        self._nums: dict[
            str, tuple[str, dict[int, int]]
        ] = {}  # numId → (abstractNumId, ilvl → startOverride)
        self._counters: dict[str, dict[int, int]] = {}  # abstractNumId → ilvl → last number
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                fmt = _val(lvl.find(f"{_W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{_W}lvlText")) or ""
                start = int(_val(lvl.find(f"{_W}start")) or 1)
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (fmt, text, start)
            self._levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = _val(num.find(f"{_W}abstractNumId")) or ""
            overrides = {}
            for override in num.iter(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{_W}ilvl", "0"))] = int(_val(start) or 1)
            self._nums[num.get(f"{_W}numId", "")] = (ref, overrides)
        self._styles = {s.style_id: s for s in document.styles if getattr(s, "style_id", None)}

    def prefix(self, p) -> str:  # noqa: ANN001 - a CT_P element
        """The number Word shows before this paragraph ("一、", "（二）", "3."), or ""."""
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id not in self._nums:
            return ""
        abstract, overrides = self._nums[num_id]
        levels = self._levels.get(abstract, {})
        if ilvl not in levels or levels[ilvl][0] in ("bullet", "none"):
            return ""
        counters = self._counters.setdefault(abstract, {})
        start = overrides.get(ilvl, levels[ilvl][2])
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new 一、 restarts its （一）
        text = levels[ilvl][1]
        for k, (fmt, _, lvl_start) in levels.items():
            if f"%{k + 1}" in text:
                value = counters.get(k, overrides.get(k, lvl_start))
                text = text.replace(f"%{k + 1}", _FORMATS.get(fmt, str)(value))
        return text

    def _num_pr(self, p) -> tuple[str | None, int]:  # noqa: ANN001
        ppr = p.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None and ppr is not None:  # numbering from the paragraph's style (Heading 2 with 一、)
            style = ppr.find(f"{_W}pStyle")
            s = self._styles.get(_val(style) or "") if hasattr(self, "_styles") else None
            spr = s.element.find(f"{_W}pPr") if s is not None else None
            num_pr = spr.find(f"{_W}numPr") if spr is not None else None
        if num_pr is None:
            return None, 0
        num_id = _val(num_pr.find(f"{_W}numId"))
        ilvl = int(_val(num_pr.find(f"{_W}ilvl")) or 0)
        return (num_id if num_id not in (None, "0") else None), ilvl


def _val(element) -> str | None:  # noqa: ANN001
    return element.get(f"{_W}val") if element is not None else None
