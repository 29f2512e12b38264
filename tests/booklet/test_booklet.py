"""The booklet: the built guide, and a local edition, as one tagged A4 PDF (`make pdf`).

Each booklet is laid out once per session from the shared builds and read back with pypdf:
the contents list and the bookmarks are checked against the pages where the headings stand.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
from pypdf import PdfReader

from macros import booklet as booklet_module
from macros.booklet import BookletError, make_booklet
from macros.render.booklet_link import booklet_files, booklet_link
from macros.links import FixedLinks
from support import BUILD_ENV, PROJECT, copy_project, mkdocs_build

A4 = (595.28, 841.89)
# What the booklet leaves out of the navigation: the trainer kit, the posters, the calendar.
LEFT_OUT = ("kursus/", "plakater/", "kalender/")


@dataclass
class Read:
    pdf: bytes
    reader: PdfReader
    texts: list[str]
    html: str
    titles: list[str]

    def squeezed(self, number: int) -> str:
        """The text of page `number` (1-based) without whitespace: pypdf spaces words freely."""
        return squeeze(self.texts[number - 1])


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(site: Path) -> Read:
    made = make_booklet(site, BUILD_ENV)
    reader = PdfReader(io.BytesIO(made.pdf))
    return Read(made.pdf, reader, [page.extract_text() for page in reader.pages], made.html,
                [chapter.title for chapter in made.chapters])


@pytest.fixture(scope="session")
def guide(built_site) -> Read:
    return read(built_site.directory)


@pytest.fixture(scope="session")
def albertslund(albertslund_site) -> Read:
    return read(albertslund_site)


def nav_pages(site: Path) -> list[str]:
    """The site paths of the front page's navigation, read straight from its links."""
    html = (site / "index.html").read_text(encoding="utf-8")
    primary = html.split('md-nav--primary', 1)[1].split('<div class="md-sidebar md-sidebar--secondary"', 1)[0]
    paths = []
    for href in re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', primary):
        path = "" if href == "." else unquote(href)
        if path not in paths:
            paths.append(path)
    return paths


def guide_titles(site: Path) -> list[str]:
    """The heading of every page the booklet should hold: the navigation but the parts left out
    and the posters."""
    titles = []
    for path in nav_pages(site):
        if path.startswith(LEFT_OUT):
            continue
        html = (site / path / "index.html").read_text(encoding="utf-8")
        if 'data-module="med-poster"' in html:
            continue
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1]
        titles.append(" ".join(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", heading).split()))
    return titles


def outline(reader: PdfReader, items=None, level: int = 1):
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from outline(reader, item, level + 1)
        else:
            yield item, level


def structure(reader: PdfReader) -> list:
    """Every element of the PDF's structure tree (its tags)."""
    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        element = stack.pop().get_object()
        if not hasattr(element, "get"):
            continue
        if "/S" in element:
            found.append(element)
        kids = element.get("/K")
        stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found


def contents_numbers(read_: Read) -> dict[str, int]:
    """The page number the contents list gives each chapter title."""
    listing = ""
    for text in read_.texts[1:]:
        if "........" not in text:
            break
        listing += squeeze(text)
    numbers = {}
    for title in read_.titles:
        match = re.search(re.escape(squeeze(title)) + r"\.{3,}(\d+)", listing)
        assert match, f"the contents list has no entry with a page number for {title!r}"
        numbers[title] = int(match[1])
    return numbers


def test_the_booklet_is_a4_on_every_page_and_reasonably_small(guide):
    assert len(guide.reader.pages) > 40
    for number, page in enumerate(guide.reader.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1, f"page {number} is {size}, not A4"
    assert len(guide.pdf) <= 20 * 1024 * 1024


def test_every_guide_page_is_in_the_booklet_in_the_order_of_the_navigation(guide, built_site):
    expected = guide_titles(built_site.directory)
    assert guide.titles == expected
    text = squeeze("".join(guide.texts))
    for title in expected:
        assert squeeze(title) in text, f"{title!r} is not in the booklet"
    # The trainer kit and the posters are not.
    assert "Kernen i MED – for kommunerne" not in guide.titles
    assert not any(title.startswith("Årsprogram") for title in guide.titles)


def test_the_contents_list_gives_the_page_each_chapter_starts_on(guide):
    numbers = contents_numbers(guide)
    assert list(numbers.values()) == sorted(numbers.values()), "the contents list is out of order"
    for title, number in numbers.items():
        page = guide.squeezed(number)
        assert squeeze(title) in page, f"the contents list sends {title!r} to page {number}, where it is not"


def test_every_bookmark_lands_on_the_page_of_its_heading(guide):
    items = list(outline(guide.reader))
    chapters = [item.title for item, level in items if level == 1]
    assert chapters == ["Indhold", *guide.titles]
    assert sum(1 for _, level in items if level == 2) > len(guide.titles), "the sections have no bookmarks"
    for item, _ in items:
        number = guide.reader.get_destination_page_number(item) + 1
        assert squeeze(item.title) in guide.squeezed(number), f"the bookmark {item.title!r} lands on page {number}"


def test_every_page_but_the_cover_says_side_x_af_y(guide):
    total = len(guide.texts)
    assert "Side" not in guide.texts[0]
    for number in range(2, total + 1):
        assert f"Side{number}af{total}" in guide.squeezed(number), f"page {number} has no page number"


def test_the_cover_has_the_title_the_edition_date_and_a_qr_code_to_the_site(guide):
    cover = guide.texts[0]
    assert "MED-guiden" in cover
    assert "Udgave: 15. januar 2026" in cover  # SOURCE_DATE_EPOCH of the test build
    assert "https://med-guiden.github.io/med-guiden/" in cover
    assert 'class="med-booklet-cover__qr"' in guide.html and "<title>QR-kode til https://med-guiden.github.io/med-guiden/" in guide.html


def test_the_pdf_is_tagged_in_danish_as_pdf_ua(guide):
    root = guide.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert root["/Lang"] == "da"
    assert "/StructTreeRoot" in root
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="|>)1\b', metadata), "the PDF does not claim PDF/UA-1"
    kinds = {element["/S"] for element in structure(guide.reader)}
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link", "/Figure"} <= kinds, kinds


def test_links_within_the_booklet_lead_to_their_chapter_and_others_get_notes(guide):
    ids = set(re.findall(r' id="([^"]+)"', guide.html))
    targets = re.findall(r'<a [^>]*href="#([^"]+)"', guide.html)
    assert targets and all(target in ids for target in targets), sorted(set(targets) - ids)[:5]
    assert not re.search(r'href="(\.\./|[a-zæøå][^":]*/")', guide.html), "a relative link is left"
    # A link to a course module (not in the booklet) has a note with its public address.
    assert re.search(r'href="https://med-guiden\.github\.io/med-guiden/kursus/[^"]*"[^>]*data-print-ref="\d+"', guide.html)
    assert any("Adresser på siden" in text for text in guide.texts), "no chapter lists its link addresses"


def test_two_runs_give_the_same_booklet(guide, built_site):
    """The same site gives the same document, and WeasyPrint lays the same document out to the
    same bytes (checked on its first chapters, to keep the test short): no date but the build's,
    an identifier from the content."""
    site, front = booklet_module.read_site(built_site.directory)
    chapters = booklet_module.chapters(site, booklet_module.navigation(front))
    assert booklet_module.document(site, chapters, "15. januar 2026", "2026-01-15") == guide.html
    short = booklet_module.chapters(site, booklet_module.navigation(front))[:3]
    source = booklet_module.document(site, short, "15. januar 2026", "2026-01-15")
    first, second = (booklet_module.render(source, built_site.directory) for _ in range(2))
    assert first == second
    assert PdfReader(io.BytesIO(first)).metadata.creation_date.date().isoformat() == "2026-01-15"


def test_the_editions_booklet_carries_its_local_names_and_agreement(albertslund, albertslund_site):
    assert albertslund.titles == guide_titles(albertslund_site)
    text = "".join(albertslund.texts)
    assert squeeze("MED-guiden – Albertslund Kommune") in albertslund.squeezed(1)
    for name in ("KommuneMED", "AfdelingsMED", "TRIO-samarbejde", "Vores MED-aftale i Albertslund Kommune"):
        assert name in text, name
    # The agreement comes right after the front page, with its drawings as figures with text.
    assert albertslund.titles[1] == "Vores MED-aftale"
    assert 'aria-labelledby="side-lokalt--struktur-diagram"' in albertslund.html
    figures = [element for element in structure(albertslund.reader) if element["/S"] == "/Figure"]
    assert all(figure.get("/Alt") for figure in figures), "a figure has no alternative text"
    assert any(figure["/Alt"].startswith("MED-strukturen i Albertslund Kommune") for figure in figures)
    assert any(figure["/Alt"].startswith("QR-kode til https://med-guiden.github.io/med-guiden/albertslund/") for figure in figures)
    numbers = contents_numbers(albertslund)
    for title, number in numbers.items():
        assert squeeze(title) in albertslund.squeezed(number), title


def test_the_booklet_fetches_nothing_from_other_origins(built_site, tmp_path):
    fetch = booklet_module.fetcher(built_site.directory).fetch
    assert fetch((built_site.directory / "assets/stylesheets/booklet.css").as_uri()).read()
    outside = tmp_path / "outside.css"
    outside.write_text("body{}")
    for url in ("https://example.org/x.css", "http://127.0.0.1/x.css", outside.as_uri(), "data:text/css,body{}"):
        with pytest.raises(ValueError):
            fetch(url)


def test_a_layout_that_loses_pages_is_refused(built_site):
    source = '<html lang="da"><body><h1 id="her">Her</h1></body></html>'
    assert booklet_module.render(source, built_site.directory, ["her"]).startswith(b"%PDF")
    with pytest.raises(BookletError, match="the layout lost 1 of 2 pages of the guide, from '#væk' on"):
        booklet_module.render(source, built_site.directory, ["her", "væk"])


def test_without_a_built_site_make_pdf_stops_with_one_line_and_writes_nothing(tmp_path):
    target = tmp_path / "dist" / "med-guiden.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "macros.booklet", str(tmp_path / "site"), str(target)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "build the site first" in result.stderr, result.stderr
    assert not target.exists() and not list(tmp_path.rglob("*.partial"))
    with pytest.raises(BookletError):
        make_booklet(tmp_path, BUILD_ENV)


def test_the_front_page_links_to_the_booklet_only_when_there_is_one(tmp_path):
    assert booklet_link(None, FixedLinks(), None) == "" and booklet_files(None) == {}
    project = copy_project(tmp_path / "project")
    pdf = b"%PDF-1.7 a booklet stand-in"
    (project / "dist").mkdir()
    (project / "dist" / "med-guiden.pdf").write_bytes(pdf)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="med-guiden\.pdf" download>Hent hele guiden som PDF</a>', home)
    assert (tmp_path / "site" / "med-guiden.pdf").read_bytes() == pdf
