"""Build-time checks of a year's programme that reach across its events."""

from __future__ import annotations

import re

from .errors import DataError
from .model.programme import Programme
from .yamlsource import YamlDocument

# The years a programme may be for: MED in its present form is from this century, and a year
# far ahead is a typing mistake.
FIRST_YEAR, LAST_YEAR = 2000, 2099


def check_programme(programme: Programme, doc: YamlDocument) -> None:
    """The file is named after its year, ids are unique, and every session lies in that year."""
    if not re.fullmatch(r"\d{4}", programme.id):
        raise DataError(doc.path, None, "", "a programme file is named after its year, such as 2024.yml")
    year = int(programme.id)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DataError(
            doc.path, None, "", f"a programme's year must lie between {FIRST_YEAR} and {LAST_YEAR}, got {year}",
        )
    first_event: dict[str, int] = {}
    for index, event in enumerate(programme.events):
        loc = ("events", index, "id")
        if event.id in first_event:
            raise _error(
                doc, loc,
                f"event id '{event.id}' is used twice (first on line {doc.line_of(('events', first_event[event.id]))}); "
                "event ids must be unique within the year",
            )
        first_event[event.id] = index
        seen_sessions: set[str] = set()
        for position, session in enumerate(event.sessions):
            session_loc = ("events", index, "sessions", position)
            if session.id in seen_sessions:
                raise _error(doc, session_loc + ("id",), f"session id '{session.id}' is used twice in event '{event.id}'")
            seen_sessions.add(session.id)
            for field in ("date", "end_date"):
                day = getattr(session, field)
                if day is not None and day.year != year:
                    raise _error(
                        doc, session_loc + (field,),
                        f"{day.isoformat()} lies outside the programme's year {year} (event '{event.id}')",
                    )


def _error(doc: YamlDocument, loc: tuple, message: str) -> DataError:
    return doc.error(loc, message)
