"""What one build can reuse from the last: outputs cached on disk by a hash of their input.

A cached output is keyed by everything that decides it (the input, the options and the version
of the code that makes it), so a hit is byte-identical to computing it again. The cache lives in
`.cache/` at the project's root (not versioned); delete it at will. MED_NO_SHORTCUTS=1 turns
off this cache and every other speed-up that must not change the output, so a build without
them can be compared with an ordinary one (tests/build/test_build_identical.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache"


def shortcuts_off(environ: Mapping[str, str] = os.environ) -> bool:
    """True when MED_NO_SHORTCUTS asks for the build without its speed-ups."""
    return environ.get("MED_NO_SHORTCUTS", "") not in ("", "0")


def content_key(*parts: object) -> str:
    """A hash of `parts` (anything JSON can write), to name a cached output by its input."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def cached_text(kind: str, key: str, compute: Callable[[], str]) -> str:
    """The text cached under `kind`/`key`, or `compute()` stored there for the next build."""
    if shortcuts_off():
        return compute()
    path = CACHE_DIR / kind / f"{key}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a build running alongside never reads half a file.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".part") as part:
            part.write(text)
        os.replace(part.name, path)
    except OSError:
        pass  # a read-only checkout still builds, only without the cache
    return text


def bytecode_folder(kind: str, *key: object) -> Path | None:
    """A folder of the cache for compiled code filed under `key`, or None when the cache is off
    or cannot be written."""
    if shortcuts_off():
        return None
    folder = CACHE_DIR / kind / content_key(*key)[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


Argument = TypeVar("Argument")
Result = TypeVar("Result")


class IdentityMemo(Generic[Argument, Result]):
    """`compute(argument)` worked out once per argument object, for arguments a build passes
    again and again (its glossary) that are not hashable. A few are kept, each with its
    argument, so an id is never taken for another object's."""

    def __init__(self, compute: Callable[[Argument], Result], size: int = 8):
        self.compute, self.size = compute, size
        self.known: dict[int, tuple[Argument, Result]] = {}

    def __call__(self, argument: Argument) -> Result:
        known = self.known.get(id(argument))
        if known is None or known[0] is not argument:
            if len(self.known) >= self.size:
                self.known.clear()
            known = self.known[id(argument)] = (argument, self.compute(argument))
        return known[1]
