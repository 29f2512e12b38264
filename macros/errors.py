"""The one error type bad data raises.

Every problem with a data file becomes a DataError that names the file, the line, the
field and what was expected, so an editor can go straight to the spot. The core turns it into
a BuildError, which each engine's adapter reports as one line and stops the build on, before
anything is written to the site directory (MkDocs: a PluginError).
"""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """A problem in a data file, located by file, line and field."""

    def __init__(self, path: Path | str, line: int | None, field: str, message: str, more: int = 0):
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        self.more = more
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        field = f" {self.field}:" if self.field else ""
        tail = ""
        if self.more:
            plural = "s" if self.more > 1 else ""
            tail = f" ({self.more} more problem{plural} in this file after this one is fixed)"
        return f"{where}:{field} {self.message}{tail}"


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it, else as given.

    The folders on the way are resolved, the file itself is not: a link is named as the link.
    """
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class PageError(ValueError):
    """A page of docs/ asks for something wrongly in its front matter; the message names the page."""


class BuildError(Exception):
    """The build cannot go on; the message is the one line to show, naming the file at fault.
    The engine's adapter turns it into that engine's way of stopping (macros/engines/)."""
