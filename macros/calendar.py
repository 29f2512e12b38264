"""The course calendar's logic: which events are upcoming on a given day, in which order.

Pure functions over the programmes, with "today" passed in, so the ordering can be tested for
any day and previewed as of any day (MED_TODAY=2024-04-10 make serve).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model.programme import Event, Programme, Session


@dataclass(frozen=True)
class CalendarEvent:
    """An event of a given year, with what the calendar derives from it."""

    year: int
    event: Event
    updated: date

    @property
    def anchor(self) -> str:
        return f"{self.year}-{self.event.id}"

    def session_anchor(self, session: Session) -> str:
        return f"{self.anchor}-{session.id}"

    @property
    def dated(self) -> bool:
        return bool(self.event.sessions)

    @property
    def first_day(self) -> date | None:
        return min((s.date for s in self.event.sessions), default=None)

    @property
    def last_day(self) -> date | None:
        return max((s.end_date or s.date for s in self.event.sessions), default=None)

    def next_day(self, today: date) -> date | None:
        """The first day of the first session that has not ended by `today`."""
        coming = [s.date for s in self.event.sessions if (s.end_date or s.date) >= today]
        return min(coming, default=self.first_day)

    def is_past(self, today: date) -> bool:
        """Over when its last session has been; an undated event is over when its year is."""
        if self.dated:
            return self.last_day < today
        return self.year < today.year

    @property
    def alternatives(self) -> bool:
        """Its sessions are the same day offered in several places, to choose one of: more than
        one session and none with a title of its own (titled sessions are a series)."""
        sessions = self.event.sessions
        return len(sessions) > 1 and all(session.title is None for session in sessions)

    @property
    def places(self) -> list[str]:
        """The places of its sessions, in order, 'Webinar' for online ones, each once."""
        names: list[str] = []
        for session in self.event.sessions:
            name = "Webinar" if session.webinar else session.place
            if name not in names:
                names.append(name)
        return names


def calendar_events(programmes: dict[str, Programme]) -> list[CalendarEvent]:
    """Every event of every year, dated ones by first day, then the undated ones of each year."""
    events = [
        CalendarEvent(int(programme.id), event, programme.updated)
        for programme in programmes.values()
        for event in programme.events
    ]
    return sorted(events, key=lambda e: (e.year, e.first_day or date(e.year, 12, 31), not e.dated, e.event.id))


def upcoming(events: list[CalendarEvent], today: date) -> list[CalendarEvent]:
    return [e for e in events if not e.is_past(today)]


def past(events: list[CalendarEvent], today: date) -> list[CalendarEvent]:
    return [e for e in events if e.is_past(today)]


def by_month(events: list[CalendarEvent], today: date) -> list[tuple[tuple[int, int], list[CalendarEvent]]]:
    """Dated events grouped by the month of their next session as of `today`, in date order.

    A series that has begun (four webinars over the year) is listed where its next session is.
    """
    groups: dict[tuple[int, int], list[CalendarEvent]] = {}
    for event in sorted((e for e in events if e.dated), key=lambda e: e.next_day(today)):
        day = event.next_day(today)
        groups.setdefault((day.year, day.month), []).append(event)
    return sorted(groups.items())


def by_year(events: list[CalendarEvent]) -> list[tuple[int, list[CalendarEvent]]]:
    """Events grouped by programme year, newest year first."""
    groups: dict[int, list[CalendarEvent]] = {}
    for event in events:
        groups.setdefault(event.year, []).append(event)
    return sorted(groups.items(), reverse=True)
