"""The glossary page and the abbreviation explanations used across the whole site."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from ..model.guide import Term
from .component import component


def glossary(data: Dataset, links: Links) -> str:
    """Every term, alphabetically and grouped by first letter, each anchored by its id."""
    groups: dict[str, list[Term]] = {}
    for term in sorted(data.terms, key=lambda t: danish_sort_key(t.term)):
        groups.setdefault(initial(term.term), []).append(term)
    return component(
        "glossary.html",
        data,
        links,
        groups=groups,
        terms=data.index["term"],
        roles=data.index["role"],
        committees=data.index["committee"],
    )


_DANISH_ORDER = "abcdefghijklmnopqrstuvwxyzæøå"


def danish_sort_key(text: str) -> tuple:
    """Sort as a Danish reader expects: æ, ø, å after z; case and hyphens ignored."""
    key = []
    for char in text.lower():
        if char in _DANISH_ORDER:
            key.append((0, _DANISH_ORDER.index(char)))
        elif char.isdigit():
            key.append((-1, int(char)))
        elif char.isalpha():
            key.append((1, ord(char)))
    return tuple(key)


def initial(text: str) -> str:
    """The letter a term is filed under."""
    for char in text:
        if char.isalpha():
            return char.upper()
    return "#"
