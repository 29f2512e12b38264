"""The Zensical adapter: Zensical's mkdocs-macros layer on the engine-neutral build.

Zensical (0.0.73) runs the `macros` plugin entry as a Markdown extension that calls the
module's `define_env(env)` once per page, with a fresh env: `env.conf` is the project's
configuration (`root_dir` the folder of the config file, `docs_dir` relative to it), `env.page`
has `url`, `path`, `title` and `meta`, and there are no other hooks and no list of files. It
reads its whole configuration before any page, imports the macros module from the folder of
the configuration file, and wants `docs_dir` inside that folder.

So the build runs in three steps, which `python -m macros.engines.zensical build` takes in turn:

1. **A generated configuration** at the project's root (`.zensical.yml`, or
   `.zensical-<edition>.yml` for an edition): mkdocs.yml with INHERIT merged, every path made
   relative to the root (so an edition's `../../docs` becomes `docs`), and set beforehand what
   the MkDocs adapter sets in `define_env`: the abbreviations' glossary for the `abbr`
   extension, the bundled styles and scripts, and an edition's navigation. The data is loaded
   and checked here first, so bad data stops the build with one line before Zensical starts.
2. **Zensical's build**, strict and with its cache emptied first (it would keep a page whose
   source did not change, and the macros read more than that), calling `define_env` per page: the Site is loaded once per process
   (and the site's files scanned once), the macros are registered against this page, and what
   MkDocs' post-page hook puts in the page's metadata is computed now, as plain data. Links in
   the HTML the macros write are relative to the page's source file, which is how Zensical
   reads them (`SitePages.links_from_source`).
3. **The step after the pages** (macros/postbuild.py) over the written site: feeds, short
   links, bundles (Zensical's own search index is left as it wrote it).

`serve` runs Zensical's server on a configuration generated the same way (`.zensical-serve.yml`,
writing a folder of its own) and runs step 3 again after every rebuild it sees in that folder.
Zensical writes only inside the project's root: `build` makes a site asked for elsewhere in a
folder of the root and moves it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urljoin

from markupsafe import Markup

from ..assets import BUNDLED_CSS, BUNDLED_JS, configured_bundles
from ..components import MacroContext, register_macros
from ..config import read_config, write_config
from ..edition import edition_nav
from ..errors import BuildError, DataError, PageError
from ..pagemeta import page_meta, page_stylesheet_meta
from ..pages import SitePages, scan_pages
from ..postbuild import post_build
from ..render.abbreviations import abbreviation_titles
from ..render.core import prose_variables
from ..site import Site, load_site, macro_registrar

# Styles for what only Zensical's theme needs, bundled with the site's own under Zensical.
ZENSICAL_CSS = "assets/stylesheets/zensical.css"
# The folder that holds the `macros` package: the root of every generated configuration.
PROJECT_ROOT = Path(__file__).resolve().parents[2]

_loaded: dict[str, tuple[Site, SitePages]] = {}
# Each problem is reported once, however many pages run into it.
_reported: list[str] = []


def fail(message: str) -> NoReturn:
    """Stop the build on a problem with one line, said once for the whole build."""
    if message not in _reported:
        _reported.append(message)
        print(f"error: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


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
    overlay = root / settings["overlay"] if settings.get("overlay") else None
    key = repr((str(root), config.get("site_url"), config.get("use_directory_urls", True), settings,
                _tree_state(root / settings.get("data", "data"), overlay, docs_dir)))
    if key not in _loaded:
        _loaded.clear()
        try:
            site = load_site(config, root)
        except BuildError as error:
            fail(str(error))
        pages = scan_pages(docs_dir, config.get("use_directory_urls", True), config.get("exclude_docs") or "",
                           links_from_source=True)
        _loaded[key] = (site, pages)
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
    macro = macro_registrar(env.macro, current_page, fail=fail)
    register_macros(macro, MacroContext(site, config, current_page, lambda: pages))
    site_url = config.get("site_url")
    canonical = urljoin(site_url, pages.urls.get(src_uri, "")) if site_url else None
    try:
        added = page_meta(site, pages, config, src_uri, page.meta, page.title, canonical)
    except (BuildError, PageError) as error:
        fail(str(error))
    page.meta.update(plain(added))
    page.meta.update(plain(page_stylesheet_meta(configured_bundles(config), src_uri, page.meta)))


# --- The generated configuration ---------------------------------------------------------------

def generated_config_file(config_file: Path, root: Path = PROJECT_ROOT, purpose: str = "") -> Path:
    """Where the configuration for Zensical is written: `.zensical.yml` for the guide's own
    mkdocs.yml, `.zensical-<folder>.yml` for one in another folder (an edition's); with a
    `purpose` ('serve') in the name, so a server and a build never share one."""
    folder = config_file.resolve().parent
    parts = [part for part in (purpose, "" if folder == root else folder.name) if part]
    return root / "".join([".zensical", *(f"-{part}" for part in parts), ".yml"])


def rebased(config: Mapping[str, Any], source: Path, root: Path, site_dir: Path) -> dict[str, Any]:
    """The configuration read from a file in `source`, with its paths made relative to `root`,
    where the generated file is written: `docs_dir` (absolute, as `read_config` gives it), the
    theme's `custom_dir`, the data, overlay and booklet of `extra.med` and `watch`. The macros
    module is the package at the root, by name. `docs_dir` must lie inside the root."""

    def moved(path: str) -> str:
        return os.path.relpath((source / path).resolve(), root)

    config = dict(config)
    docs_dir = Path(config["docs_dir"])
    if not docs_dir.is_relative_to(root):
        raise BuildError(f"docs_dir {docs_dir}: Zensical builds only from pages inside {root}")
    config["docs_dir"] = os.path.relpath(docs_dir, root)
    config["site_dir"] = os.path.relpath(site_dir.resolve(), root)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = moved(theme["custom_dir"])
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    med = dict(extra.get("med") or {})
    for key in ("data", "overlay", "booklet"):
        if med.get(key):
            med[key] = moved(med[key])
    extra["med"] = med
    config["extra"] = extra
    if config.get("watch"):
        config["watch"] = [moved(path) for path in config["watch"]]
    config["plugins"] = [
        {"macros": {**plugin["macros"], "module_name": "macros"}} if isinstance(plugin, Mapping) and "macros" in plugin
        else plugin
        for plugin in config.get("plugins") or []
    ]
    return config


def zensical_config(config: Mapping[str, Any], site: Site) -> dict[str, Any]:
    """Set beforehand what the MkDocs adapter sets in `define_env`, since Zensical reads its
    configuration before any macro runs: the abbreviations' glossary for the `abbr` extension,
    the bundled styles and scripts in place of their sources (kept in `extra.med.sources`, with
    the styles only Zensical's theme needs),
    and an edition's navigation. The theme gets Material's look (the classic variant), and
    `extra.med.engine` tells the templates which engine renders them."""
    config = dict(config)
    extra = dict(config.get("extra") or {})
    extra["med"] = {**(extra.get("med") or {}), "sources": {
        "extra_css": [*(config.get("extra_css") or []), ZENSICAL_CSS],
        "extra_javascript": config.get("extra_javascript") or [],
    }}
    extra["med"]["engine"] = "zensical"
    config["extra"] = extra
    config["extra_css"], config["extra_javascript"] = [BUNDLED_CSS], [BUNDLED_JS]
    # Material's look, which the site's styles are made for, rather than Zensical's newer one.
    config["theme"] = {"variant": "classic", **(config.get("theme") or {})}
    glossary = {"abbr": {"glossary": abbreviation_titles(site.data.terms)}}
    config["markdown_extensions"] = [
        glossary if extension == "abbr" or (isinstance(extension, Mapping) and "abbr" in extension) else extension
        for extension in config.get("markdown_extensions") or []
    ]
    if site.data.edition is not None and config.get("nav"):
        config["nav"] = edition_nav(config["nav"], site.data.edition, site.data.prose_names)
    return config


def write_generated(config_file: Path, site_dir: Path, root: Path = PROJECT_ROOT, purpose: str = "") -> Path:
    """Load and check the data, then write the configuration Zensical builds from; its path.
    Bad data or configuration raises BuildError with its one line."""
    config = read_config(config_file)
    site = load_site(config, config_file.resolve().parent)
    config = zensical_config(rebased(config, config_file.resolve().parent, root, site_dir), site)
    target = generated_config_file(config_file, root, purpose)
    text = f"# Generated by python -m macros.engines.zensical from {os.path.relpath(config_file.resolve(), root)}; do not edit.\n"
    target.write_text(text + write_config(config), encoding="utf-8")
    return target


def after_pages(generated: Path, site_dir: Path) -> None:
    """The step after the pages over the site Zensical wrote, from the generated configuration."""
    config = read_config(generated)
    site = load_site(config, generated.parent)
    pages = scan_pages(Path(config["docs_dir"]), config.get("use_directory_urls", True), config.get("exclude_docs") or "")
    post_build(site_dir, site, pages, configured_bundles(config), config.get("site_url"))


# --- Commands -----------------------------------------------------------------------------------

@dataclasses.dataclass
class Output:
    text: str = ""


@contextlib.contextmanager
def captured_output() -> Iterator[Output]:
    """What is written to the standard output and error meanwhile, by Python or by Zensical's
    native code, kept in `Output.text` instead of shown."""
    output = Output()
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with tempfile.TemporaryFile() as buffer:
        os.dup2(buffer.fileno(), 1)
        os.dup2(buffer.fileno(), 2)
        try:
            yield output
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for descriptor in saved:
                os.close(descriptor)
            buffer.seek(0)
            output.text = buffer.read().decode("utf-8", "replace")

def build(config_file: Path, site_dir: Path) -> int:
    """Build the site into `site_dir` with Zensical, strict, then the step after the pages. On a
    problem: one line, exit status 1, and nothing of this build left in `site_dir`.

    Zensical writes only inside the project's root; a site asked for elsewhere is built in a
    folder of the root and moved there."""
    existed = site_dir.exists()
    inside = site_dir.resolve().is_relative_to(PROJECT_ROOT)
    work = site_dir if inside else PROJECT_ROOT / f".zensical-site-{os.getpid()}"
    try:
        generated = write_generated(config_file, work)
        run_zensical(generated)
        after_pages(generated, work)
        if not inside:
            emptied(site_dir)
            for child in sorted(work.iterdir()):
                shutil.move(child, site_dir / child.name)
    except (BuildError, DataError, PageError, OSError) as error:
        if str(error):
            print(f"error: {error}", file=sys.stderr)
        if site_dir.exists():
            emptied(site_dir) if existed else shutil.rmtree(site_dir, ignore_errors=True)
        return 1
    finally:
        if not inside:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def run_zensical(generated: Path) -> None:
    """Zensical's strict build from the generated configuration; a problem is a BuildError."""
    import zensical

    with captured_output() as output:
        try:
            # From an empty cache: Zensical's keeps a page's rendering while its source and the
            # folders it watches stay the same, and a page's macros read more than that (whether
            # a booklet has been written, the day of the build).
            zensical.build(str(generated), {"strict": True, "clean": True})
            failed = None
        except (Exception, SystemExit) as error:  # noqa: BLE001 - Zensical's boundary: one line, whatever it was
            failed = error
    if failed is None:
        sys.stdout.write(output.text)
    elif _reported:
        # The pages that link to a page that failed are Zensical's follow-on warnings: the
        # problem is the one line said for it.
        raise BuildError("\nerror: ".join(_reported))
    else:
        sys.stdout.write(output.text)
        first = (str(failed).strip().splitlines() or [""])[0]
        raise BuildError(f"Zensical stopped the build: {type(failed).__name__}: {first}")


def emptied(folder: Path) -> None:
    """Take everything out of `folder`, which stays."""
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


def _written_state(site_dir: Path) -> float:
    """When Zensical last wrote the site: the newest time among the pages it writes."""
    times = [path.stat().st_mtime for path in (site_dir / "index.html", site_dir / "search.json") if path.exists()]
    return max(times, default=0.0)


def watch_rebuilds(site_dir: Path, step: Callable[[], None], interval: float = 0.5) -> threading.Thread:
    """Run `step` after each rebuild Zensical's server writes into `site_dir`, once the site has
    been quiet for `interval` seconds, in a thread that ends with the process."""

    def run() -> None:
        done = 0.0
        while True:
            time.sleep(interval)
            state = _written_state(site_dir)
            if state > done and time.time() - state > interval:
                try:
                    step()
                except (BuildError, DataError, PageError, OSError) as error:
                    print(f"error: {error}", file=sys.stderr)
                done = _written_state(site_dir)

    thread = threading.Thread(target=run, name="med-after-pages", daemon=True)
    thread.start()
    return thread


def serve(config_file: Path, site_dir: Path, dev_addr: str) -> int:
    """Serve the site with Zensical's server, rebuilt on every change, with the step after the
    pages run again after each rebuild."""
    import zensical

    try:
        if not site_dir.resolve().is_relative_to(PROJECT_ROOT):
            raise BuildError(f"{site_dir}: Zensical serves only a site inside {PROJECT_ROOT}")
        generated = write_generated(config_file, site_dir, purpose="serve")
    except (BuildError, DataError, PageError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    watch_rebuilds(site_dir, lambda: after_pages(generated, site_dir))
    zensical.serve(str(generated), {"dev_addr": dev_addr, "open": False, "strict": False})
    return 0


def main(argv: list[str] | None = None) -> int:
    """python -m macros.engines.zensical {build,serve,config} [-f mkdocs.yml] [-d SITE_DIR]"""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m macros.engines.zensical",
                                     description="Build or serve the site with Zensical.")
    parser.add_argument("command", choices=("build", "serve", "config"),
                        help="build the site; serve it; or only write the configuration for Zensical")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-d", "--site-dir", type=Path, help="where the site is written (default: site-zensical)")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="serve: the address to serve on")
    options = parser.parse_args(argv)
    site_dir = options.site_dir or Path("site-zensical")
    if options.command == "build":
        return build(options.config_file, site_dir)
    if options.command == "serve":
        return serve(options.config_file, site_dir, options.dev_addr)
    try:
        print(write_generated(options.config_file, site_dir))
    except (BuildError, DataError, PageError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # Run as the package's module, so the build and the pages share one adapter's state.
    from macros.engines.zensical import main as package_main

    raise SystemExit(package_main())
