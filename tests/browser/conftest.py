"""Playwright driving Debian's chromium against the built site, served under a sub-path."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from support import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed; 'make test' installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request a page makes; anything not to the local server is refused and kept."""

    def __init__(self, origin: str):
        self.origin = origin
        self.foreign: list[str] = []
        self.failed: list[str] = []

    def route(self, route):
        url = route.request.url
        parts = urlparse(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")


@pytest.fixture
def requests_seen(site_url: str) -> RequestLog:
    parts = urlparse(site_url)
    return RequestLog(f"{parts.scheme}://{parts.netloc}")


@pytest.fixture
def page(browser: Browser, requests_seen: RequestLog) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.route("**/*", requests_seen.route)
    page = context.new_page()
    page.on("response", requests_seen.response)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
