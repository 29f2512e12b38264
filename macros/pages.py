"""The site's pages as any engine lays them out: where a page of docs/ is published, links
between pages, and what a page's front matter and first heading say.

Pure functions with MkDocs' rules (`use_directory_urls`, README as index, front matter), so the
core of the build reads no engine: the MkDocs adapter fills `SitePages` from MkDocs' files, an
engine without such a list fills it by scanning docs/ (`scan_pages`).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pathspec
import yaml

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass(frozen=True)
class SitePages:
    """Every file of the site by its path in docs/ ('roller.md') → its URL from the site's root
    ('roller/'), whether pages are folders (`use_directory_urls`), and how the engine reads a
    relative link in a page's HTML.

    MkDocs leaves the HTML a page's macros write as it is, so a link there is relative to the
    page's address ('../roller/#leder'). Zensical reads every relative link in a page, HTML
    included, as a path from the page's source file and rewrites it ('roller.md#leder'):
    `links_from_source`.
    """

    urls: Mapping[str, str]
    use_directory_urls: bool = True
    links_from_source: bool = False


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where a file of docs/ is published, as MkDocs places it: 'a/b.md' → 'a/b/' (or 'a/b.html'),
    'a/index.md' and 'a/README.md' → 'a/'; any other file keeps its path."""
    if not src_uri.endswith(MARKDOWN_SUFFIXES):
        return quote(src_uri)
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        dest = posixpath.join(parent, stem + ".html")
    else:
        dest = posixpath.join(parent, stem, "index.html")
    dirname, name = posixpath.split(dest)
    if use_directory_urls and name == "index.html":
        dest = (dirname or ".") + "/"
    return quote(dest)


def scan_pages(docs_dir: Path, use_directory_urls: bool = True, exclude_docs: str = "",
               links_from_source: bool = False) -> SitePages:
    """The site's files found in docs/ as MkDocs chooses them: hidden files and folders and
    /templates/ left out, and what `exclude_docs` (gitignore patterns) names."""
    excluded = pathspec.GitIgnoreSpec.from_lines([".*", "/templates/", *exclude_docs.splitlines()])
    urls: dict[str, str] = {}
    for root, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            src_uri = Path(root, name).relative_to(docs_dir).as_posix()
            if not excluded.match_file(src_uri):
                urls[src_uri] = page_url(src_uri, use_directory_urls)
    return SitePages(urls, use_directory_urls, links_from_source)


def _norm_parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


def relative_url(url: str, other: str) -> str:
    """`url` relative to the page at `other`, both from the site's root ('roller/', 'svar/x/').
    The last part of `other` is a file's name when it has a dot; '..' never climbs above the root."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _norm_parts(other), _norm_parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def source_relative(target_src: str, from_src: str) -> str:
    """A file of docs/ as a relative link from the page whose source is `from_src`, the form
    Markdown links take and every engine resolves: from 'svar/x.md', 'roller.md' is '../roller.md'."""
    return posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")


def markdown_title(markdown: str) -> str | None:
    """The page's title from its first line, when that is a level-one heading ('# Roller')."""
    for line in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        return line.lstrip("# ") if line.startswith("# ") else None
    return None


_YAML_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """(the page's Markdown, its front matter) as MkDocs reads them: YAML between '---' lines,
    else MultiMarkdown's 'key: value' lines; unreadable YAML counts as none."""
    if match := _YAML_FRONT.match(text):
        try:
            data = yaml.load(match.group(1), _SafeLoader)
        except Exception:  # noqa: BLE001 - MkDocs reads a page with bad front matter as having none
            return text, {}
        if isinstance(data, dict):
            return text[match.end():].lstrip("\n"), data
        return text, {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, Any] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if first := _META.match(line):
            key = first.group("key").lower().strip()
            value = first.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n"), data
