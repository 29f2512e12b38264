"""A local edition's own data: the municipality's MED-aftale (edition.yml in the overlay).

The overlay changes and adds to the base data; this file holds what only a local edition has:
the agreement and its amendments, the levels and committees with their local names, the tasks
and deadlines of the year (its årshjul), the agreement's sections and appendices, and local
guidelines. Facts as the municipality's own material gives them; nothing is guessed: a task
without a fixed month is shown as happening during the year.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .guide import CommitteeRef, GuidelineTypeRef, Sources
from .training import QuestionSetRef
from .types import Id, IsoDate, Markdown, Model, Line, Text, ref

LocalLevelRef = ref("local_level", "edition.yml")
LocalCommitteeRef = ref("local_committee", "edition.yml")


class Amendment(Model):
    """A change to the agreement."""

    date: IsoDate = Field(description="When the change was finally adopted")
    adopted_by: LocalCommitteeRef | None = Field(default=None, description="The committee that adopted it")
    note: Text | None = Field(default=None, description="Anything else the agreement says about it, such as an earlier approval")
    changes: list[Text] = Field(min_length=1, description="What was changed, one item per change")


class Agreement(Model):
    """The local MED-aftale itself."""

    title: Line
    took_effect: IsoDate = Field(description="The date the agreement took effect")
    structure: Line | None = Field(default=None, description="The kind of structure, such as 'en-strenget struktur'")
    foundation: Text | None = Field(default=None, description="What the agreement builds on, such as the municipality's values")
    where: Line | None = Field(default=None, description="Where employees find the agreement")
    amendments: list[Amendment] = Field(default_factory=list)

    @field_validator("amendments")
    @classmethod
    def _amended_after_effect(cls, amendments: list[Amendment], info: ValidationInfo) -> list[Amendment]:
        took_effect = info.data.get("took_effect")
        for amendment in amendments:
            if took_effect is not None and amendment.date < took_effect:
                raise PydanticCustomError(
                    "amendment_before_effect",
                    "an amendment of {day} is dated before the agreement took effect ({took_effect})",
                    {"day": amendment.date.isoformat(), "took_effect": took_effect.isoformat()},
                )
        return amendments


class Level(Model):
    """A level of the local MED structure, from the top down."""

    id: Id
    name: Line
    section: Line | None = Field(default=None, description="The agreement's section on the level, such as '§ 4, stk. 9'")


class LocalCommittee(Model):
    """A committee or forum of the local structure, with its local name."""

    id: Id
    name: Line = Field(description="The local name, such as 'KommuneMED'")
    level: LocalLevelRef
    base: CommitteeRef | None = Field(default=None, description="The committee of the guide it is, such as hovedudvalg")
    applies_to: Text | None = Field(default=None, description="Where it is set up, such as 'arbejdspladser med 25 eller flere medarbejdere'")
    chair: Line | None = None
    deputy_chair: Line | None = None
    composition: list[Text] = Field(default_factory=list)
    meetings_per_year: int | None = Field(default=None, ge=1, description="Ordinary meetings a year, where the agreement says")
    tasks: list[Text] = Field(default_factory=list)
    section: Line | None = Field(default=None, description="The agreement's section on the committee")


class Task(Model):
    """Something in the year's cycle (årshjul): a meeting, a discussion, a deadline, an election."""

    id: Id
    title: Line
    kind: Literal["møde", "arbejdsmiljø", "apv", "budget", "valg", "strategi", "andet"]
    committee: LocalCommitteeRef | None = None
    month: int | None = Field(
        default=None, ge=1, le=12, description="The month it falls in; leave out when the agreement fixes none"
    )
    when: Line | None = Field(default=None, description="The agreement's own words on the timing, such as 'inden 1. maj'")
    count: int | None = Field(default=None, ge=1, description="How many a year, for meetings")
    every: Literal["år", "andet år"] = "år"
    years: Literal["alle", "lige", "ulige"] = Field(default="alle", description="For every second year: odd or even years")

    @model_validator(mode="after")
    def _years_need_every_second(self) -> "Task":
        if self.years != "alle" and self.every != "andet år":
            raise PydanticCustomError("task_years", "years: lige or ulige only goes with every: andet år")
        return self


class Section(Model):
    number: Line = Field(description="As the agreement writes it, such as '§ 5'")
    title: Line


class Appendix(Model):
    letter: Line = Field(pattern=r"^[A-ZÆØÅ]$", description="The appendix's letter, such as 'K'")
    title: Line


class LocalGuideline(Model):
    id: Id
    name: Line
    type: GuidelineTypeRef | None = None
    where: Line = Field(description="Where it is found, such as 'Bilag J'")


class EditionFile(Model):
    """edition.yml: the municipality and its MED-aftale."""

    municipality: Line = Field(description="The municipality's name, such as 'Albertslund Kommune'")
    agreement: Agreement
    intro: Markdown | None = Field(default=None, description="A few words on the agreement, in our own words")
    levels: list[Level] = Field(min_length=1, description="From the top level down")
    committees: list[LocalCommittee] = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1, description="The year's tasks and deadlines, for the årshjul")
    sections: list[Section] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)
    guidelines: list[LocalGuideline] = Field(default_factory=list)
    discussion: list[QuestionSetRef] = Field(default_factory=list, description="Question sets to discuss the agreement")
    sources: Sources = Field(min_length=1)
