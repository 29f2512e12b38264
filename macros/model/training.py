"""The trainer kit: course modules and the course plans made of them.

A module follows one contract – title, minutes, objectives, key points, questions to
discuss, exercises, trainer notes, links – and everything a trainer uses is derived from it:
the module's page, its presentation, a course's agenda and the participants' handout. A course
picks modules in order, with breaks, from a start time; the agenda's times are computed, never
written.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .guide import Sources
from .trees import Link, TreeRef
from .types import ClockTime, Id, Markdown, Model, Line, Text, ref

QuestionSetRef = ref("question_set", "questions/")
ModuleRef = ref("module", "modules/")


class Exercise(Model):
    """Something the participants do, in groups or together."""

    title: Line
    minutes: int = Field(ge=1, description="Time the exercise takes, within the module's minutes")
    instructions: Markdown = Field(description="What the participants do, step by step")
    tree: TreeRef | None = Field(default=None, description="A decision tree to run the case through, if any")


class Module(Model):
    """One module of a course; the file name is its id and part of its short link /m/<id>/."""

    id: Id
    title: Line
    minutes: int = Field(ge=5, le=480, description="How long the module takes in a course")
    summary: Text = Field(description="What the module is about, in one sentence")
    objectives: list[Text] = Field(min_length=1, description="What the participants can do afterwards")
    key_points: list[Markdown] = Field(min_length=2, description="The points the module makes, one per item")
    discussion: list[QuestionSetRef] = Field(min_length=1, description="Question sets from questions/ to discuss")
    exercises: list[Exercise] = Field(default_factory=list)
    trainer_notes: list[Markdown] = Field(
        min_length=1, description="For the trainer only: never shown to participants or in handouts"
    )
    links: list[Link] = Field(min_length=1, description="Guide pages, decision trees and posters to go on with")
    sources: Sources = Field(min_length=1)

    @field_validator("exercises")
    @classmethod
    def _exercises_fit(cls, exercises: list[Exercise], info: ValidationInfo) -> list[Exercise]:
        total, minutes = sum(exercise.minutes for exercise in exercises), info.data.get("minutes")
        if minutes is not None and total > minutes:
            raise PydanticCustomError(
                "exercises_too_long",
                "the exercises take {total} minutes, more than the module's {minutes}",
                {"total": total, "minutes": minutes},
            )
        return exercises


class CourseItem(Model):
    """One line of a course's agenda: a module, or a break of some minutes."""

    module: ModuleRef | None = None
    pause: Line | None = Field(default=None, description="A break, such as 'Frokost'; give its minutes")
    minutes: int | None = Field(default=None, ge=5, description="Only for a break; a module brings its own minutes")

    @model_validator(mode="after")
    def _module_or_pause(self) -> "CourseItem":
        if (self.module is None) == (self.pause is None):
            raise PydanticCustomError("course_item", "give either a module or a pause")
        if self.pause is not None and self.minutes is None:
            raise PydanticCustomError("pause_minutes", "a pause needs its minutes")
        if self.module is not None and self.minutes is not None:
            raise PydanticCustomError("module_minutes", "a module's minutes come from the module; remove minutes here")
        return self


class Course(Model):
    """A course plan: modules in order, with breaks, from a start time; the file name is its id."""

    id: Id
    title: Line
    summary: Text = Field(description="What the course is and for whom, in one or two sentences")
    audience: Text = Field(description="Who the course is for")
    start: ClockTime = Field(description="When the day begins, written '09:30'")
    items: list[CourseItem] = Field(min_length=1)
    sources: Sources = Field(min_length=1)
