"""Fixtures shared by every test layer. The strict site build runs once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.loader import Dataset, load_dataset
from support import DATA, DOCS, PROJECT, mkdocs_build, serve


@dataclass
class BuiltSite:
    directory: Path
    output: str

    def page(self, url_path: str) -> str:
        """The HTML of the page at `url_path` ('' for the home page, 'roller/' for a page)."""
        return (self.directory / url_path / "index.html").read_text(encoding="utf-8")

    def html_files(self) -> list[Path]:
        return sorted(self.directory.rglob("*.html"))


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DATA, docs_dir=DOCS)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """One strict build of the real project, shared by the build and browser tests."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(PROJECT, site_dir)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"the strict build failed (exit {result.returncode}):\n{output}")
    return BuiltSite(site_dir, output)


@pytest.fixture(scope="session")
def albertslund_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the Albertslund edition, shared by the edition and booklet tests."""
    site = tmp_path_factory.mktemp("albertslund") / "site"
    result = mkdocs_build(PROJECT, site, "-f", "editions/albertslund/mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    """The built site served over HTTP under a sub-path, as on GitHub Pages."""
    with serve(built_site.directory) as url:
        yield url
