"""The data kinds of the guide: sources, roles, committees, areas, case types, guidelines, terms.

Field descriptions are what an editor sees in their YAML editor through the generated
JSON Schema, so they say what to write, not how it is used.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .types import Id, IsoDate, Line, Markdown, Model, Text, WebAddress, line, ref

SourceRef = ref("source", "sources.yml")
RoleRef = ref("role", "roles.yml")
CommitteeRef = ref("committee", "committees.yml")
GuidelineTypeRef = ref("guideline_type", "guidelines.yml")
TermRef = ref("term", "glossary.yml")

Sources = list[SourceRef]


class Source(Model):
    """A document the facts of the site are taken from."""

    id: Id
    title: Line = Field(description="The document's title as printed (main line)")
    subtitle: Line | None = Field(default=None, description="The rest of the title, printed after the main line")
    short_title: line(40) | None = Field(  # type: ignore[valid-type]
        default=None, description="A short name for tight places, such as the margin of a printed page"
    )
    publisher: Line = Field(description="Who issued it")
    date: IsoDate = Field(
        description="Date of publication (YYYY-MM-DD); the first of the month if only the month is known; for a web page, when it was read"
    )
    date_precision: Literal["dag", "måned", "år"] = Field(description="How much of `date` the document itself gives")
    kind: Literal["brev", "pjece", "rapport", "oplæg", "program", "webside"]
    url: WebAddress | None = Field(default=None, description="The public address, for a web page")
    summary: Text = Field(description="What the document is, in one or two sentences")
    used_for: Text = Field(description="What the site takes from it")


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


class AtAGlance(Model):
    """A role in a line per system, for posters and other places with little room."""

    in_med: line(110) = Field(description="The role in MED, in one short line")
    in_partssystem: line(110) = Field(description="The role in the leader–TR partssystem, in one short line")


class Role(Model):
    """A role a person can hold in MED or in the leader–TR cooperation."""

    id: Id
    name: Line
    abbreviation: Line | None = Field(default=None, description="Short form, e.g. AMR; explained through the glossary")
    also_called: list[Line] = Field(default_factory=list, description="Other names used locally")
    side: Literal["ledelse", "medarbejdere", "begge"] = Field(description="Which side of the table the role sits on")
    summary: Text = Field(description="The role in one sentence")
    appointed_by: Text = Field(description="Who appoints or elects the person")
    represents: Markdown = Field(description="Whom the person speaks for: their bagland")
    contributes: Markdown = Field(description="What the person brings to the MED-udvalg")
    in_med: Markdown = Field(description="The role in the MED system")
    in_partssystem: Markdown = Field(description="The role, or its absence, in the leader–TR partssystem")
    at_a_glance: AtAGlance = Field(description="Both hats in a short line each, for the roles poster")
    sits_in: list[CommitteeRef] = Field(min_length=1, description="Committees and forums where the role takes part")
    related: list[RoleRef] = Field(default_factory=list, description="Roles to read together with this one")
    sources: Sources = Field(min_length=1)


class RolesFile(Model):
    roles: list[Role] = Field(min_length=1)


class Member(Model):
    role: RoleRef
    note: Text | None = Field(default=None, description="How many, or how they are chosen, if the seeds say")


class NameForms(Model):
    """How the guide's prose names a committee, so a local edition can give its own name:
    'hovedudvalg', 'hovedudvalget', 'hovedudvalgets'."""

    ubestemt: Line
    bestemt: Line
    ejefald: Line


class Committee(Model):
    """A committee, meeting form or forum in which management and employees cooperate."""

    id: Id
    name: Line
    abbreviation: Line | None = None
    also_called: list[Line] = Field(default_factory=list)
    levels: list[Literal["kommune", "område", "arbejdsplads", "på tværs"]] = Field(
        min_length=1, description="Where in the organisation it works"
    )
    part_of_med: Literal["ja", "nej", "efter aftale"] = Field(
        description="Whether it belongs to the MED system, or only where the local MED-aftale says so"
    )
    summary: Text
    description: Markdown
    members: list[Member] = Field(min_length=1)
    chaired_by: Line | None = Field(default=None, description="Who chairs it, where there is a chair")
    tasks: list[Markdown] = Field(default_factory=list)
    guideline_scope: Text | None = Field(
        default=None, description="Where the retningslinjer the committee agrees apply, if it agrees any"
    )
    forms: NameForms | None = Field(
        default=None, description="The committee's name as the guide's prose uses it, for committees a local edition may rename"
    )
    sources: Sources = Field(min_length=1)


class CommitteesFile(Model):
    committees: list[Committee] = Field(min_length=1)


class OrganisationArea(Model):
    """A hovedorganisationsområde: the groups employee seats in MED are shared between."""

    id: Id
    name: Line
    abbreviation: Line | None = None
    description: Markdown
    sources: Sources = Field(min_length=1)


class OrganisationAreasFile(Model):
    areas: list[OrganisationArea] = Field(min_length=1)
    note: Markdown = Field(description="What changed, or did not, when LO and FTF merged into FH")
    note_sources: Sources = Field(min_length=1)


class CaseType(Model):
    """A kind of matter, and whether and where it is dealt with."""

    id: Id
    name: Line
    category: Literal["med-område", "strategisk", "ikke-i-med", "leder-tr"] = Field(
        description="med-område: one of the four areas; strategisk: strategic discussions; "
        "ikke-i-med: kept out of MED; leder-tr: a topic of the leader–TR cooperation"
    )
    summary: Text
    description: Markdown
    examples: list[Text] = Field(default_factory=list)
    handled_by: Text | None = Field(default=None, description="Where the matter goes instead, for matters kept out of MED")
    sources: Sources = Field(min_length=1)


class CaseTypesFile(Model):
    case_types: list[CaseType] = Field(min_length=1)


class GuidelineType(Model):
    """One of the three types of retningslinjer."""

    id: Id
    number: int = Field(ge=1, description="Its number in the guide's list of types")
    name: Line
    summary: Text
    description: Markdown
    sources: Sources = Field(min_length=1)


class Guideline(Model):
    """A retningslinje the MED-rammeaftale names, or an example of one a committee may agree."""

    id: Id
    name: Line
    type: GuidelineTypeRef
    agreed_by: list[CommitteeRef] = Field(min_length=1, description="The committees that must, or may, agree it")
    required: bool = Field(description="true when the MED-rammeaftale requires it; false for examples of optional ones")
    waivable: bool = Field(description="true when the committee may agree to do without it")
    depends_on: CommitteeRef | None = Field(
        default=None, description="The committee whose decision it depends on, if any"
    )
    note: Text | None = Field(default=None, description="A short remark shown with the guideline")
    sources: Sources = Field(min_length=1)

    @field_validator("waivable")
    @classmethod
    def _optional_cannot_be_waived(cls, waivable: bool, info: ValidationInfo) -> bool:
        if waivable and info.data.get("required") is False:
            raise PydanticCustomError(
                "waivable_optional",
                "is true, but required is false; only a guideline the rammeaftale requires can be waived",
            )
        return waivable


class GuidelinesFile(Model):
    types: list[GuidelineType] = Field(min_length=1)
    guidelines: list[Guideline] = Field(min_length=1)


class Provision(Model):
    """A clause of an agreement or a law that the guide rests on, explained plainly."""

    id: Id
    document: Line = Field(description="The agreement or law, e.g. MED-rammeaftalen or forvaltningsloven")
    reference: Line = Field(description="The clause as it is cited, e.g. § 7, stk. 4, c")
    title: Line = Field(description="What the clause is about, in a few words")
    summary: Text = Field(description="The clause in one plain sentence")
    explanation: Markdown = Field(description="What it means in practice, in our own words")
    sources: Sources = Field(min_length=1)


class ProvisionsFile(Model):
    provisions: list[Provision] = Field(min_length=1)


class QuestionSet(Model):
    """Questions for a committee or a course to discuss ("Drøft"), kept together under a title."""

    id: Id
    title: Line = Field(description="The heading shown above the questions")
    intro: Text | None = Field(default=None, description="One sentence on when or why to use the questions")
    questions: list[Text] = Field(min_length=1)
    sources: Sources = Field(min_length=1)


class Term(Model):
    """A term or abbreviation, explained in the glossary and on hover across the site."""

    id: Id
    term: Line = Field(description="The word or abbreviation as it is written")
    expansion: Line | None = Field(
        default=None, description="What an abbreviation stands for; set it and the abbreviation is explained wherever it appears"
    )
    definition: Text = Field(description="A short plain definition, also used as the hover text")
    see_also: list[TermRef] = Field(default_factory=list)
    role: RoleRef | None = Field(default=None, description="The role this term names, if any")
    committee: CommitteeRef | None = Field(default=None, description="The committee this term names, if any")
    sources: Sources = Field(min_length=1)


class GlossaryFile(Model):
    terms: list[Term] = Field(min_length=1)
