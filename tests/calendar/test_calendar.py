"""The course calendar: the 2024 data against the programme, ordering as of a given day, the
page, the iCalendar feeds (read back by two independent parsers) and the JSON-LD."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, time

import icalendar
import pytest
import vobject

from macros import ical
from macros.calendar import by_month, by_year, calendar_events, past, upcoming
from macros.links import FixedLinks
from macros.loader import load_dataset
from macros.render.calendar import calendar_page, calendar_teaser, structured_data
from macros.render.posters import programme_poster
from support import DATA, DOCS, copy_project, mkdocs_build

# Every dated session in "MEDsamarbejdets program 2024": (event id, date, place or None for a webinar).
PROGRAMME_2024 = [
    ("budgetwebinarer", "2024-01-05", None),
    ("budgetwebinarer", "2024-04-12", None),
    ("budgetwebinarer", "2024-08-30", None),
    ("budgetwebinarer", "2024-11-01", None),
    ("strategisk-arbejdsmiljøarbejde", "2024-02-01", "Odense"),
    ("klar-til-budget", "2024-02-07", "Odense"),
    ("næstformandsmøder-forår", "2024-04-03", "København"),
    ("næstformandsmøder-forår", "2024-04-04", "Fredericia"),
    ("kernen-i-med-kommunerne", "2024-04-22", "Ballerup"),
    ("kernen-i-med-kommunerne", "2024-04-23", "Silkeborg"),
    ("høring-webinar", "2024-05-24", None),
    ("forhandling-af-med-aftalen", "2024-05-28", "København"),
    ("forhandling-af-med-aftalen", "2024-05-29", "Brabrand"),
    ("workshop-med-aftalen", "2024-06-11", "Odense"),
    ("kernen-i-med-regionerne", "2024-08-27", "Ballerup"),
    ("kernen-i-med-regionerne", "2024-08-28", "Brabrand"),
    ("tilpasning-af-med-aftalen", "2024-09-13", None),
    ("næstformandsmøder-efterår", "2024-10-01", "Ballerup"),
    ("næstformandsmøder-efterår", "2024-10-02", "Brabrand"),
]
UNDATED_2024 = {"budgetkonsultationer": "marts/september", "økonomiaftalerne": "medio juni", "med-konferencer": "november"}


@pytest.fixture(scope="module")
def programme(dataset):
    return dataset.programmes["2024"]


def test_every_dated_session_of_the_2024_programme(programme):
    sessions = [
        (event.id, session.date.isoformat(), None if session.webinar else session.place)
        for event in programme.events
        for session in event.sessions
    ]
    assert sorted(sessions) == sorted(PROGRAMME_2024)


def test_undated_events_keep_the_programmes_words(programme):
    undated = {event.id: event.undated for event in programme.events if not event.sessions}
    assert undated == UNDATED_2024


def test_the_programmes_facts(programme):
    events = {event.id: event for event in programme.events}
    for event in programme.events:
        if event.kind == "temadag":
            assert (event.capacity.minimum, event.capacity.maximum) == (35, 45)
        if event.kind == "webinar":
            assert event.capacity.unlimited
    assert all(s.duration_minutes == 90 for s in events["budgetwebinarer"].sessions)
    assert events["næstformandsmøder-forår"].audience.per_organisation == 3
    assert events["med-konferencer"].price
    assert events["kernen-i-med-regionerne"].audience.sectors == ["regioner"]
    assert events["klar-til-budget"].audience.sectors == ["kommuner"]


def test_upcoming_and_past_as_of_a_day(dataset):
    events = calendar_events(dataset.programmes)
    today = date(2024, 4, 10)
    coming = {e.event.id for e in upcoming(events, today)}
    gone = {e.event.id for e in past(events, today)}
    assert "budgetwebinarer" in coming  # the series continues after its first session
    assert {"strategisk-arbejdsmiljøarbejde", "klar-til-budget", "næstformandsmøder-forår"} == gone
    assert set(UNDATED_2024) <= coming
    months = [month for month, _ in by_month(upcoming(events, today), today)]
    assert months == sorted(months) and months[0] == (2024, 4)
    first_april = [e.event.id for e in dict(by_month(upcoming(events, today), today))[(2024, 4)]]
    assert first_april == ["budgetwebinarer", "kernen-i-med-kommunerne"]  # 12 April before 22 April


def test_a_year_later_everything_of_2024_is_archived(dataset):
    events = calendar_events(dataset.programmes)
    assert upcoming(events, date(2025, 1, 1)) == []
    assert [year for year, _ in by_year(past(events, date(2025, 1, 1)))] == [2024]


def test_an_undated_event_stays_upcoming_until_its_year_is_over(dataset):
    events = calendar_events(dataset.programmes)
    konference = next(e for e in events if e.event.id == "med-konferencer")
    assert not konference.is_past(date(2024, 12, 31))
    assert konference.is_past(date(2025, 1, 1))


def test_calendar_page_as_of_a_day(dataset):
    html = calendar_page(dataset, FixedLinks(), date(2024, 4, 10), "https://example.org/med/")
    coming = html.split("## Arkiv", 1)[0]
    archive = html.split("## Arkiv", 1)[1]
    assert 'id="2024-kernen-i-med-kommunerne"' in coming
    assert 'id="2024-klar-til-budget"' in archive and "Afholdte arrangementer 2024" in archive
    assert 'id="2024-budgetwebinarer-budgetprocessen"' in coming  # a past session of a running series
    assert html.index("måned-2024-04") < html.index("måned-2024-05") < html.index("dato-følger")
    assert 'href="webcal://example.org/med/kalender.ics"' in html
    assert 'href="/kalender/2024-klar-til-budget.ics"' not in coming  # past events are in the archive table


def test_every_event_and_session_has_a_stable_anchor(dataset):
    html = calendar_page(dataset, FixedLinks(), date(2024, 4, 10), None)
    for event in dataset.programmes["2024"].events:
        assert f'id="2024-{event.id}"' in html
        for session in event.sessions:
            assert f'id="2024-{event.id}-{session.id}"' in html


def test_json_ld_has_one_event_per_dated_session(dataset):
    items = json.loads(structured_data(calendar_events(dataset.programmes), "https://example.org/"))
    assert isinstance(items, list) and len(items) == len(PROGRAMME_2024)
    kernen = [i for i in items if i["name"] == "Kernen i MED – for kommunerne"]
    assert {i["location"]["name"] for i in kernen} == {"Ballerup", "Silkeborg"}
    assert all(i["@type"] == "Event" and i["startDate"].startswith("2024-") for i in items)
    webinar = next(i for i in items if i["name"].startswith("Hvorfor giver høring"))
    assert webinar["location"]["@type"] == "VirtualLocation"


# --- iCalendar ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def feeds(dataset):
    return ical.feeds(dataset, "https://example.org/med/", date(2024, 4, 10))


def vevents(content: bytes) -> list:
    return [c for c in icalendar.Calendar.from_ical(content).walk("VEVENT")]


def test_year_feed_has_one_vevent_per_dated_session(feeds):
    events = vevents(feeds["kalender/2024.ics"])
    assert len(events) == len(PROGRAMME_2024)
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_upcoming_feed_leaves_out_what_is_over(feeds):
    starts = [e.decoded("dtstart") for e in vevents(feeds["kalender.ics"])]
    assert starts and min(starts) >= date(2024, 4, 10)


def test_audience_feeds_hold_only_their_audience(feeds):
    regioner = {str(e["summary"]) for e in vevents(feeds["kalender/regioner.ics"])}
    kommuner = {str(e["summary"]) for e in vevents(feeds["kalender/kommuner.ics"])}
    assert "Kernen i MED – for regionerne" in regioner and "Kernen i MED – for regionerne" not in kommuner
    assert "Klar til budget – for kommunerne" in kommuner and "Klar til budget – for kommunerne" not in regioner


def test_all_day_sessions_are_dates_with_an_exclusive_end(feeds):
    event = next(e for e in vevents(feeds["kalender/2024.ics"]) if str(e["uid"]) == "2024-klar-til-budget-odense@med-guiden")
    assert event.decoded("dtstart") == date(2024, 2, 7)
    assert event.decoded("dtend") == date(2024, 2, 8)
    assert "VALUE=DATE" in event.to_ical().decode()
    assert event.decoded("dtstamp").isoformat() == "2024-01-01T00:00:00+00:00"
    assert str(event["location"]) == "Odense"


def test_undated_events_are_left_out(feeds):
    summaries = " ".join(str(e["summary"]) for e in vevents(feeds["kalender/2024.ics"]))
    assert "Budgetkonsultationer" not in summaries and "MED-konferencer" not in summaries
    assert not any("budgetkonsultationer" in path or "med-konferencer" in path for path in feeds)


def test_an_independent_parser_reads_the_feeds(feeds):
    for path, content in feeds.items():
        parsed = vobject.readOne(content.decode("utf-8"))
        assert parsed.name == "VCALENDAR", path
    year = vobject.readOne(feeds["kalender/2024.ics"].decode("utf-8"))
    assert len(year.vevent_list) == len(PROGRAMME_2024)
    summaries = {v.summary.value for v in year.vevent_list}
    assert "Webinarer om MED og budget: Den politiske budgetbehandling" in summaries


def test_every_dated_event_has_its_own_file(dataset, feeds):
    for event in dataset.programmes["2024"].events:
        path = f"kalender/2024-{event.id}.ics"
        assert (path in feeds) == bool(event.sessions)


def test_timed_sessions_are_in_copenhagen_time_with_a_vtimezone(dataset, tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    text = (tmp_path / "data" / "programmes" / "2024.yml").read_text(encoding="utf-8")
    text = text.replace("        date: 2024-05-24\n        webinar: true\n", "        date: 2024-05-24\n        webinar: true\n        start: '14:00'\n        duration_minutes: 90\n")
    (tmp_path / "data" / "programmes" / "2024.yml").write_text(text, encoding="utf-8")
    data = load_dataset(tmp_path / "data", docs_dir=DOCS)
    assert data.programmes["2024"].events[6].sessions[0].start == time(14, 0)
    content = ical.feeds(data, None, date(2024, 1, 1))["kalender/2024.ics"]
    text = content.decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Copenhagen" in text
    event = next(e for e in vevents(content) if str(e["uid"]) == "2024-høring-webinar-webinar@med-guiden")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.isoformat() == "2024-05-24T14:00:00+02:00" and (end - start).seconds == 90 * 60
    parsed = vobject.readOne(text)
    timed = next(v for v in parsed.vevent_list if v.uid.value == "2024-høring-webinar-webinar@med-guiden")
    # vobject resolves the VTIMEZONE's RDATE list to the wrong offset, so compare what both
    # parsers agree the file says: 14:00 wall-clock time in Europe/Copenhagen.
    assert timed.dtstart.value.replace(tzinfo=None).isoformat() == "2024-05-24T14:00:00"
    assert timed.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Copenhagen"]


def test_builds_write_identical_feeds(tmp_path):
    """UIDs and DTSTAMPs come from the data, so two builds give the same files."""
    project = copy_project(tmp_path / "project")
    first, second = project / "one", project / "two"
    assert mkdocs_build(project, first).returncode == 0
    assert mkdocs_build(project, second).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*.ics"))
    assert len(files) > 5
    for path in files:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


def test_adding_a_year_needs_no_code_change(tmp_path):
    project = copy_project(tmp_path / "project")
    text = (project / "data" / "programmes" / "2024.yml").read_text(encoding="utf-8")
    text = text.replace("title: MEDsamarbejdets program 2024", "title: MEDsamarbejdets program 2025")
    text = re.sub(r"date: 2024-", "date: 2025-", text).replace("updated: 2024-01-01", "updated: 2025-01-01")
    (project / "data" / "programmes" / "2025.yml").write_text(text, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site" / "kalender" / "index.html").read_text(encoding="utf-8")
    assert 'id="2025-kernen-i-med-kommunerne"' in html and 'id="arkiv-2024"' in html
    assert (project / "site" / "kalender" / "2025.ics").is_file()


# --- Honest when nothing is ahead ----------------------------------------------------------

def test_with_events_ahead_the_calendar_and_front_page_say_when_the_next_is(dataset):
    html = calendar_page(dataset, FixedLinks(), date(2024, 4, 10), None)
    assert "med-cal__none" not in html
    assert calendar_teaser(dataset, date(2024, 4, 10)) == "Næste arrangement er 12. april 2024"
    poster = programme_poster(dataset, FixedLinks(), date(2024, 4, 10))
    assert "# Årsprogram 2024" in poster and "afsluttet program" not in poster


def test_with_nothing_ahead_they_say_so_and_point_to_the_newest_programme_and_the_feeds(dataset):
    today = date(2026, 11, 29)
    html = calendar_page(dataset, FixedLinks(), today, None)
    none = html[html.index('class="med-cal__none"'):html.index("## Abonnér")]
    assert "Der er ingen kommende arrangementer pr. 29. november 2026." in none
    assert 'href="#arkiv-2024"' in none and 'href="#abonnér"' in none
    assert "MEDsamarbejdets program 2024" in none
    assert "Fra programmet for 2024" in html  # its practical information is dated too
    assert calendar_teaser(dataset, today) == "Intet nyt program endnu; programmet for 2024 ligger i arkivet"
    poster = programme_poster(dataset, FixedLinks(), today)
    assert "afsluttet program" in poster and "ikke et program for 2026" in poster


def test_an_event_in_several_places_offers_each_place_on_its_own(dataset, feeds):
    events = {e.event.id: e for e in calendar_events(dataset.programmes)}
    assert events["kernen-i-med-kommunerne"].alternatives
    assert not events["budgetwebinarer"].alternatives  # a series of titled sessions
    html = calendar_page(dataset, FixedLinks(), date(2024, 4, 10), None)
    card = html[html.index('id="2024-kernen-i-med-kommunerne"'):]
    card = card[:card.index("</article>")]
    assert card.count("Tilføj til kalender") == 2
    for place in ("ballerup", "silkeborg"):
        assert f"/kalender/2024-kernen-i-med-kommunerne-{place}.ics" in card
        (only,) = vevents(feeds[f"kalender/2024-kernen-i-med-kommunerne-{place}.ics"])
        assert str(only["location"]).lower().startswith(place)
