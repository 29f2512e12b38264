"""Questions to discuss ("Drøft"): shown in the guide, reused by the trainer kit."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component


def question_set(data: Dataset, links: Links, set_id: str) -> str:
    """A 'Drøft' box with the set's title, its intro and its numbered questions."""
    return component("question-set.html", data, links, questions=data.get("question_set", set_id))
