"""The same sources built by both engines (issue #16): MkDocs (the default) and Zensical
(`make build ENGINE=zensical`, macros/engines/zensical.py), for the guide and every edition.

Compared site by site: the same pages and the same text on each, the same abbreviations
explained on every page, the same calendar feeds and short links byte for byte, and no broken
internal link or anchor in either. Bad data and bad pages stop the Zensical build as they stop
MkDocs': one line, no traceback, no site."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.config import read_config
from macros.engines.zensical import generated_config_file, rebased, zensical_config
from macros.errors import BuildError
from macros.linkcheck import check_site
from macros.site import load_site
from support import BUILD_ENV, PROJECT, PROJECT_PARTS, copy_project, mkdocs_build, zensical_build
from corpus import CASES, apply_case

EDITIONS = sorted(path.name for path in (PROJECT / "editions").iterdir() if (path / "mkdocs.yml").is_file())
SITES = ["guide", *EDITIONS]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def mkdocs_sites(built_site, albertslund_site, tmp_path_factory) -> dict[str, Path]:
    """The MkDocs builds of the guide and of every edition (the session's where there is one)."""
    sites = {"guide": built_site.directory, "albertslund": albertslund_site}
    for edition in EDITIONS:
        if edition not in sites:
            site = tmp_path_factory.mktemp(edition) / "site"
            result = mkdocs_build(PROJECT, site, "-f", f"editions/{edition}/mkdocs.yml")
            assert result.returncode == 0, result.stdout + result.stderr
            sites[edition] = site
    return sites


def published(site: Path) -> set[str]:
    """The pages, calendar feeds and short links of a site, by path."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()
            and (path.suffix in (".html", ".ics") or path.relative_to(site).parts[0] in ("m", "t"))}


class _ArticleText(HTMLParser):
    """The words of a page's article, where the page's content is; the theme around it differs
    between the engines."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.depth and tag not in VOID:
            self.depth += 1
        elif tag == "article":
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words.extend(data.split())


def article_text(page: Path) -> str:
    parser = _ArticleText()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(parser.words)


def explained(page: Path) -> list[str]:
    return sorted(re.findall(r'<abbr title="[^"]*">[^<]*</abbr>', page.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", SITES)
def test_the_same_pages_feeds_and_short_links(mkdocs_sites, zensical_sites, name):
    pages = published(mkdocs_sites[name])
    assert {"index.html", "roller/index.html", "kalender/index.html"} <= pages
    assert any(page.endswith(".ics") for page in pages) and any(page.startswith("m/") for page in pages)
    assert published(zensical_sites[name]) == pages


@pytest.mark.parametrize("name", SITES)
def test_the_same_feeds_and_short_links_byte_for_byte(mkdocs_sites, zensical_sites, name):
    written_after = sorted(page for page in published(mkdocs_sites[name]) if not page.endswith(".html")
                           or page.startswith(("m/", "t/")))
    assert len(written_after) > 20
    different = [page for page in written_after
                 if (zensical_sites[name] / page).read_bytes() != (mkdocs_sites[name] / page).read_bytes()]
    assert different == []


@pytest.mark.parametrize("name", SITES)
def test_the_same_text_on_every_page(mkdocs_sites, zensical_sites, name):
    pages = sorted(page for page in published(mkdocs_sites[name]) if page.endswith("index.html")
                   and not page.startswith(("m/", "t/")))
    assert "Hovedudvalget" in article_text(mkdocs_sites[name] / "udvalg/index.html") or name != "guide"
    different = [page for page in pages
                 if article_text(zensical_sites[name] / page) != article_text(mkdocs_sites[name] / page)]
    assert different == []


@pytest.mark.parametrize("name", SITES)
def test_the_same_abbreviations_explained_on_every_page(mkdocs_sites, zensical_sites, name):
    assert len(explained(mkdocs_sites[name] / "om-med/index.html")) > 50
    different = [page for page in sorted(published(mkdocs_sites[name])) if page.endswith(".html")
                 and explained(zensical_sites[name] / page) != explained(mkdocs_sites[name] / page)]
    assert different == []


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("name", SITES)
def test_every_internal_link_and_anchor_resolves(mkdocs_sites, zensical_sites, engine, name):
    site = (mkdocs_sites if engine == "mkdocs" else zensical_sites)[name]
    report = check_site(site)
    assert report.links > 3000 and report.anchors > 500
    assert [str(broken) for broken in report.broken] == []


def test_an_edition_gets_its_own_navigation_under_zensical(zensical_sites):
    for name in EDITIONS:
        home = (zensical_sites[name] / "index.html").read_text(encoding="utf-8")
        assert "Vores MED-aftale i" in home, name
        assert "lokalt/" in home, name
    assert "lokalt/" not in (zensical_sites["guide"] / "index.html").read_text(encoding="utf-8")


# --- The generated configuration -------------------------------------------------------------

def test_an_editions_configuration_is_rebased_on_the_projects_root(tmp_path):
    config_file = PROJECT / "editions/albertslund/mkdocs.yml"
    config = rebased(read_config(config_file), config_file.parent, PROJECT, tmp_path / "out")
    assert config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["extra"]["med"]["data"] == "data"
    assert config["extra"]["med"]["overlay"] == "editions/albertslund/data"
    assert config["extra"]["med"]["booklet"] == "dist/med-guiden-albertslund.pdf"
    assert "editions/albertslund/data" in config["watch"] and "macros" in config["watch"]
    macros = next(plugin["macros"] for plugin in config["plugins"] if isinstance(plugin, dict) and "macros" in plugin)
    assert macros["module_name"] == "macros" and macros["on_undefined"] == "strict"
    assert (PROJECT / config["site_dir"]).resolve() == (tmp_path / "out").resolve()
    assert generated_config_file(config_file, PROJECT) == PROJECT / ".zensical-albertslund.yml"
    assert generated_config_file(PROJECT / "mkdocs.yml", PROJECT) == PROJECT / ".zensical.yml"


def test_pages_outside_the_root_are_refused_in_one_line(tmp_path):
    config = {**read_config(PROJECT / "mkdocs.yml"), "docs_dir": str(tmp_path)}
    with pytest.raises(BuildError, match=r"docs_dir .*: Zensical builds only from pages inside"):
        rebased(config, PROJECT, PROJECT, tmp_path / "out")


def test_the_configuration_gives_zensical_what_mkdocs_sets_in_define_env():
    config_file = PROJECT / "editions/albertslund/mkdocs.yml"
    config = read_config(config_file)
    site = load_site(config, config_file.parent)
    generated = zensical_config(config, site)
    assert generated["extra_css"] == ["assets/stylesheets/med-guiden.css"]
    assert generated["extra_javascript"] == ["assets/javascripts/med-guiden.js"]
    assert generated["extra"]["med"]["sources"]["extra_css"] == config["extra_css"]
    glossary = next(ext["abbr"]["glossary"] for ext in generated["markdown_extensions"] if isinstance(ext, dict) and "abbr" in ext)
    assert glossary["TR"] == "tillidsrepræsentant" and glossary["AMR"] == "arbejdsmiljørepræsentant" and len(glossary) > 15
    assert [next(iter(entry)) for entry in generated["nav"] if isinstance(entry, dict)][1].startswith("Vores MED-aftale i")


# --- Bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_the_zensical_build_stops_with_one_message(case: str, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    expected = apply_case(case, project / "data", project / "docs")
    site = project / "site-zensical"
    result = zensical_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.findall(r"^error: (.*)$", output, re.MULTILINE) == [expected], output
    assert "Traceback" not in output and "Warning" not in output
    assert not site.exists(), "a failed build must not write a site"


def test_a_failed_zensical_build_empties_the_site_it_was_given(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    with (project / "docs/roller.md").open("a", encoding="utf-8") as page:
        page.write('\n[Ukendt]({{ link("role", "findes-ikke") }})\n')
    site = project / "site-zensical"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    result = zensical_build(project, site)
    assert result.returncode == 1
    assert "docs/roller.md: link('role', 'findes-ikke'): unknown role 'findes-ikke'" in result.stderr
    assert site.is_dir() and list(site.iterdir()) == []


def test_make_refuses_an_unknown_engine():
    result = subprocess.run(["make", "--no-print-directory", "engine-exists", "ENGINE=sphinx"], cwd=PROJECT,
                            capture_output=True, text=True, env={**BUILD_ENV, "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0
    assert "There is no engine 'sphinx': ENGINE=mkdocs (the default) or ENGINE=zensical" in result.stdout


def test_the_generated_configuration_stays_out_of_git():
    ignored = subprocess.run(["git", "check-ignore", ".zensical.yml", ".zensical-albertslund.yml", "site-zensical/x",
                              "site-zensical-albertslund/x"], cwd=PROJECT, capture_output=True, text=True)
    assert len(ignored.stdout.split()) == 4


def test_plain_zensical_can_build_from_the_generated_configuration(tmp_path: Path):
    """`python -m macros.engines.zensical config` writes the configuration only, for running
    Zensical by hand; the step after the pages is then python -m macros.postbuild."""
    project = copy_project(tmp_path / "project", (*PROJECT_PARTS, "editions"))
    env = {**BUILD_ENV, "PATH": "/usr/bin:/bin"}
    written = subprocess.run([sys.executable, "-m", "macros.engines.zensical", "config", "-f", "editions/albertslund/mkdocs.yml"],
                             cwd=project, capture_output=True, text=True, env=env)
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == str(project / ".zensical-albertslund.yml")
    zensical = Path(sys.executable).parent / "zensical"
    built = subprocess.run([str(zensical), "build", "--strict", "-f", ".zensical-albertslund.yml"], cwd=project,
                           capture_output=True, text=True, env=env, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    after = subprocess.run([sys.executable, "-m", "macros.postbuild", "site-zensical", "-f", ".zensical-albertslund.yml"],
                           cwd=project, capture_output=True, text=True, env=env)
    assert after.returncode == 0, after.stderr
    assert (project / "site-zensical/lokalt/index.html").is_file()
    assert (project / "site-zensical/m/rette-niveau/index.html").is_file()
