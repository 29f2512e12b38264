"""The site's own styles and scripts: written one file per component, served as one file each.

`extra_css` and `extra_javascript` in mkdocs.yml name the sources, in cascade and run order.
The build serves their concatenation instead (one request each, not fifteen), written after
the build from the copies MkDocs made of the sources, so a source edited is in the next build.
Two stylesheets stay apart: print.css, linked for print only so that it never blocks drawing
the screen, and poster.css, linked only on the pages that show posters. What is served is
minified (rcssmin, rjsmin: comments and spaces go, nothing is renamed), as a first visit
fetches it; the sources in overrides/ keep their comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import rcssmin
import rjsmin

BUNDLED_CSS = "assets/stylesheets/med-guiden.css"
BUNDLED_JS = "assets/javascripts/med-guiden.js"
PRINT_ONLY = "print.css"
POSTERS_ONLY = "poster.css"


@dataclass
class Bundles:
    """Which sources go into which file, and the stylesheets that stay apart."""

    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    print_css: str | None = None
    poster_css: str | None = None


def plan_bundles(extra_css: Iterable[str], extra_javascript: Iterable[Any]) -> Bundles:
    """Sort mkdocs.yml's stylesheets and scripts (site paths) into the bundles."""
    bundles = Bundles(scripts=[str(script) for script in extra_javascript])
    for path in map(str, extra_css):
        name = PurePosixPath(path).name
        if name == PRINT_ONLY:
            bundles.print_css = path
        elif name == POSTERS_ONLY:
            bundles.poster_css = path
        else:
            bundles.stylesheets.append(path)
    return bundles


def configured_bundles(config: Mapping[str, Any]) -> Bundles:
    """The bundles of a configuration: from its `extra_css` and `extra_javascript`, or – in one
    generated for an engine that is given the bundles themselves – from the sources it keeps in
    `extra.med.sources`."""
    sources = ((config.get("extra") or {}).get("med") or {}).get("sources") or config
    scripts = [script["path"] if isinstance(script, Mapping) else script for script in sources.get("extra_javascript") or []]
    return plan_bundles(sources.get("extra_css") or [], scripts)


def page_stylesheets(bundles: Bundles, src_uri: str, meta: Mapping[str, Any], poster_template: str,
                     poster_folders: Iterable[str]) -> list[dict[str, str]]:
    """The stylesheets a page links besides the bundle, as plain data for the page's metadata
    (path and media): print.css for print, and poster.css on a poster and on the index of
    posters that shows their miniatures."""
    sheets = [{"path": bundles.print_css, "media": "print"}] if bundles.print_css else []
    shows_posters = meta.get("template") == poster_template or src_uri in {f"{f}/index.md" for f in poster_folders}
    if bundles.poster_css and shows_posters:
        sheets.append({"path": bundles.poster_css, "media": "all"})
    return sheets


def minify_css(text: str) -> str:
    return rcssmin.cssmin(text).strip() + "\n"


def minify_js(text: str) -> str:
    return rjsmin.jsmin(text).strip() + "\n"


def concatenate(site_dir: Path, sources: Iterable[str], comment: str, minify) -> str:
    """The sources' text, minified, one after the other, each headed by a comment naming its
    file; `comment` is the comment's form, e.g. '/* {} */'."""
    parts = []
    for source in sources:
        text = minify((site_dir / source).read_text(encoding="utf-8"))
        parts.append(comment.format(source) + "\n" + text)
    return "".join(parts)


def bundle_files(site_dir: Path, bundles: Bundles) -> dict[str, str]:
    """Site path → text of the two bundles, and of print.css and poster.css minified in place.
    Each script starts with a semicolon of its own, so one ending in an expression cannot run
    into the next."""
    apart = {path: minify_css((site_dir / path).read_text(encoding="utf-8"))
             for path in (bundles.print_css, bundles.poster_css) if path}
    return {
        BUNDLED_CSS: concatenate(site_dir, bundles.stylesheets, "/* {} */", minify_css),
        BUNDLED_JS: concatenate(site_dir, bundles.scripts, ";/* {} */", minify_js),
        **apart,
    }
