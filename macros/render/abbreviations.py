"""Abbreviations explained wherever they appear: one table, two routes into the HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.guide import Term


def abbreviation_titles(terms: Iterable[Term]) -> dict[str, str]:
    """Abbreviation → what it stands for, shown when it is hovered or focused.

    Only the expansion: it is repeated at every occurrence, and the glossary holds the rest.
    """
    return {term.term: term.expansion for term in terms if term.expansion}


def is_definable(abbreviation: str) -> bool:
    """Whether Markdown can read `*[abbreviation]: …` as a definition: one line, no brackets or
    backslash. The loader refuses other abbreviations; a line Markdown could not read would
    stay on the page as text."""
    return not re.search(r"[\[\]\\\r\n]", abbreviation)


def abbreviation_definitions(terms: Iterable[Term]) -> str:
    """Markdown abbreviation definitions (`*[HMU]: …`) to append to every page.

    Python-Markdown's abbr extension then marks every occurrence in the page's prose and
    Markdown fields with the same title the templates give plain data strings.
    """
    lines = [f"*[{abbr}]: {title}" for abbr, title in abbreviation_titles(terms).items() if is_definable(abbr)]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
