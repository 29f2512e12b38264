"""Links from one page to another and to the place where a data item is presented.

Every kind of data item has one home page, where it is shown with its id as the anchor.
Render functions ask a `Links` object for URLs, so they stay pure: the build passes
`PageLinks` (relative to the page being rendered, checked against the site's files), the
unit tests pass `FixedLinks`.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Protocol

from .pages import SitePages, relative_url, source_relative

# The page that presents each kind of data item; its id is the anchor there. Kinds with a
# page per item name it with {id}.
HOME_PAGES: dict[str, str] = {
    "role": "roller.md",
    "committee": "udvalg.md",
    "organisation_area": "hvem-sidder-i-med.md",
    "case_type": "sager.md",
    "guideline_type": "retningslinjer.md",
    "guideline": "retningslinjer.md",
    "term": "ordliste.md",
    "provision": "om-med.md",
    "source": "om-siden.md",
    "tree": "svar/{id}.md",
    "module": "kursus/moduler/{id}.md",
    "course": "kursus/{id}.md",
}


def home_of(kind: str, item_id: str) -> tuple[str, str | None]:
    """(page, anchor) where an item is presented: its own page for kinds with one page per item."""
    page = HOME_PAGES[kind]
    if "{id}" in page:
        return page.format(id=item_id), None
    return page, item_id


def split_page_path(page_path: str) -> tuple[str, str | None]:
    """'/roller.md#leder' → ('roller.md', 'leder')."""
    page, _, anchor = page_path.lstrip("/").partition("#")
    return page, anchor or None


def doc_link(kind: str, item_id: str, from_src: str) -> str:
    """A Markdown link target for a data item from the page whose source is `from_src`, as a
    relative path to the page's source: `../roller.md#leder` from 'svar/x.md'.

    It is the one form every engine resolves in a page's Markdown (MkDocs and Zensical alike
    turn it into the page's address and check that the page exists).
    """
    page, anchor = home_of(kind, item_id)
    target = source_relative(page, from_src)
    return f"{target}#{anchor}" if anchor else target


class LinkError(Exception):
    """A link points at a page the site does not have."""


class Links(Protocol):
    def page(self, src_path: str, anchor: str | None = None) -> str: ...

    def static(self, site_path: str) -> str: ...

    def item(self, kind: str, item_id: str) -> str: ...

    def path(self, page_path: str) -> str: ...


class _LinksBase:
    def item(self, kind: str, item_id: str) -> str:
        return self.page(*home_of(kind, item_id))

    def path(self, page_path: str) -> str:
        """A page given from the docs root, as data writes it: '/roller.md#leder'."""
        return self.page(*split_page_path(page_path))


class PageLinks(_LinksBase):
    """URLs for the HTML of the page being rendered (`src_uri`, its path in docs/), checked
    against the site's files as the engine lays them out: relative to the page's address, or,
    for an engine that rewrites the links in a page's HTML (`SitePages.links_from_source`),
    relative to its source file, so that the engine's rewriting gives the same address."""

    def __init__(self, pages: SitePages, src_uri: str):
        self._pages = pages
        self._src_uri = src_uri
        self._from_url = pages.urls[src_uri]
        if pages.links_from_source:
            folder = PurePosixPath(src_uri).parent.as_posix()
            self._from_url = "" if folder == "." else folder + "/"

    def page(self, src_path: str, anchor: str | None = None) -> str:
        src_path = PurePosixPath(src_path).as_posix()
        target = self._pages.urls.get(src_path)
        if target is None:
            raise LinkError(f"link to '{src_path}', which is not a page of the site")
        if self._pages.links_from_source:
            url = source_relative(src_path, self._src_uri)
        else:
            url = relative_url(target, self._from_url)
        return f"{url}#{anchor}" if anchor else url

    def static(self, site_path: str) -> str:
        """A file the build writes itself (a calendar feed, a short link), relative to this page.

        A folder ('m/rette-niveau/') means its index.html, named outright when the site is built
        for opening from disk, where no server fills it in.
        """
        if site_path.endswith("/") and not self._pages.use_directory_urls:
            site_path += "index.html"
        return relative_url(site_path, self._from_url)


class FixedLinks(_LinksBase):
    """Site-root URLs without a build: for unit tests and previews."""

    def __init__(self, pages: set[str] | None = None):
        self._pages = pages

    def page(self, src_path: str, anchor: str | None = None) -> str:
        if self._pages is not None and src_path not in self._pages:
            raise LinkError(f"link to '{src_path}', which is not a page of the site")
        stem = src_path.removesuffix(".md")
        url = "/" if stem == "index" else f"/{stem.removesuffix('/index')}/"
        return f"{url}#{anchor}" if anchor else url

    def static(self, site_path: str) -> str:
        return f"/{site_path}"
