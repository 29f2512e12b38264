"""Plain text into a page that Markdown reads: escaped for HTML, and inert for Markdown.

The components write Markdown pages in which HTML blocks and Markdown mix, and text from
the data lands in both: in headings Markdown reads (`### {{ role.name }} { #leder }`), in HTML
that Markdown reads again (`markdown="1"`), in HTML it leaves alone, and in attributes. HTML
escaping alone is not enough where Markdown reads the text afterwards: `{ onclick=… }`,
`[x](javascript:…)`, `*` or a newline survive it and turn into markup. So every plain string
is escaped once for all of these places: `& < > " '` as HTML escapes, the characters Markdown
acts on as numeric character references (which HTML shows as the character, and which Markdown
passes through untouched, also into a page's title and table of contents), line breaks as
spaces. The result shows exactly the text, wherever it lands.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
# What Markdown and its extensions act on anywhere in a line: escapes, code, emphasis, links,
# images, attribute lists, tables. (What it acts on only at the start of a line – lists, quotes,
# rules – changes no more than the layout, and a text never holds a line break here.)
_INLINE = "\\`*_{}[]()!|"
_INLINE_TABLE = {ord(char): f"&#{ord(char)};" for char in _INLINE}
_TEXT_TABLE = {**_INLINE_TABLE, **{ord(char): escaped for char, escaped in _HTML.items()}}
# A heading drops a closing run of '#', so in headings every '#' is a reference.
_HEADING_TABLE = {**_TEXT_TABLE, ord("#"): "&#35;"}
_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x85\u2028\u2029]\s*")


def line_start(text: str) -> str:
    """A '#' that begins the text would begin a heading where the text begins a line."""
    return "&#35;" + text[1:] if text.startswith("#") else text


def plain_markup(value: str) -> str:
    """The escaped text without the rule for its first character, for a piece of a longer text."""
    return _LINE_BREAKS.sub(" ", value).translate(_TEXT_TABLE)


_REFERENCE = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)")


def inert_text(html_text: str) -> str:
    """Text that is already HTML (escaped), with the characters Markdown acts on as references."""
    parts = _REFERENCE.split(_LINE_BREAKS.sub(" ", html_text))
    return line_start("".join(part if index % 2 else part.translate(_HEADING_TABLE) for index, part in enumerate(parts)))


def text_markup(value: Any) -> Markup:
    """Plain text (or a number, a date) as HTML that Markdown leaves as it is."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(line_start(plain_markup(str(value))))


def heading_markup(value: Any) -> Markup:
    """Plain text for a Markdown heading, the page's title or a navigation label."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(line_start(_LINE_BREAKS.sub(" ", str(value)).translate(_HEADING_TABLE)))
