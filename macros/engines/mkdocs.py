"""The MkDocs adapter: mkdocs-macros' hooks on the engine-neutral build, and every import of MkDocs.

mkdocs-macros calls `define_env` once per build, `on_pre_page_macros` and `on_post_page_macros`
around each page and `on_post_build` at the end (through `macros/__init__.py`). A `BuildError` or
`PageError` of the core becomes MkDocs' PluginError, which MkDocs prints as one line and stops on.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.exceptions import PluginError
from mkdocs.utils import clean_directory

from ..assets import BUNDLED_CSS, BUNDLED_JS, plan_bundles
from ..cache import reuse_compiled_pages, shortcuts_off
from ..components import MacroContext, register_macros
from ..edition import edition_nav
from ..errors import BuildError, PageError
from ..pagemeta import page_meta, page_stylesheet_meta
from ..pages import SitePages, markdown_title
from ..postbuild import post_build
from ..render.abbreviations import abbreviation_definitions, abbreviation_titles
from ..render.core import prose_variables
from ..site import load_site, macro_memo, macro_registrar

SUPPORTED_MKDOCS_MAJOR = 1
log = logging.getLogger("mkdocs.plugins.med")


def check_mkdocs_version(version: str = mkdocs.__version__) -> None:
    """Stop early on MkDocs 2, which runs no plugins: the site would silently lose its data."""
    major = int(version.split(".")[0])
    if major != SUPPORTED_MKDOCS_MAJOR:
        raise PluginError(
            f"MED-guiden needs MkDocs 1.x (found {version}); MkDocs 2 does not run plugins. "
            "Install the pinned versions with 'make serve' or 'make test'."
        )


@contextmanager
def reported() -> Iterator[None]:
    """The core's one-line errors as MkDocs' own: one line, no traceback, the build stopped."""
    try:
        yield
    except (BuildError, PageError) as error:
        raise PluginError(str(error)) from None


class FileUrls(Mapping[str, str]):
    """MkDocs' files as the core's map of path in docs/ → URL from the site's root."""

    def __init__(self, files: Any):
        self._files = files

    def __getitem__(self, src_uri: str) -> str:
        file = self._files.get_file_from_path(src_uri)
        if file is None:
            raise KeyError(src_uri)
        return file.url

    def __iter__(self) -> Iterator[str]:
        return (file.src_uri for file in self._files)

    def __len__(self) -> int:
        return len(self._files)


def site_pages(env: Any) -> SitePages:
    return SitePages(FileUrls(env.variables["files"]), env.conf["use_directory_urls"])


def current_page(env: Any) -> tuple[str, Mapping[str, Any]]:
    return env.page.file.src_uri, env.page.meta


def define_env(env: Any) -> None:
    check_mkdocs_version()
    with reported():
        site = load_site(env.conf, env.project_dir)
    remove_on_failure(env.conf)
    env.med_site = site
    data = site.data
    env.variables.update(prose_variables(data.prose_names))
    if data.edition is not None:
        env.conf["nav"] = edition_nav(env.conf["nav"], data.edition, data.prose_names)
    env.med_memo = macro_memo(site, env.conf, lambda: site_pages(env))
    macro = macro_registrar(env.macro, lambda: current_page(env), env.med_memo)
    # The site's own styles and scripts are served bundled, one file each (macros/assets.py).
    env.med_bundles = plan_bundles(env.conf["extra_css"], env.conf["extra_javascript"])
    env.conf["extra_css"], env.conf["extra_javascript"] = [BUNDLED_CSS], [BUNDLED_JS]
    if not shortcuts_off():
        # Markdown's abbr extension explains the abbreviations in every page's prose from one
        # glossary; appending them to each page instead costs time growing with their square.
        env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = abbreviation_titles(data.terms)
    register_macros(macro, MacroContext(site, env.conf, lambda: current_page(env), lambda: site_pages(env)))


def on_pre_page_macros(env: Any) -> None:
    """Compile each page as a template only when its text is new (mkdocs-macros' Jinja
    environment exists from the first page on)."""
    reuse_compiled_pages(env.env)


def on_post_page_macros(env: Any) -> None:
    """Give the theme what printing needs (macros/pagemeta.py) in the page's metadata."""
    site, page = env.med_site, env.page
    if shortcuts_off():
        env.markdown += abbreviation_definitions(site.data.terms)
    with reported():
        page.meta.update(page_meta(
            site, site_pages(env), env.conf, page.file.src_uri, page.meta, markdown_title(env.markdown),
            page.canonical_url,
        ))
    page.meta.update(page_stylesheet_meta(env.med_bundles, page.file.src_uri, page.meta))


def on_post_build(env: Any) -> None:
    """The step after the pages (macros/postbuild.py); the search plugin comes first in
    mkdocs.yml, so its index is written by now."""
    with reported():
        post_build(Path(env.conf["site_dir"]), env.med_site, site_pages(env), env.med_bundles, env.conf.get("site_url"))
    env.med_memo.save()


def remove_on_failure(config: Any) -> None:
    """Have MkDocs take away what this build wrote when the build fails, at any stage.

    A build that fails must leave no half-written site, also when MkDocs is run directly
    (`mkdocs build -d DIR`) rather than through `make build`, which builds into a fresh directory
    and swaps it in. MkDocs empties the site directory before it writes and stops with an error
    after writing when its strict checks find a problem, so the build takes away what it wrote:
    the directory itself if this build created it, else its contents.

    mkdocs-macros passes no `on_build_error` to the macros module, so the handler joins the
    event's list in MkDocs' plugin collection, as a plugin's method would.
    """
    site_dir = Path(config["site_dir"])
    existed = site_dir.exists()

    def on_build_error(error: BaseException, **_: Any) -> None:
        if not site_dir.exists():
            return
        if existed:
            clean_directory(str(site_dir))
        else:
            shutil.rmtree(site_dir, ignore_errors=True)
        log.debug("Removed the output of the failed build from %s", site_dir)

    events = config["plugins"].events["build_error"]
    events[:] = [handler for handler in events if getattr(handler, "__name__", "") != on_build_error.__name__]
    events.append(on_build_error)
