"""The content review's corrections, kept: the facts as the seeds and the named sources give
them, the national guide in a general voice, and no notes about the sources in reader text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from support import PROJECT, site_pages

PAGES = site_pages()

# Remarks an editor might leave about the material; they never belong in what readers see.
SOURCE_REMARKS = (
    "kildematerialet",
    "kilderne beskriver",
    "kilderne til denne guide",
    "kilderne siger ikke",
    "kilderne nævner ikke",
    "sitets kilder",
    "sitets kerne",
    "rapporten forklarer ikke",
    "guiden nævner ingen",
    "ikke blandt de kilder",
    "beskriver det ikke nærmere",
)


class _MainText(HTMLParser):
    """The text of a page's main content (Material's article), without the line of sources,
    scripts and styles."""

    def __init__(self):
        super().__init__()
        self.articles = 0  # depth of <article> elements, counted from the main one
        self.skipping: str | None = None  # the tag of the element being left out
        self.skip_depth = 0  # how deep in nested elements of that same tag
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "article" and (self.articles or "md-content__inner" in classes):
            self.articles += 1
        if not self.articles:
            return
        if self.skipping:
            self.skip_depth += tag == self.skipping
        elif tag in ("script", "style") or (tag == "aside" and "med-page-sources" in classes):
            self.skipping, self.skip_depth = tag, 1

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping:
            self.skip_depth -= 1
            if not self.skip_depth:
                self.skipping = None
        elif tag == "article" and self.articles:
            self.articles -= 1

    def handle_data(self, data):
        if self.articles and not self.skipping:
            self.parts.append(data)


def main_text(html: str) -> str:
    parser = _MainText()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts))


def section(html: str, anchor: str) -> str:
    """The text from the heading with id `anchor` to the next heading of the same or a higher level."""
    start = html.index(f'id="{anchor}"')
    tag = re.match(r"<h([1-6])", html[html.rfind("<", 0, start):])
    level = tag.group(1) if tag else "3"
    end = re.search(rf"<h[1-{level}][ >]", html[start + 1:])
    fragment = html[start:start + 1 + end.start()] if end else html[start:]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment.split(">", 1)[1]))


@pytest.mark.parametrize("page", PAGES)
def test_reader_text_has_no_remarks_about_the_sources(built_site, page):
    text = main_text(built_site.page(page)).lower()
    for remark in SOURCE_REMARKS:
        assert remark not in text, f"{page or 'forsiden'} says »{remark}«"


def test_the_main_text_parser_sees_the_text_and_leaves_out_the_sources_line(built_site):
    text = main_text(built_site.page("roller/"))
    assert "Hvem kan være formand og næstformand?" in text
    assert "Læs videre" in text  # the text after the card grid is still read
    assert "Kilder:" not in text


def test_no_page_says_leader_and_tr_can_make_local_agreements_on_their_own(built_site):
    for path in built_site.html_files():
        text = main_text(path.read_text(encoding="utf-8")).lower()
        assert "kan indgå lokale aftaler" not in text, path


def test_the_closure_example_rests_on_the_kommunaldirektør_and_the_hovedudvalg(built_site):
    for page in ("kursus/moduler/rette-niveau/", "kursus/kernen-i-med-kommunerne/", "rette-niveau/"):
        text = main_text(built_site.page(page))
        assert "kommunaldirektøren" in text, page
        assert "udvalget for hele området" not in text, page
    module = main_text(built_site.page("kursus/moduler/rette-niveau/"))
    assert "Derfor er hovedudvalget rette niveau" in module


def test_albertslunds_trio_is_an_informal_supplement_everywhere(built_site):
    edition = yaml.safe_load((PROJECT / "editions/albertslund/data/edition.yml").read_text(encoding="utf-8"))
    trio = next(c for c in edition["committees"] if c["id"] == "trio")
    assert trio["base"] == "trio-uden-for-med"
    trio_in_med = section(built_site.page("udvalg/"), "trio-i-med")
    assert "Albertslund" not in trio_in_med
    environment = main_text(built_site.page("arbejdsmiljø-i-med/"))
    assert "har gjort Trioen til en formel del af MED" not in environment
    assert "uformelt supplement til MED" in environment
    assert "uformelt supplement til MED-systemet" in main_text(built_site.page("kend-din-med-aftale/"))


def test_the_valggrupper_have_their_current_names_and_their_sources(built_site):
    page = built_site.page("hvem-sidder-i-med/")
    text = main_text(page)
    for name, old in (("Valggruppe A", "Akademikerne"), ("Valggruppe B", "LO"), ("Valggruppe C", "FTF")):
        assert re.search(rf"{name} \(tidligere {old}", text), name
    assert "vælges af og blandt kommunens arbejdsmiljørepræsentanter" in text
    for source in ("fh-udpegning", "medsamarbejdet-valg"):
        assert f'href="../om-siden/#{source}"' in page, source
    sources = built_site.page("om-siden/")
    assert 'href="https://fho.dk/med/med-hovedudvalg/udpegning-til-med-hovedudvalg/"' in sources
    assert 'href="https://medsamarbejdet.dk/valg-og-udpegning-til-med/"' in sources
    assert "Valggruppe A (tidligere Akademikerne/AC)" in main_text(built_site.page("ordliste/"))


def test_national_glossary_entries_do_not_mention_albertslund(dataset, built_site):
    for term in dataset.terms:
        assert "Albertslund" not in term.definition, term.id
    assert "Albertslund" not in main_text(built_site.page("ordliste/"))


def test_one_answer_to_who_can_be_formand_and_næstformand(built_site, dataset):
    roles = built_site.page("roller/")
    answer = section(roles, "hvem-kan-være-formand-og-næstformand")
    assert "Formanden kommer fra ledelsessiden" in answer
    assert "vælges næstformanden af og blandt medarbejderrepræsentanterne" in answer
    assert "Kend din MED-aftale" in answer
    for role in ("formand", "næstformand"):
        card = roles[roles.index(f'id="{role}"'):]
        card = card[:card.index('class="med-card__links"')]
        assert re.search(r'href="(\./)?#hvem-kan-være-formand-og-næstformand"', card), role
    næstformand = next(t for t in dataset.terms if t.id == "næstformand")
    assert not næstformand.definition.startswith("I ")


def test_course_plans_are_the_guides_proposal_not_medsamarbejdets_programme(built_site, dataset):
    for course_id in dataset.courses:
        text = main_text(built_site.page(f"kursus/{course_id}/"))
        assert "Guidens forslag" in text or "guidens forslag" in text, course_id
        assert "Tiderne er guidens forslag" in text, course_id
    for event in dataset.programmes["2024"].events:
        if event.kind in ("næstformandsmøde", "grundkursus"):
            assert event.capacity is None, f"{event.id}: the programme gives 35–45 for the temadage only"
