"""The admin page in real headless Chromium against the real service on 127.0.0.1.

Debian's `chromium` package is driven through Playwright with `executable_path` (never
`playwright install`: the machine is offline). `make test` installs the package; outside
CI the test is skipped, with the reason, when it is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.settings import BUNDLED_KNOWLEDGE
from tests.admin.conftest import NOTICE, NOTICE_DOC_NO, TOKEN, make_settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason=f"{CHROMIUM} is missing; install it with `make chromium` (apt-get install chromium)",
    ),
]


@pytest.fixture
def service(tmp_path: Path) -> Iterator[str]:
    """The whole app (`create_app`) under uvicorn in a thread, on a free port, over a fresh data folder."""
    import uvicorn

    from bot.app import create_app

    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    settings = make_settings(tmp_path, knowledge_dir=knowledge)
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600  # a fresh folder: the bundled documents are indexed first
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert app.state.warm_up_error is None, app.state.warm_up_error
        time.sleep(0.5)
    else:
        pytest.fail("the service did not become ready within 600 s")
    yield base
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_upload_reindex_and_ask_in_the_admin_page(service: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    notice = tmp_path / "蓝鲸产业园通知.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    OUTPUT.mkdir(exist_ok=True)
    errors: list[str] = []

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{service}/admin/")
            expect(page.locator("h1")).to_have_text("知识库管理")

            # a wrong token is refused and said so
            page.fill("#token", "not-the-token")
            page.click("#token-save")
            expect(page.locator("#notice")).to_contain_text("令牌无效")

            page.fill("#token", TOKEN)
            page.click("#token-save")
            expect(page.locator("#status")).to_contain_text("就绪")
            rows = page.locator("#docs-body tr[data-doc-id]")
            expect(rows.first).to_be_visible()
            assert rows.count() >= 30
            expect(page.locator("#docs-body .badge.public").first).to_be_visible()
            expect(page.locator("#docs-body .badge.internal").first).to_be_visible()

            # upload: stored, indexed by a job whose progress bar reaches done
            page.set_input_files("#upload-file", str(notice))
            page.click("#upload-submit")
            expect(page.locator("#progress")).to_have_attribute("data-state", "done", timeout=180_000)
            expect(page.locator("#progress-label")).to_contain_text("完成")
            row = page.locator("#docs-body tr[data-doc-id='蓝鲸产业园通知']")
            expect(row).to_contain_text(NOTICE_DOC_NO)
            expect(row.locator(".badge")).to_have_text("公开")  # from （此件公开发布）
            expect(row.locator("td.num").first).to_have_text("2")  # two 责任单位 lists

            # the detail view shows the extracted records
            row.locator(".title-link").click()
            expect(page.locator("#detail")).to_be_visible()
            expect(page.locator("#detail-records")).to_contain_text("市商务局")
            expect(page.locator("#detail-records")).to_contain_text("市投资促进中心、市财政局")
            expect(page.locator("#detail-records")).to_contain_text("奖补政策（1）")
            expect(page.locator("#detail-records")).to_contain_text("优先保障产业园建设用地指标")
            page.screenshot(path=str(OUTPUT / "admin-detail.png"))
            page.click("#detail-close")

            # a full reindex from the button: the bar runs to done again
            page.click("#reindex")
            expect(page.locator("#progress-label")).to_contain_text("重新索引：完成", timeout=180_000)
            expect(page.locator("#job-report")).to_contain_text("未变")

            # try it: the new document answers, with its 文号 cited
            page.click("button.audience[data-audience='staff']")
            page.fill("#ask-input", "蓝鲸跨境电商产业园由哪个单位牵头？")
            page.click("#ask-submit")
            expect(page.locator("#answer")).to_be_visible(timeout=60_000)
            expect(page.locator("#answer-text")).to_contain_text("市商务局")
            expect(page.locator("#citations")).to_contain_text(NOTICE_DOC_NO)
            expect(page.locator("#answer")).to_have_attribute("data-answered", "true")

            # and a question the documents cannot answer shows up as unanswered
            page.fill("#ask-input", "火星基地的土地出让金是多少？")
            page.click("#ask-submit")
            expect(page.locator("#answer")).to_have_attribute("data-answered", "false", timeout=60_000)
            expect(page.locator("#questions li.unanswered").first).to_contain_text("火星基地")

            # back to the cited answer for the picture
            page.fill("#ask-input", "蓝鲸跨境电商产业园由哪个单位牵头？")
            page.click("#ask-submit")
            expect(page.locator("#answer")).to_have_attribute("data-answered", "true", timeout=60_000)
            page.screenshot(path=str(OUTPUT / "admin.png"))
        finally:
            browser.close()
    assert not errors, errors
    assert re.search(rb"^\x89PNG", (OUTPUT / "admin.png").read_bytes())
