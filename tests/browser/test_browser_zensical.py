"""The site built with Zensical, in chromium: its pages load cleanly and pass axe at a desk and
on a phone, its own search works from the keyboard, and the decision trees, the calendar's
filters and the trainer kit's slides work as in the MkDocs build (the same selectors as
test_browser_trees.py, test_browser_calendar.py and test_browser_training.py)."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import expect

from axe import axe_violations
from keyboard import tab_to
from layout import overflowing
from support import serve

EDITION = "albertslund"
# The pages to check: the guide's, and the edition's own page, served where it is published,
# below the guide (its site_url is .../med-guiden/albertslund/).
PAGES = ["", "roller/", "svar/skal-sagen-i-med/", "kalender/", "ordliste/", "kursus/moduler/rette-niveau/",
         f"{EDITION}/lokalt/"]


@pytest.fixture(scope="module")
def site_url(zensical_sites, tmp_path_factory):
    """The Zensical builds served as published: the guide at /med-guiden/ and the edition at
    /med-guiden/albertslund/, from one server. Overrides the MkDocs site of conftest.py, so the
    `page` and `requests_seen` fixtures watch this one."""
    root = tmp_path_factory.mktemp("zensical-served")
    for entry in zensical_sites["guide"].iterdir():
        (root / entry.name).symlink_to(entry)
    assert not (root / EDITION).exists()
    (root / EDITION).symlink_to(zensical_sites[EDITION])
    with serve(root) as url:
        yield url


@pytest.fixture
def console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}"))
    return errors


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_pages_load_cleanly_and_pass_axe_at_a_desk_and_on_a_phone(page, site_url, requests_seen, console_errors, path):
    page.goto(site_url + path, wait_until="networkidle")
    # Rendered by Zensical with the site's own bundle, not a bare or a 404 page.
    assert page.locator("meta[name=generator]").get_attribute("content").startswith("zensical")
    assert page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/med-guiden.css'))")
    assert page.locator("article h1").count() == 1
    # The navigation marks where the reader is, as Material's does under MkDocs.
    assert page.evaluate("""[...document.querySelectorAll('.md-nav--primary a.md-nav__link--active')]
                            .some(a => a.href.split('#')[0] === location.href.split('#')[0])""")
    assert requests_seen.failed == [] and requests_seen.foreign == [] and console_errors == []
    assert axe_violations(page) == [], "1280 px"
    # The same page opened on a phone.
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site_url + path, wait_until="networkidle")
    assert axe_violations(page) == [], "390 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert overflowing(page) == []
    assert requests_seen.failed == [] and console_errors == []


def open_search_with_the_keyboard(page, width: int) -> None:
    """Zensical's key (Ctrl+K) at a desk; on a phone, Tab to the header's search button and Enter."""
    if width >= 960:
        page.keyboard.press("Control+k")
    else:
        tab_to(page, ".md-search__button", "the search button", presses=20)
        page.keyboard.press("Enter")
    # Zensical's search lives in an open shadow root; Playwright's locators go into it.
    expect(page.locator("dialog[open] input[role=combobox]")).to_be_focused()


def settled_results(page, site_url: str) -> list[str]:
    """The pages the results link to, once the list has stayed the same for a second (results
    for the first letters typed may show before those for the whole query)."""
    read = "els => els.map(e => e.href)"
    links, unchanged = page.eval_on_selector_all("dialog[open] [role=option]", read), 0
    for _ in range(60):
        page.wait_for_timeout(250)
        again = page.eval_on_selector_all("dialog[open] [role=option]", read)
        unchanged, links = (unchanged + 1 if again == links else 0), again
        if unchanged == 4:
            break
    base = urlparse(site_url).path
    return [unquote(urlparse(link).path).removeprefix(base) for link in links]


@pytest.mark.parametrize(
    "width, query, best",
    [(1280, "tillidsrepræsentant", {"roller/": "Roller i MED"}),
     (390, "rette niveau", {"rette-niveau/": "Rette niveau", "svar/hvor-er-rette-niveau/": "Hvor er rette niveau?"})],
    ids=["desk-tillidsrepræsentant", "phone-rette-niveau"],
)
def test_search_by_keyboard_alone_finds_and_opens_the_page(page, site_url, requests_seen, console_errors,
                                                           width, query, best):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url, wait_until="networkidle")
    open_search_with_the_keyboard(page, width)
    page.keyboard.type(query)
    options = page.locator("dialog[open] [role=option]")
    expect(options.first).to_have_attribute("aria-selected", "true")
    targets = settled_results(page, site_url)
    # The right page among the first three; the arrow keys move to it.
    index = next((i for i, target in enumerate(targets[:3]) if target in best), None)
    assert index is not None, targets[:6]
    target = targets[index]
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(options.nth(index)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: unquote(urlparse(url).path).endswith("/" + target))
    # Instant navigation changes the address first, then the page.
    expect(page.locator("article h1")).to_have_text(best[target] + "¶")
    page.wait_for_load_state("networkidle")
    assert requests_seen.failed == [] and console_errors == []


def test_a_decision_tree_answered_by_keyboard_alone(page, site_url, console_errors):
    page.goto(site_url + "svar/tavshedspligt/", wait_until="networkidle")
    tab_to(page, ".med-tree__app input[type=radio]", "the first answer")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('med-tree__step-title')")
    for _ in range(2):
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    title = page.locator(".med-tree__app .med-tree__step-title").inner_text()
    assert title == "Svar: Ja – del det med dem, du repræsenterer"
    assert parse_qs(urlparse(page.url).query) == {"tavshedspligt": ["med.nej.nej"]}
    assert console_errors == []


def visible_events(page) -> list[str]:
    return page.eval_on_selector_all(
        ".med-cal [data-sectors][id]", "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.id)"
    )


def test_the_calendar_filters_narrow_the_list(page, site_url, console_errors):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    assert len(visible_events(page)) == 14
    page.select_option("#med-cal-sector", "regioner")
    page.select_option("#med-cal-kind", "grundkursus")
    assert visible_events(page) == ["2024-kernen-i-med-regionerne"]
    assert parse_qs(urlparse(page.url).query) == {"målgruppe": ["regioner"], "type": ["grundkursus"]}
    assert page.locator(".med-cal__count").inner_text() == "Viser 1 af 14 arrangementer."
    page.get_by_role("button", name="Nulstil filtre").click()
    assert len(visible_events(page)) == 14
    assert console_errors == []


def test_the_slides_step_with_the_arrow_keys(page, site_url, console_errors):
    page.goto(site_url + "kursus/moduler/rette-niveau/", wait_until="networkidle")
    page.locator(".med-module__present").focus()
    page.keyboard.press("Enter")
    count = page.locator(".med-present__count")
    total = int(count.inner_text().split(" af ")[1])
    assert count.inner_text() == f"Dias 1 af {total}" and total > 5
    page.keyboard.press("ArrowRight")
    assert count.inner_text() == f"Dias 2 af {total}"
    assert page.locator(".med-present__title").inner_text() == "Det lærer I"
    page.keyboard.press("ArrowLeft")
    assert count.inner_text() == f"Dias 1 af {total}"
    page.keyboard.press("Escape")
    assert page.locator(".med-present").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Vis som præsentation"
    assert console_errors == []
