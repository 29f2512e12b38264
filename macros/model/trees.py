"""Decision trees: questions with options leading to further questions or to outcomes.

Each tree lives in `data/trees/<id>.yml`. Nodes are either a question (with options, each
pointing at the next node) or an outcome (the answer, what it rests on, what to do next).
There are no nested conditions: the path through the tree is the logic (GOV.UK Smart
Answers' outcome-centric design). The graph itself is checked by `macros/treecheck.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .guide import Sources
from .types import Id, Markdown, Model, PagePath, Line, Text, ref

ProvisionRef = ref("provision", "provisions.yml")
TreeRef = ref("tree", "trees/")


class Option(Model):
    """One answer to a question and the node it leads to."""

    id: Id = Field(description="Stable id of the answer; it appears in shared links, so do not change it lightly")
    label: Line = Field(description="The answer as the reader sees it")
    short: Line | None = Field(
        default=None, description="A short form for the flowchart; without it, the label up to a dash (–) is used"
    )
    next: Id = Field(description="The id of the node this answer leads to, in the same tree")
    poster_label: Line | None = Field(
        default=None, description="The answer as the tree's wall poster sets it, shorter for large type; without it, the short form"
    )


class Question(Model):
    kind: Literal["question"]
    id: Id
    question: Line
    help: Markdown | None = Field(default=None, description="What the reader needs to know to answer")
    poster_label: Line | None = Field(
        default=None, description="The question as the tree's wall poster sets it, shorter for large type; without it, the question"
    )
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, options: list[Option]) -> list[Option]:
        for attribute in ("id", "label"):
            seen: set[str] = set()
            for option in options:
                value = getattr(option, attribute)
                if value in seen:
                    raise PydanticCustomError(
                        "duplicate_option",
                        "two options of this question have the {attribute} {value}; each must be different",
                        {"attribute": attribute, "value": repr(value)},
                    )
                seen.add(value)
        return options


class Basis(Model):
    """What an outcome rests on: a clause, or a section of the guide."""

    provision: ProvisionRef | None = None
    page: PagePath | None = None
    label: Line | None = Field(default=None, description="The text of a page link; not used with a provision")

    @model_validator(mode="after")
    def _one_target(self) -> "Basis":
        if (self.provision is None) == (self.page is None):
            raise PydanticCustomError("basis_target", "give either a provision or a page")
        if self.page is not None and self.label is None:
            raise PydanticCustomError("basis_label", "a page basis needs a label")
        return self


class Link(Model):
    """A link from an outcome to a page of the guide or to another tree."""

    label: Line
    page: PagePath | None = None
    tree: TreeRef | None = None

    @model_validator(mode="after")
    def _one_target(self) -> "Link":
        if (self.page is None) == (self.tree is None):
            raise PydanticCustomError("link_target", "give either a page or a tree")
        return self


class Outcome(Model):
    kind: Literal["outcome"]
    id: Id
    title: Line = Field(description="The answer in one line")
    poster_label: Line | None = Field(
        default=None, description="The answer in one line as the tree's wall poster sets it, shorter for large type; without it, the title"
    )
    answer: Markdown = Field(description="The answer explained")
    basis: list[Basis] = Field(min_length=1, description="The clauses or guide sections the answer rests on")
    next_steps: list[Markdown] = Field(min_length=1, description="What to do now")
    links: list[Link] = Field(default_factory=list)


def _node_kind(value: object) -> str | None:
    kind = value.get("kind") if isinstance(value, dict) else getattr(value, "kind", None)
    return {"question": "question-node", "outcome": "outcome-node"}.get(kind)


# The tags differ from every field name, so a validation error's location (which includes the
# tag) can be mapped back to the lines of the file.
Node = Annotated[
    Annotated[Question, Tag("question-node")] | Annotated[Outcome, Tag("outcome-node")],
    Discriminator(
        _node_kind,
        custom_error_type="node_kind",
        custom_error_message="expected kind: question or outcome",
    ),
]


class Tree(Model):
    """A decision tree: start at `start`, follow the options, end at an outcome."""

    id: Id
    title: Line = Field(description="The question the tree answers, as its page title")
    summary: Text = Field(description="What the tree helps with, in one sentence")
    intro: Markdown | None = None
    start: Id = Field(description="The id of the first question")
    nodes: list[Node] = Field(min_length=2, description="Questions and outcomes; their graph is checked when the site is built")
    sources: Sources = Field(min_length=1)
