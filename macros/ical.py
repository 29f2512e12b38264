"""iCalendar feeds of the course programmes, built with the icalendar library.

One VEVENT per dated session. UIDs come from the ids in the data, so a calendar app
recognises the same session in every build; DTSTAMP is the programme's `updated` date, so an
unchanged programme gives byte-identical files. Sessions without a start time are all-day
(DATE values, the end exclusive); timed sessions are in Europe/Copenhagen, with the
VTIMEZONE the library adds. Events without a fixed date are left out.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Iterable
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event as VEvent

from .calendar import CalendarEvent, calendar_events, upcoming
from .loader import Dataset
from .model.programme import Session
from .render.calendar import event_feed_path, feed_paths, session_feed_path
from .render.core import plain_text
from .site import write_files

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
UID_DOMAIN = "med-guiden"
PRODID = "-//MED-guiden//Kursuskalender//DA"


def session_uid(event: CalendarEvent, session: Session) -> str:
    return f"{event.session_anchor(session)}@{UID_DOMAIN}"


def vevent(event: CalendarEvent, session: Session, page_url: str | None) -> VEvent:
    """The VEVENT of one session."""
    item = VEvent()
    item.add("uid", session_uid(event, session))
    item.add("dtstamp", datetime.combine(event.updated, time(0, 0), tzinfo=timezone.utc))
    summary = event.event.title + (f": {session.title}" if session.title else "")
    item.add("summary", summary)
    if session.start is not None:
        start = datetime.combine(session.date, session.start, tzinfo=COPENHAGEN)
        item.add("dtstart", start)
        if session.duration_minutes:
            item.add("dtend", start + timedelta(minutes=session.duration_minutes))
    else:
        item.add("dtstart", session.date)
        item.add("dtend", (session.end_date or session.date) + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    item.add("location", "Webinar" if session.webinar else session.place)
    details = [" ".join(plain_text(event.event.description).split()), f"For: {event.event.audience.participants}."]
    if session.duration_minutes and session.start is None:
        details.append(f"Varighed: {session.duration_minutes} minutter; tidspunktet står i invitationen.")
    item.add("description", "\n\n".join(details))
    item.add("categories", [event.event.kind])
    item.add("status", "CONFIRMED")
    if page_url:
        item.add("url", f"{page_url}#{event.session_anchor(session)}")
    return item


def calendar(name: str, events: Iterable[CalendarEvent], page_url: str | None, today=None) -> Calendar:
    """A VCALENDAR of every dated session of `events` (only those not over, with `today`)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    for event in events:
        for session in event.event.sessions:
            if today is not None and (session.end_date or session.date) < today:
                continue
            cal.add_component(vevent(event, session, page_url))
    cal.add_missing_timezones()
    return cal


def feeds(data: Dataset, site_url: str | None, today) -> dict[str, bytes]:
    """Site path → iCalendar file, for every feed the calendar page offers and every event."""
    page_url = (site_url.rstrip("/") + "/kalender/") if site_url else None
    events = calendar_events(data.programmes)
    names = feed_paths(data)
    out: dict[str, bytes] = {}
    for path, label in names.items():
        if path == "kalender.ics":
            chosen, since = upcoming(events, today), today
        elif path.removeprefix("kalender/").removesuffix(".ics") in ("kommuner", "regioner"):
            sector = path.removeprefix("kalender/").removesuffix(".ics")
            chosen, since = [e for e in events if sector in e.event.audience.sectors], None
        else:
            year = int(path.removeprefix("kalender/").removesuffix(".ics"))
            chosen, since = [e for e in events if e.year == year], None
        out[path] = calendar(f"{label} – MED-guiden", chosen, page_url, since).to_ical()
    for event in events:
        if event.dated:
            out[event_feed_path(event)] = calendar(f"{event.event.title} – MED-guiden", [event], page_url).to_ical()
        if event.alternatives:  # the same course in several places: each to add on its own
            for session in event.event.sessions:
                one = dataclasses.replace(event, event=event.event.model_copy(update={"sessions": [session]}))
                out[session_feed_path(event, session)] = calendar(
                    f"{event.event.title}, {session.place or 'webinar'} – MED-guiden", [one], page_url
                ).to_ical()
    return out


def write_feeds(data: Dataset, site_dir: Path, site_url: str | None, today) -> list[Path]:
    return write_files(site_dir, feeds(data, site_url, today))
