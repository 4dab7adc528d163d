"""Warm-up's check of the data folder: does the catalogue still match the vector index?

An emptied or damaged `catalogue.sqlite3` (a damaged one is moved aside and opened empty, see
`knowledge.sqlite_files`) was once served as ready with its records gone, while Chroma still
held the chunks. When the index holds documents the catalogue lacks, the catalogue is rebuilt
from KNOWLEDGE_DIR and the uploads by an ordinary incremental run: chunk ids are content
hashes, so the stored vectors are reused and nothing is embedded again. When none of those
documents can be read from either folder, rebuilding would only empty the index, so the
service stays not ready and `/readyz` says why and what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.settings import Settings

log = logging.getLogger(__name__)


class DataFolderDamaged(RuntimeError):
    """The data folder cannot serve as it is and cannot be repaired from the files; says what to do."""


def reconcile_catalogue(
    catalogue: Any, store: Any, settings: Settings, rebuild: Callable[[], object]
) -> bool:
    """Rebuild the catalogue when the index holds documents it lacks; True when it did."""
    missing = store.doc_ids_outside(catalogue.doc_ids())
    if not missing:
        return False
    readable = _readable_ids(settings)
    damaged = catalogue.set_aside is not None or len(catalogue) == 0
    aside = f" (the damaged file was moved to {catalogue.set_aside})" if catalogue.set_aside else ""
    example = ", ".join(sorted(missing)[:3])
    if damaged and not missing & readable:
        raise DataFolderDamaged(
            f"the catalogue {settings.catalogue_path}{aside} lacks documents the index holds ({example}, ...), and"
            f" neither KNOWLEDGE_DIR ({settings.knowledge_dir}) nor the uploads hold them: restore"
            " catalogue.sqlite3 from a backup or point KNOWLEDGE_DIR at the documents; `zhaoshang index --full`"
            " instead rebuilds the index from what the folders hold now"
        )
    log.warning(
        "the catalogue%s lacks %s documents the index holds (%s, ...): rebuilding it from KNOWLEDGE_DIR and the"
        " uploads, reusing the stored vectors", aside, "some" if len(missing) >= 200 else len(missing), example,
    )  # fmt: skip
    rebuild()
    still = store.doc_ids_outside(catalogue.doc_ids())
    if still:
        raise DataFolderDamaged(
            f"the catalogue still lacks documents the index holds after a rebuild ({', '.join(sorted(still)[:3])});"
            " run `zhaoshang index --full`"
        )
    return True


def _readable_ids(settings: Settings) -> set[str]:
    from bot.admin.uploads import sources
    from knowledge.gov_parse import doc_id_for
    from knowledge.loaders import SUPPORTED_SUFFIXES, iter_files

    roots, _ = sources(settings.knowledge_dir, settings.uploads_dir)
    files = iter_files([r for r in roots if Path(r).exists()])
    return {doc_id_for(str(f)) for f in files if f.suffix.lower() in SUPPORTED_SUFFIXES}


def set_aside_warnings(**owners: Any) -> list[str]:
    """One line per damaged database that was moved aside at start (the admin status shows them)."""
    return [
        f"the {name.replace('_', ' ')} was damaged and moved aside to {where}; a new one was started"
        for name, owner in owners.items()
        if (where := getattr(owner, "set_aside", None))
    ]
