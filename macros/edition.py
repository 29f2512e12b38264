"""What a local edition changes in the site besides its data: its own pages first in the
navigation, in place of the generic section on local agreements, and the navigation's names
for renamed committees. Pure functions over the configuration's nav.

The edition's own pages live in docs/lokalt/, which the base site leaves out (exclude_docs)
and an edition's mkdocs.yml lets in.
"""

from __future__ import annotations

from typing import Any

from .model.edition import EditionFile
from .render.escaping import heading_markup

LOCAL_FOLDER = "lokalt"
LOCAL_PAGES = (f"{LOCAL_FOLDER}/index.md", f"{LOCAL_FOLDER}/årshjul.md")
# The base navigation's section on "your" agreement in general; an edition's own section, on its
# actual agreement, takes its place and takes in its pages.
GENERIC_SECTION = "Jeres MED-aftale"


def local_section_title(edition: EditionFile) -> str:
    """The edition's own section in the navigation; the theme prints navigation labels as they
    are, so the municipality's name arrives escaped."""
    return f"Vores MED-aftale i {heading_markup(edition.municipality)}"


def edition_nav(nav: list[Any], edition: EditionFile, prose_names: dict[str, str]) -> list[Any]:
    """The base navigation with renamed committees' labels ('Hovedudvalget') given the edition's
    names ('KommuneMED'), and the edition's own section right after the front page, holding the
    local agreement first and then the pages of the generic section it replaces."""
    labels = {}
    for word, name in prose_names.items():
        if word != name:
            labels[word] = str(heading_markup(name))
            labels[word[:1].upper() + word[1:]] = str(heading_markup(name[:1].upper() + name[1:]))
    renamed = _rename(nav, labels)
    generic = [entry for entry in renamed if isinstance(entry, dict) and GENERIC_SECTION in entry]
    rest = [entry for entry in renamed if not (isinstance(entry, dict) and GENERIC_SECTION in entry)]
    pages: list[Any] = [LOCAL_PAGES[0], {"Årshjulet som plakat": LOCAL_PAGES[1]}]
    for section in generic:
        pages += section[GENERIC_SECTION]
    return rest[:1] + [{local_section_title(edition): pages}] + rest[1:]


def _rename(entries: Any, labels: dict[str, str]) -> Any:
    if isinstance(entries, list):
        return [_rename(entry, labels) for entry in entries]
    if isinstance(entries, dict):
        return {labels.get(title, title): _rename(value, labels) for title, value in entries.items()}
    return entries
