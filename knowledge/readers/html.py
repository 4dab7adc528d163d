"""HTML pages: visible text, table rows as ` | ` lines."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.grids import project_rows
from knowledge.readers.text import decode_text


def read_html(path: Path, data: bytes, fmt: str) -> LoadedFile:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(data, path), "html.parser")
    for tag in soup(["script", "style", "nav", "noscript", "template"]):
        tag.decompose()
    rows: list[dict[str, str]] = []
    for table in soup.find_all("table"):
        grid = [
            [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")
        ]
        rows.extend(project_rows(grid))
        for tr in table.find_all("tr"):
            cells = [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
            tr.replace_with(soup.new_string("\n" + " | ".join(cells) + "\n"))
    body = soup.body or soup
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in body.get_text("\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise MalformedDocument(path, "empty page (no visible text)")
    return LoadedFile(path=str(path), text=text, format=fmt, rows=rows or None)
