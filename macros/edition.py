"""What a local edition changes in the site besides its data: its own pages in the navigation,
and the navigation's names for renamed committees. Pure functions over the configuration's nav.

The edition's own pages live in docs/lokalt/, which the base site leaves out (exclude_docs)
and an edition's mkdocs.yml lets in.
"""

from __future__ import annotations

from typing import Any

from .model.edition import EditionFile
from .render.escaping import heading_markup

LOCAL_FOLDER = "lokalt"
LOCAL_PAGES = (f"{LOCAL_FOLDER}/index.md", f"{LOCAL_FOLDER}/årshjul.md")
# The edition's section goes before this section of the base navigation.
LOCAL_SECTION_BEFORE = "Jeres MED-aftale"


def edition_nav(nav: list[Any], edition: EditionFile, prose_names: dict[str, str]) -> list[Any]:
    """The base navigation with the edition's section added and renamed committees' labels
    ('Hovedudvalget') given the edition's names ('KommuneMED')."""
    labels = {}
    for word, name in prose_names.items():
        if word != name:
            labels[word] = str(heading_markup(name))
            labels[word[:1].upper() + word[1:]] = str(heading_markup(name[:1].upper() + name[1:]))
    renamed = _rename(nav, labels)
    # The theme prints navigation labels as they are, so the data's names arrive escaped.
    section = {f"Vores MED-aftale i {heading_markup(edition.municipality)}": [LOCAL_PAGES[0], {"Årshjulet som plakat": LOCAL_PAGES[1]}]}
    position = next(
        (i for i, entry in enumerate(renamed) if isinstance(entry, dict) and LOCAL_SECTION_BEFORE in entry),
        len(renamed),
    )
    return renamed[:position] + [section] + renamed[position:]


def _rename(entries: Any, labels: dict[str, str]) -> Any:
    if isinstance(entries, list):
        return [_rename(entry, labels) for entry in entries]
    if isinstance(entries, dict):
        return {labels.get(title, title): _rename(value, labels) for title, value in entries.items()}
    return entries
