"""What one build can reuse from the last: outputs cached on disk by a hash of their input.

A cached output is keyed by everything that decides it (the input, the options and the version
of the code that makes it), so a hit is byte-identical to computing it again. The cache lives in
`.cache/` at the project's root (not versioned; MED_CACHE_DIR names another); delete it at will. MED_NO_SHORTCUTS=1 turns
off this cache and every other speed-up that must not change the output, so a build without
them can be compared with an ordinary one (tests/build/test_build_identical.py).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

CACHE_DIR = Path(os.environ.get("MED_CACHE_DIR") or Path(__file__).resolve().parent.parent / ".cache")


def shortcuts_off(environ: Mapping[str, str] = os.environ) -> bool:
    """True when MED_NO_SHORTCUTS asks for the build without its speed-ups."""
    return environ.get("MED_NO_SHORTCUTS", "") not in ("", "0")


def content_key(*parts: object) -> str:
    """A hash of `parts` (what JSON cannot write, by its repr), to name a cached output by its input."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True, default=repr).encode()).hexdigest()


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


def cached_object(kind: str, key: str, compute: Callable[[], Result]) -> Result:
    """The object pickled under `kind`/`key`, or `compute()` pickled there for the next build.

    Only for objects this package made from inputs that are all part of `key` (the cache is the
    project's own, never shared); anything that cannot be read back is computed again."""
    if shortcuts_off():
        return compute()
    import pickle

    # The same inputs asked for again in this process (Zensical's build asks before, during and
    # after the pages) get the object already made.
    if kind in _this_process and _this_process[kind][0] == key:
        return _this_process[kind][1]
    path = CACHE_DIR / kind / f"{key}.pickle"
    value = _read_pickle(path)
    if value is None:
        value = compute()
        try:
            content = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an object pickle cannot hold is simply not cached
            content = None
        if content is not None:
            _store(path, content)
            _prune(path.parent, "*.pickle", keep=8)
    _this_process[kind] = (key, value)
    return value


# The last object of each kind made or read in this process, by its key.
_this_process: dict[str, tuple[str, Any]] = {}


def _prune(folder: Path, pattern: str, keep: int) -> None:
    """Keep the `keep` newest entries (a guide and its editions each have one); older ones only take room."""
    try:
        entries = sorted(folder.glob(pattern), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def tree_fingerprint(*folders: Path | None, suffix: str = "") -> list[tuple[str, str]]:
    """(path, hash of content) of every file below `folders` (ending in `suffix`), in order:
    what a build read there. Caches of compiled code (`__pycache__`) are left out; what is not
    a regular file (a link, a pipe) is named without being read, and so is a file too large for
    any data file or page, by its size and time (the loader refuses both kinds)."""
    found: list[tuple[str, str]] = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            found.append((str(folder), ""))
            continue
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if name != "__pycache__")
            for name in sorted(name for name in names if name.endswith(suffix)):
                path = Path(root, name)
                found.append((str(path), _file_digest(path)))
    return found


_LARGEST_HASHED = 16 * 1024 * 1024


def _file_digest(path: Path) -> str:
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode):
            return f"not a regular file: {stat.filemode(status.st_mode)} {status.st_mtime_ns}"
        if status.st_size > _LARGEST_HASHED:
            return f"large: {status.st_size} {status.st_mtime_ns}"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def code_fingerprint() -> list[object]:
    """What decides how this package turns inputs into outputs: its own source, Python, and the
    installed packages with their versions (their dist-info folders' names)."""
    import sysconfig

    package = Path(__file__).resolve().parent
    site_packages = {sysconfig.get_paths()[name] for name in ("purelib", "platlib")}
    installed = sorted(
        name for folder in site_packages if os.path.isdir(folder)
        for name in os.listdir(folder) if name.endswith(".dist-info")
    )
    return [sys.version, installed, tree_fingerprint(package, suffix=".py")]


class CallMemo:
    """Results of pure calls kept between builds: one file per `key`, which must name everything
    the calls read besides their own arguments (the data, the code, the site's pages).

    A build reads the file once, on its first call, and writes it back once, at its end, with
    the calls it made – so a call no page makes any more (its front matter or arguments changed)
    is dropped – when it computed anything new or left anything unused; a build that stops
    half-way writes nothing."""

    def __init__(self, kind: str, key: Callable[[], str]):
        self.kind, self.key = kind, key
        self.path: Path | None = None
        self.entries: dict[str, Any] = {}
        self.used: set[str] = set()
        self.new = False

    def __call__(self, call: str, compute: Callable[[], Result]) -> Result:
        if shortcuts_off():
            return compute()
        if self.path is None:
            self.path = CACHE_DIR / self.kind / f"{self.key()}.pickle"
            self.entries = _read_pickle(self.path) or {}
        self.used.add(call)
        if call in self.entries:
            return self.entries[call]
        value = self.entries[call] = compute()
        self.new = True
        return value

    def save(self) -> None:
        """Keep what this build asked for, for the next one."""
        if self.path is None or not (self.new or self.used != self.entries.keys()):
            return
        import pickle

        self.entries = {call: value for call, value in self.entries.items() if call in self.used}
        _store(self.path, pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(self.path.parent, "*.pickle", keep=8)
        self.new = False


def _read_pickle(path: Path) -> Any:
    import pickle

    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, truncated or from other code: start afresh
        return None
