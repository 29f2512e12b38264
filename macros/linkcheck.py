"""Every internal link and anchor of a written site resolves: a check over the HTML itself.

A site engine's own link check vouches only for the links it understood; a trial build under
another engine passed its strict mode with 136 links left as `/page.md#id`. This check reads
the written `.html` files instead, so it holds for whichever engine wrote them. It imports no
engine and needs no network. Run it as `python -m macros.linkcheck SITE_DIR` (`make build`
does, after every build).

What is checked, per page:

* the URL attributes that make a browser follow or fetch an address: `href` of `a`, `area`,
  `link`; `src` of `script`, `img`, `iframe`, `source`, `video`, `audio`, `track`, `embed`;
  `poster` of `video`; `data` of `object`; every candidate of `srcset` (`img`, `source`);
  `href` and `xlink:href` of SVG's `use`, `image` and `a`.
* Internal means relative (`page/`, `../x.html#id`, `#id`), an absolute path under the site's
  base path (`/med-guiden/page/`), or a full URL on the site's own origin under that path (the
  canonical `<link>`, the calendar's `webcal://` subscription). The origin and base path come
  from the first `<loc>` of `sitemap.xml`, which the engine writes from `site_url`;
  `--base-path` overrides the path. Other schemes (`mailto:`, `tel:`, `data:`) and other
  origins are external and skipped, as are `<meta content>` and inline CSS `url()`.
* The target is percent-decoded (page names and ids hold æ, ø and å), its `?query` dropped, and
  a directory (`page/`, or `page` that is a directory, which the server redirects) is its
  `index.html`. A target outside the site's root or its base path is broken.
* A fragment must name an element's `id`, or the `name` of an `<a>`, in the target page, tried
  as written and percent-decoded. Exceptions, each what a browser does: `#` and an empty
  fragment mean the top of the page; `#top` does too, when the page has no element of that id
  (HTML's "indicated part of the document"). Material's toggles (`#__search`, `#__drawer`,
  `#__toc`) are no exception: they name its `<input id>` elements and are checked as any other.
  A fragment on a file that is not HTML (a PDF's `#page=2`) is not checked.
* A page with `<base href>` is reported: its relative links would resolve against another
  address, which this check does not model (no page of ours has one).

The 404 page is served at whatever address was not found, so only absolute links can work from
it: a relative link there (other than a bare fragment) is reported as broken. MkDocs writes it
with absolute links, which are checked as any other.

With `--offline` the site is checked as opened from disk (`file://`): no server turns a
directory into its `index.html` and an absolute path starts at the disk's root, so both are
broken; the 404 page is left out, as nothing ever shows it from disk.

Each broken link is reported once per page, as `page.html: link 'x' → reason`; the exit status
is 1 if there is any, and a one-line summary is printed when there is none.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# (element, attribute) pairs that hold one URL.
URL_ATTRIBUTES = frozenset({
    ("a", "href"), ("area", "href"), ("link", "href"),
    ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
    ("audio", "src"), ("track", "src"), ("embed", "src"), ("video", "poster"), ("object", "data"),
    ("use", "href"), ("use", "xlink:href"), ("image", "href"), ("image", "xlink:href"),
    ("a", "xlink:href"),
})
# Elements whose srcset holds a list of URLs.
SRCSET_ELEMENTS = frozenset({"img", "source"})
# Schemes that can name a page of the site itself when the origin is the site's.
SITE_SCHEMES = frozenset({"http", "https", "webcal"})
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True)
class Broken:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: link '{self.link}' → {self.reason}"


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    external: int = 0
    broken: list[Broken] = field(default_factory=list)

    def summary(self) -> str:
        if self.broken:
            pages = len({b.page for b in self.broken})
            return f"{len(self.broken)} broken internal links in {pages} of {self.pages} pages"
        return (
            f"{self.pages} pages: {self.links} internal links and {self.anchors} anchors resolve "
            f"({self.external} external links not checked)"
        )


class _PageParser(HTMLParser):
    """The ids and anchor names of one page, and every URL it links to, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.has_base = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif (tag, name) in URL_ATTRIBUTES:
                self.links.append(value)
            elif name == "srcset" and tag in SRCSET_ELEMENTS:
                self.links.extend(srcset_urls(value))
            elif tag == "base" and name == "href":
                self.has_base = True

    handle_startendtag = handle_starttag


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset's candidates, as HTML parses them: a URL runs to whitespace (a comma
    it ends with separates candidates), its descriptors to the next comma."""
    urls = []
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        url = srcset[start:position]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while position < end and srcset[position] != ",":
                position += 1
        if url:
            urls.append(url)
    return urls


@dataclass(frozen=True)
class _Page:
    ids: frozenset[str]
    links: tuple[str, ...]
    has_base: bool


def _read_pages(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _PageParser()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        pages[path.relative_to(site).as_posix()] = _Page(frozenset(parser.ids), tuple(parser.links), parser.has_base)
    return pages


def site_address(site: Path) -> tuple[str, str]:
    """The site's origin (`host`) and base path (`/med-guiden/`), from the first `<loc>` of its
    sitemap; ("", "/") without one."""
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        match = re.search(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text(encoding="utf-8"))
        if match:
            url = urlsplit(match.group(1))
            path = url.path if url.path.endswith("/") else posixpath.dirname(url.path) + "/"
            return url.netloc, unquote(path)
    return "", "/"


class _Checker:
    def __init__(self, site: Path, pages: dict[str, _Page], origin: str, base_path: str, offline: bool) -> None:
        self.site, self.pages, self.origin, self.offline = site, pages, origin, offline
        self.base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
        self.report = Report()

    def check(self) -> Report:
        for name, page in self.pages.items():
            if self.offline and name == NOT_FOUND_PAGE:
                continue
            self.report.pages += 1
            if page.has_base:
                self._broken(name, "<base href>", "relative links would resolve against it, which this check does not model")
            for link in dict.fromkeys(page.links):
                reason = self._check_link(name, link.strip())
                if reason:
                    self._broken(name, link, reason)
        return self.report

    def _broken(self, page: str, link: str, reason: str) -> None:
        self.report.broken.append(Broken(page, link, reason))

    def _check_link(self, page: str, link: str) -> str | None:
        """Why the link is broken, or None when it resolves or is external."""
        url = urlsplit(link)
        if url.scheme or url.netloc:
            on_site = (
                not self.offline and (url.scheme in SITE_SCHEMES or not url.scheme)
                and url.netloc == self.origin and (url.path + "/").startswith(self.base_path)
            )
            if not on_site:  # another site, or the published one seen from disk
                self.report.external += 1
                return None
        self.report.links += 1
        path = unquote(url.path)
        if not path:  # `#id` or `?q#id`: this page
            return self._check_anchor(page, url.fragment)
        if page == NOT_FOUND_PAGE and not path.startswith("/"):
            return "relative, but the 404 page is served at whatever address was not found"
        if path.startswith("/"):
            if self.offline:
                return "an absolute path, which file:// reads from the root of the disk"
            if not (path + "/").startswith(self.base_path):
                return f"outside the site's base path {self.base_path}"
            target = path[len(self.base_path):]
        else:
            target = posixpath.join(posixpath.dirname(page), path)
        target = posixpath.normpath(target) if target else "."
        if target == ".." or target.startswith("../"):
            return "above the site's root"
        if target == ".":
            target = ""
        file = self.site / target
        if file.is_dir():
            if self.offline:
                return "a directory, which file:// does not open as its index.html"
            target = posixpath.join(target, "index.html") if target else "index.html"
            file = self.site / target
        if not file.is_file():
            return "no such file"
        if target.endswith(".html") and target in self.pages:
            return self._check_anchor(target, url.fragment)
        return None

    def _check_anchor(self, target: str, fragment: str) -> str | None:
        if not fragment:
            return None
        self.report.anchors += 1
        ids = self.pages[target].ids
        decoded = unquote(fragment)
        if fragment in ids or decoded in ids or decoded.lower() == "top":
            return None
        return f"no element with id '{decoded}' in {target}"


def check_site(site: Path, base_path: str | None = None, *, offline: bool = False) -> Report:
    """Check every internal link and anchor of the site written in `site`."""
    origin, sitemap_path = site_address(site)
    return _Checker(site, _read_pages(site), origin, base_path or sitemap_path, offline).check()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.linkcheck", description="Check that every internal link and anchor of a written site resolves."
    )
    parser.add_argument("site", type=Path, help="the written site (mkdocs build's --site-dir)")
    parser.add_argument("--base-path", help="the path the site is served under, e.g. /med-guiden/ (default: from sitemap.xml)")
    parser.add_argument("--offline", action="store_true", help="check the site as opened from disk (file://)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a directory")
    started = time.perf_counter()
    report = check_site(args.site, args.base_path, offline=args.offline)
    for broken in report.broken:
        print(broken)
    print(f"{report.summary()}, in {time.perf_counter() - started:.2f} s")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
