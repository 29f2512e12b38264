"""Field types shared by every data kind.

Each type says in one place what a field may hold, what an editor's JSON Schema shows
for it, and how it reaches HTML: `Line` (a title, a name, a label: one line) and `Text` (a
sentence or more) are always escaped, so they show exactly as written and are never read as
Markdown or HTML; only `Markdown` is rendered, by the data's own restricted Markdown
(`macros/render/markdown.py`), and it may not carry raw HTML or attribute lists. Every kind
of text has a length limit far above what the guide needs, so a slip of the keyboard (or a
hostile file) cannot make pages of megabytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*$"
ID_RE = re.compile(ID_PATTERN)
# An id becomes an anchor, a file name (a calendar feed, a short link) and part of addresses.
ID_MAX_LENGTH = 60
LINE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 2_000
MARKDOWN_MAX_LENGTH = 6_000
_TEMPLATE_MARKERS = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--|<!\[CDATA\[|<\?")
# Python-Markdown's attribute lists, which the data's Markdown does not read: '{ onclick=… }',
# '{: .class }', '{ #id }'.
_ATTRIBUTE_LIST = re.compile(r"\{:?\s*[#.:\w-][^{}\n]*\}")
_LINE_BREAK = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]")


class Model(BaseModel):
    """Base of every data model: no unknown keys, no silent coercion, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class MarkdownText(str):
    """A string whose schema declares it Markdown; renderers hand it to Markdown unescaped."""

    __slots__ = ()


@dataclass(frozen=True)
class RefTo:
    """Marks a field as the id of another data item of `kind` (checked after loading)."""

    kind: str


def _check_id(value: str) -> str:
    if len(value) > ID_MAX_LENGTH:
        raise PydanticCustomError(
            "id_too_long",
            "expected an id of at most {limit} characters (it becomes an address and a file name), got {length}",
            {"limit": ID_MAX_LENGTH, "length": len(value)},
        )
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


def _check_line(value: str) -> str:
    value = _check_text(value)
    match = _LINE_BREAK.search(value)
    if match:
        what = "a tab" if match.group(0) == "\t" else "a line break"
        raise PydanticCustomError(
            "line_break", "expected one line of text, got {what}; write it on one line", {"what": what},
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
    match = _ATTRIBUTE_LIST.search(value)
    if match:
        raise PydanticCustomError(
            "attribute_list",
            "Markdown fields may not contain attribute lists ({found}); write the text without braces",
            {"found": repr(match.group(0))},
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
    Field(json_schema_extra={"pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH}),
]
def line(max_length: int = LINE_MAX_LENGTH) -> Any:
    """One line of text of at most `max_length` characters: a title, a name, a label, an answer,
    a place – anything shown in a heading, a button, the navigation, a calendar's summary or a
    poster's line."""
    return Annotated[
        str,
        AfterValidator(_check_line),
        Field(min_length=1, max_length=max_length, json_schema_extra={"pattern": "^[^\\r\\n\\t]*$"}),
    ]


Line = line()
# A sentence or more of plain text; a line break in it is shown as a space.
Text = Annotated[str, AfterValidator(_check_text), Field(min_length=1, max_length=TEXT_MAX_LENGTH)]
Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    Field(min_length=1, max_length=MARKDOWN_MAX_LENGTH, json_schema_extra={"contentMediaType": "text/markdown"}),
]
def _check_web_address(value: str) -> str:
    value = _check_line(value)
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or any(c in value for c in ' "<>\\`'):
        raise PydanticCustomError(
            "web_address", "expected a public https:// address, got {value}", {"value": repr(value)}
        )
    return value


# A public page's address, shown and linked as it is: https only, one line.
WebAddress = Annotated[
    str,
    AfterValidator(_check_web_address),
    Field(min_length=1, max_length=LINE_MAX_LENGTH, json_schema_extra={"format": "uri", "pattern": "^https://[^\\s\"<>`]+$"}),
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
        Field(json_schema_extra={"pattern": ID_PATTERN, "maxLength": ID_MAX_LENGTH, "description": f"id of a {kind} in {where}"}),
    ]


PAGE_PATTERN = r"^/[^#?\s\"'<>()\\]+\.md(#[^\s?\"'<>()\\]+)?$"


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
