"""A local edition's data overlay: change or add to the base data, never drop from it.

An overlay file beside a base file (`editions/<name>/data/committees.yml`) names, for each list
of the base file, the items it `change`s (by id: the fields given replace the base's) and the
items it `add`s. Anything that matches nothing in the base – a list, an id to change, an
operation – is an error at the overlay's file and line, so a typo never silently does nothing.
A folder file (`questions/<id>.yml`) adds an item, or replaces the base item with its id.

Values taken from the overlay keep the overlay file as their origin, so a problem found when
the merged data is validated is reported where it was written.
"""

from __future__ import annotations

import copy
import difflib
from typing import Any

from .yamlsource import Loc, YamlDocument

OPERATIONS = ("change", "add")


def overlay_document(base: YamlDocument, overlay: YamlDocument, collections: dict[str, str]) -> YamlDocument:
    """The base document with the overlay's changes and additions applied."""
    if not isinstance(overlay.value, dict):
        raise overlay.error((), "expected a mapping of lists to change or add to, such as 'committees:'")
    merged = YamlDocument(base.path, copy.deepcopy(base.value), dict(base.lines), dict(base.origins))
    for key, operations in overlay.value.items():
        if key not in collections:
            raise overlay.error((key,), f"unknown list '{key}' for {base.path.name}; expected one of: {', '.join(collections)}")
        if not isinstance(operations, dict) or not operations:
            raise overlay.error((key,), "expected 'change:' and/or 'add:' below the list's name")
        for operation in operations:
            if operation not in OPERATIONS:
                raise overlay.error((key, operation), f"unknown operation '{operation}'; expected change or add (an overlay never removes)")
        items = merged.value[key]
        position = {item.get("id"): index for index, item in enumerate(items) if isinstance(item, dict)}
        kind = collections[key].replace("_", " ")
        _change(merged, overlay, key, operations.get("change"), position, kind)
        _add(merged, overlay, key, operations.get("add"), position, kind)
    return merged


def _change(merged: YamlDocument, overlay: YamlDocument, key: str, changes: Any, position: dict, kind: str) -> None:
    if changes is None:
        return
    if not isinstance(changes, dict):
        raise overlay.error((key, "change"), f"expected the ids of the {kind}s to change, each with the fields to change")
    for item_id, fields in changes.items():
        loc = (key, "change", item_id)
        if item_id not in position:
            close = difflib.get_close_matches(str(item_id), [str(i) for i in position], n=1)
            hint = f"did you mean '{close[0]}'?" if close else "to add a new one, put it under add"
            raise overlay.error(loc, f"no {kind} '{item_id}' in the base data to change; {hint}")
        if not isinstance(fields, dict) or not fields:
            raise overlay.error(loc, "expected the fields to change, such as 'name: KommuneMED'")
        if "id" in fields:
            raise overlay.error(loc + ("id",), "an id cannot be changed; the id says which item to change")
        index = position[item_id]
        for field, value in fields.items():
            target = (key, index, field)
            merged.value[key][index][field] = copy.deepcopy(value)
            _move_lines(merged, overlay, loc + (field,), target)


def _add(merged: YamlDocument, overlay: YamlDocument, key: str, additions: Any, position: dict, kind: str) -> None:
    if additions is None:
        return
    if not isinstance(additions, list):
        raise overlay.error((key, "add"), f"expected a list of new {kind}s (lines starting with '- ')")
    for number, item in enumerate(additions):
        loc = (key, "add", number)
        item_id = item.get("id") if isinstance(item, dict) else None
        if item_id in position:
            raise overlay.error(loc + ("id",), f"'{item_id}' is already in the base data; to change it, put it under change")
        merged.value[key].append(copy.deepcopy(item))
        index = len(merged.value[key]) - 1
        position[item_id] = index
        _move_lines(merged, overlay, loc, (key, index))


def _move_lines(merged: YamlDocument, overlay: YamlDocument, source: Loc, target: Loc) -> None:
    """Give `target` and everything below it the overlay's lines for `source`, and the overlay's
    file and fields as their origin."""
    for loc in [loc for loc in merged.lines if loc[: len(target)] == target]:
        del merged.lines[loc]
        merged.origins.pop(loc, None)
    for loc, line in overlay.lines.items():
        if loc[: len(source)] == source:
            moved = target + loc[len(source):]
            merged.lines[moved] = line
            merged.origins[moved] = (overlay.path, loc)
