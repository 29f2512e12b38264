"""The trainer kit's arithmetic: a course's agenda from its modules' minutes and its breaks.

Pure functions over the model, so the times can be tested without a build.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from .model.training import Course, Module
from .yamlsource import YamlDocument


class AgendaError(ValueError):
    """A course whose agenda cannot be laid out; the message says why."""


@dataclass(frozen=True)
class AgendaItem:
    """One line of a course's day: a module or a break, with its times."""

    start: time
    end: time
    minutes: int
    module: Module | None = None
    pause: str | None = None


def agenda(course: Course, modules: dict[str, Any]) -> list[AgendaItem]:
    """Each item of the course with its start and end, one after the other from the course's start."""
    day = datetime(2000, 1, 1)
    clock = datetime.combine(day.date(), course.start)
    items = []
    for item in course.items:
        module = modules[item.module] if item.module else None
        minutes = module.minutes if module else item.minutes
        end = clock + timedelta(minutes=minutes)
        if end.date() != day.date() and end.time() != time(0, 0):
            raise AgendaError(
                f"the day runs past midnight at item {len(items) + 1} "
                f"({module.title if module else item.pause}); start earlier or shorten it"
            )
        items.append(AgendaItem(clock.time(), end.time(), minutes, module, item.pause))
        clock = end
    return items


def course_minutes(items: list[AgendaItem]) -> tuple[int, int]:
    """(teaching minutes, break minutes) of an agenda."""
    teaching = sum(item.minutes for item in items if item.module)
    return teaching, sum(item.minutes for item in items if not item.module)


def check_course(course: Course, doc: YamlDocument, index: dict[str, dict[str, Any]]) -> None:
    """A course has at least one module and its day fits between its start and midnight."""
    if not any(item.module for item in course.items):
        raise doc.error(("items",), "a course needs at least one module")
    try:
        agenda(course, index["module"])
    except AgendaError as error:
        raise doc.error(("items",), str(error)) from None
