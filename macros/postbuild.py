"""The one step after the pages, for any engine: over the written site, write the calendar
feeds, the short links, the bundled styles and scripts, the search index compacted and the
booklet when `make pdf` has written one.

The MkDocs adapter runs `post_build` at the end of its build; after an engine without such a
hook, run it over the site it wrote:

    python -m macros.postbuild SITE_DIR [-f mkdocs.yml]

It reads the same configuration (INHERIT included), loads the data as the build did (from the
cache when nothing changed) and writes each file whole or not at all. A problem is one line
and exit status 1. Run again over the same site, it writes the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .assets import Bundles, bundle_files, configured_bundles
from .config import read_config
from .errors import BuildError, DataError, PageError
from .output import write_files
from .pages import SitePages, scan_pages
from .render.booklet_link import booklet_files
from .searchindex import compact_search_index
from .site import Site, load_site, short_link_files


def post_build(site_dir: Path, site: Site, pages: SitePages, bundles: Bundles, site_url: str | None) -> list[Path]:
    """Write what comes after the pages into `site_dir`; the files written."""
    return write_files(site_dir, {
        **site.feeds, **short_link_files(site, pages, site_url), **bundle_files(site_dir, bundles),
        **compact_search_index(site_dir), **booklet_files(site.booklet),
    })


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m macros.postbuild", description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    options = parser.parse_args(argv)
    try:
        if not options.site_dir.is_dir():
            raise BuildError(f"{options.site_dir}: there is no built site here")
        config = read_config(options.config_file)
        site = load_site(config, options.config_file.resolve().parent)
        use_directory_urls = config.get("use_directory_urls", True)
        pages = scan_pages(Path(config["docs_dir"]), use_directory_urls, config.get("exclude_docs") or "")
        post_build(options.site_dir, site, pages, configured_bundles(config), config.get("site_url"))
    except (BuildError, DataError, PageError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
