"""Read one YAML data file into plain Python values, remembering where each value stands.

PyYAML's default loaders guess types: `no` becomes False, `2024-05-24` a date, `10:30`
the number 630. Here only `true`/`false`, decimal integers and `null`/`~`/empty are typed;
every other plain scalar stays text, and the model decides what a field must be. Duplicate
keys, tab indentation, several documents, custom tags, non-UTF-8 bytes and empty files are
rejected with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.cyaml
from yaml.composer import Composer
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


if yaml.__with_libyaml__:
    # libyaml parses the same YAML several times faster; the resolver stays ours.
    class _Composer(yaml.cyaml.CParser, _Resolver):  # type: ignore[misc,name-defined]
        def __init__(self, stream: str):
            yaml.cyaml.CParser.__init__(self, stream)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML wheels ship libyaml
    _Composer = _PureComposer


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


def read_yaml(path: Path) -> YamlDocument:
    """Read `path` and return its values with line numbers, or raise DataError."""
    raw = path.read_bytes()
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
    try:
        composer = _Composer(text)
        node = composer.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "single document" in f"{exc.problem} {exc.context}":
            line = exc.problem_mark.line + 1 if exc.problem_mark else None
            raise DataError(path, line, "", "expected one YAML document; remove the extra '---' separator") from None
        raise _syntax_error(path, exc) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, exc) from None
    doc = YamlDocument(path, None)
    doc.value = _build(doc, node, ())
    return doc


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

