"""The Albertslund edition in chromium: its own pages are accessible, fetch nothing from
elsewhere, and its årshjul prints as exactly one A3 sheet."""

from __future__ import annotations

import pytest

from axe import axe_violations
from sheets import overflow_problem, page_size_mm, pdf_pages
from support import PROJECT, mkdocs_build, serve


@pytest.fixture(scope="module")
def edition_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("albertslund") / "site"
    result = mkdocs_build(PROJECT, site, "-f", "editions/albertslund/mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("path", ["", "lokalt/", "lokalt/årshjul/", "hovedudvalget/", "lav-jeres-egen-udgave/"])
def test_edition_pages_are_accessible_and_self_contained(browser, edition_url, path):
    context = browser.new_context()
    foreign: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(edition_url[:edition_url.index("/med-guiden")]) or route.request.url.startswith("data:") else (foreign.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(edition_url + path, wait_until="networkidle")
    assert axe_violations(page) == []
    assert foreign == []
    context.close()


def test_the_year_wheel_poster_prints_on_one_a3_sheet(browser, edition_url):
    page = browser.new_page()
    page.goto(edition_url + "lokalt/årshjul/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert overflow_problem(page, "docs/lokalt/årshjul.md", "A3 på højkant") is None
    sheets = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
    assert len(sheets) == 1 and tuple(map(round, page_size_mm(sheets[0]))) == (297, 420)
    text = sheets[0].extract_text()
    assert "Albertslund Kommune" in text and "inden 1. maj" in text
    page.close()
