"""Read one YAML data file into plain Python values, remembering where each value stands.

PyYAML's default loaders guess types: `no` becomes False, `2024-05-24` a date, `10:30`
the number 630. Here only `true`/`false`, decimal integers and `null`/`~`/empty are typed;
every other plain scalar stays text, and the model decides what a field must be. Duplicate
keys, tab indentation, several documents, custom tags, non-UTF-8 bytes and empty files are
rejected with the file and line.

Data files are written by many hands, so they are read as untrusted input, within bounds that
no real file comes near: anchors and aliases are refused (the data needs none, and expanding
them is how a ten-line file fills the memory), and so are nesting deeper than MAX_DEPTH, more
than MAX_NODES values, a scalar longer than MAX_SCALAR_CHARS and a file larger than
MAX_FILE_BYTES. These are checked on the parser's events, before any value is built. Control
characters and the invisible characters that change the direction of text are refused
anywhere in a file. A data file must be a regular file inside the data folder: not a folder,
a pipe or a device, nor a link to something outside the folder or to nothing.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.cyaml
from yaml.composer import Composer
from yaml.events import (
    AliasEvent, CollectionStartEvent, DocumentEndEvent, MappingEndEvent, MappingStartEvent, NodeEvent, ScalarEvent,
    SequenceEndEvent, SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .errors import DataError

Loc = tuple[str | int, ...]

BOOL_TAG = "tag:yaml.org,2002:bool"
INT_TAG = "tag:yaml.org,2002:int"
NULL_TAG = "tag:yaml.org,2002:null"
STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

# Far above anything the guide's data needs (its largest file is 35 kB, 5 levels deep, with no
# value above 1 200 characters; a glossary 50 times today's still fits), far below what would slow a
# build down.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16
MAX_NODES = 50_000
MAX_SCALAR_CHARS = 20_000

# Invisible characters that reorder how text is displayed, so a line can read differently from
# what it holds ("Trojan Source"); Danish text never needs them.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls except tab, line feed and carriage return; DEL; C1 controls; a byte-order mark
# after the start; the Unicode line and paragraph separators, which YAML counts as line breaks.
_FORBIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029" + _BIDI_CONTROLS + "]"
)


class _Resolver(BaseResolver):
    """YAML 1.2 core types, minus floats, octal and hex: what our data needs, nothing to guess."""


_Resolver.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|false)$"), list("tf"))
_Resolver.add_implicit_resolver(INT_TAG, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


class _PureComposer(Reader, Scanner, Parser, Composer, _Resolver):
    """Builds the node tree only; values are constructed by `_build` below."""

    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)

    def dispose(self) -> None:
        pass


class _PureParser(Reader, Scanner, Parser):
    """Parser events only, for the checks made before anything is composed."""

    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)

    def dispose(self) -> None:
        pass


if yaml.__with_libyaml__:
    # libyaml parses the same YAML several times faster; the resolver stays ours.
    class _Composer(yaml.cyaml.CParser, _Resolver):  # type: ignore[misc,name-defined]
        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            _Resolver.__init__(self)

    _EventParser = yaml.cyaml.CParser

else:  # pragma: no cover - PyYAML wheels ship libyaml
    _Composer = _PureComposer
    _EventParser = _PureParser


@dataclass
class YamlDocument:
    """The values of one file and the line where each key or item starts.

    A local edition's overlay changes values of a base file; those values keep the overlay
    file and field as their origin, so a problem with them is reported where it was written.
    """

    path: Path
    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    origins: dict[Loc, tuple[Path, Loc]] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, or of its nearest ancestor that has one."""
        return self._written(loc)[1]

    def _written(self, loc: Loc) -> tuple[Path, int | None, Loc]:
        """The file, line and field as written there, of `loc` or its nearest ancestor with a line."""
        loc, rest = tuple(loc), ()
        while loc:
            if loc in self.lines:
                path, written = self.origins.get(loc, (self.path, loc))
                return path, self.lines[loc], written + rest
            loc, rest = loc[:-1], loc[-1:] + rest
        return self.path, self.lines.get((), 1), rest

    def error(self, loc: Loc, message: str, more: int = 0) -> DataError:
        """A DataError about the field at `loc`, located in the file, line and field it was written."""
        path, line, written = self._written(loc)
        return DataError(path, line, format_field(written), message, more=more)


def read_yaml(path: Path, root: Path | None = None) -> YamlDocument:
    """Read `path` and return its values with line numbers, or raise DataError.

    With `root`, the file must lie inside that folder, also when it is reached through a link.
    """
    raw = _read_data_file(path, root)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            path, line, "",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be read); save it with UTF-8 encoding",
        ) from None
    _reject_tabs(path, text)
    if not _has_content(text):
        raise DataError(path, 1, "", "the file is empty; expected a mapping of fields (key: value)")
    _check_characters(path, text)
    try:
        _check_events(path, text)
        composer = _Composer(text)
        try:
            node = composer.get_single_node()
        finally:
            composer.dispose()
    except yaml.composer.ComposerError as exc:
        if "single document" in f"{exc.problem} {exc.context}":
            line = exc.problem_mark.line + 1 if exc.problem_mark else None
            raise DataError(path, line, "", "expected one YAML document; remove the extra '---' separator") from None
        raise _syntax_error(path, exc) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, exc) from None
    except yaml.YAMLError as exc:  # the reader's complaints carry no mark
        raise DataError(path, None, "", f"the file cannot be read as YAML ({exc})") from None
    doc = YamlDocument(path, None)
    doc.value = _build(doc, node, ())
    return doc


def check_data_path(path: Path, root: Path | None, folder: bool = False) -> None:
    """A data file (or folder) must be a regular file (or folder) inside `root`: links that lead
    out of the data folder or to nothing, folders named like files, pipes and devices are refused."""
    expected = "folder" if folder else "file"
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.exists():
            raise DataError(path, None, "", f"this is a link to '{os.readlink(path)}', which does not exist; put the {expected} itself here")
        if root is not None and not target.is_relative_to(Path(os.path.realpath(root))):
            raise DataError(
                path, None, "",
                f"this is a link to '{os.readlink(path)}', outside the data folder; put the {expected} itself here",
            )
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise DataError(path, None, "", f"the {expected} cannot be read ({exc.strerror})") from None
    if folder:
        if not stat.S_ISDIR(mode):
            raise DataError(path, None, "", "expected a folder of data files, found a file")
        return
    if stat.S_ISDIR(mode):
        raise DataError(path, None, "", "this is a folder; a name ending in .yml belongs to a data file")
    if not stat.S_ISREG(mode):
        raise DataError(path, None, "", "this is not a regular file (a pipe, socket or device); put a YAML file here")


def _read_data_file(path: Path, root: Path | None) -> bytes:
    check_data_path(path, root)
    try:
        # Non-blocking, so a pipe put in place after the check cannot stall the build.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise DataError(path, None, "", "this is not a regular file (a pipe, socket or device); put a YAML file here")
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError(path, None, "", f"the file cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(
            path, None, "",
            f"the file is larger than {MAX_FILE_BYTES // 1024} kB; no data file needs that much, split it or shorten it",
        )
    return raw


_CONTROL_NAMES = {"\x00": "NULL", "\x1b": "ESCAPE", "\x7f": "DELETE", "\x85": "NEXT LINE"}


def _describe_character(char: str) -> str:
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def _check_characters(path: Path, text: str) -> None:
    """Refuse control characters and bidirectional controls, at the field they stand in."""
    match = _FORBIDDEN_CHARACTERS.search(text)
    if match is None:
        return
    char = match.group(0)
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    kind = (
        "an invisible character that changes the direction of text"
        if char in _BIDI_CONTROLS else "a control character"
    )
    where = _field_at(_FORBIDDEN_CHARACTERS.sub("x", text), match.start())
    raise DataError(
        path, line, format_field(where) if where else "",
        f"the text contains {kind} ({_describe_character(char)}) at column {column}; remove it",
    )


def _field_at(text: str, offset: int) -> Loc | None:
    """The field whose value covers `offset` in `text`, if the text parses that far."""
    found: list[Loc] = []

    def visit(event: NodeEvent, loc: Loc) -> None:
        if isinstance(event, ScalarEvent) and event.start_mark.index <= offset < max(event.end_mark.index, event.start_mark.index + 1):
            found.append(loc)

    try:
        _walk_events(Path("-"), text, visit, limits=False)
    except (yaml.YAMLError, DataError):
        pass
    return found[0] if found else None


def _check_events(path: Path, text: str) -> None:
    """Refuse anchors, aliases, deep nesting, too many values and over-long scalars, from the
    parser's events: nothing is built or expanded before the file is known to be within bounds."""

    def visit(event: NodeEvent, loc: Loc) -> None:
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise DataError(
                path, line, format_field(loc),
                "YAML anchors and aliases (&name, *name) are not allowed; write the value out in full",
            )
        if isinstance(event, ScalarEvent) and len(event.value) > MAX_SCALAR_CHARS:
            raise DataError(
                path, line, format_field(loc),
                f"expected at most {MAX_SCALAR_CHARS} characters in one value, got {len(event.value)}",
            )

    _walk_events(path, text, visit, limits=True)


def _walk_events(path: Path, text: str, visit, limits: bool) -> None:
    """Call `visit(event, loc)` for every node event of the first document, with its field."""
    parser = _EventParser(text)
    # One entry per open collection: [is_mapping, loc, next index or key, expecting a key].
    stack: list[list[Any]] = []
    nodes = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, DocumentEndEvent):
                return
            if isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                stack.pop()
                _advance(stack, None)
                continue
            if not isinstance(event, NodeEvent):
                continue
            nodes += 1
            loc = _event_loc(stack)
            if limits and nodes > MAX_NODES:
                raise DataError(path, event.start_mark.line + 1, format_field(loc), f"the file holds more than {MAX_NODES} values; split it or shorten it")
            visit(event, loc)
            if isinstance(event, CollectionStartEvent):
                if limits and len(stack) >= MAX_DEPTH:
                    raise DataError(
                        path, event.start_mark.line + 1, format_field(loc),
                        f"the values are nested more than {MAX_DEPTH} levels deep; no data file needs that",
                    )
                stack.append([isinstance(event, MappingStartEvent), loc, 0, True])
            else:
                _advance(stack, event.value if isinstance(event, ScalarEvent) else None)
    finally:
        parser.dispose()


def _event_loc(stack: list[list[Any]]) -> Loc:
    if not stack:
        return ()
    is_mapping, loc, position, expecting_key = stack[-1]
    if is_mapping:
        return loc if expecting_key or position is None else loc + (position,)
    return loc + (position,)


def _advance(stack: list[list[Any]], scalar: str | None) -> None:
    """A node of the innermost collection is complete: move to the next key, value or item."""
    if not stack:
        return
    top = stack[-1]
    if top[0]:
        if top[3]:
            top[2] = scalar if isinstance(scalar, str) else None
        top[3] = not top[3]
    else:
        top[2] += 1


def _has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped not in ("---", "..."):
            return True
    return False


def _reject_tabs(path: Path, text: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise DataError(path, number, "", "a tab character is used for indentation; YAML needs spaces")


def _syntax_error(path: Path, exc: yaml.MarkedYAMLError) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or "the YAML cannot be read"
    context = f" ({exc.context})" if exc.context else ""
    return DataError(
        path, line, "",
        f"YAML syntax error: {problem}{context}; check the indentation and quoting here and on the line before",
    )


def _build(doc: YamlDocument, node: Node, loc: Loc) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, ScalarNode):
        return _scalar(doc, node, loc)
    if isinstance(node, SequenceNode):
        _check_tag(doc, node, SEQ_TAG, loc)
        return [_build(doc, item, loc + (index,)) for index, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        _check_tag(doc, node, MAP_TAG, loc)
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag != STR_TAG:
                raise DataError(doc.path, line, format_field(loc), "a key must be a plain word, such as 'name'")
            key = key_node.value
            if key in result:
                raise DataError(
                    doc.path, line, format_field(loc + (key,)),
                    f"duplicate key '{key}' (first given on line {first_line[key]}); give each key once",
                )
            first_line[key] = line
            doc.lines[loc + (key,)] = line
            result[key] = _build(doc, value_node, loc + (key,))
        return result
    raise DataError(doc.path, node.start_mark.line + 1, format_field(loc), "unsupported YAML node")  # pragma: no cover


def _scalar(doc: YamlDocument, node: ScalarNode, loc: Loc) -> Any:
    tag = node.tag
    if tag == STR_TAG:
        return node.value
    if tag == BOOL_TAG and node.value in ("true", "false"):
        return node.value == "true"
    if tag == INT_TAG and re.fullmatch(r"[-+]?[0-9]+", node.value):
        return int(node.value)
    if tag == NULL_TAG and node.value in ("", "~", "null"):
        return None
    raise DataError(
        doc.path, node.start_mark.line + 1, format_field(loc),
        f"the YAML tag '{node.tag}' is not allowed; write plain values",
    )


def _check_tag(doc: YamlDocument, node: Node, expected: str, loc: Loc) -> None:
    if node.tag != expected:
        raise DataError(
            doc.path, node.start_mark.line + 1, format_field(loc),
            f"the YAML tag '{node.tag}' is not allowed; write plain values",
        )


def format_field(loc: Loc) -> str:
    """`('roles', 2, 'name')` → `roles[2].name`: the field as an editor reads it."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

