"""The Albertslund edition in chromium: its own pages are accessible, fetch nothing from
elsewhere, and its årshjul prints as exactly one A3 sheet."""

from __future__ import annotations

import pytest

from axe import axe_violations
from layout import overflowing, split_words
from sheets import overflow_problem, page_size_mm, pdf_pages
from support import PROJECT, mkdocs_build, serve


@pytest.fixture(scope="module")
def edition_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("albertslund") / "site"
    result = mkdocs_build(PROJECT, site, "-f", "editions/albertslund/mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["", "lokalt/", "lokalt/årshjul/", "hovedudvalget/", "lav-jeres-egen-udgave/"])
def test_edition_pages_are_accessible_and_self_contained(browser, edition_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    foreign: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(edition_url[:edition_url.index("/med-guiden")]) or route.request.url.startswith("data:") else (foreign.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(edition_url + path, wait_until="networkidle")
    assert axe_violations(page) == []
    assert split_words(page) == [] and overflowing(page) == []
    assert foreign == []
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_structure_reads_at_every_width(browser, edition_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(edition_url + "lokalt/", wait_until="networkidle")
    drawing, listing = page.locator("svg.med-structure"), page.locator(".med-structure-list")
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    if width < 720:  # the drawing would shrink past reading: the list stands in
        assert listing.is_visible() and not drawing.is_visible()
        assert "TRIO-samarbejde" in listing.inner_text()
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.med-structure-list li li')).fontSize)")
        assert size >= body
    else:
        assert drawing.is_visible() and not listing.is_visible()
        # The committees' names as drawn: no smaller than 12 px on screen.
        scale = page.evaluate("(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width)(document.querySelector('svg.med-structure'))")
        name = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.med-structure__name')).fontSize)")
        assert name * scale >= 12
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
