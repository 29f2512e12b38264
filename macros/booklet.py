"""The booklet: the whole guide – or a local edition – as one tagged, printable A4 PDF.

The booklet is assembled from the built site, never from a second copy of the content: the
navigation of the built front page gives the order, each page's article gives the text, so a
fact changed in data/ changes the booklet with the next build. The pages are joined into one
HTML document (a cover with a QR code to the site, a contents list, the pages, each with its
link notes) and laid out by WeasyPrint as PDF/UA-1: tagged headings, lists, tables and figures,
language `da`, bookmarks from the headings, page numbers from CSS paged media.

This is a step over the written site, like the short links and feeds: it imports no engine.
Run it as `python -m macros.booklet SITE_DIR OUTPUT.pdf` (`make pdf` does).
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .clock import build_day
from .render.dates import danish_date

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

# Parts of the navigation the booklet leaves out, by their address in the site: the trainer kit
# (its handouts print on their own), the posters (each prints alone) and the course calendar
# (counted from the day of the build, with feeds to subscribe to: on paper it goes stale).
LEFT_OUT = ("kursus/", "plakater/", "kalender/")

# What the pages hold for the screen only: the permalinks, the decision trees' app and
# flowchart (the outline prints; the flowchart has its own poster), buttons, scripts, and
# Material's decorative icons.
SCREEN_ONLY = (
    "headerlink", "md-content__button", "med-tree__app", "med-tree__chart", "med-print-hidden", "twemoji",
)
SCREEN_ONLY_TAGS = ("script", "button", "noscript", "template", "form")

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT = {"style", "script"}


class BookletError(Exception):
    """Why the booklet cannot be made, in one line."""


@dataclass
class NavPage:
    """A page of the navigation: its address in the site ('roller/') and its section, if any."""

    path: str
    section: str | None


@dataclass
class Chapter:
    """One page of the site, taken into the booklet."""

    path: str
    section: str | None
    anchor: str
    title: str
    article: ET.Element
    notes: list[str] = field(default_factory=list)
    heading: str = ""


@dataclass
class Site:
    """What the booklet needs to know about the built site it is made from."""

    directory: Path
    name: str
    description: str
    url: str
    stylesheets: list[str]
    # The site's styles for its drawings, as an SVG reads them (see drawing_styles).
    drawing_css: str = ""


# Reading the built site ---------------------------------------------------------------------


def parse_html(text: str) -> ET.Element:
    import tinyhtml5

    return tinyhtml5.parse(text, namespace_html_elements=False)


def classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def find_all(root: ET.Element, tag: str | None = None, css_class: str | None = None) -> Iterator[ET.Element]:
    for element in root.iter(tag):
        if css_class is None or css_class in classes(element):
            yield element


def find(root: ET.Element, tag: str | None = None, css_class: str | None = None) -> ET.Element | None:
    return next(find_all(root, tag, css_class), None)


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def page_file(site_dir: Path, path: str) -> Path:
    return site_dir / path / "index.html"


def read_page(site_dir: Path, path: str) -> ET.Element:
    file = page_file(site_dir, path)
    try:
        return parse_html(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise BookletError(f"{file}: the built page cannot be read ({error.strerror}); build the site first") from None


def read_site(site_dir: Path) -> tuple[Site, ET.Element]:
    """The site's name, description, published address and stylesheets, from its front page."""
    root = read_page(site_dir, "")
    head = find(root, "head")
    canonical = next((link.get("href") for link in find_all(head, "link") if link.get("rel") == "canonical"), None)
    if not canonical:
        raise BookletError(f"{page_file(site_dir, '')}: the front page has no canonical address (site_url is not set)")
    description = next(
        (meta.get("content", "") for meta in find_all(head, "meta") if meta.get("name") == "description"), ""
    )
    logo = find(root, "a", "md-logo")
    name = logo.get("title") if logo is not None and logo.get("title") else text_of(find(head, "title"))
    # The site's stylesheets in their order, print.css among them (WeasyPrint lays out for print).
    stylesheets = [
        link.get("href") for link in find_all(head, "link")
        if link.get("rel") == "stylesheet" and link.get("href") and "://" not in link.get("href")
    ]
    if not (site_dir / BOOKLET_CSS).is_file():
        raise BookletError(f"{site_dir / BOOKLET_CSS} is missing: build the site again with this version")
    sheets = {href: (site_dir / href).read_text(encoding="utf-8") for href in stylesheets if (site_dir / href).is_file()}
    drawing_css = drawing_styles(list(sheets.values()), sheets.get(OWN_CSS, ""))
    return Site(site_dir, name, description, canonical, [*stylesheets, BOOKLET_CSS], drawing_css), root


CUSTOM_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;{}]+);")
VAR = re.compile(r"var\((--[\w-]+)(?:\s*,\s*([^()]*))?\)")


def drawing_styles(sheets: list[str], own: str) -> str:
    """The site's own styles with their custom properties filled in, for inline SVG.

    WeasyPrint styles an SVG drawing (the structure diagram, the årshjul) only from a <style>
    inside it, where var() is not resolved. A property takes its first value in a stylesheet
    (the light scheme comes before the dark) and the last stylesheet setting it wins (print.css
    sets the paper's colours)."""
    values: dict[str, str] = {}
    for sheet in sheets:
        found: dict[str, str] = {}
        for name, value in CUSTOM_PROPERTY.findall(sheet):
            found.setdefault(name, value.strip())
        values.update(found)

    def resolve(text: str, depth: int = 0) -> str:
        def one(match: re.Match[str]) -> str:
            value = values.get(match[1], match[2] or "initial")
            return resolve(value, depth + 1) if depth < 8 else value

        return VAR.sub(one, text)

    return resolve(own)


def rules_for(css: str, name: str) -> str:
    """The top-level rules of `css` whose selectors name the class `name` or its parts
    (`med-wheel`, `med-wheel__month`): what a drawing of that class needs, and nothing that
    depends on the page around it (rules inside @media are left out)."""
    kept, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                prelude = css[start:prelude_end].strip()
                # Strip comments before the selector.
                prelude = re.sub(r"/\*.*?\*/", "", prelude, flags=re.S).strip()
                body = css[prelude_end:index + 1]
                if not prelude.startswith("@") and re.search(rf"\.{re.escape(name)}(?:__|(?![\w-]))", prelude):
                    if "{" not in body[1:]:
                        kept.append(prelude + " " + body)
                start = index + 1
    return "\n".join(kept)


def navigation(front: ET.Element) -> list[NavPage]:
    """The pages in the order of the site's navigation, each with its top-level section."""
    nav = next((n for n in find_all(front, "nav") if "md-nav--primary" in classes(n)), None)
    if nav is None:
        raise BookletError("the front page has no navigation to take the order of the pages from")
    top = find(nav, "ul", "md-nav__list")
    pages: list[NavPage] = []
    seen: set[str] = set()
    for item in top.findall("li"):
        section = None
        if "md-nav__item--nested" in classes(item):
            title = find(find(item, "nav"), "label", "md-nav__title")
            section = text_of(title) if title is not None else None
        for link in find_all(item, "a", "md-nav__link"):
            href = link.get("href") or ""
            if href.startswith("#"):
                continue
            path = site_path("", href)
            if path not in seen:
                seen.add(path)
                pages.append(NavPage(path, section))
    return pages


def site_path(page: str, href: str) -> str:
    """The site path ('roller/', '' for the front page) a relative link on `page` leads to."""
    joined = posixpath.normpath(posixpath.join("/" + page, unquote(urlsplit(href).path)))
    path = joined.lstrip("/")
    if path in (".", ""):
        return ""
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    if href.split("#")[0].split("?")[0].endswith("/") and not path.endswith("/"):
        path += "/"
    return path


def is_poster(page: ET.Element) -> bool:
    return any(element.get("data-module") == "med-poster" for element in page.iter())


def anchor_of(path: str) -> str:
    return "side-" + (path.strip("/").replace("/", "-") or "forside")


def chapters(site: Site, nav: list[NavPage]) -> list[Chapter]:
    """Every guide page of the navigation with its article, posters and LEFT_OUT parts aside."""
    result = []
    for entry in nav:
        if entry.path.startswith(LEFT_OUT):
            continue
        page = read_page(site.directory, entry.path)
        if is_poster(page):
            continue
        article = find(page, "article", "md-content__inner")
        heading = find(article, "h1") if article is not None else None
        if heading is None:
            raise BookletError(f"{page_file(site.directory, entry.path)}: the page has no article with a heading")
        for screen_only in [e for e in article.iter() if classes(e) & set(SCREEN_ONLY) or e.tag in SCREEN_ONLY_TAGS]:
            remove(article, screen_only)
        title = text_of(heading)
        result.append(Chapter(entry.path, entry.section, anchor_of(entry.path), title, article))
    if not result:
        raise BookletError("the navigation holds no guide page")
    return result


def remove(root: ET.Element, element: ET.Element) -> None:
    """Remove `element` from the tree under `root`, keeping the text that follows it."""
    for parent in root.iter():
        children = list(parent)
        if element in children:
            index = children.index(element)
            if element.tail:
                if index:
                    previous = children[index - 1]
                    previous.tail = (previous.tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
            return


# Turning pages into chapters ----------------------------------------------------------------


def published(site: Site, path: str, fragment: str) -> str:
    """The public address of a site path, readable (not percent-encoded)."""
    address = site.url.rstrip("/") + "/" + path
    return address + (f"#{fragment}" if fragment else "")


def localise(chapter: Chapter, site: Site, in_booklet: dict[str, str]) -> None:
    """Make the page one part of the booklet: ids unique across pages, links within the booklet
    leading to their place in it, other links given a note number and their public address,
    images addressed from the site's root."""
    prefix = chapter.anchor + "--"
    for element in chapter.article.iter():
        for name in ("id", "for"):
            if element.get(name):
                element.set(name, prefix + element.get(name))
        for name in ("aria-labelledby", "aria-describedby", "aria-controls"):
            if element.get(name):
                element.set(name, " ".join(prefix + ref for ref in element.get(name).split()))
        for name, value in list(element.attrib.items()):
            if "url(#" in value:
                element.set(name, value.replace("url(#", f"url(#{prefix}"))
        if element.tag == f"{{{SVG_NS}}}use" or element.tag.endswith("}use"):
            for name in ("href", f"{{{XLINK_NS}}}href"):
                if (element.get(name) or "").startswith("#"):
                    element.set(name, "#" + prefix + element.get(name)[1:])
        if element.tag == f"{{{SVG_NS}}}svg" and element.get("class"):
            style = ET.Element(f"{{{SVG_NS}}}style")
            style.text = rules_for(site.drawing_css, element.get("class").split()[0])
            element.insert(0, style)
        if element.tag == "img" and element.get("src"):
            source = element.get("src")
            if "://" not in source and not source.startswith("data:"):
                element.set("src", site_path(chapter.path, source).rstrip("/"))
        if element.tag == "a" and element.get("href") is not None:
            link(element, chapter, site, in_booklet)
    # A link to the page leads to the chapter; the contents list and bookmark to its heading.
    chapter.article.set("id", chapter.anchor)
    heading = find(chapter.article, "h1")
    if not heading.get("id"):
        heading.set("id", prefix + "titel")
    chapter.heading = heading.get("id")


def link(element: ET.Element, chapter: Chapter, site: Site, in_booklet: dict[str, str]) -> None:
    href = element.get("href")
    parts = urlsplit(href)
    if href.startswith("#"):
        element.set("href", f"#{chapter.anchor}--{unquote(href[1:])}" if href[1:] else f"#{chapter.anchor}")
        return
    if parts.scheme in ("http", "https", "mailto"):
        address = unquote(href.removeprefix("mailto:"))
    elif parts.scheme or parts.netloc:
        # Nothing else (javascript:, data:, file:) leads anywhere on paper.
        element.attrib.pop("href")
        return
    else:
        target = site_path(chapter.path, href)
        fragment = unquote(parts.fragment)
        if target in in_booklet:
            anchor = in_booklet[target]
            element.set("href", f"#{anchor}--{fragment}" if fragment else f"#{anchor}")
            if target != chapter.path:
                element.set("class", " ".join(sorted(classes(element) | {"med-booklet-ref"})))
            return
        address = published(site, target, fragment)
        element.set("href", address)
    if text_of(element) == address:
        return
    if address not in chapter.notes:
        chapter.notes.append(address)
    element.set("data-print-ref", str(chapter.notes.index(address) + 1))


def notes_section(chapter: Chapter) -> ET.Element | None:
    """The numbered addresses of the page's links, closing the chapter."""
    if not chapter.notes:
        return None
    section = ET.Element("section", {"class": "med-booklet-notes"})
    heading = ET.SubElement(section, "h2", {"class": "med-booklet-notes__title"})
    heading.text = "Adresser på siden"
    items = ET.SubElement(section, "ol")
    for address in chapter.notes:
        ET.SubElement(items, "li").text = address
    return section


# The booklet document -------------------------------------------------------------------------


def qr_svg(address: str) -> str:
    """The site's address as a QR code, an SVG figure with its text as alternative."""
    import segno

    svg = segno.make(address, error="m").svg_inline(scale=4, border=0, dark="#000000", light=None, omitsize=False)
    label = html.escape(f"QR-kode til {address}")
    return svg.replace("<svg ", '<svg class="med-booklet-cover__qr" role="img" ', 1).replace(
        ">", f"><title>{label}</title>", 1
    )


def cover(site: Site, day: str) -> str:
    address = html.escape(site.url)
    return f"""
<section class="med-booklet-cover">
<p class="med-booklet-cover__kicker">Hele guiden samlet til print</p>
<h1 class="med-booklet-cover__title" id="forsiden">{html.escape(site.name)}</h1>
<p class="med-booklet-cover__lead">{html.escape(site.description)}</p>
<p class="med-booklet-cover__edition">Udgave: {html.escape(day)}</p>
<div class="med-booklet-cover__site">
{qr_svg(site.url)}
<p>Den nyeste udgave, med søgning og beslutningstræer, står på<br><a href="{address}">{address}</a></p>
</div>
</section>"""


def contents(chapters_: list[Chapter]) -> str:
    rows = []
    section = None
    for chapter in chapters_:
        if chapter.section != section:
            if section is not None:
                rows.append("</ol></li>")
            section = chapter.section
            if section is not None:
                rows.append(f'<li class="med-booklet-toc__section"><span>{html.escape(section)}</span><ol>')
        rows.append(
            f'<li class="med-booklet-toc__page"><a href="#{html.escape(chapter.heading)}">'
            f"{html.escape(chapter.title)}</a></li>"
        )
    if section is not None:
        rows.append("</ol></li>")
    return f"""
<nav class="med-booklet-toc" aria-labelledby="indhold">
<h1 id="indhold">Indhold</h1>
<ol>
{''.join(rows)}
</ol>
</nav>"""


def serialise(element: ET.Element) -> str:
    """An element as HTML, SVG included (its namespace is implied by the <svg> tag in HTML)."""
    out: list[str] = []

    def name_of(tag: str) -> str:
        if tag.startswith("{"):
            namespace, local = tag[1:].split("}", 1)
            return f"xlink:{local}" if namespace == XLINK_NS else local
        return tag

    def write(node: ET.Element) -> None:
        if not isinstance(node.tag, str):  # a comment
            out.append(node.tail and html.escape(node.tail, quote=False) or "")
            return
        tag = name_of(node.tag)
        attributes = "".join(f' {name_of(k)}="{html.escape(v)}"' for k, v in node.attrib.items())
        out.append(f"<{tag}{attributes}>")
        if tag not in VOID:
            if node.text:
                out.append(node.text if tag in RAW_TEXT else html.escape(node.text, quote=False))
            for child in node:
                write(child)
            out.append(f"</{tag}>")
        if node.tail:
            out.append(html.escape(node.tail, quote=False))

    write(element)
    return "".join(out)


def document(site: Site, chapters_: list[Chapter], day: str, created: str) -> str:
    """The whole booklet as one HTML document."""
    in_booklet = {chapter.path: chapter.anchor for chapter in chapters_}
    parts = []
    for chapter in chapters_:
        localise(chapter, site, in_booklet)
        notes = notes_section(chapter)
        if notes is not None:
            chapter.article.append(notes)
        chapter.article.set("class", "md-typeset med-booklet-chapter")
        chapter.article.set("aria-labelledby", chapter.heading)
        parts.append(serialise(chapter.article))
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in site.stylesheets)
    return f"""<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>{html.escape(site.name)}</title>
<meta name="description" content="{html.escape(site.description)}">
<meta name="author" content="MED-guiden">
<meta name="generator" content="MED-guiden">
<meta name="dcterms.created" content="{created}">
<meta name="dcterms.modified" content="{created}">
{links}
</head>
<body class="med-booklet" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">
{cover(site, day)}
{contents(chapters_)}
<main>
{''.join(parts)}
</main>
</body>
</html>
"""


# The booklet's own page layout, copied into the site with the other stylesheets.
BOOKLET_CSS = "assets/stylesheets/booklet.css"
OWN_CSS = "assets/stylesheets/med-guiden.css"


# Laying it out --------------------------------------------------------------------------------


def fetcher(site_dir: Path):
    """A WeasyPrint URL fetcher that serves the built site's own files and refuses everything
    else: the booklet never makes a request to another origin."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site_dir.resolve()

    class SiteOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise ValueError(f"the booklet loads nothing from other origins: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                raise ValueError(f"not a file of the built site: {url}")
            content_type = {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
                path.suffix, "application/octet-stream"
            )
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    return SiteOnly()


def render(source: str, site_dir: Path, headings: list[str] = ()) -> bytes:
    """The booklet's HTML laid out as a tagged PDF/UA-1 document, identical for identical input.

    Every heading named in `headings` (ids) must stand on a page: WeasyPrint can silently drop
    the rest of a document it cannot break, and a booklet that stops halfway is refused."""
    import weasyprint

    base = site_dir.resolve().as_uri() + "/"
    identifier = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].encode("ascii")
    options = {"pdf_variant": "pdf/ua-1", "pdf_identifier": identifier}
    laid_out = weasyprint.HTML(string=source, base_url=base, url_fetcher=fetcher(site_dir)).render(**options)
    placed = {anchor for page in laid_out.pages for anchor in page.anchors}
    missing = [heading for heading in headings if heading not in placed]
    if missing:
        raise BookletError(f"the layout lost {len(missing)} of {len(headings)} pages of the guide, from '#{missing[0]}' on")
    return laid_out.write_pdf(**options)


@dataclass
class Booklet:
    pdf: bytes
    chapters: list[Chapter]
    html: str


def make_booklet(site_dir: Path, environ=os.environ) -> Booklet:
    site, front = read_site(site_dir)
    pages = chapters(site, navigation(front))
    day = build_day(environ)
    source = document(site, pages, danish_date(day), day.isoformat())
    return Booklet(render(source, site_dir, [page.heading for page in pages]), pages, source)


def write_booklet(site_dir: Path, target: Path, environ=os.environ) -> Booklet:
    """Write the booklet to `target` whole or not at all: into a temporary file beside it, then
    renamed."""
    booklet = make_booklet(site_dir, environ)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(booklet.pdf)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return booklet


def main(argv: list[str] | None = None) -> int:
    import argparse
    import logging

    parser = argparse.ArgumentParser(description="Write the built site as one A4 booklet (PDF).")
    parser.add_argument("site_dir", type=Path, help="the built site, e.g. site/ or site-albertslund/")
    parser.add_argument("target", type=Path, help="the PDF to write, e.g. dist/med-guiden.pdf")
    args = parser.parse_args(argv)
    # WeasyPrint's notes on CSS it does not support are for developers, not for `make pdf`.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        booklet = write_booklet(args.site_dir, args.target)
    except BookletError as error:
        print(f"ERROR    -  booklet: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the boundary: one line, whatever it was
        print(f"ERROR    -  booklet: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    size = args.target.stat().st_size
    print(f"Booklet written to {args.target}: {len(booklet.chapters)} pages of the guide, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
