"""The Zensical adapter: Zensical's mkdocs-macros layer on the engine-neutral build.

Zensical (0.0.73) runs the `macros` plugin entry as a Markdown extension that calls the
module's `define_env(env)` once per page, with a fresh env: `env.conf` is the project's
configuration (`root_dir` the folder of the config file, `docs_dir` relative to it), `env.page`
has `url`, `path`, `title` and `meta`, and there are no other hooks and no list of files.
So here, per page: the Site is loaded once per process (and its files scanned once), the macros
are registered against this page, and what MkDocs' post-page hook puts in the page's metadata
is computed now, as plain data. The work after the pages is `python -m macros.postbuild`.

Not done yet (issue #16): the abbreviations' glossary and the bundled styles and scripts must
be in the configuration before Zensical reads it (a generated config), and editions need a
project root of their own.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..assets import BUNDLED_CSS, BUNDLED_JS, configured_bundles
from ..config import read_config, write_config
from ..components import MacroContext, register_macros
from ..errors import BuildError, PageError
from ..pagemeta import page_meta, page_stylesheet_meta
from ..pages import SitePages, scan_pages
from ..render.abbreviations import abbreviation_titles
from ..render.core import prose_variables
from ..site import Site, load_site, macro_registrar, stop

_loaded: dict[str, tuple[Site, SitePages]] = {}


def _tree_state(*folders: Path | None) -> list[tuple[str, int, int]]:
    """Every file below `folders` by path, size and time: cheap enough for every page, so a
    change during `zensical serve` loads the data again."""
    state = []
    for folder in folders:
        if folder is None:
            continue
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                status = os.stat(os.path.join(root, name))
                state.append((os.path.join(root, name), status.st_size, status.st_mtime_ns))
    return state


def project(conf: Mapping[str, Any]) -> tuple[Path, dict[str, Any]]:
    """The project's folder and its configuration with `docs_dir` absolute, as the core reads it."""
    root = Path(conf.get("root_dir") or ".").resolve()
    return root, {**conf, "docs_dir": str((root / conf.get("docs_dir", "docs")).resolve())}


def loaded(conf: Mapping[str, Any]) -> tuple[Site, SitePages, dict[str, Any]]:
    """The Site and the site's files, loaded once per process while the inputs stay the same."""
    root, config = project(conf)
    settings = (config.get("extra") or {}).get("med") or {}
    docs_dir = Path(config["docs_dir"])
    key = repr((str(root), config.get("site_url"), config.get("use_directory_urls", True), settings,
                _tree_state(root / settings.get("data", "data"), docs_dir)))
    if key not in _loaded:
        _loaded.clear()
        try:
            site = load_site(config, root)
        except BuildError as error:
            stop(str(error))
        _loaded[key] = (site, scan_pages(docs_dir, config.get("use_directory_urls", True)))
    site, pages = _loaded[key]
    return site, pages, config


def plain(value: Any) -> Any:
    """Metadata as Zensical passes it on to its templates: plain data only."""
    if isinstance(value, Markup):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def define_env(env: Any) -> None:
    site, pages, config = loaded(env.conf)
    page = env.page
    src_uri = page.path

    def current_page() -> tuple[str, Mapping[str, Any]]:
        return src_uri, page.meta

    env.variables.update(prose_variables(site.data.prose_names))
    macro = macro_registrar(env.macro, current_page)
    register_macros(macro, MacroContext(site, config, current_page, lambda: pages))
    site_url = config.get("site_url")
    canonical = urljoin(site_url, pages.urls.get(src_uri, "")) if site_url else None
    try:
        added = page_meta(site, pages, config, src_uri, page.meta, page.title, canonical)
    except (BuildError, PageError) as error:
        stop(str(error))
    page.meta.update(plain(added))
    page.meta.update(plain(page_stylesheet_meta(configured_bundles(config), src_uri, page.meta)))


GENERATED_CONFIG = ".zensical.yml"


def zensical_config(config_file: Path) -> dict[str, Any]:
    """The configuration Zensical builds from: mkdocs.yml (INHERIT merged) with what the MkDocs
    adapter sets in `define_env` set beforehand, since Zensical reads its configuration before
    any macro runs: the abbreviations' glossary for the `abbr` extension, and the bundled
    styles and scripts in place of their sources (kept in `extra.med.sources`)."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    try:
        site = load_site(config, root)
    except BuildError as error:
        stop(str(error))
    # Zensical wants docs_dir inside the project's folder, and written relative to it.
    config["docs_dir"] = os.path.relpath(config["docs_dir"], root)
    med = config.setdefault("extra", {}).setdefault("med", {})
    med["sources"] = {"extra_css": config.get("extra_css") or [], "extra_javascript": config.get("extra_javascript") or []}
    config["extra_css"], config["extra_javascript"] = [BUNDLED_CSS], [BUNDLED_JS]
    glossary = {"abbr": {"glossary": abbreviation_titles(site.data.terms)}}
    config["markdown_extensions"] = [
        glossary if extension == "abbr" or (isinstance(extension, Mapping) and "abbr" in extension) else extension
        for extension in config.get("markdown_extensions") or []
    ]
    return config


def main(argv: list[str] | None = None) -> int:
    """`python -m macros.engines.zensical [-f mkdocs.yml]`: write the configuration for Zensical
    beside the given one, as .zensical.yml, and print its path."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m macros.engines.zensical", description=main.__doc__)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    options = parser.parse_args(argv)
    target = options.config_file.parent / GENERATED_CONFIG
    text = "# Generated by python -m macros.engines.zensical from " + options.config_file.name + "; do not edit.\n"
    target.write_text(text + write_config(zensical_config(options.config_file)), encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
