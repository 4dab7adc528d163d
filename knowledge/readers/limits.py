"""Resource limits for reading: refuse a hostile or runaway file before it costs memory.

A 1 MB .docx can inflate to 1 GiB; a PDF can have thousands of pages; a spreadsheet
formatted down to row 1,048,576 can hold a million rows. The zip directory of a .docx
or .xlsx states every entry's inflated size, and Python's `zipfile` never inflates an
entry past the size its directory states, so checking the directory before parsing
bounds what python-docx and openpyxl can read. The rest (pages, rows, OCR pages) is
counted while reading. Every refusal names the setting that would allow the file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import MalformedDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on one file; `bot.settings.Settings.read_limits` builds it from the READER_* settings."""

    max_inflated_mb: int = 256  # READER_MAX_INFLATED_MB: a .docx/.xlsx's entries together, inflated
    max_zip_entries: int = 5000  # READER_MAX_ZIP_ENTRIES
    max_pdf_pages: int = 500  # READER_MAX_PDF_PAGES
    max_rows: int = 100_000  # READER_MAX_ROWS: spreadsheet / CSV rows, all sheets together
    max_ocr_pages: int = 30  # READER_MAX_OCR_PAGES: scanned pages read by OCR in one file
    memory_mb: int = 1536  # READER_MEMORY_MB: memory of the reader process (0: read in-process)
    timeout_seconds: int = 600  # READER_TIMEOUT_SECONDS: one file, OCR included

    def fingerprint(self) -> str:
        """What a remembered failure depends on: raising a limit makes a refused file worth reading again."""
        return (
            f"{self.max_inflated_mb}/{self.max_zip_entries}/{self.max_pdf_pages}/{self.max_rows}/"
            f"{self.max_ocr_pages}/{self.memory_mb}/{self.timeout_seconds}"
        )


DEFAULT_LIMITS = ReadLimits()


def check_zip(path: str | Path, data: bytes, kind: str, limits: ReadLimits) -> None:
    """Refuse a .docx/.xlsx whose zip directory promises too many entries or too many bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise MalformedDocument(path, f"not a valid {kind} (zip) file") from e
    if len(entries) > limits.max_zip_entries:
        raise MalformedDocument(
            path,
            f"refused: the {kind} package has {len(entries):,} entries, more than the limit of "
            f"{limits.max_zip_entries:,} (READER_MAX_ZIP_ENTRIES)",
        )
    inflated = sum(e.file_size for e in entries)
    if inflated > limits.max_inflated_mb * MB:
        raise MalformedDocument(
            path,
            f"refused as a possible zip bomb: the {kind} inflates to {inflated / MB:,.0f} MB "
            f"({len(data) / MB:,.1f} MB on disk), more than the limit of {limits.max_inflated_mb:,} MB "
            "(READER_MAX_INFLATED_MB)",
        )


def too_many(path: str | Path, what: str, count: int | str, limit: int, setting: str) -> MalformedDocument:
    return MalformedDocument(
        path, f"refused: more than {limit:,} {what} ({count}); raise {setting} to read it"
    )
