"""Medbestemmelse: the three types of retningslinjer, each with its table of guidelines."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component


def guideline_types(data: Dataset, links: Links, level: int = 3) -> str:
    """Each guideline type under an anchored heading, with a table of its guidelines."""
    by_type = {kind.id: [g for g in data.guidelines if g.type == kind.id] for kind in data.guideline_types}
    return component(
        "guideline-types.html",
        data,
        links,
        types=sorted(data.guideline_types, key=lambda kind: kind.number),
        guidelines=by_type,
        committees=data.index["committee"],
        level=level,
    )
