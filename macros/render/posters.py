"""Posters: pages laid out as one printed sheet, with a QR code back to the site.

A poster is a page with `template: poster.html` and a `paper` in its front matter. The
template (`overrides/poster.html`) draws the sheet; this module gives it what needs Python
– the paper's size, the QR code of the poster's address and the date stamp – and renders the
posters whose content is data: a decision tree as a flowchart, the guidelines, the roles and
a year's course programme. Sizes are in millimetres of paper; on screen the sheet is scaled
as a whole, so the preview is faithful.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..calendar import calendar_events
from ..errors import PageError
from ..links import Links
from ..loader import Dataset
from ..pages import front_matter
from ..model.trees import Question, Tree
from .component import component
from .dates import MONTHS, danish_date
from .flowchart import layers_of, short_label
from .printing import readable_address
from .qr import qr_code
from .roles import SIDES
from .training import short_link

POSTER_TEMPLATE = "poster.html"
POSTER_FOLDERS = ("plakater",)


@dataclass(frozen=True)
class Paper:
    id: str
    label: str
    width: int
    height: int

    @property
    def css_size(self) -> str:
        return f"{self.width}mm {self.height}mm"


PAPERS = {
    paper.id: paper
    for paper in (
        Paper("a4-portrait", "A4 på højkant", 210, 297),
        Paper("a4-landscape", "A4 på tværs", 297, 210),
        Paper("a3-portrait", "A3 på højkant", 297, 420),
    )
}


def paper_of(src_path: str, meta: dict[str, Any]) -> Paper:
    """The sheet a poster page asks for in its front matter (`paper: a4-portrait`)."""
    paper_id = meta.get("paper")
    if paper_id not in PAPERS:
        raise PageError(
            f"docs/{src_path}: paper: expected one of {', '.join(PAPERS)} for a poster, got {paper_id!r}"
        )
    return PAPERS[paper_id]


def qr_of(src_path: str, meta: dict[str, Any], tree_ids: Any, docs_dir: Path) -> tuple[str, str]:
    """Where a poster's QR code leads: what a reader can use on a phone, never the poster itself.

    The front matter names it: `qr_tree: <tree id>` for a decision tree (its short link, which
    keeps working when pages move) or `qr_page: <page in docs/>` for the page the poster
    summarises. Returns ("tree", id) or ("page", path), or stops with a PageError.
    """
    tree_id, page = meta.get("qr_tree"), meta.get("qr_page")
    if (tree_id is None) == (page is None):
        raise PageError(
            f"docs/{src_path}: a poster needs one of qr_tree (a decision tree's id) or qr_page (a page in docs/) "
            "for its QR code to lead to"
        )
    if tree_id is not None:
        if tree_id not in tree_ids:
            raise PageError(f"docs/{src_path}: qr_tree: unknown tree {tree_id!r}; trees: {', '.join(sorted(tree_ids))}")
        return "tree", tree_id
    if not isinstance(page, str) or page == src_path or not page.endswith(".md") or not (docs_dir / page).is_file():
        raise PageError(f"docs/{src_path}: qr_page: expected another page in docs/, such as roller.md, got {page!r}")
    return "page", page


def qr_address(target: tuple[str, str], page_url_of: Any, site_url: str | None) -> str | None:
    """The public address of a QR target from `qr_of`; `page_url_of(src_path)` gives a page's
    URL from the site root. None without a site_url: there is no public address to encode."""
    kind, value = target
    if kind == "tree":
        return short_link("tree", value, site_url).address
    return site_url.rstrip("/") + "/" + page_url_of(value) if site_url else None


def poster_sheet(src_path: str, meta: dict[str, Any], address: str | None, built: date) -> dict[str, Any]:
    """What poster.html draws around a poster's content: paper, QR code with the address it
    leads to, and stamp."""
    paper = paper_of(src_path, meta)
    shown = readable_address(address) if address else None
    return {
        "paper": paper,
        "address": shown,
        "qr": qr_code(address, f"QR-kode til {shown}") if address else None,
        "stamp": f"MED-guiden · udgave {danish_date(built)}",
    }


@dataclass(frozen=True)
class PosterPage:
    src_path: str
    title: str
    description: str
    paper: Paper
    qr: tuple[str, str]


def poster_pages(docs_dir: Path, tree_ids: Any, folders: tuple[str, ...] = POSTER_FOLDERS) -> list[PosterPage]:
    """Every poster page in the given folders of docs/, in the order of their file names; a
    poster asking for an unknown paper, or without a place for its QR code to lead, stops here,
    before any page is rendered."""
    pages = []
    for folder in folders:
        for path in sorted((docs_dir / folder).glob("*.md")):
            _, meta = front_matter(path.read_text(encoding="utf-8"))
            if meta.get("template") != POSTER_TEMPLATE:
                continue
            src_path = path.relative_to(docs_dir).as_posix()
            title, description = meta.get("title", path.stem), meta.get("description", "")
            paper = paper_of(src_path, meta)
            pages.append(PosterPage(src_path, title, description, paper, qr_of(src_path, meta, tree_ids, docs_dir)))
    return pages


def poster_index(data: Dataset, links: Links, posters: list[PosterPage]) -> str:
    """The posters with a live miniature of each sheet, its paper and a link to print it."""
    return component("poster-index.html", data, links, posters=posters)


@dataclass(frozen=True)
class FlowAnswer:
    """One or more answers of a poster step that lead to the same place: a later step or an outcome."""

    labels: list[str]
    step: int | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class FlowStep:
    number: int
    question: str
    answers: list[FlowAnswer]


def poster_flow(tree: Tree) -> list[FlowStep]:
    """A decision tree as the numbered steps of a wall poster, read from the top down.

    The questions are numbered in the order a reader meets them (layer by layer, as the
    flowchart draws them); each answer says which step comes next or what the outcome is.
    Answers leading to the same place share a line. Texts are the nodes' `poster_label`, set
    short for large type, falling back to the option's short form and the node's own text.
    """
    nodes = {node.id: node for node in tree.nodes}
    layer = layers_of(tree)
    order = sorted(layer, key=lambda node_id: layer[node_id])  # stable: discovery order within a layer
    questions = [node_id for node_id in order if isinstance(nodes[node_id], Question)]
    numbers = {node_id: number for number, node_id in enumerate(questions, start=1)}
    steps = []
    for node_id in questions:
        node = nodes[node_id]
        targets: dict[str, list[str]] = {}
        for option in node.options:
            targets.setdefault(option.next, []).append(option.poster_label or option.short or short_label(option.label))
        answers = []
        for target, labels in targets.items():
            if target in numbers:
                answers.append(FlowAnswer(labels, step=numbers[target]))
            else:
                outcome = nodes[target]
                answers.append(FlowAnswer(labels, outcome=outcome.poster_label or outcome.title))
        steps.append(FlowStep(numbers[node_id], node.poster_label or node.question, answers))
    return steps


def flowchart_poster(data: Dataset, links: Links, tree_id: str) -> str:
    """A decision tree on one sheet: what it answers, and its questions as numbered steps, each
    answer pointing on to a step or to the outcome, in type that reads from across a room."""
    tree = data.get("tree", tree_id)
    return component("poster-flowchart.html", data, links, tree=tree, steps=poster_flow(tree))


def guideline_poster(data: Dataset, links: Links) -> str:
    """The three types of retningslinjer, each with every guideline and who agrees it."""
    committees = data.index["committee"]
    groups = [
        (kind, [(g, [committees[c].name for c in g.agreed_by]) for g in data.guidelines if g.type == kind.id])
        for kind in data.guideline_types
    ]
    return component("poster-guidelines.html", data, links, groups=groups, committees=committees)


def role_poster(data: Dataset, links: Links) -> str:
    """Every role at a glance: its side, what it is, and its hat in MED and in the partssystem."""
    return component("poster-roles.html", data, links, roles=data.roles, sides=SIDES)


def programme_for(data: Dataset, today: date):
    """The programme a year poster shows: this year's, else the newest there is."""
    if not data.programmes:
        raise PageError("there is no programme in data/programmes/ to put on the year poster")
    return data.programmes.get(str(today.year)) or data.programmes[max(data.programmes)]


def programme_poster(data: Dataset, links: Links, today: date) -> str:
    """A year's course programme on one sheet: twelve months with their events, then the undated.

    An event with several sessions in a month (the same day in two towns) is one entry there.
    """
    programme = programme_for(data, today)
    events = calendar_events({programme.id: programme})
    months: dict[int, dict[str, tuple[Any, list[Any]]]] = {month: {} for month in range(1, 13)}
    for event in events:
        for session in event.event.sessions:
            months[session.date.month].setdefault(event.anchor, (event, []))[1].append(session)
    ordered = [
        (MONTHS[month - 1].capitalize(), sorted(entries.values(), key=lambda entry: entry[1][0].date))
        for month, entries in months.items()
    ]
    return component(
        "poster-programme.html",
        data,
        links,
        programme=programme,
        # A past year's programme says so: it is the newest there is, not this year's.
        outdated=int(programme.id) < today.year,
        today=today,
        months=ordered,
        undated=[e for e in events if not e.dated],
    )
