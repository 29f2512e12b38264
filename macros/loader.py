"""Load the whole data directory once: read, validate, index ids, check references.

`load_dataset(data_dir)` is the only entry point. It either returns a complete, consistent
Dataset or raises one DataError naming file, line, field and what was expected.
"""

from __future__ import annotations

import difflib
import html.entities
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .clock import build_day
from .errors import DataError
from .model import edition, guide, programme, training, trees
from .overlay import overlay_document
from .model.types import ID_RE, MarkdownText
from .links import HOME_PAGES
from .render.abbreviations import is_definable
from .refs import iter_refs, iter_strings
from .programmecheck import check_programme
from .training import check_course
from .treecheck import check_tree
from .validation import validate
from .yamlsource import Loc, YamlDocument, check_data_path, read_yaml


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
    today: date | None = None,
) -> Dataset:
    """Read and check every data file in `data_dir`, with a local edition's overlay from
    `overlay_dir` applied; with `docs_dir`, also the pages Markdown fields link to and the page
    of every item that has one. Dates are checked against `today` (by default the build day)."""
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
        doc = read_yaml(overlay / EDITION_KIND.filename, overlay)
        loaded.append(_Loaded(EDITION_KIND, doc, validate(doc, EDITION_KIND.model)))
    index = _index_ids(loaded)
    _check_references(loaded, index)
    _check_abbreviations(loaded)
    _check_not_ahead(loaded, today or build_day())
    for item in loaded:
        if isinstance(item.spec, FolderKind) and item.spec.cross_check is not None:
            item.spec.cross_check(item.model, item.doc, index)
    if docs_dir is not None:
        _check_page_links(loaded, Path(docs_dir), index)
        _check_item_pages(loaded, Path(docs_dir))
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
        prose_names=_prose_names(committees_item, committees_item.base_model or committees_item.model, committees_item.model),
    )


def _prose_names(item: _Loaded, base: guide.CommitteesFile, current: guide.CommitteesFile) -> dict[str, str]:
    """Each form the base data gives a committee's name in prose → the form in this build.

    The base's forms are what the pages write (`{{ hovedudvalget }}`), so each is one word."""
    now = {committee.id: committee for committee in current.committees}
    names: dict[str, str] = {}
    for position, committee in enumerate(base.committees):
        if committee.forms is None:
            continue
        for form in ("ubestemt", "bestemt", "ejefald"):
            word = getattr(committee.forms, form)
            if not word.isidentifier():
                raise item.doc.error(
                    ("committees", position, "forms", form),
                    f"expected one word of letters, as the pages write it ('{{{{ hovedudvalget }}}}'), got '{word}'",
                )
        forms = now[committee.id].forms or committee.forms
        for form in ("ubestemt", "bestemt", "ejefald"):
            names[getattr(committee.forms, form)] = getattr(forms, form)
    return names


def _reject_unknown_files(data_dir: Path, edition: bool = False) -> None:
    files = {spec.filename for spec in DATA_KINDS if isinstance(spec, FileKind)} | ({EDITION_KIND.filename} if edition else set())
    folders = {spec.folder for spec in DATA_KINDS if isinstance(spec, FolderKind)} | ({"schema"} if not edition else set())
    for path in sorted(data_dir.iterdir()):
        if path.suffix in (".yml", ".yaml") and path.name not in files:
            raise DataError(path, None, "", f"unknown data file; expected one of: {', '.join(sorted(files))}")
        if path.is_dir() and path.name not in folders and not path.name.startswith("."):
            raise DataError(path, None, "", f"unknown data folder; expected one of: {', '.join(sorted(folders))}")


def _load_kind(data_dir: Path, spec: DataKind, overlay: Path | None = None) -> list[_Loaded]:
    if isinstance(spec, FileKind):
        path = data_dir / spec.filename
        if not path.exists() and not path.is_symlink():
            raise DataError(path, None, "", "this data file is missing")
        doc = read_yaml(path, data_dir)
        overlay_path = overlay / spec.filename if overlay is not None else None
        if overlay_path is None or not (overlay_path.exists() or overlay_path.is_symlink()):
            return [_Loaded(spec, doc, validate(doc, spec.model))]
        merged = overlay_document(doc, read_yaml(overlay_path, overlay), spec.collections)
        return [_Loaded(spec, merged, validate(merged, spec.model), base_model=validate(doc, spec.model))]
    # A folder: one item per file; an overlay's file adds an item, or replaces the base's of that name.
    files = {path.name: (path, data_dir) for path in _folder_files(data_dir / spec.folder, data_dir)}
    if overlay is not None:
        files.update({path.name: (path, overlay) for path in _folder_files(overlay / spec.folder, overlay)})
    loaded = []
    for path, root in sorted(files.values(), key=lambda entry: entry[0].name):
        if path.suffix != ".yml":
            raise DataError(path, None, "", f"only .yml files belong in {spec.folder}/")
        if not ID_RE.match(path.stem):
            raise DataError(
                path, None, "",
                "the file name is the item's id: lowercase letters, digits and single hyphens, ending in .yml",
            )
        doc = read_yaml(path, root)
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


def _folder_files(folder: Path, root: Path) -> list[Path]:
    if not folder.exists() and not folder.is_symlink():
        return []
    check_data_path(folder, root, folder=True)
    return sorted(path for path in folder.iterdir() if not path.name.startswith("."))


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


def _owner(item: _Loaded, loc: Loc) -> tuple[str, str] | None:
    """(kind, id) of the item a field at `loc` belongs to."""
    if isinstance(item.spec, FolderKind):
        return item.spec.kind, item.model.id
    if len(loc) >= 2 and loc[0] in item.spec.collections and isinstance(loc[1], int):
        return item.spec.collections[loc[0]], getattr(item.model, loc[0])[loc[1]].id
    return None


def _check_references(loaded: list[_Loaded], index: dict[str, dict[str, Any]]) -> None:
    for item in loaded:
        listed: dict[Loc, dict[str, int]] = {}
        for kind, target, loc in iter_refs(item.model):
            if isinstance(loc[-1], int):
                earlier = listed.setdefault(loc[:-1], {})
                if target in earlier:
                    raise item.doc.error(loc, f"'{target}' is listed twice (first as item {earlier[target] + 1}); list it once")
                earlier[target] = loc[-1]
            if kind == "page":
                continue  # pages are checked against the docs folder in _check_page_links
            if _owner(item, loc) == (kind, target):
                raise item.doc.error(loc, f"an item cannot refer to itself ('{target}'); name another {kind.replace('_', ' ')}")
            known = index.get(kind, {})
            if target in known:
                continue
            close = difflib.get_close_matches(target, list(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known ids: {', '.join(sorted(known))}"
            raise item.doc.error(
                loc, f"unknown {kind.replace('_', ' ')} '{target}' (not in {KIND_HOME.get(kind, 'the data')}){hint}"
            )


# Where Markdown can name a URL: a link or image `[text](target)`, `![alt](target)`, and a
# reference definition `[label]: target` on a line of its own.
_MARKDOWN_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
# Entities and escapes are how a scheme is hidden from a check that reads the raw text.
_HIDDEN_SCHEME = re.compile(r"^[^/?#]*(&|%|\\)")
_SAFE_LINK = re.compile(r"^(https:|mailto:|#)")


def _markdown_targets(text: str) -> list[tuple[bool, str]]:
    """(is an image, target) for every URL a Markdown text names."""
    found = [(bang == "!", target) for bang, target in _MARKDOWN_LINK.findall(text)]
    found += [(False, target) for target in _REFERENCE_DEFINITION.findall(text)]
    found += [(False, target) for target in _AUTOLINK.findall(text)]
    return found


# The items whose page is their own (docs/svar/<id>.md), by kind.
_ITEM_PAGES = {kind: page for kind, page in HOME_PAGES.items() if "{id}" in page}


def _check_item_pages(loaded: list[_Loaded], docs_dir: Path) -> None:
    """A tree, module or course is shown on a page of its own, which must exist."""
    for item in loaded:
        if isinstance(item.spec, FolderKind) and item.spec.kind in _ITEM_PAGES:
            page = _ITEM_PAGES[item.spec.kind].format(id=item.model.id)
            if not (docs_dir / page).is_file():
                raise DataError(
                    item.doc.path, None, "",
                    f"this {item.spec.kind} has no page; add docs/{page} with the two lines the other pages of its kind have",
                )


def _check_page_links(loaded: list[_Loaded], docs_dir: Path, index: dict[str, dict[str, Any]]) -> None:
    """Links in Markdown fields must name an existing page, from the docs root (`/roller.md#leder`).

    The same field can be shown on several pages, so a link relative to one page would break
    on another; the build turns the root-relative form into a relative URL on every page. Other
    links may only go to https: and mailto: addresses, and images only come from the site itself.
    """
    anchors = PageAnchors(docs_dir, index)
    for item in loaded:
        for kind, target, loc in iter_refs(item.model):
            if kind == "page":
                if not (docs_dir / target.split("#", 1)[0].lstrip("/")).is_file():
                    raise item.doc.error(loc, f"'{target}' is not a page of the site (no docs{target.split('#', 1)[0]})")
                problem = anchors.problem(target)
                if problem:
                    raise item.doc.error(loc, f"'{target}': {problem}")
        for text, loc in iter_strings(item.model):
            if not isinstance(text, MarkdownText):
                continue
            for image, target in _markdown_targets(text):
                if image and (":" in target.split("/", 1)[0] or target.startswith("//") or _HIDDEN_SCHEME.match(target)):
                    raise item.doc.error(
                        loc, f"image '{target}' must come from the site itself, such as '/assets/images/…'; the site loads nothing from other addresses"
                    )
                if not image and _SAFE_LINK.match(target):
                    continue
                path = target.split("#", 1)[0]
                if image and path.startswith("/"):
                    if not (docs_dir / path.lstrip("/")).is_file():
                        raise item.doc.error(loc, f"image '{target}' is not a file of the site (no docs{path})")
                    continue
                if not path.startswith("/") or not path.endswith(".md") or _HIDDEN_SCHEME.match(target):
                    raise item.doc.error(
                        loc, f"link '{target}' must name a page from the docs folder, such as '/roller.md#leder', or an https: or mailto: address"
                    )
                if not (docs_dir / path.lstrip("/")).is_file():
                    raise item.doc.error(loc, f"link '{target}' points at a page that does not exist (docs{path})")
                problem = anchors.problem(target)
                if problem:
                    raise item.doc.error(loc, f"link '{target}': {problem}")


class PageAnchors:
    """The anchors a page of docs/ will have: the ids of the data items it presents, the ids its
    headings are given (`{ #id }`) and the ids its Markdown headings get from their text."""

    _HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*#([^\s}]+)[^}]*\})?\s*$", re.MULTILINE)
    _EXPLICIT = re.compile(r"""(?:\{[^}\n]*#|\bid=["'])([^\s}"']+)""")

    def __init__(self, docs_dir: Path, index: dict[str, dict[str, Any]]):
        self._docs_dir = docs_dir
        self._index = index
        self._cache: dict[str, set[str]] = {}

    def problem(self, target: str) -> str | None:
        page, _, anchor = target.lstrip("/").partition("#")
        if not anchor:
            return None
        known = self._anchors(page)
        if anchor in known:
            return None
        close = difflib.get_close_matches(anchor, sorted(known), n=1)
        hint = f"; did you mean '#{close[0]}'?" if close else ""
        return f"the page has no anchor '#{anchor}'{hint}"

    def _anchors(self, page: str) -> set[str]:
        if page not in self._cache:
            self._cache[page] = self._read(page)
        return self._cache[page]

    def _read(self, page: str) -> set[str]:
        from pymdownx.slugs import slugify

        source = (self._docs_dir / page).read_text(encoding="utf-8")
        slug = slugify(case="lower")
        known: set[str] = set()
        for kind in self._home_kinds(page):
            known.update(self._index.get(kind, {}))
        known.update(self._EXPLICIT.findall(source))
        for text, explicit in self._HEADING.findall(source):
            if explicit:
                known.add(explicit)
            elif "{{" not in text:
                known.add(slug(re.sub(r"[*_`]", "", text), "-"))
        return known

    @staticmethod
    def _home_kinds(page: str) -> list[str]:
        return [kind for kind, home in HOME_PAGES.items() if home == page]


# Names of HTML character references ('amp' in '&amp;'): an abbreviation with such a name would
# be found inside the escaped text of every page.
_ENTITY_NAMES = frozenset(name.rstrip(";") for name in html.entities.html5)


def _check_abbreviations(loaded: list[_Loaded]) -> None:
    """An abbreviation is explained wherever it appears as a word, so it must be a real one:
    at least two characters, not a number, not the name of an HTML character reference."""
    for item in loaded:
        if not isinstance(item.spec, FileKind) or item.spec.filename != "glossary.yml":
            continue
        for position, term in enumerate(item.model.terms):
            if term.expansion is None:
                continue
            word = term.term
            problem = None
            if len(word) < 2:
                problem = "is a single character"
            elif word.isdigit():
                problem = "is a number"
            elif word in _ENTITY_NAMES:
                problem = f"is the name of an HTML character reference (&{word};)"
            elif not is_definable(word):
                problem = "holds a bracket or a backslash"
            if problem:
                raise item.doc.error(
                    ("terms", position, "term"),
                    f"the abbreviation '{word}' {problem}, so it cannot be explained wherever it appears; "
                    "write the term out, or leave out its expansion",
                )


def _check_not_ahead(loaded: list[_Loaded], today: date) -> None:
    """A programme cannot have been changed after the day of the build."""
    for item in loaded:
        if isinstance(item.spec, FolderKind) and item.spec.kind == "programme" and item.model.updated > today:
            raise item.doc.error(
                ("updated",),
                f"{item.model.updated.isoformat()} lies after the day of the build; "
                "give the day the programme was last changed",
            )
