"""Turn pydantic's validation errors into one DataError an editor can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .yamlsource import Loc, YamlDocument


def validate(doc: YamlDocument, model: type[BaseModel]) -> BaseModel:
    """Validate the document's values against `model`, or raise the first problem by line."""
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        raise _first_problem(doc, model, exc) from None


def _first_problem(doc: YamlDocument, model: type[BaseModel], exc: ValidationError) -> DataError:
    problems = []
    for error in exc.errors(include_url=False):
        loc = _document_loc(doc, tuple(part for part in error["loc"] if isinstance(part, (str, int))))
        line = doc.line_of(loc)
        problems.append((line or 0, loc, error))
    # A misspelt key shows up both as an unknown field and as a missing one; the unknown
    # field is the one to report, so missing fields come after every other problem.
    problems.sort(key=lambda item: (item[2]["type"] == "missing", item[0], len(item[1])))
    _, loc, error = problems[0]
    return doc.error(loc, describe(error, model, loc), more=len(problems) - 1)


def _document_loc(doc: YamlDocument, loc: Loc) -> Loc:
    """Drop the parts pydantic adds that are not keys of the file, such as a union's tag.

    The last part stays: it may name a missing or unknown key.
    """
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(part, str) and not last and (*kept, part) not in doc.lines:
            continue
        kept.append(part)
    return tuple(kept)


def describe(error: dict[str, Any], model: type[BaseModel], loc: Loc) -> str:
    """What was expected, in words, for one pydantic error."""
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "this required field is missing"
    if kind == "extra_forbidden":
        allowed = allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        if close:
            return f"unknown field '{loc[-1]}'; did you mean '{close[0]}'?"
        hint = f"; allowed fields here: {', '.join(allowed)}" if allowed else ""
        return f"unknown field '{loc[-1]}'{hint}"
    if kind in ("string_type", "str_type"):
        return f"expected text, got {what(given)}" + (" (put it in quotes)" if isinstance(given, (bool, int)) else "")
    if kind in ("int_type", "int_parsing"):
        return f"expected a whole number, got {what(given)}"
    if kind == "bool_type":
        return f"expected true or false, got {what(given)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), got {what(given)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields (key: value), got {what(given)}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, got {what(given)}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s), got {what(given)}"
    if kind == "too_long" and isinstance(given, str):
        return f"expected at most {ctx.get('max_length')} characters, got {len(given)}"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters, got {len(given) if isinstance(given, str) else what(given)}"
    if kind == "string_too_short":
        return "expected text, got an empty string"
    if kind == "greater_than_equal":
        return f"expected a number of at least {ctx.get('ge')}, got {what(given)}"
    if kind == "less_than_equal":
        return f"expected a number of at most {ctx.get('le')}, got {what(given)}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"expected a date written YYYY-MM-DD, got {what(given)}"
    if kind in ("union_tag_not_found", "union_tag_invalid", "node_kind"):
        got = given.get("kind") if isinstance(given, dict) else None
        return error["msg"] + (f", got {what(got)}" if got is not None else "")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def what(value: Any) -> str:
    """A short description of a value as the editor wrote it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model that sits at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type inside."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation
