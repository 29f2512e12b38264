"""The offline edition in chromium, opened straight from disk with the network switched off:
navigation, search, decision trees, calendar, posters, presentation view and short links; and
`make offline` packs it as one zip."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from support import BUILD_ENV, PROJECT, mkdocs_build


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("offline") / "med-guiden-offline"
    result = mkdocs_build(PROJECT, site, "-f", "mkdocs.offline.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def disk(browser, offline_site):
    """A page with no network: every request that is not to a file on disk is refused and kept."""
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def route(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def open_page(path: str):
        page.goto((offline_site / path).as_uri(), wait_until="load")
        return page

    yield open_page
    context.close()
    assert refused == [], f"the offline edition asked the network for {refused}"
    assert errors == [], f"JavaScript errors: {errors}"


def test_pages_link_to_each_other_from_disk(disk):
    page = disk("index.html")
    page.locator(".md-content a[href='roller.html']").first.click()
    page.wait_for_url("**/roller.html")
    assert page.locator("h1").inner_text().rstrip("¶") == "Roller i MED"
    page.locator(".md-sidebar--primary").get_by_role("link", name="Kursuskalender").click()
    page.wait_for_url("**/kalender.html")


def test_search_works_from_disk(disk):
    page = disk("index.html")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("rette niveau")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "rette-niveau" in unquote(first)


def test_a_decision_tree_works_from_disk(disk):
    page = disk("svar/hvor-er-rette-niveau.html")
    form = page.locator(".med-tree__step--question")
    form.locator("input[type=radio]").first.check()
    form.locator(".med-tree__continue").click()
    assert page.locator(".med-tree__app .med-tree__step-title").count() == 1
    assert "hvor-er-rette-niveau=" in page.url


def test_the_calendar_filters_from_disk(disk):
    page = disk("kalender.html")
    page.select_option("#med-cal-kind", "webinar")
    shown = page.eval_on_selector_all(".med-cal [data-sectors][id]", "els => els.filter(e => e.offsetParent !== null).length")
    assert 0 < shown < page.locator(".med-cal [data-sectors][id]").count()


def test_a_poster_shows_its_sheet_from_disk(disk):
    page = disk("plakater/roller.html")
    sheet = page.locator(".med-poster").bounding_box()
    assert sheet["height"] / sheet["width"] == pytest.approx(420 / 297, rel=0.01)
    assert page.locator(".med-poster .med-qr").is_visible()


def test_all_posters_opens_the_poster_index_from_disk(disk):
    page = disk("plakater/roller.html")
    page.get_by_role("link", name="Alle plakater").click()
    page.wait_for_url("**/plakater/index.html")
    assert page.locator("h1").inner_text().rstrip("¶") == "Plakater"


def test_the_presentation_view_works_from_disk(disk):
    page = disk("kursus/moduler/rette-niveau.html")
    page.get_by_role("button", name="Vis som præsentation").click()
    page.keyboard.press("ArrowRight")
    assert page.locator(".med-present__count").inner_text().startswith("Dias 2 af")


def test_short_links_work_from_disk(disk, offline_site):
    page = disk("m/rette-niveau/index.html")
    page.wait_for_url("**/kursus/moduler/rette-niveau.html")
    assert page.locator("h1").inner_text().rstrip("¶") == "Rette niveau"
    # The query (a tree's answers) goes along.
    page.goto((offline_site / "t/skal-sagen-i-med/index.html").as_uri() + "?skal-sagen-i-med=nej.nej")
    page.wait_for_url("**/svar/skal-sagen-i-med.html?skal-sagen-i-med=nej.nej")
    assert page.locator(".med-tree__answers > li").count() == 2


def test_make_offline_packs_one_zip(tmp_path):
    venv = Path(sys.prefix)
    (venv / ".site-installed").touch(exist_ok=True)
    folder, archive = tmp_path / "med-guiden-offline", tmp_path / "med-guiden-offline.zip"
    result = subprocess.run(
        ["make", "offline", f"VENV={venv}", f"OFFLINE_DIR={folder}", f"OFFLINE_ZIP={archive}"],
        cwd=PROJECT, capture_output=True, text=True, timeout=600, env={**__import__("os").environ, **BUILD_ENV},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    names = zipfile.ZipFile(archive).namelist()
    assert "med-guiden-offline/index.html" in names
    assert "med-guiden-offline/search/search_index.js" in names
    assert "med-guiden-offline/m/rette-niveau/index.html" in names
    assert not any(name.endswith("/index.html") and "/kursus/moduler/rette-niveau/" in name for name in names)
