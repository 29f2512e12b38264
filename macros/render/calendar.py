"""The course calendar page: upcoming events month by month, an overview, an archive per year.

Without JavaScript the page lists everything; calendar.js adds filters by audience, kind and
place whose state is kept in the URL. Every event and session has a stable anchor,
`<year>-<event id>` and `<year>-<event id>-<session id>`.
"""

from __future__ import annotations

import json
from datetime import date

from ..calendar import CalendarEvent, by_month, by_year, calendar_events, past, upcoming
from ..links import Links
from ..loader import Dataset
from .component import component
from .dates import danish_date

KIND_LABELS = {
    "temadag": "Temadag",
    "grundkursus": "Grundkursus",
    "næstformandsmøde": "Næstformandsmøde",
    "webinar": "Webinar",
    "workshop": "Workshop",
    "konference": "Konference",
    "budgetkonsultation": "Budgetkonsultation",
    "temamøde": "Temamøde",
}
SECTOR_LABELS = {"kommuner": "Kommuner", "regioner": "Regioner"}


def feed_paths(data: Dataset) -> dict[str, str]:
    """Site path → what the feed holds, for every calendar feed the build writes."""
    feeds = {"kalender.ics": "Alle kommende arrangementer"}
    for sector, label in SECTOR_LABELS.items():
        feeds[f"kalender/{sector}.ics"] = f"Arrangementer for {label.lower()}"
    for year in sorted(data.programmes, reverse=True):
        feeds[f"kalender/{year}.ics"] = f"Programmet for {year}"
    return feeds


def event_feed_path(event: CalendarEvent) -> str:
    return f"kalender/{event.anchor}.ics"


def session_feed_path(event: CalendarEvent, session) -> str:
    """One session of an event whose sessions are alternatives, to add on its own."""
    return f"kalender/{event.session_anchor(session)}.ics"


def calendar_page(data: Dataset, links: Links, today: date, site_url: str | None) -> str:
    """The whole calendar as of `today`: filters, upcoming, overview, archive, practical info."""
    events = calendar_events(data.programmes)
    coming = upcoming(events, today)
    archive = past(events, today)
    latest = data.programmes[max(data.programmes)] if data.programmes else None
    return component(
        "calendar.html",
        data,
        links,
        today=today,
        coming_by_month=by_month(coming, today),
        coming_undated=[e for e in coming if not e.dated],
        coming=coming,
        archive_by_year=by_year(archive),
        latest=latest,
        latest_is_old=latest is not None and int(latest.id) < today.year,
        feeds=feed_paths(data),
        webcal=_webcal_base(site_url),
        kinds=[(kind, label) for kind, label in KIND_LABELS.items() if any(e.event.kind == kind for e in events)],
        sectors=list(SECTOR_LABELS.items()),
        places=_places(events),
        kind_labels=KIND_LABELS,
        sector_labels=SECTOR_LABELS,
        feed_of=event_feed_path,
        session_feed_of=session_feed_path,
        place_keys={e.anchor: " ".join(place_key(name) for name in e.places) for e in events},
        structured_data=structured_data(coming, site_url, today),
        courses=data.courses,
    )


def calendar_teaser(data: Dataset, today: date) -> str:
    """What the calendar holds as of `today`, in a line for the front page: never a promise of
    this year's courses when no programme has any left."""
    coming = [e for e in upcoming(calendar_events(data.programmes), today) if e.dated]
    if coming:
        return f"Næste arrangement er {danish_date(min(e.next_day(today) for e in coming))}"
    if data.programmes:
        return f"Intet nyt program endnu; programmet for {max(data.programmes)} ligger i arkivet"
    return "Intet program endnu"


def place_key(name: str) -> str:
    """The value a place has in the filter and in the URL: 'odense', 'webinar'."""
    return name.lower().replace(" ", "-")


def _places(events: list[CalendarEvent]) -> list[tuple[str, str]]:
    names = sorted({name for e in events for name in e.places if name != "Webinar"})
    if any("Webinar" in e.places for e in events):
        names.append("Webinar")
    return [(place_key(name), name) for name in names]


def _webcal_base(site_url: str | None) -> str | None:
    if not site_url:
        return None
    return "webcal://" + site_url.split("://", 1)[-1].rstrip("/") + "/"


def structured_data(events: list[CalendarEvent], site_url: str | None, today: date | None = None) -> str:
    """schema.org Event JSON-LD, one object per dated session, as a JSON array.

    The page passes only the events not yet over, and `today` leaves out the sessions that
    are: what is ahead is what search engines show.

    An array, because Material's instant navigation re-runs inline scripts as JavaScript: an
    array literal is harmless there, an object literal is a syntax error.
    """
    base = (site_url or "").rstrip("/") + "/kalender/"
    items = []
    for event in events:
        for session in event.event.sessions:
            if today is not None and (session.end_date or session.date) < today:
                continue
            name = event.event.title + (f": {session.title}" if session.title else "")
            item = {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": name,
                "description": " ".join(event.event.description.split()),
                "startDate": session.date.isoformat(),
                "endDate": (session.end_date or session.date).isoformat(),
                "url": f"{base}#{event.session_anchor(session)}",
            }
            if session.start is not None:
                item["startDate"] = f"{session.date.isoformat()}T{session.start.strftime('%H:%M')}"
            if session.webinar:
                item["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                item["location"] = {"@type": "VirtualLocation", "url": base}
            else:
                item["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
                item["location"] = {"@type": "Place", "name": session.place, "address": session.place}
            items.append(item)
    # No '<', '>' or '&' as such: the text cannot end the script element or open a comment in it.
    text = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
