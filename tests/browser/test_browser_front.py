"""The front doors in chromium at a desktop and a phone width: the front page says where to
start within one screen, a wrong address lands on a Danish 404 with search and ways in, and a
calendar with nothing ahead says so on the calendar, the front page and the year poster."""

from __future__ import annotations

import pytest

from axe import axe_violations
from support import PROJECT, mkdocs_build, serve

SCREENS = {1280: 800, 390: 844}


@pytest.fixture
def screen(browser, request):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": SCREENS[width]}, locale="da-DK")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("screen", SCREENS, indirect=True)
def test_the_front_page_says_where_to_start_within_one_screen(screen, site_url):
    page = screen
    page.goto(site_url, wait_until="networkidle")
    assert page.title() == "MED-guiden"
    entries = page.locator(".med-start li")
    assert entries.count() >= 5
    last = entries.last.bounding_box()
    assert last["y"] + last["height"] <= SCREENS[page.viewport_size["width"]]
    # Not a second navigation: no site map.
    headings = page.locator(".md-content h2").all_inner_texts()
    assert not any("Det finder du her" in h or "Læs videre" in h for h in headings)
    # The tree cards carry no list bullet.
    assert page.evaluate(
        "[...document.querySelectorAll('.med-tree-list > li')].every(li => getComputedStyle(li).listStyleType === 'none')"
    )
    assert axe_violations(page) == []


@pytest.mark.parametrize("screen", SCREENS, indirect=True)
def test_a_wrong_address_gets_a_danish_page_with_search_and_ways_in(screen, site_url):
    page = screen
    response = page.goto(site_url + "findes/ikke/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Siden findes ikke"
    assert page.title() == "Siden findes ikke - MED-guiden"
    assert page.evaluate("document.documentElement.lang") == "da"
    links = page.locator(".med-404__ways a")
    assert links.count() >= 5
    for href in links.evaluate_all("links => links.map(a => a.href)"):
        assert page.request.get(href).status == 200, href
    page.locator(".med-404__search").click()
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("tavshedspligt")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(500)  # the results fade in
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def late_site_url(tmp_path_factory):
    """The site built as of 29 November 2026, when the newest programme (2024) is long over."""
    site = tmp_path_factory.mktemp("late") / "site"
    result = mkdocs_build(PROJECT, site, env={"MED_TODAY": "2026-11-29", "SOURCE_DATE_EPOCH": "1796256000"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("screen", SCREENS, indirect=True)
def test_with_nothing_ahead_calendar_front_page_and_poster_say_so(screen, late_site_url):
    page = screen
    page.goto(late_site_url + "kalender/", wait_until="networkidle")
    note = page.locator(".med-cal__none")
    assert note.is_visible()
    assert "Der er ingen kommende arrangementer pr. 29. november 2026." in note.inner_text()
    note.locator("a[href$='#arkiv-2024']").click()
    assert page.evaluate("location.hash") == "#arkiv-2024"
    assert page.locator("#abonnér").count() == 1 and note.locator("a[href*='#abonn']").count() == 1
    assert axe_violations(page) == []
    page.goto(late_site_url, wait_until="networkidle")
    assert "Intet nyt program endnu" in page.locator(".med-start").inner_text()
    assert "årets" not in page.locator(".md-content").inner_text()
    page.goto(late_site_url + "plakater/%C3%A5rsprogram/", wait_until="networkidle")
    assert "alle arrangementerne i 2024 er holdt" in page.locator(".med-poster__outdated").inner_text()


@pytest.mark.parametrize("screen", SCREENS, indirect=True)
def test_with_events_ahead_nothing_says_the_calendar_is_empty(screen, site_url):
    page = screen
    page.goto(site_url + "kalender/", wait_until="networkidle")
    assert page.locator(".med-cal__none").count() == 0
    page.goto(site_url + "plakater/%C3%A5rsprogram/", wait_until="networkidle")
    assert page.locator(".med-poster__outdated").count() == 0


@pytest.mark.parametrize("screen", SCREENS, indirect=True)
def test_alternative_sessions_are_added_to_a_calendar_one_by_one(screen, site_url):
    page = screen
    page.goto(site_url + "kalender/", wait_until="networkidle")
    card = page.locator("[id='2024-kernen-i-med-kommunerne']")
    buttons = card.locator("a.med-event__ics")
    assert buttons.count() == 2
    for i, place in enumerate(["Ballerup", "Silkeborg"]):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 24  # WCAG 2.2 target size
        with page.expect_download() as download:
            buttons.nth(i).click()
        content = open(download.value.path(), encoding="utf-8").read()
        assert content.count("BEGIN:VEVENT") == 1 and f"LOCATION:{place}" in content
