"""Fixtures shared by every test layer. The strict site build runs once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.loader import Dataset, load_dataset
from support import DATA, DOCS, PROJECT, PROJECT_PARTS, copy_project, mkdocs_build, serve, zensical_build


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
def zensical_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The guide and every edition built once with Zensical, from a copy of the project (the
    build writes its configuration at the project's root): {"guide": site, "<edition>": site}."""
    # With the booklets `make pdf` may have written (dist/), which the MkDocs builds see too.
    parts = (*PROJECT_PARTS, "editions", *(["dist"] if (PROJECT / "dist").is_dir() else []))
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project", parts)
    configs = {"guide": "mkdocs.yml"} | {
        edition.name: f"editions/{edition.name}/mkdocs.yml" for edition in sorted((project / "editions").iterdir())
    }
    sites = {}
    for name, config in configs.items():
        site = project / f"site-zensical-{name}"
        result = zensical_build(project, site, config)
        if result.returncode != 0:
            pytest.fail(f"the Zensical build of {config} failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
        sites[name] = site
    return sites


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    """The built site served over HTTP under a sub-path, as on GitHub Pages."""
    with serve(built_site.directory) as url:
        yield url
