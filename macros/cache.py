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
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

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
    _store(path, text.encode("utf-8"))
    return text


def _store(path: Path, content: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so a build running alongside never reads half a file.
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".part") as part:
            part.write(content)
        os.replace(part.name, path)
    except OSError:
        pass  # a read-only checkout still builds, only without the cache


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


def reuse_compiled_pages(jinja_env: Any) -> None:
    """Keep the code each page compiles to between builds.

    mkdocs-macros compiles every page as a template (`from_string`) on every build; compiled
    once, a page's code is kept in the cache under the hash of its text, filed under everything
    else that decides the code: the environment's syntax and options, Jinja's and Python's
    versions (the code is stored with `marshal`). Jinja's own `from_string` does the same with
    freshly compiled code.
    """
    import jinja2

    if getattr(jinja_env.from_string, "reuses_compiled_pages", False):
        return
    options = {name: repr(getattr(jinja_env, name)) for name in _COMPILE_OPTIONS}
    options["extensions"] = sorted(jinja_env.extensions)
    folder = bytecode_folder("pages", options, jinja2.__version__, sys.version)
    if folder is None:
        return

    def from_string(source: str, globals: Any = None, template_class: Any = None) -> Any:  # noqa: A002 - Jinja's name
        path = folder / f"{content_key(source)}.bin"
        try:
            code = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            code = jinja_env.compile(source)
            _store(path, marshal.dumps(code))
        template = template_class or jinja_env.template_class
        return template.from_code(jinja_env, code, jinja_env.make_globals(globals), None)

    from_string.reuses_compiled_pages = True
    jinja_env.from_string = from_string


_COMPILE_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape",
    "optimized", "finalize", "is_async",
)
