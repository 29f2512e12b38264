"""The Albertslund edition in chromium: its own pages are accessible, fetch nothing from
elsewhere, and its årshjul prints as exactly one A3 sheet, set for the wall, with a QR code to
the local agreement."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from axe import axe_violations
from sheets import decode_qr, overflow_problem, page_size_mm, pdf_pages, type_measure
from support import ARTIFACTS, PROJECT, mkdocs_build, serve


@pytest.fixture(scope="module")
def edition_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("albertslund") / "site"
    result = mkdocs_build(PROJECT, site, "-f", "editions/albertslund/mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("path", ["lokalt/", "lokalt/årshjul/", "hovedudvalget/", "lav-jeres-egen-udgave/"])
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
