"""Files the build writes itself (calendar feeds, short links), and what a failed build leaves.

A build that fails must leave no half-written site, also when MkDocs is run directly
(`mkdocs build -d DIR`) rather than through `make build`, which builds into a fresh directory
and swaps it in. MkDocs empties the site directory before it writes and stops with an error
after writing when its strict checks find a problem, so `remove_on_failure` makes the build
take away what it wrote: the directory itself if this build created it, else its contents.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import clean_directory

log = logging.getLogger("mkdocs.plugins.med")


def write_files(site_dir: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write files into the site by site path, each complete or not at all: written beside
    its place under a temporary name, then renamed. A file that cannot be written stops the
    build with one line naming it."""
    written = []
    root = site_dir.resolve()
    for path, content in files.items():
        target = site_dir / path
        if not target.resolve().is_relative_to(root):
            raise PluginError(f"{path}: a file the build writes must stay inside the site directory")
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        temporary = target.with_name(f".{target.name}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise PluginError(f"{path}: the build cannot write this file ({error.strerror})") from None
        written.append(target)
    return written


def remove_on_failure(config: Any) -> None:
    """Have MkDocs take away what this build wrote when the build fails, at any stage.

    mkdocs-macros passes no `on_build_error` to the macros module, so the handler joins the
    event's list in MkDocs' plugin collection, as a plugin's method would.
    """
    site_dir = Path(config["site_dir"])
    existed = site_dir.exists()

    def on_build_error(error: BaseException, **_: Any) -> None:
        if not site_dir.exists():
            return
        if existed:
            clean_directory(str(site_dir))
        else:
            shutil.rmtree(site_dir, ignore_errors=True)
        log.debug("Removed the output of the failed build from %s", site_dir)

    events = config["plugins"].events["build_error"]
    events[:] = [handler for handler in events if getattr(handler, "__name__", "") != on_build_error.__name__]
    events.append(on_build_error)
