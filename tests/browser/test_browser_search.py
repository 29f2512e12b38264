"""Danish search finds the right page for what a member would type."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

# query → the page (and section) that should come first
EXPECTED = [
    ("rette niveau", "ordliste/#rette-niveau"),
    ("APV", "ordliste/#apv"),
    ("tavshedspligt", "ordliste/#tavshedspligt"),
    ("retningslinje stress", "retningslinjer/"),
    ("næstformand", "roller/#næstformand"),
    ("HMU", "udvalg/#hovedudvalg"),
    ("hovedorganisationsområder", "udvalg/"),
    ("personalesager", "sager/"),
    ("kilder", "om-siden/"),
]


def first_results(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url, wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(query)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)"
    )
    # Drop the origin, the sub-path and the highlight parameter: 'roller/#næstformand'.
    results = []
    for link in links:
        path = unquote(link.split(site_url, 1)[1])
        page_part, _, anchor = path.partition("#")
        results.append(page_part.split("?")[0] + (f"#{anchor}" if anchor else ""))
    return results


@pytest.mark.parametrize("query, expected", EXPECTED)
def test_search_puts_the_right_page_first(page, site_url, query, expected):
    results = first_results(page, site_url, query)
    best_page = results[0].split("#")[0]
    assert best_page == expected.split("#")[0], results[:6]
    if "#" in expected:
        assert expected in results[:3], results[:6]
