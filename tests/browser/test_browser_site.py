"""The site in a real browser: no foreign requests, accessible, works under a sub-path."""

from __future__ import annotations

import pytest

from axe import axe_violations
from layout import overflowing, settle, split_words
from support import site_pages

PAGES = site_pages()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_everything_from_its_own_origin(page, site_url, requests_seen, path):
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("h1").count() == 1
    assert requests_seen.foreign == []
    assert requests_seen.failed == []
    # The theme's stylesheet really applied, so assets resolved under the sub-path.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"


# A desktop and a phone (an iPhone 12–15 is 390 CSS px wide).
WIDTHS = [1280, 390]


@pytest.fixture(scope="module")
def page_at(browser):
    """One page per screen width, reused for every page of the site: `page_at(390)`."""
    contexts = {}

    def at(width: int):
        if width not in contexts:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
            contexts[width] = (context, context.new_page())
        return contexts[width][1]

    yield at
    for context, _ in contexts.values():
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_page_reads_and_meets_wcag_22_aa(page_at, site_url, path, width):
    """No word split in a table, nothing off the edge of the screen, no axe violation."""
    page = page_at(width)
    page.goto(site_url + path)
    settle(page)
    problems = {
        "split words": split_words(page),
        "off the screen": overflowing(page),
        "axe": axe_violations(page),
    }
    assert problems == {"split words": [], "off the screen": [], "axe": []}


@pytest.mark.parametrize("path", ["", "roller/"])
def test_page_has_no_wcag_22_aa_violations_in_dark_mode(browser, site_url, path):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert axe_violations(page) == []
    context.close()


def test_instant_navigation_keeps_the_page_working(page, site_url, requests_seen):
    page.goto(site_url, wait_until="networkidle")
    page.click(".md-content a[href$='roller/']")
    page.wait_for_url("**/roller/")
    page.wait_for_selector("#næstformand")
    assert page.locator("abbr[data-med-title]").count() > 0  # scripts ran again after navigation
    assert requests_seen.foreign == []
