"""Files the build writes itself (calendar feeds, short links), each whole or not at all.

What a failed build leaves is the engine's matter: see `remove_on_failure` in
macros/engines/mkdocs.py.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .errors import BuildError


def write_files(site_dir: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write files into the site by site path, each complete or not at all: written beside
    its place under a temporary name, then renamed. A file that cannot be written stops the
    build with one line naming it."""
    written = []
    root = site_dir.resolve()
    for path, content in files.items():
        target = site_dir / path
        if not target.resolve().is_relative_to(root):
            raise BuildError(f"{path}: a file the build writes must stay inside the site directory")
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        temporary = target.with_name(f".{target.name}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise BuildError(f"{path}: the build cannot write this file ({error.strerror})") from None
        written.append(target)
    return written
