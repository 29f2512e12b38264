"""Abbreviations explained wherever they appear: one table, two routes into the HTML.

Page prose gets them from Python-Markdown's abbr extension, whose `glossary` option the
engine's adapter fills with `abbreviation_titles` (MkDocs: in `define_env`; Zensical: in the
configuration generated for it); component templates mark plain data strings
with the same titles (the `abbr` filter in core.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..cache import IdentityMemo
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
    """Markdown abbreviation definitions (`*[HMU]: …`), the text equivalent of the glossary.

    Appended to a page they give the same HTML as the glossary option, at a cost growing with
    the square of their number: only the build without shortcuts (MED_NO_SHORTCUTS) uses them,
    to prove the two routes agree.
    """
    lines = [f"*[{abbr}]: {title}" for abbr, title in abbreviation_titles(terms).items() if is_definable(abbr)]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""



# Worked out once per build's list of terms and passed to every component.
titles_of = IdentityMemo(abbreviation_titles)
