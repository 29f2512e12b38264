"""What one build of the site needs from its configuration: where the data is, loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.exceptions import PluginError

from .errors import DataError, PageError
from .links import PageLinks
from .loader import Dataset, load_dataset
from .edition import LOCAL_FOLDER
from .render.posters import POSTER_FOLDERS, PosterPage, poster_pages
from .render.printing import check_page_sources

SUPPORTED_MKDOCS_MAJOR = 1


@dataclass
class Site:
    """The validated data of this build, the posters among its pages, and where its files are."""

    data: Dataset
    project_dir: Path
    posters: list[PosterPage]


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
    try:
        data = load_dataset(data_dir, docs_dir=docs_dir, overlay_dir=overlay_dir)
        check_page_sources(data, docs_dir)
        folders = POSTER_FOLDERS + ((LOCAL_FOLDER,) if data.edition else ())
        return Site(data=data, project_dir=project_dir, posters=poster_pages(docs_dir, data.trees, folders))
    except (DataError, PageError) as error:
        raise PluginError(str(error)) from None


def build_day(environ: Mapping[str, str] = os.environ) -> date:
    """The day of the build: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


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


def write_files(site_dir: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write files the build makes itself (feeds, short links) into the site, by site path."""
    written = []
    for path, content in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        written.append(target)
    return written
