"""Decision trees: the printable outline, the flowchart, the data the script steps through.

Without JavaScript a tree is a nested outline of every question and outcome. The script
(`overrides/assets/javascripts/tree.js`) reads the tree's structure from the page and shows
one question at a time, moving the outline's own help texts and outcomes into view, so every
text exists once in the page.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field

from ..links import Links, doc_link
from ..loader import Dataset
from ..model.trees import Option, Outcome, Question, Tree
from .component import component
from .flowchart import flow_steps, flowchart_svg


@dataclass
class OutlineItem:
    """A node in the outline; a node reached again is shown as a link to its first place."""

    node: Question | Outcome
    repeat: bool = False
    branches: list[tuple[Option, "OutlineItem"]] = field(default_factory=list)


def outline(tree: Tree) -> OutlineItem:
    """The tree depth-first from its start, each node written out once."""
    nodes = {node.id: node for node in tree.nodes}
    written: set[str] = set()

    def build(node_id: str) -> OutlineItem:
        node = nodes[node_id]
        if node_id in written:
            return OutlineItem(node, repeat=True)
        written.add(node_id)
        item = OutlineItem(node)
        if isinstance(node, Question):
            item.branches = [(option, build(option.next)) for option in node.options]
        return item

    return build(tree.start)


def structure(tree: Tree) -> dict:
    """What the script needs to step through the tree: ids, texts, options and targets."""
    nodes = {}
    for node in tree.nodes:
        if isinstance(node, Question):
            nodes[node.id] = {
                "kind": "question",
                "text": node.question,
                "options": [{"id": o.id, "label": o.label, "next": o.next} for o in node.options],
            }
        else:
            nodes[node.id] = {"kind": "outcome", "title": node.title}
    return {"id": tree.id, "title": tree.title, "start": tree.start, "nodes": nodes}


def structure_json(tree: Tree) -> str:
    """The structure as compact JSON; the template escapes it into an attribute."""
    return json.dumps(structure(tree), ensure_ascii=False, separators=(",", ":"))


def walk(tree: Tree, answers: list[str]) -> Question | Outcome:
    """The node reached by answering with these option ids from the start.

    Raises ValueError for an answer the current question does not offer, or an answer given
    after an outcome has been reached.
    """
    nodes = {node.id: node for node in tree.nodes}
    node = nodes[tree.start]
    for answer in answers:
        if not isinstance(node, Question):
            raise ValueError(f"answer '{answer}' given after the outcome '{node.id}'")
        option = next((o for o in node.options if o.id == answer), None)
        if option is None:
            offered = ", ".join(o.id for o in node.options)
            raise ValueError(f"question '{node.id}' has no answer '{answer}' (offers {offered})")
        node = nodes[option.next]
    return node


def path_to(tree: Tree, node_id: str) -> list[str]:
    """The shortest list of answers from the start to `node_id` (breadth first)."""
    nodes = {node.id: node for node in tree.nodes}
    if node_id not in nodes:
        raise KeyError(f"tree '{tree.id}' has no node '{node_id}'")
    queue: deque[tuple[str, list[str]]] = deque([(tree.start, [])])
    seen = {tree.start}
    while queue:
        current, answers = queue.popleft()
        if current == node_id:
            return answers
        node = nodes[current]
        if isinstance(node, Question):
            for option in node.options:
                if option.next not in seen:
                    seen.add(option.next)
                    queue.append((option.next, answers + [option.id]))
    raise KeyError(f"node '{node_id}' cannot be reached in tree '{tree.id}'")  # pragma: no cover - checked at load


def answers_query(tree: Tree, answers: list[str]) -> str:
    """The query string that opens the tree at the step these answers lead to."""
    return f"?{tree.id}={'.'.join(answers)}" if answers else ""


def tree_component(data: Dataset, links: Links, tree_id: str) -> str:
    """The whole tree: the step-by-step app (filled by the script), the outline, the chart."""
    tree = data.get("tree", tree_id)
    return component(
        "tree.html",
        data,
        links,
        tree=tree,
        root=outline(tree),
        provisions=data.index["provision"],
        trees=data.trees,
        flowchart=flowchart_svg(tree, f"{tree.id}-diagram"),
        steps=flow_steps(tree),
        structure=structure_json(tree),
    )


def tree_page(data: Dataset, links: Links, tree_id: str) -> str:
    """Everything a tree's own page shows below its title: the tree, other trees, sources."""
    tree = data.get("tree", tree_id)
    others = sorted((t for t in data.trees.values() if t.id != tree_id), key=lambda t: t.title)
    return component(
        "tree-page.html",
        data,
        links,
        tree=tree,
        tree_html=tree_component(data, links, tree_id),
        others=others,
        sources=[data.get("source", source_id) for source_id in tree.sources],
    )


def tree_flowchart(data: Dataset, tree_id: str) -> str:
    """Only the flowchart, for pages and posters that show the tree at a glance."""
    tree = data.get("tree", tree_id)
    return flowchart_svg(tree, f"{tree.id}-diagram")


def tree_link(data: Dataset, tree_id: str, from_src: str, node_id: str | None = None) -> str:
    """A Markdown link target to the tree's page, opened at `node_id` when given.

    The answers of the shortest path go in the query string (what the script reads); the
    fragment points at the node in the outline, for readers without JavaScript.
    """
    tree = data.get("tree", tree_id)
    target = doc_link("tree", tree_id, from_src)
    if node_id is None:
        return target
    return target + answers_query(tree, path_to(tree, node_id)) + f"#{tree.id}--{node_id}"


def tree_list(data: Dataset, links: Links) -> str:
    """Every tree with its summary, linking to its page."""
    return component("tree-list.html", data, links, trees=sorted(data.trees.values(), key=lambda t: t.title))


def tree_callout(data: Dataset, links: Links, tree_id: str) -> str:
    """A box on a guide page that points to the decision tree on the same matter."""
    return component("tree-callout.html", data, links, tree=data.get("tree", tree_id))
