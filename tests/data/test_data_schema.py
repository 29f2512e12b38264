"""The JSON Schemas editors use are exactly what the models generate, and agree with the loader."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from macros.loader import DATA_KINDS, FileKind
from macros.schema import generate_schemas, render_schema
from macros.yamlsource import read_yaml
from support import DATA
from test_data_bad_input import CORPUS, apply_case

SCHEMA_DIR = DATA / "schema"


@pytest.mark.parametrize("name", sorted(generate_schemas()))
def test_checked_in_schema_matches_the_model(name: str):
    path = SCHEMA_DIR / name
    assert path.is_file(), f"{path} is missing; run 'make schema'"
    assert path.read_text(encoding="utf-8") == render_schema(generate_schemas()[name]), (
        f"{path} differs from the model; run 'make schema' and commit the result"
    )


def test_no_stale_schema_files():
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == set(generate_schemas())


def data_files():
    """(path, schema name, schema path as written in the file) for every data file."""
    for spec in DATA_KINDS:
        if isinstance(spec, FileKind):
            yield DATA / spec.filename, spec.schema_name, f"schema/{spec.schema_name}"
        else:
            for path in sorted((DATA / spec.folder).glob("*.yml")):
                yield path, spec.schema_name, f"../schema/{spec.schema_name}"


DATA_FILES = list(data_files())
DATA_FILE_IDS = [str(path.relative_to(DATA)) for path, _, _ in DATA_FILES]


@pytest.mark.parametrize("path, schema_name, pointer", DATA_FILES, ids=DATA_FILE_IDS)
def test_data_file_points_editors_at_its_schema(path, schema_name, pointer):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema={pointer}"
    assert (path.parent / pointer).resolve() == (SCHEMA_DIR / schema_name).resolve()


@pytest.mark.parametrize("path, schema_name, pointer", DATA_FILES, ids=DATA_FILE_IDS)
def test_real_data_is_valid_against_its_schema(path, schema_name, pointer):
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(read_yaml(path).value)


# Mistakes an editor sees while typing, because the schema already rejects them.
SCHEMA_LEVEL_CASES = [
    "unknown-field", "missing-field", "number-instead-of-text", "yes-no-instead-of-boolean",
    "text-instead-of-list", "unknown-category", "bad-id-format",
]


@pytest.mark.parametrize("case", SCHEMA_LEVEL_CASES)
def test_schema_rejects_what_the_loader_rejects(case: str, tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    apply_case(case, tmp_path / "data")
    broken = next(p.name for p in (CORPUS / case).iterdir() if p.suffix == ".yml")  # a top-level file
    spec = next(spec for spec in DATA_KINDS if isinstance(spec, FileKind) and spec.filename == broken)
    schema = json.loads((SCHEMA_DIR / spec.schema_name).read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(read_yaml(tmp_path / "data" / broken).value))
    assert errors, f"the schema accepts the '{case}' mistake"
