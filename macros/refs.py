"""Find every reference field in a validated model, wherever it is nested.

Reference fields are declared once, in the model, with `ref(kind, ...)`; this walker reads
those declarations, so adding a reference to a model is all it takes to have it checked.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .model.types import RefTo
from .yamlsource import Loc


def iter_refs(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[str, str, Loc]]:
    """Yield (kind, id, loc) for every reference held by `model` and the models inside it."""
    for name, info in type(model).model_fields.items():
        yield from _walk(info.annotation, list(info.metadata), getattr(model, name), loc + (name,))


def _walk(annotation: Any, metadata: list[Any], value: Any, loc: Loc) -> Iterator[tuple[str, str, Loc]]:
    annotation, metadata = _split(annotation, metadata)
    target = next((m for m in metadata if isinstance(m, RefTo)), None)
    if value is None:
        return
    if target is not None and isinstance(value, str):
        yield target.kind, value, loc
    elif isinstance(value, BaseModel):
        yield from iter_refs(value, loc)
    elif isinstance(value, (list, tuple)):
        args = typing.get_args(annotation)
        inner = args[0] if args else Any
        for index, item in enumerate(value):
            yield from _walk(inner, [], item, loc + (index,))


def _split(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Peel Annotated and Optional, collecting the metadata found on the way."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(annotation)
            annotation, metadata = base, metadata + list(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def iter_strings(value: Any, loc: Loc = ()) -> Iterator[tuple[str, Loc]]:
    """Yield (string, loc) for every string inside a model, list or string."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_strings(getattr(value, name), loc + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from iter_strings(item, loc + (index,))
    elif isinstance(value, str):
        yield value, loc
