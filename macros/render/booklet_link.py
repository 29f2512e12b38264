"""The way to the booklet: the whole guide (or the local edition) as one PDF, for print.

`make pdf` writes the booklet from the built site (macros/booklet.py) and builds the site
again; that build publishes the PDF at the site's root and the front page links to it. A build
without a booklet shows no link, so the link is never broken.
"""

from __future__ import annotations

from pathlib import Path

from ..links import Links
from ..loader import Dataset
from .component import component


def booklet_link(data: Dataset, links: Links, booklet: Path | None) -> str:
    """A line leading to the booklet, with its size; nothing when there is no booklet."""
    if booklet is None:
        return ""
    megabytes = f"{booklet.stat().st_size / 1_000_000:.1f}".replace(".", ",")
    return component("booklet-link.html", data, links, href=links.static(booklet.name), megabytes=megabytes)


def booklet_files(booklet: Path | None) -> dict[str, bytes]:
    """The booklet by its site path, for the build to publish; nothing when there is none."""
    return {booklet.name: booklet.read_bytes()} if booklet is not None else {}
