"""Danish search finds the right page for what a member would type."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

# query → the pages that may rightly come first, and a section that must be among the first
# four results. Where a guide page and the decision tree on the same matter are both right
# answers, either may lead.
EXPECTED = [
    ("rette niveau", {"rette-niveau/", "svar/hvor-er-rette-niveau/"}, "rette-niveau/"),
    ("APV", {"ordliste/"}, "ordliste/#apv"),
    # A decision tree comes first for its own subject; the guide's section follows.
    ("tavshedspligt", {"svar/tavshedspligt/"}, "roller/#tavshedspligt-og-fortrolighed"),
    # Typed without æ, ø and å, as on a foreign keyboard.
    ("arbejdsmiljo", {"arbejdsmiljø-i-med/"}, None),
    ("hoering", {"svar/er-en-høring-nok/", "information-og-drøftelse/"}, None),
    ("naestformand", {"roller/", "ordliste/"}, "roller/#hvem-kan-være-formand-og-næstformand"),
    ("retningslinje stress", {"retningslinjer/"}, None),
    # The one answer to "who can be næstformand?" is the section on /roller/, not a role card.
    ("næstformand", {"roller/"}, "roller/#hvem-kan-være-formand-og-næstformand"),
    ("HMU", {"udvalg/"}, "udvalg/#hovedudvalg"),
    ("MED-håndbogen", {"om-med/"}, None),
    ("tommelfingerreglen", {"sager/", "svar/skal-sagen-i-med/"}, "sager/"),
    ("informationspligt", {"information-og-drøftelse/"}, "information-og-drøftelse/#den-gensidige-informationspligt"),
    ("lukning af en institution", {"rette-niveau/"}, "rette-niveau/#eksempel-lukning-af-en-institution"),
    ("arbejdsmiljødrøftelse", {"arbejdsmiljø-i-med/"}, "arbejdsmiljø-i-med/#den-årlige-arbejdsmiljødrøftelse"),
    ("bagland", {"hvem-sidder-i-med/"}, "hvem-sidder-i-med/#hvem-er-baglandet"),
    ("hovedorganisationsområder", {"hvem-sidder-i-med/"}, "hvem-sidder-i-med/#hovedorganisationsområderne"),
    ("fælles partsrådgivning", {"hovedudvalget/"}, "hovedudvalget/#fælles-partsrådgivning"),
    ("ad hoc-udvalg", {"udvalg/"}, "udvalg/#ad-hoc-udvalg"),
    ("forventningsafstemning", {"leder-tr/", "det-gode-samarbejde/"}, None),
    ("tjekliste", {"kend-din-med-aftale/"}, None),
    ("ændre MED-aftalen", {"ændre-med-aftalen/"}, None),
    ("fælles værdier", {"det-gode-samarbejde/"}, None),
    ("plakat", {"plakat-om-med/", "plakater/"}, None),
    ("høring", {"svar/er-en-høring-nok/", "information-og-drøftelse/"}, None),
    ("personalesager", {"sager/", "information-og-drøftelse/"}, "sager/#personalesager"),
    ("kilder", {"om-siden/"}, None),
    ("beslutningstræ", {"svar/skal-sagen-i-med/", "svar/"}, None),
    ("QR-kode", {"plakater/", "kursus/"}, None),
    ("præsentation", {"kursus/"}, None),
    ("grundkursus", {"kursus/kernen-i-med-kommunerne/", "kalender/", "kursus/"}, None),
]


def first_results(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url, wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(query)
    page.wait_for_selector(".md-search-result__item")
    # Results for the first letters typed may show before those for the whole query: wait
    # until the list has stayed the same for a whole second (a loaded machine answers late).
    read = ".md-search-result__item > .md-search-result__link"
    links = page.eval_on_selector_all(read, "els => els.map(e => e.href)")
    unchanged = 0
    for _ in range(60):
        page.wait_for_timeout(250)
        again = page.eval_on_selector_all(read, "els => els.map(e => e.href)")
        unchanged = unchanged + 1 if again == links else 0
        links = again
        if unchanged == 4:
            break
    # Drop the origin, the sub-path and the highlight parameter: 'roller/#næstformand'.
    results = []
    for link in links:
        path = unquote(link.split(site_url, 1)[1])
        page_part, _, anchor = path.partition("#")
        results.append(page_part.split("?")[0] + (f"#{anchor}" if anchor else ""))
    return results


@pytest.mark.parametrize("query, best, section", EXPECTED, ids=[q for q, _, _ in EXPECTED])
def test_search_puts_the_right_page_first(page, site_url, query, best, section):
    results = first_results(page, site_url, query)
    assert results[0].split("#")[0] in best, results[:6]
    if section:
        assert section in results[:4], results[:6]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_query_put_in_without_typing_runs_before_and_after_the_index_has_loaded(browser, site_url, width):
    """Pasted from a menu or dictated, no key is pressed: the query still runs, also when it was
    put in while the index was on its way."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    held = []
    context.route("**/search/search_index.json", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    if width < 960:  # on a phone the box opens from the header's search button
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    box = page.locator(".md-search__input")
    box.fill("tavshedspligt")
    for _ in range(40):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the search index was never asked for"
    assert page.locator(".md-search-result__item").count() == 0
    for route in held:
        route.continue_()
    page.wait_for_selector(".md-search-result__item")
    assert "tavshedspligt" in unquote(page.locator(".md-search-result__link").first.get_attribute("href"))
    box.fill("bagland")
    page.wait_for_function(
        "document.querySelector('.md-search-result__link').href.includes('hvem-sidder-i-med')", timeout=10000
    )
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_search_index_comes_when_the_reader_turns_to_search(browser, site_url, width):
    """A page that is only read never downloads the search index; the keyboard's search key (a
    wide screen) or the search button (a phone) fetches it, and the query then finds its page."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    asked = []
    context.on("request", lambda request: asked.append(request.url) if "search_index" in request.url else None)
    page = context.new_page()
    page.goto(site_url + "roller/", wait_until="networkidle")
    page.wait_for_timeout(1500)
    page.mouse.wheel(0, 1500)  # reading: scrolling, and following a link within the guide
    page.locator(".md-footer__link--next").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert asked == [], asked
    if width < 960:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type("bagland")
    page.wait_for_function(
        "document.querySelector('.md-search-result__link') && "
        "document.querySelector('.md-search-result__link').href.includes('hvem-sidder-i-med')", timeout=15000
    )
    assert len(asked) == 1 and asked[0].endswith("search/search_index.json"), asked
    context.close()


def test_a_link_with_a_query_fetches_the_index_at_once(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    with page.expect_request("**/search/search_index.json", timeout=15000):
        page.goto(site_url + "?q=bagland", wait_until="load")
    context.close()
