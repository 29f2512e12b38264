"""The same sources built by both engines (issue #16): MkDocs (the default) and Zensical
(`make build ENGINE=zensical`, macros/engines/zensical.py), for the guide and every edition.

Compared site by site: the same pages and the same text on each, the same abbreviations
explained on every page, the same calendar feeds and short links byte for byte, and no broken
internal link or anchor in either. Bad data and bad pages stop the Zensical build as they stop
MkDocs' (the bad-input corpus runs under both: tests/data/test_data_bad_input.py): one line,
no traceback, no site."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.booklet import chapters, document, navigation, read_site
from macros.config import read_config
from macros.engines.zensical import generated_config_file, rebased, zensical_config
from macros.errors import BuildError
from macros.linkcheck import check_site
from macros.site import load_site
from support import BUILD_ENV, PROJECT, PROJECT_PARTS, copy_project, mkdocs_build, zensical_build

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


class _Words(HTMLParser):
    """The words of a whole document but its styles and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.skipping = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.skipping += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.words.extend(data.split())


def booklet_source(site_dir: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The booklet `make pdf` lays out from a built site, before layout: its chapters and words."""
    site, front = read_site(site_dir)
    pages = chapters(site, navigation(front))
    words = _Words()
    words.feed(document(site, pages, "15. januar 2026", "2026-01-15"))
    return [(page.path, page.heading) for page in pages], words.words


@pytest.mark.parametrize("name", SITES)
def test_the_booklet_is_the_same_from_either_build(mkdocs_sites, zensical_sites, name):
    chapters_, words = booklet_source(mkdocs_sites[name])
    assert len(chapters_) > 20 and len(words) > 20000
    assert booklet_source(zensical_sites[name]) == (chapters_, words)


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
    assert generated_config_file(PROJECT / "mkdocs.yml", PROJECT, "serve") == PROJECT / ".zensical-serve.yml"
    assert generated_config_file(config_file, PROJECT, "serve") == PROJECT / ".zensical-serve-albertslund.yml"


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
    assert generated["extra"]["med"]["sources"]["extra_css"] == [*config["extra_css"], "assets/stylesheets/zensical.css"]
    glossary = next(ext["abbr"]["glossary"] for ext in generated["markdown_extensions"] if isinstance(ext, dict) and "abbr" in ext)
    assert glossary["TR"] == "tillidsrepræsentant" and glossary["AMR"] == "arbejdsmiljørepræsentant" and len(glossary) > 15
    assert [next(iter(entry)) for entry in generated["nav"] if isinstance(entry, dict)][1].startswith("Vores MED-aftale i")


# --- Bad input -----------------------------------------------------------------------------------

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
    paths = [".zensical.yml", ".zensical-albertslund.yml", ".zensical-serve.yml", "site-zensical/x",
             "site-zensical-albertslund/x", ".zensical-serve/x", ".zensical-serve-albertslund/x", ".zensical-site-1/x"]
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=PROJECT, capture_output=True, text=True)
    assert ignored.stdout.split() == paths


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


def test_a_site_outside_the_root_is_built_inside_and_moved(tmp_path: Path):
    """Zensical writes only inside the project's root (`site_dir must be within project root`)."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "elsewhere" / "site"
    result = zensical_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "roller/index.html").is_file() and (site / "assets/stylesheets/med-guiden.css").is_file()
    assert not list(project.glob(".zensical-site-*")), "the working folder is taken away"


# --- make -----------------------------------------------------------------------------------------

def make_project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project with its Makefile, run with the environment of the tests."""
    project = copy_project(tmp_path / "project", (*PROJECT_PARTS, "editions"))
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "constraints.txt"):
        shutil.copy2(PROJECT / name, project / name)
    venv = Path(sys.prefix)
    (venv / ".site-installed").touch(exist_ok=True)
    return project, venv


def test_make_build_engine_zensical_writes_the_edition_and_checks_its_links(tmp_path: Path):
    project, venv = make_project(tmp_path)
    result = subprocess.run(["make", "build", "ENGINE=zensical", "EDITION=albertslund", f"VENV={venv}"], cwd=project,
                            capture_output=True, text=True, timeout=300, env={**os.environ, **BUILD_ENV})
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site-zensical-albertslund"
    assert (site / "lokalt/index.html").is_file() and (site / "m/rette-niveau/index.html").is_file()
    assert re.search(r"^70 pages: \d+ internal links and \d+ anchors resolve", result.stdout, re.MULTILINE), result.stdout
    assert not (project / "site-zensical-albertslund.partial").exists()


def test_make_build_engine_zensical_keeps_the_previous_site_when_data_is_bad(tmp_path: Path):
    project, venv = make_project(tmp_path)
    previous = project / "site-zensical"
    previous.mkdir()
    (previous / "index.html").write_text("previous build")
    roles = project / "data/roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("    name: Leder\n", "    name: [Leder\n", 1), encoding="utf-8")
    result = subprocess.run(["make", "build", "ENGINE=zensical", f"VENV={venv}"], cwd=project, capture_output=True,
                            text=True, timeout=300, env={**os.environ, **BUILD_ENV})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"^error: data/roles\.yml:\d+: YAML syntax error", output, re.MULTILINE), output
    assert "Traceback" not in output
    assert (previous / "index.html").read_text() == "previous build"
    assert not (project / "site-zensical.partial").exists()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_make_serve_engine_zensical_serves_the_site_and_rebuilds_on_a_data_change(tmp_path: Path):
    project, venv = make_project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{probe.getsockname()[1]}"
    server = subprocess.Popen(["make", "serve", "ENGINE=zensical", f"HOST={host}", f"VENV={venv}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                              env={**os.environ, **BUILD_ENV})
    try:
        roles = f"http://{host}/roller/"
        # Served at the root of HOST, with what the step after the pages writes.
        assert wait_for(lambda: "Arbejdsleder" in fetch(roles)[1]), "the site is not served"
        assert wait_for(lambda: fetch(f"http://{host}/assets/stylesheets/med-guiden.css")[0] == 200)
        assert wait_for(lambda: fetch(f"http://{host}/m/rette-niveau/")[0] == 200)
        data = project / "data/roles.yml"
        data.write_text(data.read_text(encoding="utf-8").replace("name: Arbejdsleder", "name: Afdelingsleder", 1),
                        encoding="utf-8")
        assert wait_for(lambda: "Afdelingsleder" in fetch(roles)[1]), "a data change is not rebuilt"
        assert not (project / "site-zensical").exists(), "serving leaves the built site alone"
        # Right after Zensical's rebuild the bundle may be gone for a moment; the step after the pages writes it again.
        assert wait_for(lambda: fetch(f"http://{host}/assets/stylesheets/med-guiden.css")[0] == 200, 10)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_each_zensical_build_renders_every_page_again(tmp_path: Path):
    """What a page's macros read besides its source – here, whether `make pdf` has written the
    booklet – shows in the next build; Zensical's own cache would keep the page as it was."""
    project = copy_project(tmp_path / "project")
    site = project / "site-zensical"
    assert zensical_build(project, site).returncode == 0
    assert "Hent hele guiden som PDF" not in (site / "index.html").read_text(encoding="utf-8")
    (project / "dist").mkdir()
    (project / "dist/med-guiden.pdf").write_bytes(b"%PDF-1.7\n" + b"0" * 2048 + b"\n%%EOF\n")
    result = zensical_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "Hent hele guiden som PDF" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "med-guiden.pdf").read_bytes() == (project / "dist/med-guiden.pdf").read_bytes()


COUNTING = """
import sys
import macros.cache as cache
import macros.site as site

counts = {"validated": 0, "read back": 0}
load, read = site.load_dataset, cache._read_pickle

def validated(*args, **kwargs):
    counts["validated"] += 1
    return load(*args, **kwargs)

def read_back(path):
    value = read(path)
    counts["read back"] += value is not None and path.parent.name == "site"
    return value

site.load_dataset, cache._read_pickle = validated, read_back
from macros.engines.zensical import main
status = main(["build", "-d", sys.argv[1]])
print(counts)
sys.exit(status)
"""


def test_the_zensical_build_loads_the_data_once(tmp_path: Path):
    """Before, during and after Zensical's pages, one Site: validated once with an empty cache,
    read back once from a full one – not once per page."""
    project = copy_project(tmp_path / "project")
    env = {**os.environ, **BUILD_ENV, "MED_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", COUNTING, str(project / f"site-{n}")], cwd=project, env=env,
                           capture_output=True, text=True, timeout=300) for n in (1, 2)]
    for run in runs:
        assert run.returncode == 0, run.stdout + run.stderr
    assert runs[0].stdout.strip().endswith("{'validated': 1, 'read back': 0}"), runs[0].stdout
    assert runs[1].stdout.strip().endswith("{'validated': 0, 'read back': 1}"), runs[1].stdout
