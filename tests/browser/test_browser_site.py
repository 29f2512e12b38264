"""The site in a real browser: no foreign requests, accessible, works under a sub-path."""

from __future__ import annotations

import pytest

from axe import axe_violations
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


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_wcag_21_aa_violations(page, site_url, path):
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["", "roller/"])
def test_page_has_no_wcag_21_aa_violations_in_dark_mode(browser, site_url, path):
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
