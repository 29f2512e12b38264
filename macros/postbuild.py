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

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .assets import Bundles, bundle_files, plan_bundles
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


def read_config(config_file: Path, environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """mkdocs.yml as a plain mapping, as far as this package reads it: `INHERIT` merged in,
    `!ENV` resolved, other tags (Python objects for Markdown extensions) left as None, and
    `docs_dir` made absolute from the file's folder, as MkDocs does."""
    config = _read_yaml(config_file, environ)
    config["docs_dir"] = str((config_file.parent / config.get("docs_dir", "docs")).resolve())
    if config.get("site_url") and not config["site_url"].endswith("/"):
        config["site_url"] += "/"  # MkDocs reads site_url as a folder
    return config


def _read_yaml(config_file: Path, environ: Mapping[str, str]) -> dict[str, Any]:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
        *variables, default = names if len(names) > 1 else (*names, None)
        return next((environ[name] for name in variables if name in environ), default)

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{config_file}: cannot read the configuration ({error})") from None
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merged(_read_yaml(config_file.parent / parent, environ), config)
    return config


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merged key by key, anything else replaced."""
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


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
        pages = scan_pages(Path(config["docs_dir"]), use_directory_urls)
        bundles = plan_bundles(config.get("extra_css") or [], [_script_path(s) for s in config.get("extra_javascript") or []])
        post_build(options.site_dir, site, pages, bundles, config.get("site_url"))
    except (BuildError, DataError, PageError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _script_path(script: Any) -> str:
    return str(script["path"]) if isinstance(script, dict) else str(script)


if __name__ == "__main__":
    sys.exit(main())
