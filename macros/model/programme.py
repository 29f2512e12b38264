"""Course programmes: one year's courses, theme days, meetings, webinars and conferences.

Each year lives in `data/programmes/<year>.yml`; adding a file adds the year to the
calendar and its feeds. An event has dated sessions (a day in a place, or a webinar) or, while
its date is not fixed, only a text saying when ("medio juni") – it is never given a date the
programme does not give.
"""

from __future__ import annotations

from typing import Literal

from datetime import date

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .guide import Sources
from .types import ClockTime, Id, IsoDate, Markdown, Model, Line, Text, ref

CourseRef = ref("course", "courses/")

Sector = Literal["kommuner", "regioner"]
EventKind = Literal[
    "temadag", "grundkursus", "næstformandsmøde", "webinar", "workshop", "konference",
    "budgetkonsultation", "temamøde",
]


class Session(Model):
    """One occasion of an event: a day in a place, or a webinar."""

    id: Id = Field(description="Stable within the event; part of the session's anchor and calendar id")
    title: Line | None = Field(default=None, description="Only when the sessions differ in content, as in a webinar series")
    date: IsoDate
    end_date: IsoDate | None = Field(default=None, description="Last day, for a session over several days")
    place: Line | None = Field(default=None, description="The town or venue; leave out for a webinar")
    webinar: bool = Field(default=False, description="true for an online session")
    start: ClockTime | None = Field(default=None, description="Start time, only where the programme gives it")
    duration_minutes: int | None = Field(
        default=None, ge=1, le=24 * 60, description="Length in minutes, where the programme gives it; at most a day (use end_date for more)"
    )

    @field_validator("end_date")
    @classmethod
    def _ends_after_start(cls, end_date: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("date")
        if end_date is not None and start is not None and end_date < start:
            raise PydanticCustomError(
                "end_before_start", "{end} is before the session's date {start}; the end must not come before the start",
                {"end": end_date.isoformat(), "start": start.isoformat()},
            )
        return end_date

    @model_validator(mode="after")
    def _consistent(self) -> "Session":
        if self.webinar == (self.place is not None):
            raise PydanticCustomError(
                "place_or_webinar", "give either a place or webinar: true (one of them, not both)"
            )
        return self


class Capacity(Model):
    """How many can take part."""

    minimum: int | None = Field(default=None, ge=1)
    maximum: int | None = Field(default=None, ge=1)
    unlimited: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> "Capacity":
        if self.unlimited == (self.maximum is not None):
            raise PydanticCustomError("capacity", "give either a maximum or unlimited: true")
        if self.minimum and self.maximum and self.minimum > self.maximum:
            raise PydanticCustomError("capacity_order", "minimum is larger than maximum")
        return self


class Audience(Model):
    sectors: list[Sector] = Field(min_length=1, description="kommuner, regioner or both")
    participants: Line = Field(description="Who may take part")
    per_organisation: int | None = Field(
        default=None, ge=1, description="How many from each municipality or region may take part, if limited"
    )


class Event(Model):
    id: Id = Field(description="Unique within the year; part of the event's anchor and its calendar ids")
    title: Line
    kind: EventKind
    audience: Audience
    description: Markdown = Field(description="What the event is about, in our own words")
    sessions: list[Session] = Field(default_factory=list)
    undated: Line | None = Field(
        default=None, description="When the date is not fixed yet: the programme's own words, e.g. 'medio juni'"
    )
    capacity: Capacity | None = None
    price: Line | None = Field(default=None, description="Only where the programme names a price")
    course: CourseRef | None = Field(default=None, description="The course plan in courses/ that the event follows")
    sources: Sources = Field(min_length=1)

    @model_validator(mode="after")
    def _dated_or_not(self) -> "Event":
        if bool(self.sessions) == (self.undated is not None):
            raise PydanticCustomError(
                "dated_or_undated", "give either sessions (with dates) or undated (when the date is not fixed yet)"
            )
        return self


class Programme(Model):
    """One year's programme; the file name is the year."""

    id: Id
    title: Line
    organiser: Line
    updated: IsoDate = Field(description="When the programme was last changed; the calendar feeds are stamped with it")
    practical: Markdown = Field(description="Who is invited and how, registration, costs, leave, capacity")
    events: list[Event] = Field(min_length=1)
    sources: Sources = Field(min_length=1)
