"""The trainer kit in chromium: the trainer and participants' views, the presentation view by
keyboard and by clicker keys, the course page and its handout in print, the short links, and
accessibility with each view open."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlparse

from axe import axe_violations
from sheets import pdf_pages

MODULE = "kursus/moduler/rette-niveau/"


def count(page) -> str:
    return page.locator(".med-present__count").inner_text()


def open_presentation(page, site_url):
    page.goto(site_url + MODULE, wait_until="networkidle")
    page.get_by_role("button", name="Vis som præsentation").click()
    dialog = page.get_by_role("dialog", name="Præsentation: Rette niveau")
    dialog.wait_for()
    return dialog


def test_participants_see_no_trainer_notes_until_the_trainer_view_is_chosen(page, site_url, dataset):
    note = " ".join(dataset.modules["rette-niveau"].trainer_notes[0].split()[:6])
    page.goto(site_url + MODULE, wait_until="networkidle")
    assert page.get_by_text(note).is_hidden()
    toggle = page.get_by_role("button", name="Vis underviserens noter")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.get_by_text(note).is_visible()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert parse_qs(urlparse(page.url).query) == {"visning": ["underviser"]}
    page.reload(wait_until="networkidle")
    assert page.get_by_text(note).is_visible()  # the view is kept in the address
    toggle.click()
    assert page.get_by_text(note).is_hidden() and urlparse(page.url).query == ""


def test_the_participants_print_has_no_trainer_notes(page, site_url, dataset):
    page.goto(site_url + MODULE, wait_until="networkidle")
    text = "\n".join(sheet.extract_text() for sheet in pdf_pages(page.pdf(prefer_css_page_size=True)))
    assert dataset.modules["rette-niveau"].objectives[0][:30] in " ".join(text.split())
    assert "Underviserens noter" not in text


def test_presentation_moves_by_keys_and_keeps_its_place_in_the_address(page, site_url, dataset):
    module = dataset.modules["rette-niveau"]
    dialog = open_presentation(page, site_url)
    total = int(count(page).split(" af ")[1])
    assert count(page) == f"Dias 1 af {total}"
    assert page.locator(".med-present__title").inner_text() == module.title
    # The title slide carries the short link's QR code, large.
    assert dialog.locator(".med-qr").bounding_box()["height"] > 250
    page.keyboard.press("ArrowRight")
    assert count(page) == f"Dias 2 af {total}"
    assert page.locator(".med-present__title").inner_text() == "Det lærer I"
    page.keyboard.press("PageDown")  # what a presentation clicker sends
    assert page.locator(".med-present__title").inner_text() == f"Pointe 1 af {len(module.key_points)}"
    page.keyboard.press("PageUp")
    page.keyboard.press("End")
    assert count(page) == f"Dias {total} af {total}"
    assert page.get_by_role("button", name="Næste").is_disabled()
    page.keyboard.press("Home")
    page.keyboard.press(" ")
    assert parse_qs(urlparse(page.url).query) == {"dias": ["2"]}
    page.reload(wait_until="networkidle")
    assert page.locator(".med-present").is_visible() and count(page) == f"Dias 2 af {total}"


def test_presentation_never_shows_trainer_notes(page, site_url, dataset):
    notes = [" ".join(n.split()[:6]) for n in dataset.modules["rette-niveau"].trainer_notes]
    page.goto(site_url + MODULE + "?visning=underviser", wait_until="networkidle")
    page.get_by_role("button", name="Vis som præsentation").click()
    seen = []
    while True:
        seen.append(" ".join(page.locator(".med-present__stage").inner_text().split()))
        if page.get_by_role("button", name="Næste").is_disabled():
            break
        page.keyboard.press("ArrowRight")
    assert len(seen) > 5
    for note in notes:
        assert not any(note in text for text in seen)


def test_escape_leaves_the_presentation_and_returns_focus(page, site_url):
    open_presentation(page, site_url)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert page.locator(".med-present").is_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Vis som præsentation"
    assert "dias" not in urlparse(page.url).query


def test_presentation_by_keyboard_alone(page, site_url):
    page.goto(site_url + MODULE, wait_until="networkidle")
    page.locator(".med-module__present").focus()
    page.keyboard.press("Enter")
    assert count(page).startswith("Dias 1 af")
    page.keyboard.press("Tab")  # into the controls; focus stays in the dialog
    for _ in range(8):
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('.med-present')")
    page.get_by_role("button", name="Afslut præsentation").focus()
    page.keyboard.press("Enter")
    assert page.locator(".med-present").is_hidden()


def test_b_blanks_the_screen_and_brings_it_back(page, site_url):
    open_presentation(page, site_url)
    page.keyboard.press("b")
    assert page.locator(".med-present__blank").is_visible()
    page.keyboard.press("b")
    assert page.locator(".med-present__blank").is_hidden()


def test_no_wcag_21_aa_violations_in_the_trainer_kit(page, site_url):
    for path in ("kursus/", "kursus/kernen-i-med-kommunerne/", MODULE + "?visning=underviser"):
        page.goto(site_url + path, wait_until="networkidle")
        assert axe_violations(page) == [], path
    open_presentation(page, site_url)
    page.keyboard.press("ArrowRight")
    assert axe_violations(page) == []


def test_the_handout_prints_a_sheet_per_module_without_trainer_notes(page, site_url, dataset):
    plan = dataset.courses["kernen-i-med-kommunerne"]
    modules = [dataset.modules[item.module] for item in plan.items if item.module]
    page.goto(site_url + "kursus/kernen-i-med-kommunerne/", wait_until="networkidle")
    sheets = [" ".join(sheet.extract_text().split()) for sheet in pdf_pages(page.pdf(prefer_css_page_size=True))]
    for module in modules:
        starts = [i for i, text in enumerate(sheets) if text.count(module.title) and module.summary[:25] in text]
        assert starts, f"{module.id} is not in the handout"
        for note in module.trainer_notes:
            assert " ".join(note.split()[:6]) not in " ".join(sheets)
    assert len(sheets) >= len(modules) + 1


def test_short_links_lead_to_the_module_and_the_tree(page, site_url):
    page.goto(site_url + "m/rette-niveau/", wait_until="networkidle")
    assert unquote(page.url).endswith("/kursus/moduler/rette-niveau/")
    page.goto(site_url + "t/hvor-er-rette-niveau/", wait_until="networkidle")
    assert unquote(page.url).endswith("/svar/hvor-er-rette-niveau/")


def test_the_calendar_links_kernen_i_med_to_its_course(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    page.locator("[id='2024-kernen-i-med-kommunerne'] .med-event__course a").click()
    page.wait_for_url("**/kursus/kernen-i-med-kommunerne/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Guidens kursusdag efter Kernen i MED – for kommunerne"
