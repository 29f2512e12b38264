"""iCalendar feeds of the course programmes, built with the icalendar library.

One VEVENT per dated session. UIDs come from the ids in the data, so a calendar app
recognises the same session in every build; DTSTAMP is the programme's `updated` date, so an
unchanged programme gives byte-identical files. Sessions without a start time are all-day
(DATE values, the end exclusive); timed sessions are in Europe/Copenhagen and last their
`duration_minutes`, or an hour where the programme gives no length (the description says so).
Events without a fixed date are left out.

Every feed carries the VTIMEZONE of Europe/Copenhagen, written with the EU's rules for summer
time (from the last Sunday of March to the last Sunday of October) as yearly recurrences, so it
holds for every year from 1996 on, not only up to 2038 like a list of the changes would. It also
makes a feed with no event – `kalender.ics` when nothing is coming up – a valid calendar: RFC
5545 asks for at least one component, and the calendar page says the feed is empty until new
events are added. The feeds have no METHOD: they are published for subscription, not sent as
invitations (METHOD:PUBLISH would ask for an ORGANIZER, RFC 5546).
"""

from __future__ import annotations

import dataclasses

from collections.abc import Iterable
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event as VEvent, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from .calendar import CalendarEvent, calendar_events, upcoming
from .loader import Dataset
from .model.programme import Session
from .render.calendar import event_feed_path, feed_paths, session_feed_path
from .render.core import plain_text

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
TZID = "Europe/Copenhagen"
UID_DOMAIN = "med-guiden"
PRODID = "-//MED-guiden//Kursuskalender//DA"
# A timed session whose programme gives no length.
DEFAULT_DURATION = timedelta(hours=1)


def copenhagen_timezone() -> Timezone:
    """Europe/Copenhagen as a VTIMEZONE with yearly rules: CET, and CEST from 02:00 on the last
    Sunday of March to 03:00 on the last Sunday of October (the EU's rule since 1996)."""
    zone = Timezone()
    zone.add("tzid", TZID)
    for part, start, month, offset_from, offset_to, name in (
        (TimezoneDaylight(), datetime(1996, 3, 31, 2, 0), 3, timedelta(hours=1), timedelta(hours=2), "CEST"),
        (TimezoneStandard(), datetime(1996, 10, 27, 3, 0), 10, timedelta(hours=2), timedelta(hours=1), "CET"),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("dtstart", start)
        part.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="-1SU"))
        zone.add_component(part)
    return zone


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
        length = timedelta(minutes=session.duration_minutes) if session.duration_minutes else DEFAULT_DURATION
        item.add("dtend", start + length)
    else:
        item.add("dtstart", session.date)
        item.add("dtend", (session.end_date or session.date) + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    item.add("location", "Webinar" if session.webinar else session.place)
    details = [" ".join(plain_text(event.event.description).split()), f"For: {event.event.audience.participants}."]
    if session.duration_minutes and session.start is None:
        details.append(f"Varighed: {session.duration_minutes} minutter; tidspunktet står i invitationen.")
    if session.start is not None and not session.duration_minutes:
        details.append("Programmet nævner ikke, hvor længe det varer; kalenderen viser en time.")
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
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(copenhagen_timezone())
    for event in events:
        for session in event.event.sessions:
            if today is not None and (session.end_date or session.date) < today:
                continue
            cal.add_component(vevent(event, session, page_url))
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

