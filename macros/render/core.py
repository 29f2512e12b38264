"""The template environment every component is rendered with.

Templates live in `overrides/components/<component>.html`, next to the component's script
and styles. Output is a Markdown page fragment: raw HTML blocks (left alone by Markdown) with
`markdown="1"` on the elements whose Markdown content Markdown should process (Python-Markdown's
md_in_html extension), and headings in Markdown so they reach the table of contents.

Every value a template prints is escaped by `escaping.text_markup`: for HTML, and inert for the
Markdown that may read it afterwards. A `MarkdownText` passed through the `md` filter is the
only data that becomes markup, rendered by the data's restricted Markdown and sanitised
(`markdown.render_markdown`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import jinja2
from markupsafe import Markup

from ..cache import IdentityMemo, bytecode_folder
from ..model.types import MarkdownText
from .dates import danish_clock, danish_date, danish_day, danish_duration, danish_month, machine_date
from .escaping import heading_markup, line_start, plain_markup, text_markup
from .markdown import render_markdown

COMPONENTS_DIR = Path(__file__).resolve().parents[2] / "overrides" / "components"


def markdown_block(
    value: MarkdownText | None, css_class: str = "med-md", abbreviations: Mapping[str, str] | None = None, links: Any = None,
) -> Markup:
    """A Markdown field as a finished block of sanitised HTML; refuses plain text."""
    if value is None:
        return Markup("")
    if not isinstance(value, MarkdownText):
        raise TypeError("the md filter takes a Markdown field; plain text is escaped, not rendered")
    return Markup(f'<div class="{text_markup(css_class)}">\n{render_markdown(value, abbreviations, links)}\n</div>')


@jinja2.pass_context
def _md_filter(context: Any, value: MarkdownText | None, css_class: str = "med-md") -> Markup:
    # A macro imported without context would render without the page's links and glossary.
    if "abbreviations" not in context or "links" not in context:
        raise RuntimeError("the md filter needs the page's links and abbreviations; import macros 'with context'")
    return markdown_block(value, css_class, context["abbreviations"], context["links"])


def markdown_text(value: str) -> Markup:
    """Plain text made safe to place in a Markdown heading: shown as written, never read as markup."""
    return heading_markup(value)


def prose_variables(prose_names: Mapping[str, str]) -> dict[str, Markup]:
    """Template variables for the names prose gives committees, as this build names them:
    `{{ hovedudvalget }}` and, to begin a sentence, `{{ Hovedudvalget }}`. A local edition gives
    its own names in its data ('KommuneMED'); the base site keeps the guide's."""
    variables: dict[str, Markup] = {}
    for word, name in prose_names.items():
        if not word.isidentifier():
            raise ValueError(f"the name form '{word}' cannot be a template variable")
        variables[word] = markdown_text(name)
        variables[word[:1].upper() + word[1:]] = markdown_text(name[:1].upper() + name[1:])
    return variables


def plain_text(value: str) -> str:
    """A Markdown field as plain text, for places where Markdown is not rendered: links keep
    their text, emphasis marks go."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", value)
    return re.sub(r"(\*\*|__|\*|_)(\S[^*_]*?)\1", r"\2", text)


def abbreviation_pattern(abbreviations: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of the abbreviations as a whole word, longest first."""
    words = sorted({a for a in abbreviations if a}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def mark_abbreviations(text: str, titles: Mapping[str, str]) -> Markup:
    """Escape `text` and wrap each known abbreviation in <abbr title="…">.

    The same abbreviations and titles feed Markdown's abbr extension for page prose, so
    plain data strings and Markdown explain abbreviations alike.
    """
    pattern = _pattern_for(titles)
    if pattern is None:
        return text_markup(text)
    # Matched in the text as written, then escaped piece by piece: an abbreviation is never
    # found inside an escape ('amp' in '&amp;').
    out, position = [], 0
    for match in pattern.finditer(text):
        word = match.group(1)
        out.append(plain_markup(text[position:match.start()]))
        out.append(f'<abbr title="{text_markup(titles[word])}">{plain_markup(word)}</abbr>')
        position = match.end()
    out.append(plain_markup(text[position:]))
    return Markup(line_start("".join(out)))


# A build passes the same table to every call of the abbr filter.
_pattern_for = IdentityMemo(abbreviation_pattern)


@jinja2.pass_context
def _abbr_filter(context: Any, text: str | None) -> Markup:
    if text is None:
        return Markup("")
    return mark_abbreviations(text, context.get("abbreviations", {}))


def _join_filter(items: Iterable[Any], separator: str = ", ", last: str = " og ") -> Markup:
    """Join already-safe items as Danish prose: 'a, b og c'."""
    parts = [text_markup(item) for item in items]
    if len(parts) <= 1:
        return Markup("").join(parts)
    return Markup(separator).join(parts[:-1]) + Markup(last) + parts[-1]


TEMPLATE_OPTIONS = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """One environment for the build: each component template is compiled once, and kept
    compiled between builds in .cache/ (checked against the template's text by Jinja, and
    filed under these options and Jinja's version, which decide the compiled code)."""
    # The finalizer is compiled into each template's code, so it files the cache too.
    folder = bytecode_folder("jinja", TEMPLATE_OPTIONS, "finalize=text_markup", jinja2.__version__)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(COMPONENTS_DIR),
        finalize=text_markup,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)) if folder else None,
        **TEMPLATE_OPTIONS,
    )
    env.filters["md"] = _md_filter
    env.filters["md_text"] = markdown_text
    env.filters["plain"] = plain_text
    env.filters["abbr"] = _abbr_filter
    env.filters["prose_join"] = _join_filter
    env.filters["danish_date"] = danish_date
    env.filters["machine_date"] = machine_date
    env.filters["danish_day"] = danish_day
    env.filters["danish_month"] = _month_filter
    env.filters["danish_clock"] = danish_clock
    env.filters["danish_duration"] = danish_duration
    return env


def _month_filter(key: tuple[int, int]) -> str:
    return danish_month(*key)


def render(template: str, **context: Any) -> str:
    """Render `overrides/components/<template>` with autoescaping."""
    return environment().get_template(template).render(**context)
