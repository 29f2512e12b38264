"""The trainer kit without a browser: modules and their pages, agenda arithmetic, the handout
without trainer notes, the module page's views, and the short links."""

from __future__ import annotations

import dataclasses
import re
from html import unescape
from datetime import time

import pytest

from macros.links import FixedLinks
from macros.model.training import Course
from macros.render import training
from macros.training import AgendaError, agenda, course_minutes
from support import DOCS, markdown_to_html

LINKS = FixedLinks()
SITE = "https://example.org/med/"


def course(start: str, *items: dict) -> Course:
    return Course.model_validate(
        {"id": "prøve", "title": "Prøve", "summary": "Til test.", "audience": "Alle", "start": start,
         "items": list(items), "sources": ["guide-2020"]}
    )


def test_every_module_has_a_page_and_every_module_page_a_module(dataset):
    pages = {p.stem for p in (DOCS / "kursus" / "moduler").glob("*.md")}
    assert pages == set(dataset.modules)
    for module_id in dataset.modules:
        text = (DOCS / "kursus" / "moduler" / f"{module_id}.md").read_text(encoding="utf-8")
        assert f'module_page("{module_id}")' in text


def test_every_course_has_a_page(dataset):
    for course_id in dataset.courses:
        assert f'course_page("{course_id}")' in (DOCS / "kursus" / f"{course_id}.md").read_text(encoding="utf-8")


def test_the_kernen_i_med_course_covers_the_programmes_themes(dataset):
    modules = [item.module for item in dataset.courses["kernen-i-med-kommunerne"].items if item.module]
    # "Formålet, rammeaftalens opbygning, bagland, rette niveau og udvalgets særlige opgaver".
    for theme in ("formålet-med-med", "rammeaftalens-opbygning", "baglandet", "rette-niveau", "udvalgets-særlige-opgaver"):
        assert theme in modules


def test_calendar_events_of_kernen_i_med_follow_the_course_plans(dataset):
    events = {event.id: event for event in dataset.programmes["2024"].events}
    assert events["kernen-i-med-kommunerne"].course == "kernen-i-med-kommunerne"
    assert events["kernen-i-med-regionerne"].course == "kernen-i-med-regionerne"


# --- Agenda arithmetic --------------------------------------------------------------------

def test_agenda_times_follow_the_modules_minutes_and_the_breaks(dataset):
    plan = course(
        "09:30",
        {"module": "rette-niveau"},
        {"pause": "Kaffepause", "minutes": 15},
        {"module": "rette-niveau"},
        {"pause": "Frokost", "minutes": 45},
    )
    items = agenda(plan, dataset.modules)
    m = dataset.modules["rette-niveau"].minutes

    def clock(minutes_after_start: int) -> time:
        total = 9 * 60 + 30 + minutes_after_start
        return time(total // 60, total % 60)

    assert [(i.start, i.end) for i in items] == [
        (clock(0), clock(m)), (clock(m), clock(m + 15)), (clock(m + 15), clock(2 * m + 15)),
        (clock(2 * m + 15), clock(2 * m + 60)),
    ]
    assert course_minutes(items) == (2 * m, 60)
    assert items[1].pause == "Kaffepause" and items[1].module is None


def test_a_day_may_end_at_midnight_but_not_after(dataset):
    minutes = dataset.modules["rette-niveau"].minutes
    start = (24 * 60 - minutes)
    ends_at_midnight = course(f"{start // 60:02d}:{start % 60:02d}", {"module": "rette-niveau"})
    assert agenda(ends_at_midnight, dataset.modules)[-1].end == time(0, 0)
    with pytest.raises(AgendaError, match="runs past midnight at item 2"):
        agenda(course("22:00", {"module": "rette-niveau"}, {"pause": "Sen pause", "minutes": 120}), dataset.modules)


def test_each_course_ends_when_its_minutes_say(dataset):
    for plan in dataset.courses.values():
        items = agenda(plan, dataset.modules)
        total = sum(
            dataset.modules[i.module].minutes if i.module else i.minutes for i in plan.items
        )
        start = plan.start.hour * 60 + plan.start.minute
        assert items[-1].end == time((start + total) // 60 % 24, (start + total) % 60)
        assert all(a.end == b.start for a, b in zip(items, items[1:]))


# --- Pages ---------------------------------------------------------------------------------

def test_module_page_marks_the_slides_and_hides_the_trainer_notes(dataset):
    module = dataset.modules["rette-niveau"]
    html = markdown_to_html(training.module_page(dataset, LINKS, module.id, SITE))
    slides = re.findall(r'data-slide="([^"]+)"', html)
    assert slides[0] == module.title
    assert slides.count("Det lærer I") == 1
    assert sum(s.startswith("Pointe ") for s in slides) == len(module.key_points)
    assert sum(s.startswith("Øvelse: ") for s in slides) == len(module.exercises)
    notes = re.search(r'<section([^>]*)class="med-module__trainer"([^>]*)>', html)
    assert notes and "hidden" in notes.group(0) and "data-trainer-only" in notes.group(0)
    # The short link and its QR code.
    assert ">example.org/med/m/rette-niveau/</a>" in html and 'class="med-qr"' in html


def test_handout_has_key_points_and_questions_but_never_trainer_notes(dataset):
    for plan in dataset.courses.values():
        html = markdown_to_html(training.course_page(dataset, LINKS, plan.id, SITE))
        handout = unescape(html.split('id="deltagermateriale"', 1)[1])
        for item in plan.items:
            if not item.module:
                continue
            module = dataset.modules[item.module]
            assert f'id="materiale-{module.id}"' in handout
            for set_id in module.discussion:
                for question in dataset.get("question_set", set_id).questions:
                    assert re.sub(r"<[^>]+>", "", question) in re.sub(r"<abbr[^>]*>|</abbr>", "", handout)
            for note in module.trainer_notes:
                words = " ".join(note.split()[:8])
                assert words not in html, f"a trainer note of {module.id} is in the handout of {plan.id}"


def test_course_page_agenda_lists_times_modules_and_breaks(dataset):
    plan = dataset.courses["kernen-i-med-kommunerne"]
    html = markdown_to_html(training.course_page(dataset, LINKS, plan.id, SITE))
    rows = re.findall(r'<time datetime="(\d\d:\d\d)">', html)
    items = agenda(plan, dataset.modules)
    assert rows[0::2] == [i.start.strftime("%H:%M") for i in items]
    assert f"slutter kl. {items[-1].end.strftime('%H.%M')}" in html


def test_module_list_shows_every_module_with_its_short_link(dataset):
    html = training.module_list(dataset, LINKS, SITE)
    for module_id in dataset.modules:
        assert f'href="/m/{module_id}/">/m/{module_id}/</a>' in html


# --- Short links -----------------------------------------------------------------------------

def test_short_links_lead_to_every_module_and_tree(dataset):
    pages = training.short_link_pages(dataset, lambda src: src.removesuffix(".md") + "/", SITE)
    assert set(pages) == {f"m/{m}/index.html" for m in dataset.modules} | {f"t/{t}/index.html" for t in dataset.trees}
    page = pages["m/rette-niveau/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../../kursus/moduler/rette-niveau/">' in page
    assert '<link rel="canonical" href="https://example.org/med/kursus/moduler/rette-niveau/">' in page
    assert 'location.replace("../../kursus/moduler/rette-niveau/" + location.search + location.hash)' in page
    assert "../../svar/hvor-er-rette-niveau/" in pages["t/hvor-er-rette-niveau/index.html"]


def test_a_short_link_page_escapes_the_title(dataset):
    module = dataset.modules["rette-niveau"]
    hostile = {"rette-niveau": module.model_copy(update={"title": '</title><script>alert(1)</script>'})}
    data = dataclasses.replace(dataset, modules=hostile, trees={})
    page = training.short_link_pages(data, lambda src: src.removesuffix(".md") + "/", None)["m/rette-niveau/index.html"]
    assert "<script>alert" not in page and "&lt;/title&gt;" in page
    assert "canonical" not in page  # no public address without a site_url
