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
from mkdocs.utils.meta import get_data

from ..calendar import calendar_events
from ..errors import PageError
from ..links import Links
from ..loader import Dataset
from .component import component
from .dates import MONTHS, danish_date
from .flowchart import flowchart_svg
from .printing import readable_address
from .qr import qr_code
from .roles import SIDES

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


def poster_sheet(src_path: str, meta: dict[str, Any], address: str | None, built: date) -> dict[str, Any]:
    """What poster.html draws around a poster's content: paper, QR code, address and stamp."""
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


def poster_pages(docs_dir: Path, folders: tuple[str, ...] = POSTER_FOLDERS) -> list[PosterPage]:
    """Every poster page in the given folders of docs/, in the order of their file names; a
    poster asking for an unknown paper stops here, before any page is rendered."""
    pages = []
    for folder in folders:
        for path in sorted((docs_dir / folder).glob("*.md")):
            _, meta = get_data(path.read_text(encoding="utf-8"))
            if meta.get("template") != POSTER_TEMPLATE:
                continue
            src_path = path.relative_to(docs_dir).as_posix()
            title, description = meta.get("title", path.stem), meta.get("description", "")
            pages.append(PosterPage(src_path, title, description, paper_of(src_path, meta)))
    return pages


def poster_index(data: Dataset, links: Links, posters: list[PosterPage]) -> str:
    """The posters with a live miniature of each sheet, its paper and a link to print it."""
    return component("poster-index.html", data, links, posters=posters)


def flowchart_poster(data: Dataset, links: Links, tree_id: str) -> str:
    """A decision tree on one sheet: what it answers and the whole tree as a flowchart."""
    tree = data.get("tree", tree_id)
    chart = Markup(flowchart_svg(tree, f"{tree.id}-plakat"))
    return component("poster-flowchart.html", data, links, tree=tree, chart=chart)


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
