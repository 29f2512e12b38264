"""The course calendar in chromium: filters with their state in the URL, sharing, reset,
accessibility with filters applied, the full list without JavaScript, calendar files."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import icalendar

from axe import axe_violations


def visible_events(page) -> list[str]:
    return page.eval_on_selector_all(
        ".med-cal [data-sectors][id]", "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.id)"
    )


def test_filters_narrow_the_list_and_go_into_the_url(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    everything = visible_events(page)
    assert len(everything) == 14
    page.select_option("#med-cal-sector", "regioner")
    page.select_option("#med-cal-kind", "grundkursus")
    assert visible_events(page) == ["2024-kernen-i-med-regionerne"]
    assert parse_qs(urlparse(page.url).query) == {"målgruppe": ["regioner"], "type": ["grundkursus"]}
    assert page.locator(".med-cal__count").inner_text() == "Viser 1 af 14 arrangementer."


def test_a_filtered_view_can_be_shared_and_survives_a_reload(page, site_url):
    page.goto(site_url + "kalender/?sted=webinar", wait_until="networkidle")
    shown = visible_events(page)
    assert set(shown) == {"2024-budgetwebinarer", "2024-høring-webinar", "2024-tilpasning-af-med-aftalen"}
    assert page.locator("#med-cal-place").input_value() == "webinar"
    page.reload(wait_until="networkidle")
    assert visible_events(page) == shown


def test_months_left_empty_are_hidden(page, site_url):
    page.goto(site_url + "kalender/?sted=brabrand", wait_until="networkidle")
    assert page.locator("#måned-2024-05").is_visible()
    assert page.locator("#måned-2024-06").is_hidden()


def test_past_events_are_marked_and_archived(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    row = page.locator("#arkiv-2024 + .med-table-wrap [id='2024-klar-til-budget']")
    assert row.is_visible() and "med-event--past" in row.get_attribute("class")
    assert page.locator("#arkiv-2024 + .med-table-wrap caption").inner_text() == "Afholdte arrangementer 2024"
    assert page.locator("#måned-2024-04").is_visible()


def test_reset_shows_everything_again(page, site_url):
    page.goto(site_url + "kalender/?type=webinar&målgruppe=kommuner", wait_until="networkidle")
    page.get_by_role("button", name="Nulstil filtre").click()
    assert len(visible_events(page)) == 14
    assert urlparse(page.url).query == ""


def test_an_unknown_filter_value_in_the_url_is_ignored(page, site_url):
    page.goto(site_url + "kalender/?type=cirkus", wait_until="networkidle")
    assert page.locator("#med-cal-kind").input_value() == ""
    assert len(visible_events(page)) == 14


def test_no_wcag_21_aa_violations_with_filters_applied(page, site_url):
    page.goto(site_url + "kalender/?målgruppe=kommuner&type=temadag", wait_until="networkidle")
    assert axe_violations(page) == []


def test_without_javascript_every_event_is_listed(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "kalender/?type=webinar")
    assert page.locator(".med-cal__filters").is_hidden()
    assert page.locator(".med-cal [data-sectors][id]").count() == 14
    context.close()


def test_add_to_calendar_gives_a_calendar_file(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    # A series of webinars is added as a whole; an event in several places, place by place
    # (test_browser_front.py).
    link = page.locator("[id='2024-budgetwebinarer'] .med-event__ics")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert len(events) == 4


def test_json_ld_is_on_the_page(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    items = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    # Only what is ahead as of 2024-04-10: every dated session but the five before that day.
    assert len(items) == 14 and items[0]["@type"] == "Event"


def test_print_leaves_out_the_controls(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator(".med-cal__filters").is_hidden()
    assert page.locator(".med-event__ics").first.is_hidden()
    assert page.locator("[id='2024-kernen-i-med-kommunerne']").is_visible()
