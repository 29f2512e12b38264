"""Printing in chromium: every page prints without navigation and with its address, build
date and sources on each sheet; a decision tree's answer prints as an answer on at most two
sheets; each poster prints as exactly one sheet of its paper, nothing overflows it, its type
reads from across a room and its QR code leads to the page a phone reader can use."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from macros.model.trees import Question
from macros.render.posters import poster_pages
from sheets import decode_qr, overflow_problem, page_size_mm, pdf_pages, type_measure
from support import ARTIFACTS, DATA, DOCS, copy_project, mkdocs_build, serve

POSTERS = poster_pages(DOCS, {path.stem for path in (DATA / "trees").glob("*.yml")})
POSTER_ARTIFACTS = ARTIFACTS / "posters"
PUBLISHED = "https://med-guiden.github.io/med-guiden/"


def poster_path(poster) -> str:
    return poster.src_path.removesuffix(".md") + "/"


def poster_name(poster) -> str:
    return poster.src_path.removesuffix(".md").split("/")[-1]


def pdf_text(pdf: bytes) -> list[str]:
    return [sheet.extract_text() for sheet in pdf_pages(pdf)]


def test_there_are_posters_on_every_paper():
    assert {poster.paper.id for poster in POSTERS} == {"a4-portrait", "a4-landscape", "a3-portrait"}
    assert len(POSTERS) == 7


# --- Ordinary pages ----------------------------------------------------------------------

def test_a_printed_page_has_no_navigation_and_its_facts_on_every_sheet(page, site_url):
    page.goto(site_url + "roller/", wait_until="networkidle")
    pdf = page.pdf(prefer_css_page_size=True)
    assert all((round(w), round(h)) == (210, 297) for w, h in map(page_size_mm, pdf_pages(pdf)))  # A4
    sheets = pdf_text(pdf)
    assert len(sheets) > 3
    for number, text in enumerate(sheets, start=1):
        assert "MED-guiden · Roller i MED" in text, number
        assert "Bygget 15. januar 2026" in text, number
        assert f"{PUBLISHED}roller/ · side {number} af {len(sheets)}" in text, number
        assert "Kilder: Guide til MED-samarbejdet (2020); Fokus på den danske model i kommunerne (2017)" in text, number
    everything = "\n".join(sheets)
    # The navigation, the search box, the table of contents and the footer links stay off paper.
    for chrome in ("Indholdsfortegnelse", "Søg", "Forrige", "Næste", "Skift til mørkt tema"):
        assert chrome not in everything
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.locator(selector).first.is_hidden(), selector


def test_printed_links_get_numbered_published_addresses(page, site_url):
    page.goto(site_url + "roller/", wait_until="networkidle")
    link = page.locator(".med-role a[href*='udvalg/#hovedudvalg']").first
    number = link.get_attribute("data-print-ref")
    assert number and number.isdigit()
    # Every link to the same place shares the number.
    same = page.eval_on_selector_all(
        ".md-content a[href*='udvalg/#hovedudvalg']", "links => new Set(links.map(l => l.dataset.printRef)).size"
    )
    assert same == 1
    notes = page.locator(".med-print-notes li")
    assert notes.nth(int(number) - 1).inner_text() == f"{PUBLISHED}udvalg/#hovedudvalg"
    assert page.locator(".med-print-notes").is_hidden()  # on screen
    everything = "\n".join(pdf_text(page.pdf(prefer_css_page_size=True)))
    assert "Adresser på siden" in everything
    assert f"{number}. {PUBLISHED}udvalg/#hovedudvalg" in everything
    # Links within the page get no number.
    assert page.locator(".md-content a[href*='#formandskabet']").first.get_attribute("data-print-ref") is None


def test_closed_details_print_open(page, site_url):
    page.goto(site_url + "om-med/", wait_until="networkidle")
    page.evaluate(
        """() => {
            const details = document.createElement('details');
            details.innerHTML = '<summary>Mere om emnet</summary><p>Denne tekst er skjult på skærmen.</p>';
            document.querySelector('.md-content .md-typeset').appendChild(details);
        }"""
    )
    assert page.get_by_text("Denne tekst er skjult på skærmen.").is_hidden()
    assert "Denne tekst er skjult på skærmen." in "\n".join(pdf_text(page.pdf(prefer_css_page_size=True)))


def test_table_rows_and_headings_are_kept_together_in_print(page, site_url):
    page.goto(site_url + "kalender/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.eval_on_selector(".med-cal__overview tbody tr", "tr => getComputedStyle(tr).breakInside") == "avoid"
    assert page.eval_on_selector(".md-typeset h2", "h => getComputedStyle(h).breakAfter") == "avoid"


# --- Decision tree answers ----------------------------------------------------------------

ANSWER_ARTIFACTS = ARTIFACTS / "answers"


def deepest_path(tree) -> tuple[list, object]:
    """The longest run of answers from the start to an outcome: (the chosen options, the outcome)."""
    nodes = {node.id: node for node in tree.nodes}
    best: tuple[list, object] = ([], None)

    def walk(node_id: str, path: list) -> None:
        nonlocal best
        node = nodes[node_id]
        if isinstance(node, Question):
            for option in node.options:
                walk(option.next, [*path, (node, option)])
        elif len(path) > len(best[0]):
            best = (path, node)

    walk(tree.start, [])
    return best


def tree_ids() -> list[str]:
    return sorted(path.stem for path in (DATA / "trees").glob("*.yml"))


@pytest.mark.parametrize("tree_id", tree_ids())
def test_the_deepest_answer_of_every_tree_prints_on_at_most_two_sheets(page, site_url, dataset, tree_id):
    tree = dataset.get("tree", tree_id)
    path, outcome = deepest_path(tree)
    answers = ".".join(option.id for _, option in path)
    page.goto(f"{site_url}svar/{tree_id}/?{tree_id}={answers}", wait_until="networkidle")
    pdf = page.pdf(prefer_css_page_size=True)
    ANSWER_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ANSWER_ARTIFACTS / f"{tree_id}.pdf").write_bytes(pdf)
    sheets = pdf_text(pdf)
    assert len(sheets) <= 2, f"{tree_id}: the answer at {answers} prints on {len(sheets)} sheets"
    everything = " ".join(" ".join(sheets).split())
    # The questions with the chosen answers, the outcome with its basis and next steps.
    for question, option in path:
        assert " ".join(question.question.split()) in everything, question.id
        assert " ".join(option.label.split()) in everything, option.id
    assert " ".join(outcome.title.split()) in everything
    assert "det bygger på" in everything.lower() and "det gør du nu" in everything.lower()
    # The address on every sheet opens this answer again (a long address wraps in the margin).
    assert f"{PUBLISHED}svar/{tree_id}/?{tree_id}={answers}" in "".join(everything.split())
    # Neither the flowchart nor the outline of every other branch.
    assert "Se hele træet som diagram" not in everything
    assert "Her er hele træet på én gang" not in everything
    # Only the links that print are numbered in the list of addresses.
    notes = page.locator(".med-print-notes li")
    numbered = page.eval_on_selector_all(
        ".md-content a[data-print-ref]", "links => links.filter(l => !l.closest('[data-print-skip]')).length"
    )
    assert notes.count() <= numbered
    assert page.locator(".med-tree__outline a[data-print-ref]").count() == 0


def test_a_tree_printed_before_any_answer_prints_its_outline_without_the_flowchart(page, site_url):
    page.goto(site_url + "svar/skal-sagen-i-med/", wait_until="networkidle")
    everything = " ".join(" ".join(pdf_text(page.pdf(prefer_css_page_size=True))).split())
    assert f"{PUBLISHED}svar/skal-sagen-i-med/ · side 1" in everything
    assert "Her er hele træet på én gang" in everything
    assert "Hvis du svarer" in everything
    assert "Se hele træet som diagram" not in everything
    assert page.locator(".med-tree__outline a[data-print-ref]").count() > 0


# --- Posters ------------------------------------------------------------------------------

@pytest.mark.parametrize("poster", POSTERS, ids=poster_name)
def test_poster_prints_as_exactly_one_sheet_of_its_paper(page, site_url, poster):
    page.goto(site_url + poster_path(poster), wait_until="networkidle")
    page.emulate_media(media="print")
    assert overflow_problem(page, poster.src_path, poster.paper.label) is None
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    POSTER_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (POSTER_ARTIFACTS / f"{poster_name(poster)}.pdf").write_bytes(pdf)
    page.set_viewport_size({"width": 1600, "height": 1200})
    page.locator(".med-poster").screenshot(path=str(POSTER_ARTIFACTS / f"{poster_name(poster)}.png"))
    sheets = pdf_pages(pdf)
    assert len(sheets) == 1, f"{poster.src_path} prints on {len(sheets)} sheets"
    width, height = page_size_mm(sheets[0])
    assert (round(width), round(height)) == (poster.paper.width, poster.paper.height)
    text = sheets[0].extract_text()
    assert "MED-guiden · udgave 15. januar 2026" in text
    assert poster.title.split(" ")[0] in text


@pytest.mark.parametrize("poster", POSTERS, ids=poster_name)
def test_poster_fits_its_sheet_on_screen_too(page, site_url, poster):
    page.goto(site_url + poster_path(poster), wait_until="networkidle")
    assert overflow_problem(page, poster.src_path, poster.paper.label) is None
    ratio = page.eval_on_selector(".med-poster", "s => s.getBoundingClientRect().height / s.getBoundingClientRect().width")
    assert ratio == pytest.approx(poster.paper.height / poster.paper.width, rel=0.01)


# Where each poster's QR code leads: the interactive tree (by its short link) or the page the
# poster summarises; never the poster itself, which on a phone is a thumbnail of the sheet.
QR_TARGETS = {
    "plakater/med-leder-tr-eller-trio.md": "t/med-leder-tr-eller-trio/",
    "plakater/om-med.md": "plakat-om-med/",
    "plakater/retningslinjer.md": "retningslinjer/",
    "plakater/rette-niveau.md": "t/hvor-er-rette-niveau/",
    "plakater/roller.md": "roller/",
    "plakater/skal-sagen-i-med.md": "t/skal-sagen-i-med/",
    "plakater/årsprogram.md": "kalender/",
}


@pytest.mark.parametrize("poster", POSTERS, ids=poster_name)
def test_poster_qr_code_leads_to_the_page_a_phone_reader_can_use(browser, site_url, built_site, poster, tmp_path):
    context = browser.new_context(device_scale_factor=4)
    page = context.new_page()
    page.goto(site_url + poster_path(poster), wait_until="networkidle")
    page.emulate_media(media="print")
    image = tmp_path / "qr.png"
    page.locator(".med-poster__qr").screenshot(path=str(image))
    decoded = decode_qr(image)
    shown = page.locator(".med-poster__address").inner_text()
    context.close()
    assert decoded.isascii()
    target = unquote(decoded)
    assert target == PUBLISHED + QR_TARGETS[poster.src_path]
    assert target != PUBLISHED + poster_path(poster)
    assert shown == target  # the address under the code is the one it encodes
    assert (built_site.directory / target.removeprefix(PUBLISHED) / "index.html").is_file()


@pytest.mark.parametrize("poster", POSTERS, ids=poster_name)
def test_poster_type_reads_from_across_a_room(page, site_url, poster):
    """At least 90 % of a poster's printed characters at 12 pt or more, and none under 8 pt."""
    page.goto(site_url + poster_path(poster), wait_until="networkidle")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    large, smallest = type_measure(pdf_pages(pdf)[0])
    assert large >= 0.9, f"{poster.src_path}: only {large:.0%} of the characters are 12 pt or larger"
    assert smallest >= 8, f"{poster.src_path}: the smallest type is {smallest:.1f} pt"


def test_poster_page_offers_a_print_button_and_names_its_paper(page, site_url):
    page.goto(site_url + "plakater/rette-niveau/", wait_until="networkidle")
    assert "A4 på højkant" in page.locator(".med-poster-view__note").inner_text()
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Udskriv plakaten").click()
    assert page.evaluate("window.printed") is True


def test_poster_index_shows_a_miniature_of_every_poster(page, site_url):
    page.goto(site_url + "plakater/", wait_until="networkidle")
    cards = page.locator(".med-poster-card")
    assert cards.count() == len(POSTERS)
    for poster in POSTERS:
        assert page.locator(".med-poster-card__title").get_by_role("link", name=poster.title, exact=True).count() == 1
    frame = page.frame_locator(".med-poster-card__thumb iframe").first
    frame.locator(".med-poster").wait_for()
    # The miniature is the sheet alone, drawn at the card's size.
    assert frame.locator(".md-header").is_hidden()
    assert frame.locator(".med-poster-view__bar").is_hidden()
    width = page.eval_on_selector(".med-poster-card__thumb iframe", "frame => frame.clientWidth")
    sheet_width = frame.locator(".med-poster").evaluate("s => s.getBoundingClientRect().width")
    assert sheet_width == pytest.approx(width, abs=2)


@pytest.mark.parametrize("width", [1280, 390])
def test_poster_index_loads_a_miniature_when_its_card_comes_into_view(browser, site_url, width):
    """A first visit fetches the posters it shows, not all seven; each card loads its frame
    when scrolled to."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(unquote(request.url)))
    page.goto(site_url + "plakater/", wait_until="networkidle")
    frames = page.locator(".med-poster-card__thumb iframe")

    def loaded() -> list[str]:
        return [poster_path(p) for p in POSTERS if any(url.endswith("/" + poster_path(p)) for url in asked)]

    first = len(loaded())
    assert 1 <= first < len(POSTERS)
    assert frames.first.get_attribute("src") is not None
    assert frames.last.get_attribute("src") is None
    frames.last.scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('.med-poster-card__thumb iframe')].slice(-1)[0].src !== ''")
    page.wait_for_load_state("networkidle")
    assert len(loaded()) > first
    context.close()


def test_a_poster_that_does_not_fit_is_reported_with_its_overflow(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    items = "\n".join(f"- Punkt nummer {n} på en plakat med alt for meget tekst." for n in range(60))
    (project / "docs" / "plakater" / "for-meget.md").write_text(
        "---\ntemplate: poster.html\nqr_page: roller.md\npaper: a4-portrait\ntitle: For meget\nsources: [guide-2020]\n---\n\n"
        f"# For meget\n\n{items}\n",
        encoding="utf-8",
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("      - Årsprogram: plakater/årsprogram.md\n", "      - Årsprogram: plakater/årsprogram.md\n      - plakater/for-meget.md\n"),
        encoding="utf-8",
    )
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url + "plakater/for-meget/", wait_until="networkidle")
        page.emulate_media(media="print")
        problem = overflow_problem(page, "docs/plakater/for-meget.md", "A4 på højkant")
        page.close()
    assert problem is not None
    assert problem.startswith("docs/plakater/for-meget.md: the content overflows its A4 på højkant sheet by ")
    assert int(problem.split(" by ")[1].removesuffix(" mm")) > 50
