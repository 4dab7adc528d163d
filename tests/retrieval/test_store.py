"""ChromaStore contract: embedded (tmp_path) and against a real `chroma run` server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import retrieval.store as store_module
from bot.settings import Settings
from knowledge.models import Chunk
from retrieval.chunking import chunk_id, embed_text
from retrieval.store import ChunkFilter, StoreError, open_store

CHROMA = Path(sys.executable).parent / "chroma"


def _chunk(doc_id: str, text: str, visibility: str, kind: str = "policy", doc_no: str | None = None) -> Chunk:
    return Chunk(
        chunk_id=chunk_id(doc_id, "", text), doc_id=doc_id, doc_no=doc_no, title=doc_id, section="",
        section_no="", date=None, visibility=visibility, kind=kind, language="zh", text=text,
        embed_text=embed_text(doc_id, doc_no, "", text),
    )  # fmt: skip


CHUNKS = [
    _chunk("pub", "公开政策", "public", doc_no="绍政办发〔2023〕17号"),
    _chunk("int", "内部台账", "internal", kind="project-records"),
    _chunk("pub2", "公开答复", "public", kind="reply"),
]
VECTORS = [[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.0, 1.0, 0.0]]


def check_contract(store) -> None:
    name = store.new_collection("test-embedder")
    store.activate(name)
    store.upsert(CHUNKS, VECTORS)
    assert store.count() == 3 and store.embedder_of() == "test-embedder"
    staff = store.query([1.0, 0.0, 0.0], 5, ChunkFilter.for_audience("staff"))
    assert [h.chunk.doc_id for h in staff][:2] == ["pub", "int"]
    assert staff[0].similarity == pytest.approx(1.0, abs=1e-4)  # cosine space
    investor = store.query([0.9, 0.1, 0.0], 5, ChunkFilter.for_audience("investor"))
    assert {h.chunk.doc_id for h in investor} == {"pub", "pub2"}
    kinds = store.query([1.0, 0.0, 0.0], 5, ChunkFilter.for_audience("staff", kinds=["reply"]))
    assert [h.chunk.doc_id for h in kinds] == ["pub2"]
    by_no = store.query(
        [0.0, 1.0, 0.0], 5, ChunkFilter.for_audience("investor", doc_no="绍政办发〔2023〕17号")
    )
    assert [h.chunk.doc_id for h in by_no] == ["pub"]
    assert staff[0].chunk == CHUNKS[0]  # round trip keeps every field
    for vec, flt in (([1.0, 0.0, 0.0], ChunkFilter.for_audience("staff")), ([0.9, 0.1, 0.0], ChunkFilter.for_audience("investor")),
                     ([1.0, 0.0, 0.0], ChunkFilter.for_audience("staff", kinds=["reply"]))):  # fmt: skip
        # the ids alone: the same hits, in the same order, with the same similarity
        full = store.query(vec, 5, flt)
        assert store.query_ids(vec, 5, flt) == [(h.chunk.chunk_id, h.similarity) for h in full]
    check_public_mirror(store, name)
    # whole-collection reads come in pages (one unpaged read of 100k chunks fails in Chroma)
    page, store_module.PAGE = store_module.PAGE, 2
    try:
        assert sorted(c.chunk_id for c in store.all_chunks()) == sorted(c.chunk_id for c in CHUNKS)
        assert set(store.metadata_by_id()) == {c.chunk_id for c in CHUNKS}
    finally:
        store_module.PAGE = page
    assert store.vectors([CHUNKS[2].chunk_id])[CHUNKS[2].chunk_id] == pytest.approx(VECTORS[2])
    # atomic switch: a second collection becomes active only when activated
    second = store.new_collection("test-embedder")
    store.upsert(CHUNKS[:1], VECTORS[:1], collection=second)
    assert store.count() == 3
    store.activate(second)
    assert store.count() == 1
    store.drop(name)
    with pytest.raises(StoreError):
        store.drop(second)
    assert store.delete_doc("pub") == 1 and store.count() == 0


def check_public_mirror(store, name: str) -> None:
    """Investor searches run on a mirror of the public chunks; it follows every write."""
    mirror = store.client.get_collection(name + store_module.PUBLIC)
    assert sorted(mirror.get(include=[])["ids"]) == sorted(c.chunk_id for c in CHUNKS if c.visibility == "public")
    turned = _chunk("pub2", "公开答复", "internal", kind="reply")  # same text, now internal
    store.upsert([turned], [VECTORS[2]])
    assert turned.chunk_id not in mirror.get(include=[])["ids"]
    investor = store.query([0.0, 1.0, 0.0], 5, ChunkFilter.for_audience("investor"))
    assert {h.chunk.doc_id for h in investor} == {"pub"}
    store.upsert([CHUNKS[2]], [VECTORS[2]])  # public again
    # an index written before mirrors existed (or a crash between the two writes) is repaired
    # before the first investor search of a process
    store.client.delete_collection(name + store_module.PUBLIC)
    store = type(store)(store.client, store.pointer)  # a new process: nothing known yet
    investor = store.query([0.9, 0.1, 0.0], 5, ChunkFilter.for_audience("investor"))
    assert {h.chunk.doc_id for h in investor} == {"pub", "pub2"}
    store.delete_ids([CHUNKS[2].chunk_id])
    assert store.sync_mirror(name) == 0  # deletes reach the mirror too
    assert {h.chunk.doc_id for h in store.query([0.0, 1.0, 0.0], 5, ChunkFilter.for_audience("investor"))} == {"pub"}
    store.upsert([CHUNKS[2]], [VECTORS[2]])


def test_embedded_store_contract(tmp_path):
    check_contract(open_store(Settings(data_dir=tmp_path)))
    assert (tmp_path / "chroma" / "active.json").is_file()


def test_unreachable_server_names_the_setting():
    with pytest.raises(StoreError, match="CHROMA_HOST"):
        open_store(Settings(data_dir=Path("/tmp/unused"), chroma_host="127.0.0.1", chroma_port=_free_port()))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "server"), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError("chroma server did not start")
            time.sleep(0.3)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.mark.slow
def test_server_store_contract(chroma_server, tmp_path):
    settings = Settings(data_dir=tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    store = open_store(settings)
    check_contract(store)
    assert not (settings.chroma_dir / "active.json").exists()  # the pointer lives on the server
    assert open_store(settings).active_collection() == store.active_collection()
