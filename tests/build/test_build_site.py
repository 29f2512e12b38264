"""The one strict build of the whole site: clean output, no template residue, self-contained."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from mkdocs.exceptions import PluginError

from macros.links import HOME_PAGES
from macros.engines.mkdocs import check_mkdocs_version
from support import site_pages

PAGES = site_pages()


class _Resources(HTMLParser):
    """Collects the URLs a page makes the browser fetch, and the links it offers."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src"):
            self.fetched.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.fetched.append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def resources(html: str) -> _Resources:
    parser = _Resources()
    parser.feed(html)
    return parser


def test_strict_build_has_no_warnings(built_site):
    assert not re.search(r"^(WARNING|ERROR)", built_site.output, re.MULTILINE), built_site.output


def test_no_template_syntax_reaches_the_html(built_site):
    for path in built_site.html_files():
        text = path.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "{#"):
            assert marker not in text, f"{marker} left in {path.relative_to(built_site.directory)}"


@pytest.mark.parametrize("page", PAGES)
def test_page_is_danish(built_site, page):
    assert '<html lang="da"' in built_site.page(page)


@pytest.mark.parametrize("page", PAGES)
def test_page_fetches_nothing_from_another_origin(built_site, page):
    for url in resources(built_site.page(page)).fetched:
        assert not re.match(r"^([a-z]+:)?//", url), f"{page or 'forsiden'} fetches {url}"


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_are_relative_so_a_sub_path_works(built_site, page):
    for url in resources(built_site.page(page)).links:
        assert not url.startswith("/"), f"{page or 'forsiden'} links to {url}"


def test_every_item_has_an_anchor_on_its_home_page(built_site, dataset):
    collections = {
        "role": dataset.roles, "committee": dataset.committees, "organisation_area": dataset.organisation_areas.areas,
        "case_type": dataset.case_types, "guideline_type": dataset.guideline_types,
        "guideline": dataset.guidelines, "term": dataset.terms, "source": dataset.sources,
    }
    for kind, items in collections.items():
        html = built_site.page(HOME_PAGES[kind].removesuffix(".md") + "/")
        for item in items:
            assert f'id="{item.id}"' in html, f"{kind} {item.id} has no anchor on {HOME_PAGES[kind]}"


def test_slugs_keep_danish_letters(built_site):
    assert 'id="hovedorganisationsområderne"' in built_site.page("hvem-sidder-i-med/")
    assert 'id="det-hører-ikke-hjemme-i-med"' in built_site.page("sager/")


@pytest.mark.parametrize("page", PAGES)
def test_abbreviations_are_explained_on_every_page(built_site, dataset, page):
    html = built_site.page(page)
    explained = set(re.findall(r'<abbr title="[^"]+">([^<]+)</abbr>', html))
    assert explained, f"no abbreviation explained on {page or 'forsiden'}"
    titles = {t.term: t.expansion for t in dataset.terms if t.expansion}
    for abbreviation in explained:
        assert f'<abbr title="{titles[abbreviation]}">{abbreviation}</abbr>' in html


def test_abbreviations_in_data_and_in_prose_look_alike(built_site):
    html = built_site.page("roller/")
    # "TR" appears both in page prose (Markdown's abbr) and in card fields (the template filter).
    assert html.count('<abbr title="tillidsrepræsentant">TR</abbr>') >= 5


def test_every_page_is_in_the_navigation(built_site):
    links = {unquote(url).removeprefix("./") for url in resources(built_site.page("")).links}
    for page in PAGES:
        if page:
            assert page in links, f"{page} is not in the navigation"


def test_every_tree_has_its_page_and_is_linked_from_the_guide(built_site, dataset):
    guide = unquote("".join(built_site.page(p) for p in PAGES if not p.startswith(("svar/", "plakater/"))))
    for tree_id in dataset.trees:
        assert 'data-module="med-tree"' in built_site.page(f"svar/{tree_id}/")
        assert f"svar/{tree_id}/" in guide, f"no guide page links to the tree {tree_id}"


def test_search_index_is_danish_and_covers_every_page_but_the_posters(built_site):
    index = json.loads((built_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["da"]
    locations = {unquote(doc["location"].split("#")[0]) for doc in index["docs"]}
    posters = {page for page in PAGES if 'data-module="med-poster"' in built_site.page(page)}
    assert posters and not posters & locations
    assert set(PAGES) - posters <= locations


def test_search_leaves_out_trainer_notes_and_handouts(built_site, dataset):
    index = json.loads((built_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Underviserens noter" in built_site.page(f"kursus/moduler/{next(iter(dataset.modules))}/")
    assert "Underviserens noter" not in text
    handouts = [doc for doc in index["docs"] if "#materiale-" in doc["location"]]
    assert handouts and all(doc["text"] == "" for doc in handouts)


def search_text(built_site) -> dict[str, str]:
    """Location (decoded) → the text the search index holds for it."""
    index = json.loads((built_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {unquote(doc["location"]): html.unescape(doc["title"] + " " + doc["text"]) for doc in index["docs"]}


def test_search_leaves_out_repeats_and_course_material(built_site, dataset):
    """What no one searches for is not in the index: the discussion questions, the lines
    naming a page's sources, a tree's flowchart (its outline says the same), the lists of the
    other trees, the headings of what an answer rests on and links to, a module's key points, short link and
    further reading."""
    texts = search_text(built_site)
    everything = " ".join(texts.values())
    for questions in dataset.question_sets.values():
        assert questions.questions[0] not in everything, questions.id
    for absent in ("Trin 1 · Spørgsmål", "Fortsæt ved", "Det gør du nu", "Skriv adressen"):
        assert absent not in everything, absent
    for page in ("roller/", "sager/", f"svar/{next(iter(dataset.trees))}/"):
        line = re.search(r'<aside class="med-page-sources".*?</aside>', built_site.page(page), re.S).group(0)
        line = " ".join(html.unescape(re.sub(r"<[^>]+>", "", line)).split())
        assert line.startswith("Kilder: ") and line not in " ".join(everything.split()), page
    for tree_id in dataset.trees:
        assert texts[f"svar/{tree_id}/#andre-spørgsmål"].strip() == "Andre spørgsmål"
    for module_id in dataset.modules:
        for part, title in (("pointer", "Hovedpointer"), ("drøft", "Drøft"), ("læs-videre", "Læs videre")):
            assert texts[f"kursus/moduler/{module_id}/#{part}"].strip() == title, (module_id, part)
    # The pages still show them.
    assert "Trin 1 · Spørgsmål" in built_site.page(f"svar/{next(iter(dataset.trees))}/")


def test_search_keeps_what_members_look_for(built_site, dataset):
    """Every role, committee, glossary term, tree question and answer, and module aim is found."""
    everything = " ".join(search_text(built_site).values())
    wanted = [role.name for role in dataset.roles] + [committee.name for committee in dataset.committees]
    wanted += [term.term for term in dataset.terms]
    for tree in dataset.trees.values():
        wanted += [node.question if node.kind == "question" else node.title for node in tree.nodes]
    for module in dataset.modules.values():
        wanted += [module.summary, *module.objectives]
    missing = [text for text in wanted if text not in everything]
    assert not missing, missing[:10]


def test_search_index_is_written_compactly(built_site):
    raw = (built_site.directory / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u00" not in raw and '", "' not in raw and "drøft" in raw


def test_the_glossary_menu_lists_its_letters_not_every_term(built_site, dataset):
    """`toc_depth: 2` in the glossary's front matter: the page's menu and sidebar name the
    letters; every term keeps its heading and anchor, and search still finds it by its anchor."""
    page = built_site.page("ordliste/")
    menus = "".join(re.findall(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', page, re.S))
    letters = set(re.findall(r'href="#(bogstav-[^"]+)"', menus))
    assert letters and not re.search(r'href="#(?!bogstav-)[^"]+"', menus)
    for term in dataset.terms:
        assert f'id="{term.id}"' in page, term.id
    assert {f"ordliste/#{term.id}" for term in dataset.terms} <= set(search_text(built_site))
    # Other pages list their third-level headings as before.
    assert 'href="#arkiv-2024"' in "".join(re.findall(r'<nav class="md-nav md-nav--secondary".*?</nav>\s*</div>', built_site.page("kalender/"), re.S))


def test_build_date_comes_from_source_date_epoch(built_site):
    assert "15. januar 2026" in built_site.page("om-siden/")


def test_mkdocs_2_is_refused_with_a_clear_message():
    check_mkdocs_version("1.6.1")
    with pytest.raises(PluginError, match="needs MkDocs 1.x"):
        check_mkdocs_version("2.0.0")


PRINT_STYLE = re.compile(r"<style>:root\{(.*?)\}</style>")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_tells_print_its_address_date_and_sources(built_site, page):
    found = PRINT_STYLE.search(built_site.page(page))
    assert found, f"{page or 'forsiden'} has no print margins"
    properties = dict(re.findall(r'(--med-print-[a-z]+): ("(?:[^"\\]|\\.)*");', found.group(1)))
    assert properties["--med-print-address"] == f'"https://med-guiden.github.io/med-guiden/{page}"'
    assert properties["--med-print-built"] == '"Bygget 15. januar 2026"'
    assert properties["--med-print-title"].startswith('"MED-guiden')


def test_print_margins_name_the_sources_the_page_declares(built_site):
    properties = PRINT_STYLE.search(built_site.page("kalender/")).group(1)
    assert '--med-print-sources: "Kilder: MEDsamarbejdets program 2024 (2024)";' in properties
    # A tree's page takes its sources from the tree's data.
    properties = PRINT_STYLE.search(built_site.page("svar/tavshedspligt/")).group(1)
    assert '--med-print-sources: "Kilder: Guide til MED-samarbejdet (2020)' in properties


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("plakater/") and p != "plakater/"])
def test_every_poster_is_one_sheet_with_a_qr_code_and_a_stamp(built_site, page):
    html = built_site.page(page)
    assert html.count('class="med-poster med-poster--') == 1
    assert '<svg role="img" viewBox=' in html and 'class="med-qr"' in html
    # The address under the QR code is the page a phone reader can use, never the poster's own.
    address = re.search(r'<p class="med-poster__address">https://med-guiden\.github\.io/med-guiden/([^<]*)</p>', html).group(1)
    assert address != page
    assert (built_site.directory / address / "index.html").is_file()  # a page or a short link
    assert "MED-guiden · udgave 15. januar 2026" in html
