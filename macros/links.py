"""Links from one page to another and to the place where a data item is presented.

Every kind of data item has one home page, where it is shown with its id as the anchor.
Render functions ask a `Links` object for URLs, so they stay pure: the build passes
`PageLinks` (relative to the page being rendered, checked against the site's files), the
unit tests pass `FixedLinks`.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Protocol

from .pages import SitePages, relative_url

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


def doc_link(kind: str, item_id: str) -> str:
    """A Markdown link target for a data item, from the docs root: `/roller.md#leder`.

    MkDocs resolves it relative to whichever page it appears on and checks that the page and
    the anchor exist.
    """
    page, anchor = home_of(kind, item_id)
    return f"/{page}#{anchor}" if anchor else f"/{page}"


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
    """URLs relative to the page being rendered (`src_uri`, its path in docs/), checked against
    the site's files as the engine lays them out."""

    def __init__(self, pages: SitePages, src_uri: str):
        self._pages = pages
        self._from_url = pages.urls[src_uri]

    def page(self, src_path: str, anchor: str | None = None) -> str:
        target = self._pages.urls.get(PurePosixPath(src_path).as_posix())
        if target is None:
            raise LinkError(f"link to '{src_path}', which is not a page of the site")
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
