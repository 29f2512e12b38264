"""Printing and posters without a browser: what the margins say, the posters' content from
the data, the QR code, and pages asking for unknown sources or paper."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
import segno

from macros.errors import PageError
from macros.links import FixedLinks
from macros.render import posters
from macros.render.printing import css_string, page_source_ids, print_properties, source_label
from support import DOCS, markdown_to_html

LINKS = FixedLinks()


# --- The margins of printed pages ------------------------------------------------------------

def test_css_string_escapes_what_could_end_the_string_or_the_style():
    value = css_string('Leder "og" TR\\ </style><script>alert(1)</script>\nny linje & mere')
    assert value.startswith('"') and value.endswith('"')
    inner = value[1:-1]
    assert '"' not in inner and "<" not in inner and ">" not in inner and "\n" not in inner and "&" not in inner
    assert inner.count("\\22 ") == 2 and "\\5c " in inner and "\\3c /style\\3e " in inner and "\\a ny" in inner


def test_print_properties_name_title_address_date_and_sources(dataset):
    sources = [dataset.get("source", "guide-2020"), dataset.get("source", "brev-2020")]
    css = print_properties("Roller i MED", "https://example.org/med/r%C3%B8d/", date(2026, 1, 15), sources)
    assert '--med-print-title: "MED-guiden · Roller i MED";' in css
    assert '--med-print-built: "Bygget 15. januar 2026";' in css
    assert '--med-print-address: "https://example.org/med/rød/";' in css  # readable, not percent-encoded
    assert '--med-print-sources: "Kilder: Guide til MED-samarbejdet (2020); Brev til hovedudvalgene (2020)";' in css


def test_a_source_is_named_by_its_short_title_where_it_has_one(dataset):
    assert source_label(dataset.get("source", "brev-2020")) == "Brev til hovedudvalgene (2020)"
    assert source_label(dataset.get("source", "fokus-2017")) == "Fokus på den danske model i kommunerne (2017)"


def test_page_sources_come_from_front_matter_or_from_the_item_the_page_presents(dataset):
    assert page_source_ids(dataset, "roller.md", {"sources": ["guide-2020"]}) == ["guide-2020"]
    tree = dataset.get("tree", "hvor-er-rette-niveau")
    assert page_source_ids(dataset, "svar/hvor-er-rette-niveau.md", {}) == tree.sources
    assert page_source_ids(dataset, "ordliste.md", {}) == []


@pytest.mark.parametrize(
    "meta, message",
    [
        ({"sources": ["guide-2021"]}, "docs/roller.md: sources: unknown source 'guide-2021' (not in sources.yml)"),
        ({"sources": "guide-2020"}, "docs/roller.md: sources: expected a list of source ids, such as [guide-2020]"),
    ],
)
def test_page_sources_refuse_what_is_not_a_list_of_known_ids(dataset, meta, message):
    with pytest.raises(PageError, match=re.escape(message)):
        page_source_ids(dataset, "roller.md", meta)


# --- Posters ------------------------------------------------------------------------------------

TREE_IDS = {path.stem for path in (DOCS.parent / "data" / "trees").glob("*.yml")}


def test_every_poster_page_is_found_with_its_paper():
    found = {page.src_path: page.paper.id for page in posters.poster_pages(DOCS, TREE_IDS)}
    assert found["plakater/om-med.md"] == "a4-portrait"
    assert found["plakater/skal-sagen-i-med.md"] == "a3-portrait"
    assert found["plakater/med-leder-tr-eller-trio.md"] == "a4-landscape"
    assert "plakater/index.md" not in found


def test_a_poster_needs_a_known_paper():
    with pytest.raises(PageError, match=r"docs/plakater/x\.md: paper: expected one of a4-portrait, a4-landscape, a3-portrait for a poster, got 'A4'"):
        posters.paper_of("plakater/x.md", {"template": "poster.html", "paper": "A4"})


def test_poster_sheet_has_paper_qr_code_and_stamp():
    sheet = posters.poster_sheet(
        "plakater/årsprogram.md", {"paper": "a4-landscape"}, "https://example.org/med/plakater/årsprogram/", date(2026, 1, 15)
    )
    assert (sheet["paper"].width, sheet["paper"].height) == (297, 210)
    assert sheet["address"] == "https://example.org/med/plakater/årsprogram/"
    assert sheet["stamp"] == "MED-guiden · udgave 15. januar 2026"
    svg = str(sheet["qr"])
    assert svg.startswith('<svg role="img" ') and "<title>QR-kode til https://example.org/med/plakater/årsprogram/</title>" in svg
    # The code itself holds the percent-encoded address, which every scanner reads alike.
    expected = segno.make("https://example.org/med/plakater/%C3%A5rsprogram/", error="m").svg_inline(
        scale=1, border=4, omitsize=True, svgclass="med-qr", lineclass="med-qr__modules", dark="#000", light="#fff",
        title="QR-kode til https://example.org/med/plakater/årsprogram/",
    )
    assert svg == expected.replace("<svg ", '<svg role="img" ', 1)


def test_poster_sheet_without_an_address_has_no_qr_code():
    sheet = posters.poster_sheet("plakater/om-med.md", {"paper": "a4-portrait"}, None, date(2026, 1, 15))
    assert sheet["qr"] is None and sheet["address"] is None


def test_guideline_poster_lists_every_guideline_under_its_type(dataset):
    html = markdown_to_html(posters.guideline_poster(dataset, LINKS))
    for kind in dataset.guideline_types:
        assert f'<h2 id="plakat-{kind.id}">{kind.name}</h2>' in html
    names = re.findall(r'<span class="med-poster-list__name">(.*?)</span>', html)
    assert len(names) == len(dataset.guidelines)
    assert html.count("kan fraviges ved enighed") == sum(g.waivable for g in dataset.guidelines)
    assert "Aftales i: Hovedudvalg eller MED-udvalg" in html


def test_role_poster_shows_both_hats_of_every_role(dataset):
    html = markdown_to_html(posters.role_poster(dataset, LINKS))
    for role in dataset.roles:
        assert f'id="plakat-{role.id}"' in html
    assert html.count("<dt>I MED</dt>") == len(dataset.roles) == html.count("<dt>Leder–TR</dt>")
    assert "Medarbejdersiden" in html and "Ledelsessiden" in html


def test_role_poster_escapes_the_data(dataset):
    hostile = '<img src=x onerror="alert(1)">'
    leder = dataset.roles[0]
    changed = leder.model_copy(update={"name": hostile, "at_a_glance": leder.at_a_glance.model_copy(update={"in_med": hostile})})
    html = posters.role_poster(dataclasses.replace(dataset, roles=[changed]), LINKS)
    assert "<img" not in html and html.count("&lt;img src=x") == 2


def test_programme_poster_puts_every_session_in_its_month(dataset):
    html = markdown_to_html(posters.programme_poster(dataset, LINKS, date(2024, 4, 10)))
    assert '<h1 id="årsprogram-2024">Årsprogram 2024</h1>' in html
    months = re.findall(r'<section class="med-poster-month[^"]*" aria-label="(\w+)">(.*?)</section>', html, re.S)
    assert [name for name, _ in months][:3] == ["Januar", "Februar", "Marts"] and len(months) == 12
    by_month = {name: re.sub(r"<abbr[^>]*>|</abbr>", "", body) for name, body in months}
    assert "Kernen i MED – for kommunerne" in by_month["April"]
    assert "22. Ballerup" in by_month["April"] and "23. Silkeborg" in by_month["April"]
    assert by_month["Marts"].strip().endswith("<h2>Marts</h2>")  # nothing dated in March
    sessions = sum(len(e.sessions) for e in dataset.programmes["2024"].events)
    assert html.count('class="med-poster-month__when"') == sessions
    plain = re.sub(r"<abbr[^>]*>|</abbr>", "", html)
    for event in dataset.programmes["2024"].events:
        if event.undated:
            assert f"<strong>{event.title}</strong> – {event.undated}" in plain


def test_programme_poster_shows_this_year_or_the_newest(dataset):
    assert posters.programme_for(dataset, date(2024, 6, 1)).id == "2024"
    assert posters.programme_for(dataset, date(2030, 6, 1)).id == "2024"
    with pytest.raises(PageError):
        posters.programme_for(dataclasses.replace(dataset, programmes={}), date(2024, 6, 1))


def test_flowchart_poster_numbers_the_questions_and_sends_every_answer_on(dataset):
    tree = dataset.get("tree", "skal-sagen-i-med")
    steps = posters.poster_flow(tree)
    questions = [node for node in tree.nodes if node.kind == "question"]
    assert [step.number for step in steps] == list(range(1, len(questions) + 1))
    assert steps[0].question == "Handler sagen om en bestemt medarbejder?"  # its poster_label
    # Every answer is on the poster, once; those leading to the same step share a line.
    labels = [label for step in steps for answer in step.answers for label in answer.labels]
    assert len(labels) == sum(len(q.options) for q in questions)
    area = next(step for step in steps if step.question == "Hvad handler sagen om?")
    shared = next(answer for answer in area.answers if len(answer.labels) > 1)
    assert len(shared.labels) == 4 and shared.step is not None and shared.step > area.number
    # A step only points forward, and every outcome is reached.
    assert all(answer.step > step.number for step in steps for answer in step.answers if answer.step)
    outcomes = {answer.outcome for step in steps for answer in step.answers if answer.outcome}
    assert len(outcomes) == len(tree.nodes) - len(questions)
    assert "Ja – og ledelsen skal forhandle først" in outcomes  # an outcome's poster_label
    html = posters.flowchart_poster(dataset, LINKS, tree.id)
    assert html.count('<li class="med-poster-step"') == len(questions)


def test_flowchart_poster_escapes_the_data(dataset):
    tree = dataset.get("tree", "skal-sagen-i-med")
    hostile = '<img src=x onerror="alert(1)">'
    first = tree.nodes[0]
    changed = tree.model_copy(update={"nodes": [first.model_copy(update={"poster_label": hostile}), *tree.nodes[1:]]})
    trees = {**dataset.trees, tree.id: changed}
    index = {**dataset.index, "tree": trees}
    html = posters.flowchart_poster(dataclasses.replace(dataset, trees=trees, index=index), LINKS, tree.id)
    assert "<img" not in html and "&lt;img src=x" in html


def test_a_poster_qr_code_leads_to_a_tree_or_another_page():
    assert posters.qr_of("plakater/x.md", {"qr_tree": "skal-sagen-i-med"}, TREE_IDS, DOCS) == ("tree", "skal-sagen-i-med")
    assert posters.qr_of("plakater/x.md", {"qr_page": "roller.md"}, TREE_IDS, DOCS) == ("page", "roller.md")
    assert posters.qr_address(("tree", "skal-sagen-i-med"), None, "https://example.org/med/") == "https://example.org/med/t/skal-sagen-i-med/"
    assert posters.qr_address(("page", "roller.md"), lambda src: "roller/", "https://example.org/med/") == "https://example.org/med/roller/"
    assert posters.qr_address(("page", "roller.md"), lambda src: "roller/", None) is None


@pytest.mark.parametrize("meta, message", [
    ({}, "docs/plakater/x.md: a poster needs one of qr_tree (a decision tree's id) or qr_page"),
    ({"qr_tree": "skal-sagen-i-med", "qr_page": "roller.md"}, "docs/plakater/x.md: a poster needs one of qr_tree"),
    ({"qr_tree": "findes-ikke"}, "docs/plakater/x.md: qr_tree: unknown tree 'findes-ikke'"),
    ({"qr_page": "plakater/x.md"}, "docs/plakater/x.md: qr_page: expected another page in docs/"),
    ({"qr_page": "findes-ikke.md"}, "docs/plakater/x.md: qr_page: expected another page in docs/, such as roller.md, got 'findes-ikke.md'"),
])
def test_a_poster_qr_target_must_exist_and_not_be_the_poster(meta, message):
    with pytest.raises(PageError, match=re.escape(message)):
        posters.qr_of("plakater/x.md", meta, TREE_IDS, DOCS)


def test_poster_index_links_every_poster_with_a_miniature(dataset):
    pages = posters.poster_pages(DOCS, TREE_IDS)
    html = posters.poster_index(dataset, LINKS, pages)
    assert html.count("<iframe ") == len(pages)
    # poster.js gives a frame its address when the card comes into view, not before.
    assert 'data-med-src="/plakater/om-med/"' in html and 'href="/plakater/om-med/"' in html
    assert ' src=' not in html
    assert html.count(" inert>") == len(pages)
