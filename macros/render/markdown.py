"""The one way data Markdown becomes HTML: a restricted Markdown, then an allow-list sanitiser.

Markdown fields in `data/` are written by many hands, so they are rendered apart from the
pages' own Markdown, which trusts its authors (attribute lists, raw HTML, HTML inside
Markdown). Here Markdown knows paragraphs, emphasis, lists, code, links and images, and the
glossary's abbreviations; raw HTML is shown as text; nothing else is read. The HTML then goes
through nh3 (the Ammonia sanitiser), which keeps only the elements and attributes below and
links to pages of the site, https: and mailto: addresses, and images from the site itself.
The result is placed in the page as a finished HTML block that the page's Markdown does not
read again; its text carries the characters Markdown acts on as character references, so
even a page that did read it again would find nothing to act on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Protocol
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .escaping import inert_text

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "code", "a", "ul", "ol", "li", "abbr", "img"})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"https", "mailto"})

# A scheme, written plainly: browsers drop tabs and line breaks inside one, and the sanitiser
# sees the URL after entities are decoded.
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


class PageResolver(Protocol):
    """Turns a page or file of the site, written from the docs root, into a URL for this page."""

    def path(self, page_path: str) -> str: ...

    def static(self, site_path: str) -> str: ...


def is_same_site(url: str) -> bool:
    """A relative URL, or a path on this site: no scheme, no other host."""
    stripped = re.sub(r"[\x00-\x20]", "", url)
    return not _SCHEME.match(stripped) and not stripped.startswith(("//", "\\\\", "/\\", "\\/"))


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src":
        return value if is_same_site(value) else None
    if element == "a" and attribute == "href":
        scheme = _SCHEME.match(value)
        if scheme is None:
            return value if is_same_site(value) else None
        return value if scheme.group(1).lower() in URL_SCHEMES else None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def sanitise(html: str) -> str:
    """Keep only the allowed elements, attributes and URLs of an HTML fragment."""
    return _cleaner().clean(html)


class _SiteLinks(Treeprocessor):
    """Links to pages written from the docs root ('/roller.md#leder') become URLs relative to
    the page being built; images from the docs folder too."""

    def __init__(self, md: markdown.Markdown, resolver: PageResolver | None):
        super().__init__(md)
        self.resolver = resolver

    def run(self, root: Element) -> None:
        if self.resolver is None:
            return
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                if href.startswith("/") and ".md" in href:
                    element.set("href", self.resolver.path(href))
            elif element.tag == "img":
                src = element.get("src", "")
                if src.startswith("/") and not src.startswith("//"):
                    element.set("src", self.resolver.static(src.lstrip("/")))


class _DataMarkdown(Extension):
    """No raw HTML: a tag in the text stays text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


@lru_cache(maxsize=4)
def _markdown(abbreviations: tuple[tuple[str, str], ...]) -> markdown.Markdown:
    """One Markdown per glossary, reused for every field (reset between them)."""
    md = markdown.Markdown(
        extensions=[_DataMarkdown(), "abbr"],
        extension_configs={"abbr": {"glossary": dict(abbreviations)}},
        output_format="html",
    )
    md.treeprocessors.register(_SiteLinks(md, None), "med_site_links", 1)
    return md


def render_markdown(
    value: str, abbreviations: Mapping[str, str] | None = None, resolver: PageResolver | None = None,
) -> Markup:
    """A data Markdown field as safe HTML: restricted Markdown, site links resolved, sanitised,
    and inert to any Markdown that might read it again."""
    md = _markdown(tuple(sorted((abbreviations or {}).items())))
    md.treeprocessors["med_site_links"].resolver = resolver
    try:
        html = md.reset().convert(value)
    finally:
        md.treeprocessors["med_site_links"].resolver = None
    return Markup(inert_html(sanitise(html)))


_TAG = re.compile(r"(<[^>]*>)")


def inert_html(html: str) -> str:
    """Sanitised HTML with the characters Markdown acts on, in its text, as character references."""
    parts = _TAG.split(html)
    return "".join(part if index % 2 else inert_text(part) for index, part in enumerate(parts))
