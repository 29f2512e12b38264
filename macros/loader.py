"""Load the whole data directory once: read, validate, index ids, check references.

`load_dataset(data_dir)` is the only entry point. It either returns a complete, consistent
Dataset or raises one DataError naming file, line, field and what was expected.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .errors import DataError
from .model import edition, guide, programme, training, trees
from .overlay import overlay_document
from .model.types import ID_RE, MarkdownText
from .refs import iter_refs, iter_strings
from .programmecheck import check_programme
from .training import check_course
from .treecheck import check_tree
from .validation import validate
from .yamlsource import Loc, YamlDocument, read_yaml


@dataclass(frozen=True)
class FileKind:
    """One data file: where it lives, its model, and which of its lists hold items with ids."""

    filename: str
    model: type[BaseModel]
    collections: dict[str, str]

    @property
    def schema_name(self) -> str:
        return Path(self.filename).stem + ".schema.json"

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.collections.values())


@dataclass(frozen=True)
class FolderKind:
    """A folder of data files, one item per file; the file name (without .yml) is the item's id."""

    folder: str
    model: type[BaseModel]
    kind: str
    check: Callable[[Any, YamlDocument], None] | None = None
    # Checks that need the other data, run once every reference is known to resolve.
    cross_check: Callable[[Any, YamlDocument, dict[str, dict[str, Any]]], None] | None = None

    @property
    def schema_name(self) -> str:
        return self.kind.replace("_", "-") + ".schema.json"

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,)


DataKind = FileKind | FolderKind

DATA_KINDS: tuple[DataKind, ...] = (
    FileKind("sources.yml", guide.SourcesFile, {"sources": "source"}),
    FileKind("roles.yml", guide.RolesFile, {"roles": "role"}),
    FileKind("committees.yml", guide.CommitteesFile, {"committees": "committee"}),
    FileKind("organisation-areas.yml", guide.OrganisationAreasFile, {"areas": "organisation_area"}),
    FileKind("case-types.yml", guide.CaseTypesFile, {"case_types": "case_type"}),
    FileKind("guidelines.yml", guide.GuidelinesFile, {"types": "guideline_type", "guidelines": "guideline"}),
    FileKind("provisions.yml", guide.ProvisionsFile, {"provisions": "provision"}),
    FileKind("glossary.yml", guide.GlossaryFile, {"terms": "term"}),
    FolderKind("questions", guide.QuestionSet, "question_set"),
    FolderKind("trees", trees.Tree, "tree", check=check_tree),
    FolderKind("programmes", programme.Programme, "programme", check=check_programme),
    FolderKind("modules", training.Module, "module"),
    FolderKind("courses", training.Course, "course", cross_check=check_course),
)

# Only a local edition's overlay has this file: the municipality's own MED-aftale.
EDITION_KIND = FileKind(
    "edition.yml",
    edition.EditionFile,
    {"levels": "local_level", "committees": "local_committee", "tasks": "local_task", "guidelines": "local_guideline"},
)

# Where each kind of item is defined, for messages about unknown references.
KIND_HOME = {
    kind: (spec.filename if isinstance(spec, FileKind) else f"{spec.folder}/")
    for spec in (*DATA_KINDS, EDITION_KIND)
    for kind in spec.kinds
}


@dataclass
class Dataset:
    """All data of one build, validated and cross-checked."""

    data_dir: Path
    sources: list[guide.Source]
    roles: list[guide.Role]
    committees: list[guide.Committee]
    organisation_areas: guide.OrganisationAreasFile
    case_types: list[guide.CaseType]
    guideline_types: list[guide.GuidelineType]
    guidelines: list[guide.Guideline]
    provisions: list[guide.Provision]
    terms: list[guide.Term]
    question_sets: dict[str, guide.QuestionSet]
    trees: dict[str, trees.Tree]
    programmes: dict[str, programme.Programme]
    modules: dict[str, training.Module]
    courses: dict[str, training.Course]
    index: dict[str, dict[str, Any]] = field(default_factory=dict)
    edition: edition.EditionFile | None = None
    # How the base data's prose names each renamed committee ('hovedudvalget') → this build's name.
    prose_names: dict[str, str] = field(default_factory=dict)

    def get(self, kind: str, item_id: str) -> Any:
        """The item of `kind` with `item_id`; KeyError with the known ids if there is none."""
        items = self.index.get(kind, {})
        if item_id not in items:
            known = ", ".join(sorted(items)) or "none"
            raise KeyError(f"unknown {kind} '{item_id}' (known: {known})")
        return items[item_id]


@dataclass
class _Loaded:
    spec: DataKind
    doc: YamlDocument
    model: Any
    base_model: Any = None  # the base file's own model, where an overlay changed it


def load_dataset(
    data_dir: Path | str, docs_dir: Path | str | None = None, overlay_dir: Path | str | None = None,
) -> Dataset:
    """Read and check every data file in `data_dir`, with a local edition's overlay from
    `overlay_dir` applied; with `docs_dir`, also the pages Markdown fields link to."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(data_dir, None, "", "the data directory does not exist")
    _reject_unknown_files(data_dir)
    overlay = Path(overlay_dir) if overlay_dir is not None else None
    if overlay is not None:
        if not (overlay / EDITION_KIND.filename).is_file():
            raise DataError(overlay / EDITION_KIND.filename, None, "", "a local edition's data needs this file: the municipality and its MED-aftale")
        _reject_unknown_files(overlay, edition=True)
    loaded = [item for spec in DATA_KINDS for item in _load_kind(data_dir, spec, overlay)]
    if overlay is not None:
        doc = read_yaml(overlay / EDITION_KIND.filename)
        loaded.append(_Loaded(EDITION_KIND, doc, validate(doc, EDITION_KIND.model)))
    index = _index_ids(loaded)
    _check_references(loaded, index)
    for item in loaded:
        if isinstance(item.spec, FolderKind) and item.spec.cross_check is not None:
            item.spec.cross_check(item.model, item.doc, index)
    if docs_dir is not None:
        _check_page_links(loaded, Path(docs_dir))
    by_name = {item.spec.filename: item.model for item in loaded if isinstance(item.spec, FileKind)}
    committees_item = next(item for item in loaded if item.spec.filename == "committees.yml")
    return Dataset(
        data_dir=data_dir,
        sources=list(by_name["sources.yml"].sources),
        roles=list(by_name["roles.yml"].roles),
        committees=list(by_name["committees.yml"].committees),
        organisation_areas=by_name["organisation-areas.yml"],
        case_types=list(by_name["case-types.yml"].case_types),
        guideline_types=list(by_name["guidelines.yml"].types),
        guidelines=list(by_name["guidelines.yml"].guidelines),
        provisions=list(by_name["provisions.yml"].provisions),
        terms=list(by_name["glossary.yml"].terms),
        question_sets=dict(index.get("question_set", {})),
        trees=dict(index.get("tree", {})),
        programmes=dict(sorted(index.get("programme", {}).items())),
        modules=dict(index.get("module", {})),
        courses=dict(index.get("course", {})),
        index=index,
        edition=by_name.get(EDITION_KIND.filename),
        prose_names=_prose_names(committees_item.base_model or committees_item.model, committees_item.model),
    )


def _prose_names(base: guide.CommitteesFile, current: guide.CommitteesFile) -> dict[str, str]:
    """Each form the base data gives a committee's name in prose → the form in this build."""
    now = {committee.id: committee for committee in current.committees}
    names: dict[str, str] = {}
    for committee in base.committees:
        if committee.forms is None:
            continue
        forms = now[committee.id].forms or committee.forms
        for form in ("ubestemt", "bestemt", "ejefald"):
            names[getattr(committee.forms, form)] = getattr(forms, form)
    return names


def _reject_unknown_files(data_dir: Path, edition: bool = False) -> None:
    files = {spec.filename for spec in DATA_KINDS if isinstance(spec, FileKind)} | ({EDITION_KIND.filename} if edition else set())
    folders = {spec.folder for spec in DATA_KINDS if isinstance(spec, FolderKind)} | ({"schema"} if not edition else set())
    for path in sorted(data_dir.iterdir()):
        if path.is_file() and path.suffix in (".yml", ".yaml") and path.name not in files:
            raise DataError(path, None, "", f"unknown data file; expected one of: {', '.join(sorted(files))}")
        if path.is_dir() and path.name not in folders and not path.name.startswith("."):
            raise DataError(path, None, "", f"unknown data folder; expected one of: {', '.join(sorted(folders))}")


def _load_kind(data_dir: Path, spec: DataKind, overlay: Path | None = None) -> list[_Loaded]:
    if isinstance(spec, FileKind):
        path = data_dir / spec.filename
        if not path.is_file():
            raise DataError(path, None, "", "this data file is missing")
        doc = read_yaml(path)
        if overlay is None or not (overlay / spec.filename).is_file():
            return [_Loaded(spec, doc, validate(doc, spec.model))]
        merged = overlay_document(doc, read_yaml(overlay / spec.filename), spec.collections)
        return [_Loaded(spec, merged, validate(merged, spec.model), base_model=validate(doc, spec.model))]
    # A folder: one item per file; an overlay's file adds an item, or replaces the base's of that name.
    files = {path.name: path for path in _folder_files(data_dir / spec.folder)}
    if overlay is not None:
        files.update({path.name: path for path in _folder_files(overlay / spec.folder)})
    loaded = []
    for path in sorted(files.values(), key=lambda p: p.name):
        if path.suffix != ".yml":
            raise DataError(path, None, "", f"only .yml files belong in {spec.folder}/")
        if not ID_RE.match(path.stem):
            raise DataError(
                path, None, "",
                "the file name is the item's id: lowercase letters, digits and single hyphens, ending in .yml",
            )
        doc = read_yaml(path)
        if isinstance(doc.value, dict):
            if "id" in doc.value:
                raise DataError(
                    path, doc.line_of(("id",)), "id",
                    f"the id comes from the file name ('{path.stem}'); remove this field",
                )
            doc.value = {"id": path.stem, **doc.value}
        model = validate(doc, spec.model)
        if spec.check is not None:
            spec.check(model, doc)
        loaded.append(_Loaded(spec, doc, model))
    return loaded


def _folder_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*")) if folder.is_dir() else []


def _index_ids(loaded: list[_Loaded]) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {
        spec_kind: {} for spec in (*DATA_KINDS, EDITION_KIND) for spec_kind in spec.kinds
    }
    places: dict[tuple[str, str], int] = {}
    for item in loaded:
        if isinstance(item.spec, FolderKind):
            index[item.spec.kind][item.model.id] = item.model
            continue
        for attribute, kind in item.spec.collections.items():
            for position, entry in enumerate(getattr(item.model, attribute)):
                loc: Loc = (attribute, position, "id")
                line = item.doc.line_of(loc)
                bucket = index[kind]
                if entry.id in bucket:
                    raise item.doc.error(
                        loc, f"duplicate id '{entry.id}' (already used on line {places[(kind, entry.id)]}); ids must be unique"
                    )
                bucket[entry.id] = entry
                places[(kind, entry.id)] = line or 0
    return index


def _check_references(loaded: list[_Loaded], index: dict[str, dict[str, Any]]) -> None:
    for item in loaded:
        for kind, target, loc in iter_refs(item.model):
            if kind == "page":
                continue  # pages are checked against the docs folder in _check_page_links
            known = index.get(kind, {})
            if target in known:
                continue
            close = difflib.get_close_matches(target, list(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known ids: {', '.join(sorted(known))}"
            raise item.doc.error(
                loc, f"unknown {kind.replace('_', ' ')} '{target}' (not in {KIND_HOME.get(kind, 'the data')}){hint}"
            )


# A Markdown link's target: [text](target) or [text](target "title").
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")


def _check_page_links(loaded: list[_Loaded], docs_dir: Path) -> None:
    """Links in Markdown fields must name an existing page, from the docs root (`/roller.md#leder`).

    The same field can be shown on several pages, so a link relative to one page would break
    on another; MkDocs turns the root-relative form into a relative URL on every page.
    """
    for item in loaded:
        for kind, target, loc in iter_refs(item.model):
            if kind == "page" and not (docs_dir / target.split("#", 1)[0].lstrip("/")).is_file():
                raise item.doc.error(loc, f"'{target}' is not a page of the site (no docs{target.split('#', 1)[0]})")
        for text, loc in iter_strings(item.model):
            if not isinstance(text, MarkdownText):
                continue
            for target in _MARKDOWN_LINK.findall(text):
                if re.match(r"^(https?:|mailto:|#)", target):
                    continue
                path = target.split("#", 1)[0]
                if not path.startswith("/") or not path.endswith(".md"):
                    raise item.doc.error(
                        loc, f"link '{target}' must name a page from the docs folder, such as '/roller.md#leder'"
                    )
                if not (docs_dir / path.lstrip("/")).is_file():
                    raise item.doc.error(loc, f"link '{target}' points at a page that does not exist (docs{path})")
