"""Helpers shared by the test layers: the project's paths, builds, a local server, a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
DOCS = PROJECT / "docs"
ARTIFACTS = PROJECT / "test-artifacts"

# The sub-path the site is served under in the browser tests, as on a GitHub Pages project site.
SUBPATH = "/med-guiden/"

# A fixed build day (2026-01-15) so builds are reproducible, and a fixed "today" for the
# calendar (2024-04-10), so it shows both upcoming and past events of the 2024 programme.
BUILD_ENV = {"SOURCE_DATE_EPOCH": "1768435200", "MED_TODAY": "2024-04-10", "NO_MKDOCS_2_WARNING": "1"}

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of everything a build reads, to break on purpose without touching the real one."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project in `project`, as a user would; `env` changes
    the build's environment ({"MED_TODAY": "2026-11-29"} builds as of another day)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env={**os.environ, **BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def zensical_build(
    project: Path, site_dir: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build the project in `project` with Zensical as `make build ENGINE=zensical` does, strict,
    with the step after the pages (macros/engines/zensical.py)."""
    return subprocess.run(
        [sys.executable, "-m", "macros.engines.zensical", "build", "-f", config, "-d", str(site_dir)],
        cwd=project,
        env={**os.environ, **BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


class _SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below SUBPATH; anything else is a 404, as on GitHub Pages."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, with status 404, as on GitHub Pages."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - keep the test output quiet
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` at http://127.0.0.1:<port>/med-guiden/ for the duration of the block."""
    handler = functools.partial(_SubpathHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    finally:
        server.shutdown()
        server.server_close()


def markdown_to_html(fragment: str) -> str:
    """Run a rendered fragment through Markdown configured as the site is, to see final HTML."""
    import markdown
    from pymdownx.slugs import slugify

    return markdown.markdown(
        fragment,
        extensions=["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.escapeall"],
        extension_configs={
            "toc": {"slugify": slugify(case="lower"), "toc_depth": 3},
            "pymdownx.escapeall": {"hardbreak": False, "nbsp": False},
        },
    )


def site_pages() -> list[str]:
    """The URL path of every page of the base site, relative to its root: '', 'roller/', 'svar/'.

    The pages of local editions (docs/lokalt/) are left out, as the base site leaves them out.
    """
    from macros.edition import LOCAL_FOLDER

    pages = []
    for path in sorted(DOCS.rglob("*.md")):
        stem = path.relative_to(DOCS).with_suffix("").as_posix()
        if stem.startswith(f"{LOCAL_FOLDER}/"):
            continue
        if stem == "index":
            pages.append("")
        elif stem.endswith("/index"):
            pages.append(stem.removesuffix("index"))
        else:
            pages.append(stem + "/")
    return pages
