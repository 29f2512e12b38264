"""The Albertslund edition in chromium: its own pages are accessible, fetch nothing from
elsewhere, and its årshjul prints as exactly one A3 sheet, set for the wall, with a QR code to
the local agreement."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from axe import axe_violations
from layout import overflowing, split_words
from sheets import decode_qr, overflow_problem, page_size_mm, pdf_pages, type_measure
from support import ARTIFACTS, PROJECT, mkdocs_build, serve


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
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (ARTIFACTS / "posters").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "posters" / "albertslund-årshjul.pdf").write_bytes(pdf)
    sheets = pdf_pages(pdf)
    assert len(sheets) == 1 and tuple(map(round, page_size_mm(sheets[0]))) == (297, 420)
    # Set for the wall, like the guide's posters, and filled with the year: every month is on
    # the sheet, and those with tasks hold them.
    large, smallest = type_measure(sheets[0])
    assert large >= 0.9 and smallest >= 8, (large, smallest)
    text = " ".join(sheets[0].extract_text().split())
    assert "Albertslund Kommune" in text
    for month in ("Januar", "April", "Juni", "December"):
        assert month in text
    assert "Valg af arbejdsmiljørepræsentanter inden 1. maj hvert andet år (ulige år)" in text
    months = page.locator(".med-poster-year__month")
    assert months.count() == 12
    strip = page.eval_on_selector(".med-poster-year__strip", "s => s.getBoundingClientRect().height")
    sheet = page.eval_on_selector(".med-poster", "s => s.getBoundingClientRect().height")
    assert strip > sheet * 0.45  # the months fill the sheet, no empty bands
    page.close()


def test_the_year_wheel_poster_qr_code_leads_to_the_local_agreement(browser, edition_url, tmp_path):
    context = browser.new_context(device_scale_factor=4)
    page = context.new_page()
    page.goto(edition_url + "lokalt/årshjul/", wait_until="networkidle")
    page.emulate_media(media="print")
    image = tmp_path / "qr.png"
    page.locator(".med-poster__qr").screenshot(path=str(image))
    context.close()
    assert unquote(decode_qr(image)) == "https://med-guiden.github.io/med-guiden/albertslund/lokalt/"
