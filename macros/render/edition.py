"""A local edition's own pages: its MED-aftale, its structure as a diagram and its year as a
wheel (årshjul), all drawn from edition.yml.

The diagram and the wheel are inline SVG with real text, so they are sharp on screen, in
print and on a poster; each comes with the same facts as a table or list for screen readers
and for copying.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from ..links import Links
from ..loader import Dataset
from ..model.edition import EditionFile, Task
from .component import component
from .dates import MONTHS
from .escaping import text_markup

SHORT_MONTHS = ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]


def _text_lines(x: float, y: float, lines: list[str], css: str, step: float, anchor: str = "middle") -> str:
    return "".join(
        f'<text class="{css}" x="{x:.1f}" y="{y + i * step:.1f}" text-anchor="{anchor}">{text_markup(line)}</text>'
        for i, line in enumerate(lines)
    )


# --- The structure -----------------------------------------------------------------------

BOX_WIDTH, BOX_GAP, ROW_GAP, LABEL_WIDTH, PAD = 230, 24, 56, 170, 16


def structure_svg(edition: EditionFile, title_id: str = "struktur-diagram") -> Markup:
    """The levels from the top down, each with its committees; who chairs each is in its box."""
    rows = [(level, [c for c in edition.committees if c.level == level.id]) for level in edition.levels]
    widest = max(len(committees) for _, committees in rows) or 1
    width = LABEL_WIDTH + widest * BOX_WIDTH + (widest - 1) * BOX_GAP + 2 * PAD
    parts: list[str] = []
    y = PAD
    # Each row's boxes as (x of the middle, top, bottom), to connect every committee to the
    # level above it.
    placed: list[list[tuple[float, float, float]]] = []
    for level, committees in rows:
        boxes = []
        for committee in committees:
            lines = _lines(committee.name, 24)
            details = []
            if committee.chair:
                details += _lines(f"Formand: {committee.chair}", 32)
            if committee.applies_to:
                details += _lines(committee.applies_to[:1].upper() + committee.applies_to[1:], 32)
            if committee.meetings_per_year:
                details.append(f"{committee.meetings_per_year} ordinære møder om året")
            if not details and committee.composition:  # say who is in it rather than nothing
                details += _lines(committee.composition[0], 32)
            boxes.append((committee, lines, details, 18 + len(lines) * 20 + len(details) * 16 + 10))
        height = max((b[3] for b in boxes), default=60)
        row_width = len(boxes) * BOX_WIDTH + max(len(boxes) - 1, 0) * BOX_GAP
        x = LABEL_WIDTH + PAD + (width - LABEL_WIDTH - 2 * PAD - row_width) / 2
        level_lines = _lines(level.name, 18) + ([level.section] if level.section else [])
        parts.append(
            f'<g class="med-structure__level" data-level="{text_markup(level.id)}">'
            + _text_lines(PAD, y + height / 2 - (len(level_lines) - 1) * 9 + 5, level_lines, "med-structure__level-name", 18, "start")
            + "</g>"
        )
        placed.append([])
        for committee, lines, details, box_height in boxes:
            placed[-1].append((x + BOX_WIDTH / 2, y, y + height))
            parts.append(
                f'<g class="med-structure__committee" data-committee="{text_markup(committee.id)}">'
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_WIDTH}" height="{height:.0f}" rx="8"/>'
                + _text_lines(x + BOX_WIDTH / 2, y + 26, lines, "med-structure__name", 20)
                + _text_lines(x + BOX_WIDTH / 2, y + 26 + len(lines) * 20 + 4, details, "med-structure__detail", 16)
                + "</g>"
            )
            x += BOX_WIDTH + BOX_GAP
        y += height + ROW_GAP
    links = "".join(_connector(upper, lower) for upper, lower in zip(placed, placed[1:]) if upper and lower)
    height = y - ROW_GAP + PAD
    names = ", ".join(f"{level.name}: {', '.join(c.name for c in committees)}" for level, committees in rows)
    return Markup(
        f'<svg class="med-structure" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">MED-strukturen i {text_markup(edition.municipality)}: {text_markup(names)}</title>'
        + links + "".join(parts) + "</svg>"
    )


def _connector(upper: list[tuple[float, float, float]], lower: list[tuple[float, float, float]]) -> str:
    """Lines from the level above down to every committee of the level below: from the middle
    of the upper row's boxes down to a rail halfway between the rows, and from it into each box."""
    top = upper[0][2]
    rail = top + ROW_GAP / 2
    start = sum(x for x, _, _ in upper) / len(upper)
    xs = [x for x, _, _ in lower]
    path = f"M{start:.1f},{top:.1f} V{rail:.1f} M{min(xs + [start]):.1f},{rail:.1f} H{max(xs + [start]):.1f}"
    path += "".join(f" M{x:.1f},{rail:.1f} V{box_top:.1f}" for x, box_top, _ in lower)
    return f'<path class="med-structure__link" d="{path}"/>'


# --- The year ------------------------------------------------------------------------------

@dataclass(frozen=True)
class WheelEntry:
    task: Task
    committee: str | None

    @property
    def label(self) -> str:
        parts = [self.task.title]
        if self.task.when:
            parts.append(self.task.when)
        return " – ".join(parts)

    @property
    def rhythm(self) -> str:
        """'hvert år', 'hvert andet år (ulige år)', '5 gange om året'."""
        if self.task.count:
            return f"{self.task.count} gange om året"
        if self.task.every == "andet år":
            return "hvert andet år" + {"alle": "", "lige": " (lige år)", "ulige": " (ulige år)"}[self.task.years]
        return "hvert år"


def wheel_entries(edition: EditionFile) -> tuple[dict[int, list[WheelEntry]], list[WheelEntry]]:
    """The tasks by month, and those the agreement gives no month."""
    committees = {c.id: c.name for c in edition.committees}
    by_month: dict[int, list[WheelEntry]] = {month: [] for month in range(1, 13)}
    unplaced = []
    for task in edition.tasks:
        entry = WheelEntry(task, committees.get(task.committee) if task.committee else None)
        if task.month is None:
            unplaced.append(entry)
        else:
            by_month[task.month].append(entry)
    return by_month, unplaced


CENTRE_X, CENTRE_Y, OUTER, INNER, LABEL_R = 540, 400, 250, 150, 290
LINE, LABEL_CHARS = 22, 26


def year_wheel_svg(edition: EditionFile, title_id: str = "årshjul-diagram") -> Markup:
    """The year as a wheel: twelve months from January at the top, clockwise, and each task
    with a month as a mark on the rim, labelled outside it; labels on a side are stacked so
    they never overlap."""
    by_month, _ = wheel_entries(edition)
    parts = []
    for month in range(1, 13):
        start, end = _angle(month - 1), _angle(month)
        outer_a, outer_b = _point(OUTER, start), _point(OUTER, end)
        inner_a, inner_b = _point(INNER, end), _point(INNER, start)
        busy = " med-wheel__month--busy" if by_month[month] else ""
        middle = _point((OUTER + INNER) / 2, (start + end) / 2)
        parts.append(
            f'<g class="med-wheel__month{busy}" data-month="{month}">'
            f'<path d="M{outer_a[0]:.1f},{outer_a[1]:.1f} A{OUTER},{OUTER} 0 0 1 {outer_b[0]:.1f},{outer_b[1]:.1f} '
            f'L{inner_a[0]:.1f},{inner_a[1]:.1f} A{INNER},{INNER} 0 0 0 {inner_b[0]:.1f},{inner_b[1]:.1f} Z"/>'
            f'<text class="med-wheel__month-name" x="{middle[0]:.1f}" y="{middle[1] + 7:.1f}" text-anchor="middle">'
            f"{SHORT_MONTHS[month - 1]}</text></g>"
        )
    blocks = {True: [], False: []}  # right side, left side: (wanted y, month, mark, lines)
    for month, entries in by_month.items():
        if not entries:
            continue
        angle = _angle(month - 0.5)
        mark, anchor = _point(OUTER + 6, angle), _point(LABEL_R, angle)
        for entry in entries:
            parts.append(
                f'<g class="med-wheel__task" data-month="{month}" data-task="{text_markup(entry.task.id)}">'
                f'<circle cx="{mark[0]:.1f}" cy="{mark[1]:.1f}" r="8"/></g>'
            )
        lines = [line for entry in entries for line in _lines(f"{entry.label} ({entry.rhythm})", LABEL_CHARS)]
        blocks[math.cos(angle) >= -1e-9].append((anchor[1] - (len(lines) - 1) * LINE / 2, month, mark, anchor, lines))
    for right, side in blocks.items():
        below = -math.inf
        for wanted, month, mark, anchor, lines in sorted(side):
            top = max(wanted, below + 10)
            below = top + len(lines) * LINE
            x = anchor[0] + (10 if right else -10)
            parts.append(
                f'<g class="med-wheel__label" data-month="{month}">'
                f'<path d="M{mark[0]:.1f},{mark[1]:.1f} L{anchor[0]:.1f},{top + 2:.1f} L{x:.1f},{top + 2:.1f}"/>'
                + _text_lines(x + (4 if right else -4), top + 8, lines, "med-wheel__task-text", LINE, "start" if right else "end")
                + "</g>"
            )
    centre = (
        f'<text class="med-wheel__title" x="{CENTRE_X}" y="{CENTRE_Y - 4}" text-anchor="middle">Årshjul</text>'
        f'<text class="med-wheel__subtitle" x="{CENTRE_X}" y="{CENTRE_Y + 28}" text-anchor="middle">'
        f"{text_markup(edition.municipality)}</text>"
    )
    placed = "; ".join(f"{MONTHS[m - 1]}: " + ", ".join(e.label for e in es) for m, es in by_month.items() if es)
    return Markup(
        f'<svg class="med-wheel" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {2 * CENTRE_X} {2 * CENTRE_Y}" '
        f'width="{2 * CENTRE_X}" height="{2 * CENTRE_Y}" role="img" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">Årshjul for MED i {text_markup(edition.municipality)}: {text_markup(placed)}</title>'
        + "".join(parts) + centre + "</svg>"
    )


def _angle(months: float) -> float:
    """Radians for a point `months` into the year, January at the top, clockwise."""
    return math.radians(months * 30 - 90)


def _point(radius: float, angle: float) -> tuple[float, float]:
    return CENTRE_X + radius * math.cos(angle), CENTRE_Y + radius * math.sin(angle)


# --- Pages ----------------------------------------------------------------------------------

def local_agreement(data: Dataset, links: Links) -> str:
    """The edition's 'Vores MED-aftale': the agreement, its structure, its year, its elections,
    sections and appendices, local guidelines and questions to discuss."""
    edition = _edition(data)
    by_month, unplaced = wheel_entries(edition)
    committees = {c.id: c for c in edition.committees}
    base_names = {c.id: c.name for c in data.committees}
    return component(
        "local-agreement.html",
        data,
        links,
        edition=edition,
        structure=structure_svg(edition),
        wheel=year_wheel_svg(edition),
        by_month=[(MONTHS[m - 1].capitalize(), entries) for m, entries in by_month.items() if entries],
        unplaced=unplaced,
        elections=[e for es in by_month.values() for e in es if e.task.kind == "valg"],
        committees=committees,
        base_names=base_names,
        guideline_types=data.index["guideline_type"],
        question_sets=[data.get("question_set", set_id) for set_id in edition.discussion],
    )


def edition_entry(data: Dataset, links: Links) -> str:
    """On the front page of a local edition, the way in to its own agreement; nothing in the guide."""
    if data.edition is None:
        return ""
    return component("edition-entry.html", data, links, edition=data.edition)


def year_wheel_poster(data: Dataset, links: Links) -> str:
    """The årshjul on a poster: what recurs all year, then the year month by month as a strip
    from January to December, each task in its month with its deadline and rhythm."""
    edition = _edition(data)
    by_month, unplaced = wheel_entries(edition)
    months = [(MONTHS[month - 1].capitalize(), by_month[month]) for month in range(1, 13)]
    return component("poster-year-wheel.html", data, links, edition=edition, months=months, unplaced=unplaced)


def _edition(data: Dataset) -> EditionFile:
    if data.edition is None:
        raise ValueError("this page belongs to a local edition; the build has no edition.yml")
    return data.edition
