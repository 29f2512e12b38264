"""What one build of the site needs from its configuration: where the data is, loaded once.

Engine-neutral: `config` is the engine's configuration as a mapping (MkDocs' or Zensical's, read
from mkdocs.yml), and a problem is a `BuildError` the engine's adapter reports (macros/engines/)."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from .cache import CallMemo, cached_object, code_fingerprint, content_key, tree_fingerprint
from .clock import build_day
from .errors import BuildError, DataError, PageError
from .links import LinkError
from .loader import Dataset, load_dataset
from .pages import SitePages
from .edition import LOCAL_FOLDER
from .render.posters import POSTER_FOLDERS, PosterPage, poster_pages
from .render.core import COMPONENTS_DIR
from .render.printing import check_page_sources
from .render.training import short_link_pages


@dataclass
class Site:
    """The validated data of this build, the posters among its pages, and where its files are."""

    data: Dataset
    project_dir: Path
    posters: list[PosterPage]
    # The calendar feeds, made with the data so that a feed the data cannot give stops the build
    # before anything is written; written after the pages.
    feeds: dict[str, bytes]
    # A hash of what the data and the code give whatever the pages say: the data files, the
    # code, the days and the address the build counts from (the pages are not part of it).
    data_key: str = ""
    # The booklet `make pdf` wrote for this site, when there is one, published at the site's root.
    booklet: Path | None = None


def load_site(config: Any, project_dir: str | Path) -> Site:
    """Read the data named by `extra.med.data` in mkdocs.yml – with a local edition's overlay
    from `extra.med.overlay` – and check what the pages ask of it in their front matter, or stop
    the build with one message before any page is rendered."""
    project_dir = Path(project_dir)
    settings = (config.get("extra") or {}).get("med") or {}
    data_dir = project_dir / settings.get("data", "data")
    overlay_dir = project_dir / settings["overlay"] if settings.get("overlay") else None
    docs_dir = Path(config["docs_dir"])
    site_url, today, feed_day = config.get("site_url"), build_day(), calendar_today()

    def load() -> Site:
        try:
            data = load_dataset(data_dir, docs_dir=docs_dir, overlay_dir=overlay_dir, today=today)
            check_page_sources(data, docs_dir)
            folders = POSTER_FOLDERS + ((LOCAL_FOLDER,) if data.edition else ())
            posters = poster_pages(docs_dir, data.trees, folders)
        except (DataError, PageError) as error:
            raise BuildError(str(error)) from None
        feeds = calendar_feeds(data, site_url, feed_day)
        return Site(data=data, project_dir=project_dir, posters=posters, feeds=feeds, data_key=data_key)

    # The same data, pages and code give the same Site: the last build's is read back instead of
    # parsing and validating every file again (macros/cache.py; MED_NO_SHORTCUTS=1 turns it off).
    # The pages are part of the key, for the loader checks the links and anchors the data has
    # into them.
    data_key = content_key(
        [str(project_dir), site_url, today.isoformat(), feed_day.isoformat()],
        tree_fingerprint(data_dir, overlay_dir),
        code_fingerprint(),
    )
    site = cached_object("site", content_key(data_key, tree_fingerprint(docs_dir)), load)
    booklet = project_dir / settings["booklet"] if settings.get("booklet") else None
    # Not part of the cached Site: `make pdf` writes it between two builds of the same pages.
    return dataclasses.replace(site, booklet=booklet if booklet is not None and booklet.is_file() else None)


def calendar_feeds(data: Dataset, site_url: str | None, today: date) -> dict[str, bytes]:
    """Every calendar feed, or one line saying which the data could not give."""
    from . import ical  # icalendar is only needed when the feeds are made, not when they are cached

    try:
        return ical.feeds(data, site_url, today)
    except Exception as error:  # noqa: BLE001 - a library's complaint becomes one line
        raise BuildError(f"the calendar feeds cannot be made from data/programmes/: {type(error).__name__}: {error}") from None


def calendar_today(environ: Mapping[str, str] = os.environ) -> date:
    """The day the calendar counts from: MED_TODAY (YYYY-MM-DD) for previews and tests, else the build day."""
    override = environ.get("MED_TODAY")
    if override:
        try:
            return date.fromisoformat(override)
        except ValueError:
            raise BuildError(f"MED_TODAY must be a date written YYYY-MM-DD, got '{override}'") from None
    return build_day(environ)


def macro_registrar(
    add: Callable[[Callable[..., str], str], Any],
    current_page: Callable[[], tuple[str, Mapping[str, Any]]],
    memo: CallMemo | None = None,
    fail: Callable[[str], NoReturn] | None = None,
) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """A decorator that registers a macro with the engine (`add(function, name)`), with the
    boundary every macro needs: anything it
    raises stops the build with one line naming the page and the macro, never a traceback.

    Bad data is refused by the loader before any page is rendered; this catches what only a
    page can get wrong (an unknown id in a macro call) and anything unforeseen.

    `current_page()` gives the path in docs/ and the front matter of the page being rendered.
    With a `memo` (see `macro_memo`), a call's result is kept for the next build under the page,
    its front matter and the call: a macro is a pure function of those and what the memo's key
    holds, so a build that changed only prose renders no component again.

    `fail(message)` stops the build (default: `stop`).
    """
    fail = fail or stop

    def register(function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> str:
            try:
                if memo is None:
                    return function(*args, **kwargs)
                call = content_key(*current_page(), function.__name__, args, kwargs)
                return memo(call, lambda: function(*args, **kwargs))
            except Exception as error:  # noqa: BLE001 - the boundary: one line, whatever it was
                fail(f"docs/{current_page()[0]}: {_call(function.__name__, args, kwargs)}: {_describe(error)}")

        add(guarded, function.__name__)
        return guarded

    return register


def macro_memo(site: Site, config: Mapping[str, Any], pages: Callable[[], SitePages]) -> CallMemo:
    """The memo of the macros' results for this build, keyed by everything a macro reads besides
    its page and its arguments: the data and code (`Site.data_key`), the component templates,
    the site's settings, the posters, and every page's path and address (links between pages)."""

    def key() -> str:
        return content_key(
            site.data_key,
            tree_fingerprint(COMPONENTS_DIR),
            [config.get("site_name"), config.get("use_directory_urls"), config.get("extra")],
            list(pages().urls.items()), pages().links_from_source,
            [repr(poster) for poster in site.posters],
            [str(site.booklet), site.booklet.stat().st_size] if site.booklet else None,
        )

    return CallMemo("macros", key)


def stop(message: str) -> NoReturn:
    """End the build with one error line. mkdocs-macros turns any exception raised while a page
    renders into a report with its traceback, so the build ends here; nothing is written yet."""
    logging.getLogger("mkdocs.plugins.med").error(message)
    raise SystemExit(1)


def _call(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    shown = [repr(arg) for arg in args] + [f"{key}={value!r}" for key, value in kwargs.items()]
    return f"{name}({', '.join(shown)})"


def _describe(error: Exception) -> str:
    if isinstance(error, (BuildError, DataError, PageError, LinkError)):
        return str(error)
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return f"{type(error).__name__}: {error}"


def short_link_files(site: Site, pages: SitePages, site_url: str | None) -> dict[str, str]:
    """The short link pages, by site path, leading on to the pages as this build placed them."""

    def page_url(src_path: str) -> str:
        url = pages.urls.get(src_path)
        if url is None:
            raise BuildError(f"docs/{src_path}: this page is missing, and a short link leads to it")
        return url

    return short_link_pages(site.data, page_url, site_url)
