"""Decision trees as data: journeys reach their outcomes, every step is linkable, the outline,
the structure for the script and the flowchart cover every node."""

from __future__ import annotations

import dataclasses
import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from macros.links import FixedLinks
from macros.model.trees import Outcome, Question
from macros.render import trees
from macros.render.flowchart import flow_steps, layers_of
from support import DATA, markdown_to_html

JOURNEYS = Path(__file__).parent / "journeys"
TREE_IDS = sorted(p.stem for p in (DATA / "trees").glob("*.yml"))


def journeys(tree_id: str) -> list[dict]:
    return yaml.safe_load((JOURNEYS / f"{tree_id}.yml").read_text(encoding="utf-8"))


ALL_JOURNEYS = [
    pytest.param(tree_id, j["answers"], j["outcome"], id=f"{tree_id}:{'.'.join(j['answers'])}")
    for tree_id in TREE_IDS
    for j in journeys(tree_id)
]


def test_the_trees_the_guide_needs_are_there():
    assert {
        "skal-sagen-i-med", "hvor-er-rette-niveau", "medindflydelse-eller-medbestemmelse",
        "med-leder-tr-eller-trio", "er-en-høring-nok",
    } <= set(TREE_IDS)
    assert len(TREE_IDS) >= 7


def test_every_tree_has_journeys_and_every_journey_file_a_tree():
    assert sorted(p.stem for p in JOURNEYS.glob("*.yml")) == TREE_IDS


@pytest.mark.parametrize("tree_id, answers, outcome", ALL_JOURNEYS)
def test_journey_reaches_its_outcome(dataset, tree_id, answers, outcome):
    node = trees.walk(dataset.trees[tree_id], answers)
    assert isinstance(node, Outcome)
    assert node.id == outcome


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_journeys_cover_every_outcome(dataset, tree_id):
    tree = dataset.trees[tree_id]
    covered = {j["outcome"] for j in journeys(tree_id)}
    assert covered == {node.id for node in tree.nodes if isinstance(node, Outcome)}


def test_walk_refuses_answers_the_question_does_not_offer(dataset):
    tree = dataset.trees["skal-sagen-i-med"]
    with pytest.raises(ValueError, match="has no answer 'måske'"):
        trees.walk(tree, ["måske"])
    with pytest.raises(ValueError, match="after the outcome"):
        trees.walk(tree, ["ja", "nej"])


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_every_node_has_a_shareable_path(dataset, tree_id):
    tree = dataset.trees[tree_id]
    for node in tree.nodes:
        assert trees.walk(tree, trees.path_to(tree, node.id)).id == node.id


def test_tree_link_opens_the_tree_at_a_node(dataset):
    link = trees.tree_link(dataset, "skal-sagen-i-med", "index.md", "forhandle")
    answers = trees.path_to(dataset.trees["skal-sagen-i-med"], "forhandle")
    assert link == f"svar/skal-sagen-i-med.md?skal-sagen-i-med={'.'.join(answers)}#skal-sagen-i-med--forhandle"
    # Relative to the page it is written on, as Markdown links are.
    assert trees.tree_link(dataset, "skal-sagen-i-med", "index.md") == "svar/skal-sagen-i-med.md"
    assert trees.tree_link(dataset, "skal-sagen-i-med", "svar/index.md") == "skal-sagen-i-med.md"
    assert trees.tree_link(dataset, "skal-sagen-i-med", "kursus/moduler/x.md") == "../../svar/skal-sagen-i-med.md"


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_outline_writes_every_node_once(dataset, tree_id):
    tree = dataset.trees[tree_id]
    html = markdown_to_html(trees.tree_component(dataset, FixedLinks(), tree_id))
    outline = html.split('<div class="med-tree__outline">', 1)[1].split("</details>", 1)[0]
    written = re.findall(rf'id="{re.escape(tree_id)}--([^"]+)"', outline)
    assert sorted(written) == sorted(node.id for node in tree.nodes)
    for node in tree.nodes:
        if isinstance(node, Question):
            assert outline.count(f'data-node="{node.id}"') == 1


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_structure_for_the_script_matches_the_data(dataset, tree_id):
    tree = dataset.trees[tree_id]
    html = trees.tree_component(dataset, FixedLinks(), tree_id)
    raw = re.search(r'data-structure="([^"]*)"', html).group(1)
    structure = json.loads(unescape(raw))
    assert structure["start"] == tree.start
    assert set(structure["nodes"]) == {node.id for node in tree.nodes}
    for node in tree.nodes:
        if isinstance(node, Question):
            assert [o["next"] for o in structure["nodes"][node.id]["options"]] == [o.next for o in node.options]


def test_structure_is_escaped_into_its_attribute(dataset):
    tree = dataset.trees["skal-sagen-i-med"]
    hostile = tree.model_copy(update={"title": '"><script>alert(1)</script>'})
    data = dataclasses.replace(dataset, index={**dataset.index, "tree": {**dataset.index["tree"], tree.id: hostile}})
    html = trees.tree_component(data, FixedLinks(), tree.id)
    raw = re.search(r'data-structure="([^"]*)"', html).group(1)
    assert "<script>" not in raw
    assert json.loads(unescape(raw))["title"] == '"><script>alert(1)</script>'


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_flowchart_draws_every_node_and_every_answer(dataset, tree_id):
    tree = dataset.trees[tree_id]
    svg = trees.tree_flowchart(dataset, tree_id)
    questions = [n for n in tree.nodes if isinstance(n, Question)]
    assert svg.count('class="med-flow__node med-flow__node--question"') == len(questions)
    assert svg.count('class="med-flow__node med-flow__node--outcome"') == len(tree.nodes) - len(questions)
    pairs = {(q.id, o.next) for q in questions for o in q.options}
    assert svg.count('class="med-flow__edge"') == len(pairs)
    layer = layers_of(tree)
    assert all(layer[target] > layer[source] for source, target in pairs)


def test_flowchart_escapes_text(dataset):
    tree = dataset.trees["er-en-høring-nok"]
    first = tree.nodes[0].model_copy(update={"question": "A & B <b>?</b>"})
    hostile = tree.model_copy(update={"nodes": [first, *tree.nodes[1:]]})
    from macros.render.flowchart import flowchart_svg

    svg = flowchart_svg(hostile, "x")
    assert "<b>" not in svg and "A &amp; B &lt;b&gt;?&lt;/b&gt;" in svg


@pytest.mark.parametrize("tree_id", TREE_IDS)
def test_flow_steps_list_every_node_once_and_lead_only_forward(dataset, tree_id):
    tree = dataset.trees[tree_id]
    steps = flow_steps(tree)
    assert sorted(step.node.id for step in steps) == sorted(node.id for node in tree.nodes)
    assert [step.number for step in steps] == list(range(1, len(steps) + 1))
    assert steps[0].node.id == tree.start
    for step in steps:
        node = step.node
        assert len(step.answers) == (len(node.options) if isinstance(node, Question) else 0)
        by_number = {s.number: s.node.id for s in steps}
        for (label, target), option in zip(step.answers, getattr(node, "options", [])):
            assert target > step.number and by_number[target] == option.next
