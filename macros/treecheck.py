"""Build-time checks of a decision tree's graph.

Every target exists, every node can be reached from the start, no answer leads back into a
loop, and so every path ends in an outcome. A broken tree stops the build with the file, the
line and the node id.
"""

from __future__ import annotations

from .errors import DataError
from .model.trees import Outcome, Question, Tree
from .yamlsource import YamlDocument


def check_tree(tree: Tree, doc: YamlDocument) -> None:
    """Raise DataError for the first problem in the tree's graph, located in its file."""
    positions: dict[str, int] = {}
    for index, node in enumerate(tree.nodes):
        loc = ("nodes", index, "id")
        if node.id in positions:
            first = doc.line_of(("nodes", positions[node.id]))
            raise _error(doc, loc, f"node id '{node.id}' is used twice (first on line {first}); node ids must be unique")
        positions[node.id] = index
    nodes = {node.id: node for node in tree.nodes}

    if tree.start not in nodes:
        raise _error(doc, ("start",), f"start names '{tree.start}', which is not a node of this tree")
    if not isinstance(nodes[tree.start], Question):
        raise _error(doc, ("start",), f"start names '{tree.start}', an outcome; a tree starts with a question")

    for index, node in enumerate(tree.nodes):
        if isinstance(node, Question):
            for position, option in enumerate(node.options):
                if option.next not in nodes:
                    raise _error(
                        doc, ("nodes", index, "options", position, "next"),
                        f"in node '{node.id}', answer '{option.id}' leads to '{option.next}', which is not a node of this tree",
                    )

    _reject_loops(tree, nodes, positions, doc)

    reached = reachable(tree)
    for index, node in enumerate(tree.nodes):
        if node.id not in reached:
            raise _error(doc, ("nodes", index, "id"), f"node '{node.id}' cannot be reached from the start ('{tree.start}')")


def reachable(tree: Tree) -> set[str]:
    """The ids of every node on some path from the start."""
    nodes = {node.id: node for node in tree.nodes}
    seen: set[str] = set()
    stack = [tree.start]
    while stack:
        current = stack.pop()
        if current in seen or current not in nodes:
            continue
        seen.add(current)
        node = nodes[current]
        if isinstance(node, Question):
            stack.extend(option.next for option in node.options)
    return seen


def _reject_loops(tree: Tree, nodes: dict, positions: dict[str, int], doc: YamlDocument) -> None:
    state: dict[str, str] = {}  # "open" while on the current path, "done" once fully explored

    def visit(node_id: str) -> None:
        state[node_id] = "open"
        node = nodes[node_id]
        if isinstance(node, Question):
            for position, option in enumerate(node.options):
                if state.get(option.next) == "open":
                    raise _error(
                        doc, ("nodes", positions[node_id], "options", position, "next"),
                        f"in node '{node_id}', answer '{option.id}' leads back to '{option.next}', "
                        "which makes a loop; every path must end in an outcome",
                    )
                if option.next not in state:
                    visit(option.next)
        state[node_id] = "done"

    for node in tree.nodes:
        if node.id not in state:
            visit(node.id)


def _error(doc: YamlDocument, loc: tuple, message: str) -> DataError:
    return doc.error(loc, message)


def outcomes(tree: Tree) -> list[Outcome]:
    return [node for node in tree.nodes if isinstance(node, Outcome)]
