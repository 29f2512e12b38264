"""Committees and forums: the overview table, the cards, and the hovedorganisationsområder."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component


def committee_overview(data: Dataset, links: Links) -> str:
    """A table of every committee and forum: level, place in MED, who takes part."""
    return component(
        "committee-overview.html",
        data,
        links,
        committees=data.committees,
        roles=data.index["role"],
    )


def committee_cards(data: Dataset, links: Links, level: int = 2) -> str:
    """A card per committee or forum under a heading anchored by its id."""
    return component(
        "committee-cards.html",
        data,
        links,
        committees=data.committees,
        roles=data.index["role"],
        level=level,
    )


def organisation_areas(data: Dataset, links: Links) -> str:
    """The hovedorganisationsområder, each anchored by its id, and the note on FH."""
    return component(
        "organisation-areas.html",
        data,
        links,
        areas=data.organisation_areas,
    )


def committee_tasks(data: Dataset, links: Links, committee_id: str) -> str:
    """One committee's tasks as a list, with a link to its card."""
    return component("committee-tasks.html", data, links, committee=data.get("committee", committee_id))
