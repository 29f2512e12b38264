"""The trainer kit in chromium: the trainer and participants' views, the presentation view by
keyboard and by clicker keys, the course page and its handout in print, the short links, and
accessibility with each view open."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from axe import axe_violations
from sheets import pdf_pages
from support import ARTIFACTS

MODULE = "kursus/moduler/rette-niveau/"
SLIDE_ARTIFACTS = ARTIFACTS / "slides"
HANDOUT_ARTIFACTS = ARTIFACTS / "handouts"


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


def plain(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>|\*\*?|\[([^]]*)\]\([^)]*\)", r"\1", text).split())


@pytest.mark.parametrize("course_id", ["kernen-i-med-kommunerne", "kernen-i-med-regionerne", "lokal-med-uddannelse"])
def test_the_handout_prints_each_module_on_one_sheet_without_trainer_notes(page, site_url, dataset, course_id):
    plan = dataset.courses[course_id]
    modules = list({item.module: dataset.modules[item.module] for item in plan.items if item.module}.values())
    page.goto(f"{site_url}kursus/{course_id}/", wait_until="networkidle")
    pdf = page.pdf(prefer_css_page_size=True)
    HANDOUT_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (HANDOUT_ARTIFACTS / f"{course_id}.pdf").write_bytes(pdf)
    sheets = [" ".join(sheet.extract_text().split()) for sheet in pdf_pages(pdf)]
    everything = " ".join(sheets)
    starts = []
    for module in modules:
        found = [i for i, text in enumerate(sheets) if f"{module.title} {module.summary[:25]}" in text]
        assert len(found) == 1, f"{course_id}: {module.id} starts on sheets {found}"
        starts.append(found[0])
        sheet = sheets[found[0]]
        # Everything the module brings is on its one sheet: each key point's last words, and
        # the last question of each set printed there.
        for point in module.key_points:
            assert plain(point)[-30:] in sheet, f"{course_id}: a key point of {module.id} spills over"
        for set_id in module.discussion:
            questions = dataset.get("question_set", set_id)
            assert plain(questions.questions[-1])[-30:] in sheet or "Spørgsmålene står under modulet" in sheet, set_id
        for note in module.trainer_notes:
            assert " ".join(plain(note).split()[:6]) not in everything, f"a trainer note of {module.id} is printed"
    # One sheet for the day's programme, then a sheet per module, one after the other.
    assert starts == list(range(1, len(modules) + 1)), f"{course_id}: modules start on sheets {starts}"
    # At most a sheet of sources and addresses closes the handout, and it is no stray line.
    assert len(sheets) <= len(modules) + 2
    for text in sheets[len(modules) + 1:]:
        assert "Adresser på siden" in text and len(text) > 400, f"{course_id}: a closing sheet holds only {text[-80:]!r}"


def test_short_links_lead_to_the_module_and_the_tree(page, site_url):
    page.goto(site_url + "m/rette-niveau/", wait_until="networkidle")
    assert unquote(page.url).endswith("/kursus/moduler/rette-niveau/")
    page.goto(site_url + "t/hvor-er-rette-niveau/", wait_until="networkidle")
    assert unquote(page.url).endswith("/svar/hvor-er-rette-niveau/")
    # The trainer's view travels through the short link, as a QR code on a slide may ask.
    page.goto(site_url + "m/rette-niveau/?visning=underviser", wait_until="networkidle")
    assert unquote(page.url).endswith("/kursus/moduler/rette-niveau/?visning=underviser")


@pytest.mark.parametrize("width", [1280, 390])
def test_short_links_keep_the_query_and_the_fragment(browser, site_url, dataset, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    note = " ".join(dataset.modules["rette-niveau"].trainer_notes[0].split()[:6])
    page.goto(site_url + "m/rette-niveau/?visning=underviser", wait_until="networkidle")
    assert unquote(page.url).endswith("/kursus/moduler/rette-niveau/?visning=underviser")
    assert page.get_by_text(note).is_visible()
    page.goto(site_url + "t/skal-sagen-i-med/?skal-sagen-i-med=nej.nej#skal-sagen-i-med", wait_until="networkidle")
    assert unquote(page.url).endswith("/svar/skal-sagen-i-med/?skal-sagen-i-med=nej.nej#skal-sagen-i-med")
    assert page.locator(".med-tree__answers > li").count() == 2  # both answers kept
    context.close()


def test_the_calendar_links_kernen_i_med_to_its_course(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    page.locator("[id='2024-kernen-i-med-kommunerne'] .med-event__course a").click()
    page.wait_for_url("**/kursus/kernen-i-med-kommunerne/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Guidens kursusdag efter Kernen i MED – for kommunerne"


# Where a slide's content reaches, in CSS pixels: the stage must not scroll, and everything in
# it must lie inside the screen and above the controls.
SLIDE_REACH = """() => {
  const stage = document.querySelector('.med-present__stage');
  const controls = document.querySelector('.med-present__controls').getBoundingClientRect();
  let bottom = 0, right = 0, left = Infinity;
  for (const node of stage.querySelectorAll('*')) {
    const r = node.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right); left = Math.min(left, r.left);
  }
  return {
    overflow: Math.max(stage.scrollHeight - stage.clientHeight, stage.scrollWidth - stage.clientWidth),
    bottom, right, left, controlsTop: controls.top, width: window.innerWidth,
    fontSize: parseFloat(getComputedStyle(document.querySelector('.med-present__content')).fontSize),
  };
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_of_every_module_fits_the_screen_above_its_controls(browser, site_url, dataset, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    page = context.new_page()
    problems = []
    SLIDE_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for module_id in sorted(dataset.modules):
        page.goto(f"{site_url}kursus/moduler/{module_id}/", wait_until="networkidle")
        page.get_by_role("button", name="Vis som præsentation").click()
        total = int(count(page).split(" af ")[1])
        for number in range(1, total + 1):
            # One key press, one slide: nothing is left to scroll to.
            assert count(page) == f"Dias {number} af {total}", module_id
            reach = page.evaluate(SLIDE_REACH)
            title = page.locator(".med-present__title").inner_text()
            where = f"{module_id} slide {number} ({title}) at {width}×{height}"
            if reach["overflow"] > 1 or reach["bottom"] > reach["controlsTop"] + 1:
                problems.append(f"{where}: runs {max(reach['overflow'], reach['bottom'] - reach['controlsTop']):.0f} px below the screen")
                page.screenshot(path=str(SLIDE_ARTIFACTS / f"{module_id}-{number}-{width}x{height}.png"))
            if reach["right"] > reach["width"] + 1 or reach["left"] < -1:
                problems.append(f"{where}: runs off the side")
            # Readable from the back of a room: body type of at least 24 px on these screens.
            if reach["fontSize"] < 24:
                problems.append(f"{where}: type of {reach['fontSize']:.0f} px")
            page.keyboard.press("PageDown" if number % 2 else "ArrowRight")
    context.close()
    assert not problems, "\n".join(problems)
