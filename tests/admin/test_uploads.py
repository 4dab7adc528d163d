"""Stored uploads: safe names that are also the catalogue's doc ids, sidecars, replacement."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.admin.uploads import UploadRejected, delete_upload, list_uploads, safe_stem, store_upload
from knowledge.gov_parse import doc_id_for


@pytest.mark.parametrize(
    ("name", "stem"),
    [("绍政办发〔2023〕17号.docx", "绍政办发_2023_17号"), ("../../etc/passwd.txt", "passwd"),
     ("C:\\Users\\me\\项目 清单.xlsx", "项目_清单"), ("...txt", "document"), ("a b-c.md", "a_b-c")],
)
def test_safe_stem_keeps_chinese_drops_paths_and_matches_the_catalogue_id(name: str, stem: str) -> None:
    assert safe_stem(name) == stem
    assert doc_id_for(f"/uploads/{safe_stem(name)}.txt") == safe_stem(name)


def test_a_stored_upload_stays_in_the_folder_with_its_sidecar(tmp_path: Path) -> None:
    uploads = tmp_path / "data" / "uploads"
    doc_id, path = store_upload(uploads, "../evil.txt", io.BytesIO(b"hello"), 100, "internal", "policy")
    assert doc_id == "evil" and path == uploads / "evil.txt" and path.read_bytes() == b"hello"
    assert (uploads / "evil.meta.yaml").read_text() == "visibility: internal\nkind: policy\n"
    # uploading again without choices: the old choices must not linger
    store_upload(uploads, "evil.txt", io.BytesIO(b"hello again"), 100)
    assert not (uploads / "evil.meta.yaml").exists()
    # the same document in another format replaces the first
    store_upload(uploads, "evil.md", io.BytesIO(b"# hello"), 100)
    assert list_uploads(uploads) == {"evil": uploads / "evil.md"}
    assert delete_upload(uploads, "evil") == [uploads / "evil.md"]
    assert list_uploads(uploads) == {}


def test_a_refused_upload_replaces_nothing(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    store_upload(uploads, "a.txt", io.BytesIO(b"version 1"), 10)
    with pytest.raises(UploadRejected) as e:
        store_upload(uploads, "a.md", io.BytesIO(b"version 2 is too long"), 10)
    assert e.value.status == 413
    assert (uploads / "a.txt").read_bytes() == b"version 1"
    assert not (uploads / "a.md").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["uploads"]
