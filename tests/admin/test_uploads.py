"""Stored uploads: safe names that are also the catalogue's doc ids, sidecars, replacement."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.admin.uploads import (
    UploadRejected,
    delete_upload,
    list_uploads,
    safe_stem,
    store_upload,
    upload_store,
)
from knowledge.gov_parse import doc_id_for


@pytest.mark.parametrize(
    ("name", "stem"),
    [("绍政办发〔2023〕17号.docx", "绍政办发_2023_17号"), ("../../etc/passwd.txt", "passwd"),
     ("C:\\Users\\me\\项目 清单.xlsx", "项目_清单"), ("...txt", "document"), ("a b-c.md", "a_b-c")],
)
def test_safe_stem_keeps_chinese_drops_paths_and_matches_the_catalogue_id(name: str, stem: str) -> None:
    assert safe_stem(name) == stem
    assert doc_id_for(f"/uploads/{safe_stem(name)}.txt") == safe_stem(name)


def test_a_stored_upload_keeps_its_file_and_sidecar_together_in_one_version(tmp_path: Path) -> None:
    uploads = tmp_path / "data" / "uploads"
    first = store_upload(uploads, "../evil.txt", io.BytesIO(b"hello"), 100, "internal", "policy")
    assert first.doc_id == "evil" and first.path == uploads / "evil" / "v000001" / "evil.txt"
    assert first.path.read_bytes() == b"hello"
    assert (first.path.parent / "evil.meta.yaml").read_text() == "visibility: internal\nkind: policy\n"
    # uploading again without choices: a new version with no sidecar, so the old choices cannot linger
    second = store_upload(uploads, "evil.txt", io.BytesIO(b"hello again"), 100)
    assert second.path == uploads / "evil" / "v000002" / "evil.txt"
    assert not (second.path.parent / "evil.meta.yaml").exists()
    # the same document in another format is the newest version
    third = store_upload(uploads, "evil.md", io.BytesIO(b"# hello"), 100)
    assert list_uploads(uploads) == {"evil": third.path}
    store = upload_store(uploads)
    assert store.is_current(third.path) and not store.is_current(first.path)
    store.drop_older(third.path)  # what an indexing run of the newest version does
    assert sorted(p.name for p in (uploads / "evil").iterdir()) == ["v000003"]
    assert delete_upload(uploads, "evil") == [third.path]
    assert list_uploads(uploads) == {}


def test_a_refused_upload_replaces_nothing(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    kept = store_upload(uploads, "a.txt", io.BytesIO(b"version 1"), 10)
    with pytest.raises(UploadRejected) as e:
        store_upload(uploads, "a.md", io.BytesIO(b"version 2 is too long"), 10)
    assert e.value.status == 413
    assert list_uploads(uploads) == {"a": kept.path} and kept.path.read_bytes() == b"version 1"
    assert [p.name for p in tmp_path.iterdir()] == ["uploads"]  # no staging folder left behind


def test_files_put_straight_into_the_uploads_folder_are_adopted_with_their_sidecar(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "old notice.txt").write_text("正文", encoding="utf-8")  # an earlier version's flat layout
    (uploads / "old notice.meta.yaml").write_text("visibility: internal\n", encoding="utf-8")
    files = list_uploads(uploads)
    assert list(files) == ["old_notice"]
    assert files["old_notice"].read_text(encoding="utf-8") == "正文"
    assert (files["old_notice"].parent / "old_notice.meta.yaml").read_text() == "visibility: internal\n"
    assert not (uploads / "old notice.txt").exists() and not (uploads / "old notice.meta.yaml").exists()


def test_a_name_the_knowledge_folder_holds_gets_an_id_of_its_own(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    taken = {"policy": "policy.txt", "policy-upload": "policy-upload.docx"}
    stored = store_upload(uploads, "policy.txt", io.BytesIO(b"x"), 10, reserved=taken.get)
    assert stored.doc_id == "policy-upload-2" and stored.clashes_with == "policy.txt"
    assert stored.path.name == "policy-upload-2.txt" and doc_id_for(str(stored.path)) == stored.doc_id
    free = store_upload(uploads, "other.txt", io.BytesIO(b"x"), 10, reserved=taken.get)
    assert free.doc_id == "other" and free.clashes_with is None
