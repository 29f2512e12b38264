"""Field types shared by every data kind.

Each type says in one place what a field may hold, what an editor's JSON Schema shows
for it, and how it reaches HTML: `Text` is always escaped; only `Markdown` is passed to
Markdown, and it may not carry raw HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*$"
ID_RE = re.compile(ID_PATTERN)
_TEMPLATE_MARKERS = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")


class Model(BaseModel):
    """Base of every data model: no unknown keys, no silent coercion, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class MarkdownText(str):
    """A string whose schema declares it Markdown; renderers hand it to Markdown unescaped."""

    __slots__ = ()


@dataclass(frozen=True)
class RefTo:
    """Marks a field as the id of another data item of `kind` (checked after loading)."""

    kind: str


def _check_id(value: str) -> str:
    if not ID_RE.match(value):
        raise PydanticCustomError(
            "id_format",
            "expected an id of lowercase letters, digits and single hyphens (such as 'rette-niveau'), got {value}",
            {"value": repr(value)},
        )
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "expected text, got an empty string")
    if value != value.strip():
        value = value.strip()
    if _TEMPLATE_MARKERS.search(value):
        raise PydanticCustomError(
            "template_marker", "text may not contain template markers such as '{{' or '{%'"
        )
    return value


def _check_markdown(value: str) -> MarkdownText:
    value = _check_text(value)
    match = _HTML_TAG.search(value)
    if match:
        raise PydanticCustomError(
            "raw_html",
            "Markdown fields may not contain raw HTML ({tag}); use Markdown syntax instead",
            {"tag": repr(match.group(0))},
        )
    return MarkdownText(value)


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise PydanticCustomError(
                "date_format", "expected a date written YYYY-MM-DD, got {value}", {"value": repr(value)}
            )
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_impossible", "{value} is not a real date", {"value": repr(value)}
            ) from None
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    Field(json_schema_extra={"pattern": ID_PATTERN}),
]
Text = Annotated[str, AfterValidator(_check_text), Field(min_length=1)]
Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    Field(min_length=1, json_schema_extra={"contentMediaType": "text/markdown"}),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    Field(json_schema_extra={"type": "string", "format": "date"}),
]


def ref(kind: str, where: str) -> Any:
    """The type of a field holding the id of a `kind` item defined in `where`."""
    return Annotated[
        str,
        RefTo(kind),
        AfterValidator(_check_id),
        Field(json_schema_extra={"pattern": ID_PATTERN, "description": f"id of a {kind} in {where}"}),
    ]


PAGE_PATTERN = r"^/[^#?\s]+\.md(#[^\s?]+)?$"


def _check_page_path(value: str) -> str:
    if not re.match(PAGE_PATTERN, value):
        raise PydanticCustomError(
            "page_path",
            "expected a page of the site from the docs folder, such as '/rette-niveau.md' or '/roller.md#leder', got {value}",
            {"value": repr(value)},
        )
    return value


# A page of the site, written from the docs root; the loader checks that the page exists.
PagePath = Annotated[
    str,
    RefTo("page"),
    AfterValidator(_check_page_path),
    Field(json_schema_extra={"pattern": PAGE_PATTERN, "description": "a page from the docs folder, e.g. /rette-niveau.md#eksempel"}),
]


def _parse_time(value: Any) -> Any:
    if isinstance(value, str):
        match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", value)
        if not match:
            raise PydanticCustomError(
                "time_format", "expected a time written HH:MM (24-hour clock), got {value}", {"value": repr(value)}
            )
        return time(int(match.group(1)), int(match.group(2)))
    return value


ClockTime = Annotated[
    time,
    BeforeValidator(_parse_time),
    Field(json_schema_extra={"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"}),
]
