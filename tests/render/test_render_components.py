"""Each component renders every item of its data, escaped, linked and in valid structure."""

from __future__ import annotations

import dataclasses
import re

import pytest

from macros.links import FixedLinks
from macros.render import case_types, committees, glossary, guidelines, roles, sources
from support import markdown_to_html

LINKS = FixedLinks()


def ids_in(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def test_role_cards_show_every_role_with_both_hats(dataset):
    html = markdown_to_html(roles.role_cards(dataset, LINKS))
    for role in dataset.roles:
        assert re.search(rf'<h2 id="{re.escape(role.id)}">', html), role.id
    # The hats are headings one level below the role, without becoming search sections.
    hats = re.findall(r'<p aria-level="(\d)" class="med-hats__title" role="heading">([^<]+)</p>', html)
    assert hats.count(("3", "I MED")) == len(dataset.roles)
    assert hats.count(("3", "I leder–TR-samarbejdet")) == len(dataset.roles)
    assert '<a href="/udvalg/#hovedudvalg">Hovedudvalg</a>' in html
    # Markdown fields became paragraphs, not literal text.
    assert "<p>Alle kollegerne i sin valggruppe" in html


def test_role_cards_escape_every_plain_string(dataset):
    hostile = '<img src=x onerror="alert(1)"> *fed* {#x}'
    leder = dataset.index["role"]["leder"].model_copy(update={"name": hostile, "summary": hostile, "appointed_by": hostile})
    data = dataclasses.replace(dataset, roles=[leder], index={**dataset.index, "role": {**dataset.index["role"], "leder": leder}})
    html = markdown_to_html(roles.role_cards(data, LINKS))
    assert "<img" not in html
    # The name in the heading and in both hats' labels, the summary, who appoints.
    assert html.count("&lt;img src=x onerror=") == 5
    assert '<h2 id="leder">' in html
    assert "*fed*" in html


def test_role_cards_heading_level_is_chosen_by_the_page(dataset):
    html = markdown_to_html(roles.role_cards(dataset, LINKS, level=3))
    assert '<h3 id="leder">' in html and '<h2 id="leder">' not in html


def test_committee_overview_has_a_row_per_committee(dataset):
    html = committees.committee_overview(dataset, LINKS)
    assert html.count("<tr>") == len(dataset.committees) + 1
    assert '<th scope="row"><a href="/udvalg/#hovedudvalg">Hovedudvalg</a>' in html
    assert "<caption>" in html
    assert 'Hvis MED-aftalen siger det' in html  # Trio i MED


def test_committee_cards_list_members_and_tasks(dataset):
    html = markdown_to_html(committees.committee_cards(dataset, LINKS, level=3))
    assert {c.id for c in dataset.committees} <= ids_in(html)
    assert '<a href="/roller/#tillidsrepræsentant">Tillidsrepræsentant</a>' in html
    assert html.count('<ul class="med-tasks">') == sum(1 for c in dataset.committees if c.tasks)


def test_organisation_areas_and_fh_note(dataset):
    html = markdown_to_html(committees.organisation_areas(dataset, LINKS))
    assert {"lo-området", "ftf-området", "akademikerne"} <= ids_in(html)
    assert "Fagbevægelsens Hovedorganisation" in html


@pytest.mark.parametrize("category", case_types.CATEGORIES)
def test_case_type_cards_of_one_category(dataset, category):
    html = markdown_to_html(case_types.case_type_cards(dataset, LINKS, category))
    wanted = {c.id for c in dataset.case_types if c.category == category}
    others = {c.id for c in dataset.case_types} - wanted
    assert wanted <= ids_in(html)
    assert not others & ids_in(html)


def test_case_type_cards_refuse_an_unknown_category(dataset):
    with pytest.raises(ValueError, match="unknown case type category"):
        case_types.case_type_cards(dataset, LINKS, "andet")


def test_guideline_tables_mark_waivable_and_dependent_guidelines(dataset):
    html = markdown_to_html(guidelines.guideline_types(dataset, LINKS, level=2))
    rows = dict(re.findall(r'<tr id="([^"]+)">(.*?)</tr>', html, re.DOTALL))
    assert set(rows) == {g.id for g in dataset.guidelines}
    waivable = {gid for gid, row in rows.items() if "<strong>Ja</strong>" in row}
    assert waivable == {"trivselsmålinger", "sundhed", "sygefraværsstatistik"}
    dependent = {gid for gid, row in rows.items() if "Afhænger af beslutning" in row}
    assert dependent == {"stress-lokalt", "vold-mobning-chikane-lokalt"}
    assert "Hele kommunen" in rows["budget"]
    assert "Kun udvalgets eget område" in rows["apv-handlingsplaner"]
    assert re.search(r'<h2 id="procedureretningslinjer">1\. Procedureretningslinjer', html)


def test_glossary_groups_terms_by_letter_in_danish_order(dataset):
    html = markdown_to_html(glossary.glossary(dataset, LINKS))
    assert {t.id for t in dataset.terms} <= ids_in(html)
    letters = re.findall(r'<h2 id="bogstav-[^"]+">(.)<', html)
    assert letters == sorted(letters, key=glossary.danish_sort_key)
    assert letters[-1] in "ÆØÅ"
    for term in dataset.terms:
        for other in term.see_also:
            assert f'href="#{other}"' in html


def test_source_list_in_date_order_with_danish_dates(dataset):
    html = sources.source_list(dataset, LINKS)
    order = re.findall(r'<li id="([^"]+)" class="med-card med-source">', html)
    assert order == [s.id for s in sorted(dataset.sources, key=lambda s: s.date)]
    assert '<time datetime="2020-09-09">9. september 2020</time>' in html
    assert '<time datetime="2017">2017</time>' in html


def test_page_sources_link_to_the_source_list(dataset):
    html = sources.page_sources(dataset, LINKS, ["guide-2020"])
    assert 'href="/om-siden/#guide-2020"' in html
    assert "Guide til MED-samarbejdet og samarbejdet mellem TR og leder i kommunerne" in html
