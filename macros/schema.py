"""JSON Schemas for editors, generated from the models.

Each data file starts with `# yaml-language-server: $schema=schema/<name>.schema.json`, so
editors with the YAML language server complete field names and flag wrong values while
typing. The checked-in schemas must equal what the models generate; a test compares them.

Run `python -m macros.schema` (or `make schema`) after changing a model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .loader import DATA_KINDS, EDITION_KIND, FileKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def generate_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name → schema, for every data kind."""
    schemas = {}
    for spec in (*DATA_KINDS, EDITION_KIND):
        schema = spec.model.model_json_schema(mode="validation")
        if isinstance(spec, FileKind):
            title = spec.filename
        else:
            # One item per file: its id is the file name, so the file itself holds no id.
            title = f"{spec.folder}/<id>.yml"
            schema["properties"].pop("id")
            schema["required"].remove("id")
        schemas[spec.schema_name] = {"$schema": SCHEMA_DIALECT, **schema, "title": title}
    return schemas


def render_schema(schema: dict[str, Any]) -> str:
    """The text a schema file holds: stable key order, UTF-8, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate_schemas().items():
        path = schema_dir / name
        path.write_text(render_schema(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "data" / "schema"
    for path in write_schemas(target):
        print(f"wrote {path}")
