"""Local editions: every edition builds strictly; Albertslund's shows its own names, structure
and year; an overlay only changes or adds, and a bad overlay stops with one located message."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from macros.edition import edition_nav
from macros.errors import DataError
from macros.loader import load_dataset
from macros.render.edition import structure_svg, wheel_entries, year_wheel_svg
from support import DATA, DOCS, PROJECT, copy_project, mkdocs_build

EDITIONS = sorted(p.parent.name for p in (PROJECT / "editions").glob("*/mkdocs.yml"))
ALBERTSLUND = PROJECT / "editions" / "albertslund"
CORPUS = Path(__file__).parent / "bad_overlay"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.fixture(scope="session")
def albertslund():
    return load_dataset(DATA, docs_dir=DOCS, overlay_dir=ALBERTSLUND / "data")


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_builds_strictly_without_warnings(edition, tmp_path):
    result = mkdocs_build(PROJECT, tmp_path / "site", "-f", f"editions/{edition}/mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^(WARNING|ERROR)", output, re.MULTILINE), output
    for html in (tmp_path / "site").rglob("*.html"):
        assert "{{" not in html.read_text(encoding="utf-8"), html


def test_the_base_site_has_no_local_pages(built_site):
    assert not (built_site.directory / "lokalt").exists()
    assert "Vores MED-aftale" not in built_site.page("")
    assert "med-edition-entry" not in built_site.page("")


# --- Albertslund ------------------------------------------------------------------------------

def test_albertslund_says_kommunemed_where_the_base_says_hovedudvalg(albertslund_site, built_site):
    base, local = page(built_site.directory, "hovedudvalget"), page(albertslund_site, "hovedudvalget")
    assert re.search(r"<h1[^>]*>Hovedudvalget", base) and re.search(r"<h1[^>]*>KommuneMED", local)
    # The prose of the page: every "hovedudvalget" of the base is KommuneMED here.
    base_count = len(re.findall(r"\b[Hh]ovedudvalget\b", text_of(base.split('<article', 1)[1])))
    assert base_count > 10
    content = text_of(local.split('<article', 1)[1])
    assert len(re.findall(r"\bKommuneMED", content)) >= base_count
    # The data: the committee card, the roles' committees, the guidelines and the navigation.
    assert re.search(r'<h[23] id="hovedudvalg">KommuneMED', page(albertslund_site, "udvalg"))
    assert ">KommuneMED</a>" in page(albertslund_site, "roller")
    assert "Aftales i: KommuneMED" in page(albertslund_site, "plakater/retningslinjer")
    assert re.search(r'href="hovedudvalget/"[^>]*>\s*(<[^>]+>\s*)*KommuneMED', page(albertslund_site, ""))


def test_albertslund_has_its_own_section_in_the_navigation(albertslund_site):
    home = page(albertslund_site, "")
    assert "Vores MED-aftale i Albertslund Kommune" in home
    assert 'href="lokalt/"' in home and 'href="lokalt/%C3%A5rshjul/"' in home
    # Its own section comes right after the front page, and the generic one is gone.
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    assert nav.index("Vores MED-aftale i Albertslund Kommune") < nav.index("Samarbejdet i MED")
    assert "Jeres MED-aftale" not in nav


def test_albertslund_front_page_leads_first_to_its_agreement(albertslund_site):
    content = page(albertslund_site, "").split('<article', 1)[1]
    first_link = re.search(r'<a href="([^"#]+)"', content.split("</h1>", 1)[1]).group(1)
    assert first_link == "lokalt/"
    assert "Vores MED-aftale i Albertslund Kommune" in text_of(content)


def test_the_structure_diagram_holds_every_level_and_committee(albertslund, albertslund_site):
    html = page(albertslund_site, "lokalt")
    svg = re.search(r'<svg class="med-structure".*?</svg>', html, re.S).group(0)
    levels = re.findall(r'data-level="([^"]+)"', svg)
    assert levels == ["kommuneniveau", "afdelingsniveau", "arbejdspladsniveau"]
    committees = re.findall(r'data-committee="([^"]+)"', svg)
    assert committees == ["kommunemed", "afdelingsmed", "med-udvalg", "personalemøde", "trio"]
    assert "Formand: Afdelingschefen" in svg and "5 ordinære møder om året" in svg
    # Each committee sits on its own level: lower levels further down the picture.
    tops = {c: float(y) for c, y in re.findall(r'data-committee="([^"]+)"><rect x="[^"]+" y="([^"]+)"', svg)}
    assert tops["kommunemed"] < tops["afdelingsmed"] < tops["med-udvalg"] == tops["trio"]


def test_the_year_wheel_puts_tasks_and_deadlines_in_their_months(albertslund, albertslund_site):
    html = page(albertslund_site, "lokalt")
    svg = re.search(r'<svg class="med-wheel".*?</svg>', html, re.S).group(0)
    placed = dict(re.findall(r'data-month="(\d+)" data-task="([^"]+)"', svg))
    assert {task: int(month) for month, task in placed.items()} == {"amr-valg": 4, "med-valg": 5, "sammensætning": 6}
    assert "inden 1. maj" in svg and "inden 1. juni" in svg and "ulige år" in svg
    # Busy months are marked; the rest of the wheel is empty.
    busy = re.findall(r'class="med-wheel__month med-wheel__month--busy" data-month="(\d+)"', svg)
    assert busy == ["4", "5", "6"]
    # What the agreement gives no month is listed, not placed.
    unplaced = html.split('class="med-year__unplaced"', 1)[1].split("</ul>", 1)[0]
    assert "Ordinære møder i KommuneMED" in unplaced and "5 gange om året" in unplaced
    assert "Strategiplan" in unplaced and "hvert andet år" in unplaced


def test_the_agreement_page_lists_sections_appendices_and_amendments(albertslund_site):
    html = page(albertslund_site, "lokalt")
    assert len(re.findall(r'<tr><th scope="row">§ \d+</th>', html)) == 16
    assert [m for m in re.findall(r'<tr id="bilag-([a-zæøå])">', html)] == list("abcdefghijkl")
    assert "15. september 2020" in html and "20. december 2023" in html
    assert 'id="drøft-vores-med-aftale-bilag"' in html  # a question set the overlay adds


def test_the_year_wheel_is_also_a_poster(albertslund_site):
    html = page(albertslund_site, "lokalt/årshjul")
    assert 'class="med-poster med-poster--a3-portrait' in html
    # Twelve months from January, the busy ones marked, and what recurs all year.
    months = re.findall(r'<li class="med-poster-year__month( med-poster-year__month--busy)?"><span class="med-poster-year__name">(\w+)</span>', html)
    assert [name for _, name in months][:2] == ["Januar", "Februar"] and len(months) == 12
    assert [name for busy, name in months if busy] == ["April", "Maj", "Juni"]
    assert html.count('<span class="med-poster-year__rhythm">') == 6
    # Its QR code leads to the local agreement, which the poster summarises.
    assert ">https://med-guiden.github.io/med-guiden/albertslund/lokalt/</p>" in html


# --- The pure parts ---------------------------------------------------------------------------

def test_wheel_entries_sort_tasks_by_month(albertslund):
    by_month, unplaced = wheel_entries(albertslund.edition)
    assert [e.task.id for e in by_month[4]] == ["amr-valg"]
    assert {e.task.id for e in unplaced} == {"kommunemed-møder", "arbejdsmiljødrøftelse", "strategiplan"}
    assert by_month[4][0].rhythm == "hvert andet år (ulige år)"


def test_svgs_escape_the_data(albertslund):
    edition = albertslund.edition
    hostile = edition.model_copy(update={
        "municipality": "<script>x</script>",
        "committees": [edition.committees[0].model_copy(update={"name": "<b>KommuneMED</b>"})] + edition.committees[1:],
    })
    assert "<script>" not in structure_svg(hostile) and "&lt;b&gt;KommuneMED" in structure_svg(hostile)
    assert "<script>" not in year_wheel_svg(hostile)


def test_edition_nav_puts_the_local_section_first_in_place_of_the_generic_one(albertslund):
    generic = [{"Kend din MED-aftale": "kend-din-med-aftale.md"}, {"Lav jeres egen udgave": "lav-jeres-egen-udgave.md"}]
    nav = [
        {"Forside": "index.md"},
        {"Roller og udvalg": [{"Hovedudvalget": "hovedudvalget.md"}]},
        {"Jeres MED-aftale": generic},
        {"Ordliste": "ordliste.md"},
    ]
    result = edition_nav(nav, albertslund.edition, albertslund.prose_names)
    assert [list(entry)[0] for entry in result] == [
        "Forside", "Vores MED-aftale i Albertslund Kommune", "Roller og udvalg", "Ordliste",
    ]
    assert result[1]["Vores MED-aftale i Albertslund Kommune"] == [
        "lokalt/index.md", {"Årshjulet som plakat": "lokalt/årshjul.md"}, *generic,
    ]
    assert result[2] == {"Roller og udvalg": [{"KommuneMED": "hovedudvalget.md"}]}


def test_the_overlay_changes_only_what_it_names(albertslund, dataset):
    local = {c.id: c for c in albertslund.committees}
    base = {c.id: c for c in dataset.committees}
    assert set(local) == set(base)  # nothing dropped
    assert local["hovedudvalg"].name == "KommuneMED" and base["hovedudvalg"].name == "Hovedudvalg"
    assert local["hovedudvalg"].summary == base["hovedudvalg"].summary  # unchanged fields stay
    assert local["med-udvalg"] == base["med-udvalg"]
    assert albertslund.prose_names["hovedudvalgets"] == "KommuneMEDs"
    assert "vores-med-aftale-bilag" in albertslund.question_sets and "vores-med-aftale-bilag" not in dataset.question_sets


# --- Bad overlays -----------------------------------------------------------------------------

def apply_case(case: str, project: Path) -> str:
    folder, data = CORPUS / case, project / "editions" / "albertslund" / "data"
    for path in folder.iterdir():
        if path.name == "expected.txt":
            continue
        if path.name == "remove.txt":
            for name in path.read_text().split():
                (data / name).unlink()
        else:
            shutil.copyfile(path, data / path.name)
    return (folder / "expected.txt").read_text(encoding="utf-8").strip()


def copy_with_editions(target: Path) -> Path:
    project = copy_project(target)
    shutil.copytree(PROJECT / "editions", project / "editions")
    return project


@pytest.mark.parametrize("case", CASES)
def test_the_loader_reports_a_bad_overlay(case, tmp_path, monkeypatch):
    project = copy_with_editions(tmp_path / "project")
    expected = apply_case(case, project)
    monkeypatch.chdir(project)
    with pytest.raises(DataError) as caught:
        load_dataset(project / "data", docs_dir=project / "docs", overlay_dir=project / "editions" / "albertslund" / "data")
    assert str(caught.value) == expected


@pytest.mark.parametrize("case", CASES)
def test_a_bad_overlay_stops_the_build_with_one_message(case, tmp_path):
    project = copy_with_editions(tmp_path / "project")
    expected = apply_case(case, project)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "-f", "editions/albertslund/mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert [m.group(1) for m in re.finditer(r"^ERROR\s+-\s+(.*)$", output, re.MULTILINE)] == [expected], output
    assert "Traceback" not in output and not site.exists()


def test_the_corpus_covers_each_kind_of_overlay_mistake():
    assert len(CASES) >= 8


def test_the_structure_diagram_connects_every_committee_to_the_level_above(albertslund):
    svg = str(structure_svg(albertslund.edition))
    boxes = [(float(x), float(y)) for x, y in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)" width="230"', svg)]
    paths = " ".join(re.findall(r'class="med-structure__link" d="([^"]+)"', svg))
    top = min(y for _, y in boxes)
    for x, y in boxes:
        if y == top:
            continue
        # A line drops into the middle of the top of every box below the first level.
        assert f"M{x + 115:.1f}," in paths and f"V{y:.1f}" in paths, (x, y)
    assert 'data-committee="trio"' in svg and "Leder, arbejdsmiljørepræsentant" in svg  # no empty box


def test_the_year_table_shows_who_only_when_some_task_names_a_committee(albertslund_site):
    table = page(albertslund_site, "lokalt").split('class="med-table med-year"', 1)[1].split("</table>", 1)[0]
    who = re.findall(r'data-label="Hvem">([^<]*)<', table)
    assert ("Hvem</th>" in table) == bool(who)
    assert all(who)  # never an empty cell
