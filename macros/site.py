"""What one build of the site needs from its configuration: where the data is, loaded once."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import mkdocs
from mkdocs.exceptions import PluginError

from .cache import CallMemo, cached_object, code_fingerprint, content_key, tree_fingerprint
from .clock import build_day
from .errors import DataError, PageError
from .links import LinkError, PageLinks
from .loader import Dataset, load_dataset
from .output import remove_on_failure
from .edition import LOCAL_FOLDER
from .render.posters import POSTER_FOLDERS, PosterPage, poster_pages
from .render.core import COMPONENTS_DIR
from .render.printing import check_page_sources
from .render.training import short_link_pages

SUPPORTED_MKDOCS_MAJOR = 1


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


def check_mkdocs_version(version: str = mkdocs.__version__) -> None:
    """Stop early on MkDocs 2, which runs no plugins: the site would silently lose its data."""
    major = int(version.split(".")[0])
    if major != SUPPORTED_MKDOCS_MAJOR:
        raise PluginError(
            f"MED-guiden needs MkDocs 1.x (found {version}); MkDocs 2 does not run plugins. "
            "Install the pinned versions with 'make serve' or 'make test'."
        )


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
            raise PluginError(str(error)) from None
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
    remove_on_failure(config)
    booklet = project_dir / settings["booklet"] if settings.get("booklet") else None
    # Not part of the cached Site: `make pdf` writes it between two builds of the same pages.
    return dataclasses.replace(site, booklet=booklet if booklet is not None and booklet.is_file() else None)


def calendar_feeds(data: Dataset, site_url: str | None, today: date) -> dict[str, bytes]:
    """Every calendar feed, or one line saying which the data could not give."""
    from . import ical  # icalendar is only needed when the feeds are made, not when they are cached

    try:
        return ical.feeds(data, site_url, today)
    except Exception as error:  # noqa: BLE001 - a library's complaint becomes one line
        raise PluginError(f"the calendar feeds cannot be made from data/programmes/: {type(error).__name__}: {error}") from None


def calendar_today(environ: Mapping[str, str] = os.environ) -> date:
    """The day the calendar counts from: MED_TODAY (YYYY-MM-DD) for previews and tests, else the build day."""
    override = environ.get("MED_TODAY")
    if override:
        try:
            return date.fromisoformat(override)
        except ValueError:
            raise PluginError(f"MED_TODAY must be a date written YYYY-MM-DD, got '{override}'") from None
    return build_day(environ)


def page_links(env: Any) -> PageLinks:
    """Links relative to the page mkdocs-macros is rendering now."""
    return PageLinks(env.variables["files"], env.page.file)


@contextmanager
def page_errors() -> Iterator[None]:
    """A page set up wrongly stops the build with its one-line message, not a traceback."""
    try:
        yield
    except PageError as error:
        raise PluginError(str(error)) from None


def macro_registrar(env: Any, memo: CallMemo | None = None) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """A decorator that registers a macro, with the boundary every macro needs: anything it
    raises stops the build with one line naming the page and the macro, never a traceback.

    Bad data is refused by the loader before any page is rendered; this catches what only a
    page can get wrong (an unknown id in a macro call) and anything unforeseen.

    With a `memo` (see `macro_memo`), a call's result is kept for the next build under the page,
    its front matter and the call: a macro is a pure function of those and what the memo's key
    holds, so a build that changed only prose renders no component again.
    """

    def register(function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> str:
            try:
                if memo is None:
                    return function(*args, **kwargs)
                call = content_key(env.page.file.src_uri, env.page.meta, function.__name__, args, kwargs)
                return memo(call, lambda: function(*args, **kwargs))
            except Exception as error:  # noqa: BLE001 - the boundary: one line, whatever it was
                stop(f"docs/{env.page.file.src_uri}: {_call(function.__name__, args, kwargs)}: {_describe(error)}")

        env.macro(guarded, function.__name__)
        return guarded

    return register


def macro_memo(env: Any, site: Site) -> CallMemo:
    """The memo of the macros' results for this build, keyed by everything a macro reads besides
    its page and its arguments: the data and code (`Site.data_key`), the component templates,
    the site's settings, the posters, and every page's path and address (links between pages)."""

    def key() -> str:
        files = env.variables["files"]
        return content_key(
            site.data_key,
            tree_fingerprint(COMPONENTS_DIR),
            [env.conf.get("site_name"), env.conf.get("use_directory_urls"), env.conf.get("extra")],
            [(file.src_uri, file.url) for file in files],
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
    if isinstance(error, (DataError, PageError, LinkError)):
        return str(error)
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return f"{type(error).__name__}: {error}"


def short_link_files(env: Any) -> dict[str, str]:
    """The short link pages, by site path, leading on to the pages as this build placed them."""
    files = env.variables["files"]

    def page_url(src_path: str) -> str:
        file = files.get_file_from_path(src_path)
        if file is None:
            raise PluginError(f"docs/{src_path}: this page is missing, and a short link leads to it")
        return file.url

    return short_link_pages(env.med_site.data, page_url, env.conf.get("site_url"))
