"""The one step after the pages, for any engine: over the written site, write the calendar
feeds, the short links, the bundled styles and scripts, the search index compacted and the
booklet when `make pdf` has written one.

The MkDocs adapter runs `post_build` at the end of its build. Each file is written whole or
not at all; run again over the same site, it writes the same files.
"""

from __future__ import annotations

from pathlib import Path

from .assets import Bundles, bundle_files
from .output import write_files
from .pages import SitePages
from .render.booklet_link import booklet_files
from .searchindex import compact_search_index
from .site import Site, short_link_files


def post_build(site_dir: Path, site: Site, pages: SitePages, bundles: Bundles, site_url: str | None) -> list[Path]:
    """Write what comes after the pages into `site_dir`; the files written."""
    return write_files(site_dir, {
        **site.feeds, **short_link_files(site, pages, site_url), **bundle_files(site_dir, bundles),
        **compact_search_index(site_dir), **booklet_files(site.booklet),
    })
