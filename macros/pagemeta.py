"""What the theme needs of a page besides its text, as plain data for the page's metadata:
the margins of every sheet (main.html), a poster's paper, QR code and stamp (poster.html), and
the stylesheets the page links besides the bundle. Any engine's adapter puts it in the meta."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .assets import Bundles, page_stylesheets
from .pages import SitePages
from .render import posters
from .render.printing import page_source_ids, print_properties
from .site import Site, build_day


def page_meta(site: Site, pages: SitePages, config: Mapping[str, Any], src_uri: str,
              meta: Mapping[str, Any], heading: str | None, canonical_url: str | None) -> dict[str, Any]:
    """The keys to add to the page's metadata, in the order they are added; a page set up
    wrongly raises PageError with its one-line message. `heading` is the page's title from its
    text (a first line '# …'), `canonical_url` its public address."""
    data, day = site.data, build_day()
    source_ids = page_source_ids(data, src_uri, meta)
    added: dict[str, Any] = {"med_print": print_properties(
        meta.get("title") or heading or config["site_name"],
        canonical_url,
        day,
        [data.get("source", source_id) for source_id in source_ids],
    )}
    if meta.get("template") == posters.POSTER_TEMPLATE:
        poster = next((p for p in site.posters if p.src_path == src_uri), None)
        qr = poster.qr if poster else posters.qr_of(src_uri, meta, data.trees, Path(config["docs_dir"]))
        target = posters.qr_address(qr, lambda src: pages.urls[src], config.get("site_url"))
        added["med_poster"] = posters.poster_sheet(src_uri, meta, target, day)
        # A poster repeats its page on one sheet; search finds the page.
        added["search"] = {**(meta.get("search") or {}), "exclude": True}
    return added


def page_stylesheet_meta(bundles: Bundles, src_uri: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The stylesheets the page links besides the bundle (print.css, poster.css)."""
    return {"med_stylesheets": page_stylesheets(
        bundles, src_uri, meta, posters.POSTER_TEMPLATE, posters.POSTER_FOLDERS
    )}
