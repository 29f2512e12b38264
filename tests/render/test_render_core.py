"""The shared render helpers: escaping, Markdown fields, abbreviations, dates, sorting."""

from __future__ import annotations

import html as html_module
import re

from datetime import date

import pytest

from macros.links import FixedLinks, LinkError, doc_link
from macros.model.types import MarkdownText
from macros.render.abbreviations import abbreviation_definitions, abbreviation_titles
from macros.render.core import mark_abbreviations, markdown_block, markdown_text
from macros.render.dates import danish_date, machine_date
from macros.render.glossary import danish_sort_key, initial
from support import markdown_to_html

TITLES = {"TR": "tillidsrepræsentant", "FTR": "fællestillidsrepræsentant", "MED": "medindflydelse og medbestemmelse"}


def test_markdown_block_is_processed_by_markdown():
    html = markdown_to_html(f'<div markdown="1">\n{markdown_block(MarkdownText("Et **vigtigt** ord."))}\n</div>')
    assert "<strong>vigtigt</strong>" in html


def test_markdown_block_refuses_plain_text():
    with pytest.raises(TypeError):
        markdown_block("plain text is escaped, never rendered as Markdown")


def test_markdown_text_keeps_every_character_literal():
    hostile = '<script>alert("x")</script> *fed* [link](x) {: #id } `kode` _under_'
    html = markdown_to_html(f"## {markdown_text(hostile)}\n")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    heading = re.search(r"<h2[^>]*>(.*)</h2>", html).group(1)
    assert "<" not in heading.replace("&lt;", "")
    assert html_module.unescape(heading) == hostile


def test_abbreviations_are_wrapped_as_whole_words_only():
    html = str(mark_abbreviations("TR og FTR i MED-udvalget, men ikke TRIO eller ATR.", TITLES))
    assert html.count('<abbr title="tillidsrepræsentant">TR</abbr>') == 1
    assert '<abbr title="fællestillidsrepræsentant">FTR</abbr>' in html
    assert '<abbr title="medindflydelse og medbestemmelse">MED</abbr>-udvalget' in html
    assert "TRIO" in html and "ATR" in html


def test_abbreviation_marking_escapes_the_text_and_the_title():
    html = str(mark_abbreviations("<b>TR</b> & co", {"TR": 'en "valgt" <rolle>'}))
    assert "<b>" not in html
    assert "&lt;b&gt;" in html and "&amp; co" in html
    assert 'title="en &#34;valgt&#34; &lt;rolle&gt;"' in html


def test_abbreviation_definitions_feed_markdown_the_same_titles(dataset):
    definitions = abbreviation_definitions(dataset.terms)
    titles = abbreviation_titles(dataset.terms)
    for abbreviation, title in titles.items():
        assert f"*[{abbreviation}]: {title}" in definitions
    html = markdown_to_html("Spørg din AMR." + definitions)
    assert f'<abbr title="{titles["AMR"]}">AMR</abbr>' in html


def test_danish_dates():
    assert danish_date(date(2020, 9, 9)) == "9. september 2020"
    assert danish_date(date(2020, 9, 1), "måned") == "september 2020"
    assert danish_date(date(2017, 1, 1), "år") == "2017"
    assert machine_date(date(2020, 9, 9)) == "2020-09-09"
    assert machine_date(date(2020, 9, 1), "måned") == "2020-09"


def test_danish_alphabetical_order():
    words = ["Åben", "Zone", "Ørn", "Æble", "apv", "Bagland"]
    assert sorted(words, key=danish_sort_key) == ["apv", "Bagland", "Zone", "Æble", "Ørn", "Åben"]
    assert initial("Ørn") == "Ø"


def test_links_point_at_each_kind_of_home_page():
    links = FixedLinks({"roller.md", "ordliste.md"})
    assert links.item("role", "leder") == "/roller/#leder"
    assert links.item("term", "apv") == "/ordliste/#apv"
    assert doc_link("committee", "hovedudvalg", "roller.md") == "udvalg.md#hovedudvalg"
    assert doc_link("committee", "hovedudvalg", "kursus/moduler/x.md") == "../../udvalg.md#hovedudvalg"
    assert doc_link("tree", "hvem", "svar/x.md") == "hvem.md"
    with pytest.raises(LinkError):
        links.page("findes-ikke.md")
