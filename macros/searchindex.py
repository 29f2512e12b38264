"""The search index as served: Material's, written without escapes and spaces.

Material writes `search/search_index.json` with every non-ASCII letter as a `\\u00e6` escape
and a space after each separator; the browser's search reads the same data from the plain
UTF-8 text, which is smaller – also gzipped – in a Danish guide. Which pages and parts are in
the index is decided where they are written: `search: exclude` in front matter, and the
`data-search-exclude` attribute on the parts no one searches for (see the components).
"""

from __future__ import annotations

import json
from pathlib import Path

SEARCH_INDEX = "search/search_index.json"


def compact_search_index(site_dir: Path) -> dict[str, bytes]:
    """Site path → the index rewritten compactly; nothing when the build wrote no index."""
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    return {SEARCH_INDEX: json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")}
