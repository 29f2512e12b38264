"""Case types: what goes to MED, what to the leader–TR cooperation, what stays out."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component

CATEGORIES = ("med-område", "strategisk", "ikke-i-med", "leder-tr")


def case_type_cards(data: Dataset, links: Links, category: str, level: int = 3) -> str:
    """The case types of one category, in data order, each under an anchored heading."""
    return component("case-type-cards.html", data, links, case_types=of_category(data, category), level=level)


def case_type_list(data: Dataset, links: Links, category: str) -> str:
    """The case types of one category as a short linked list, for pages other than their home."""
    return component("case-type-list.html", data, links, case_types=of_category(data, category))


def of_category(data: Dataset, category: str) -> list:
    if category not in CATEGORIES:
        raise ValueError(f"unknown case type category '{category}'; expected one of {', '.join(CATEGORIES)}")
    return [case for case in data.case_types if case.category == category]
