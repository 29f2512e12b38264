"""What a printed page carries on every sheet: its title, address, build date and sources.

The print stylesheet (`print.css`) puts these in the page margins with CSS paged media
(`@page { @bottom-left { content: var(--med-print-address) } }`), so they repeat on every
printed sheet. The values differ per page, so the page's head defines them as custom
properties; this module writes them as CSS strings, escaped so no data can end the style
element or the string.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote


from ..edition import LOCAL_FOLDER
from ..errors import PageError
from ..links import HOME_PAGES
from ..pages import front_matter
from ..loader import Dataset
from ..model.guide import Source
from .dates import danish_date


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string: quotes, backslashes, line breaks and `<` escaped."""
    out = []
    for char in text:
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def readable_address(url: str) -> str:
    """An address as a reader types it: Danish letters shown, not percent-encoded."""
    return unquote(url)


def source_label(source: Source) -> str:
    """A source as the print margin names it: short title and year."""
    return f"{source.short_title or source.title} ({source.date.year})"


def page_source_ids(data: Dataset, src_path: str, meta: Mapping[str, Any]) -> list[str]:
    """The sources a page rests on: its front matter `sources`, or those of the item it presents.

    A page of its own for one data item (a decision tree's page) takes the item's sources, so
    they are written once, in the data; a local edition's own pages take the edition's.
    """
    declared = meta.get("sources")
    if declared is not None:
        if not isinstance(declared, list) or not all(isinstance(item, str) for item in declared):
            raise PageError(f"docs/{src_path}: sources: expected a list of source ids, such as [guide-2020]")
        known = data.index.get("source", {})
        for source_id in declared:
            if source_id not in known:
                raise PageError(
                    f"docs/{src_path}: sources: unknown source '{source_id}' (not in sources.yml); "
                    f"known ids: {', '.join(sorted(known))}"
                )
        return list(declared)
    if src_path.startswith(f"{LOCAL_FOLDER}/") and data.edition is not None:
        return list(data.edition.sources)
    for kind, pattern in HOME_PAGES.items():
        prefix, _, suffix = pattern.partition("{id}")
        if suffix and src_path.startswith(prefix) and src_path.endswith(suffix):
            item_id = src_path[len(prefix):-len(suffix)]
            item = data.index.get(kind, {}).get(item_id)
            if item is not None:
                return list(getattr(item, "sources", []))
    return []


def check_page_sources(data: Dataset, docs_dir: Path) -> None:
    """Every page's front matter `sources` names known sources (PageError on the first that does not)."""
    for path in sorted(docs_dir.rglob("*.md")):
        _, meta = front_matter(path.read_text(encoding="utf-8"))
        page_source_ids(data, path.relative_to(docs_dir).as_posix(), meta)


def print_properties(title: str, address: str | None, built: date, sources: Sequence[Source]) -> str:
    """The custom properties print.css shows in the margins of every printed sheet.

    The title is the page's heading as Markdown holds it, with its text escaped as references;
    the margin shows the text.
    """
    title = html.unescape(title)
    properties = {
        "--med-print-title": f"MED-guiden · {title}" if title != "MED-guiden" else title,
        "--med-print-built": f"Bygget {danish_date(built)}",
        "--med-print-address": readable_address(address) if address else "MED-guiden",
        "--med-print-sources": "Kilder: " + "; ".join(source_label(s) for s in sources) if sources else "",
    }
    return "".join(f"{name}: {css_string(value)};" for name, value in properties.items())
