"""A decision tree as a flowchart: inline SVG laid out in layers, from the tree's data; and the
same chart as steps in one column (`flow_steps`), which is what screens show: it fits any
width with the text at the size of the page's own.

Layering follows the usual recipe for drawing directed acyclic graphs (Sugiyama): each node
sits one layer below its deepest parent, an answer that skips layers gets invisible waypoints
so it runs in its own lane instead of through boxes, and the order within a layer follows the
average position of the parents to keep lines from crossing. Text is real SVG text, so the
chart stays sharp in print and on posters; colours come from CSS classes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..model.trees import Outcome, Question, Tree
from .escaping import text_markup

BOX_WIDTH = 190
CHARS_PER_LINE = 24          # what fits in a box at the chart's font size
LINE_HEIGHT = 17
PADDING = 10
LANE_WIDTH = 24              # room for a line passing through a layer
COLUMN_GAP = 26
LAYER_GAP = 64               # room between layers; more where answer labels need it
LABEL_CHARS = 21
# Where on its first stretch an answer's label may sit (0 at the question, 1 at the answer),
# in order of preference.
LABEL_POSITIONS = (0.62, 0.45, 0.78, 0.3, 0.88, 0.2)


@dataclass
class _Place:
    """A node or waypoint in the layout."""

    key: str
    layer: int
    width: float
    height: float
    lines: list[str] = field(default_factory=list)
    kind: str = "waypoint"
    x: float = 0.0
    y: float = 0.0


def short_label(label: str) -> str:
    """An answer as the chart shows it when the data gives no short form: the part before a dash."""
    return label.split(" – ", 1)[0]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]


def layers_of(tree: Tree) -> dict[str, int]:
    """Each node's layer: the length of the longest path from the start to it."""
    nodes = {node.id: node for node in tree.nodes}
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:  # post-order gives a reverse topological order
        if node_id in seen:
            return
        seen.add(node_id)
        node = nodes[node_id]
        if isinstance(node, Question):
            for option in node.options:
                visit(option.next)
        order.append(node_id)

    visit(tree.start)
    layer = {node_id: 0 for node_id in order}
    for node_id in reversed(order):
        node = nodes[node_id]
        if isinstance(node, Question):
            for option in node.options:
                layer[option.next] = max(layer[option.next], layer[node_id] + 1)
    return layer


@dataclass
class FlowStep:
    """A node of the chart in the one-column form: its number, and where each answer leads."""

    node: Question | Outcome
    number: int
    answers: list[tuple[str, int]] = field(default_factory=list)  # (answer, number of the next step)


def flow_steps(tree: Tree) -> list[FlowStep]:
    """Every node once, layer by layer from the start (a node after all that lead to it),
    questions with their answers' short forms and targets."""
    nodes = {node.id: node for node in tree.nodes}
    layer = layers_of(tree)
    discovered: list[str] = []
    queue = [tree.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in discovered:
            continue
        discovered.append(node_id)
        node = nodes[node_id]
        if isinstance(node, Question):
            queue.extend(option.next for option in node.options)
    order = sorted(discovered, key=lambda node_id: (layer[node_id], discovered.index(node_id)))
    number = {node_id: i for i, node_id in enumerate(order, start=1)}
    steps = []
    for node_id in order:
        node = nodes[node_id]
        answers = []
        if isinstance(node, Question):
            answers = [(option.short or short_label(option.label), number[option.next]) for option in node.options]
        steps.append(FlowStep(node, number[node_id], answers))
    return steps


def flowchart_svg(tree: Tree, title_id: str) -> str:
    """The whole tree as an SVG flowchart; `title_id` makes its <title> id unique on the page."""
    nodes = {node.id: node for node in tree.nodes}
    layer = layers_of(tree)
    places: dict[str, _Place] = {}
    for node_id, depth in layer.items():
        node = nodes[node_id]
        text = node.question if isinstance(node, Question) else node.title
        lines = _wrap(text, CHARS_PER_LINE)
        label = "Spørgsmål" if isinstance(node, Question) else "Svar"
        places[node_id] = _Place(
            node_id, depth, BOX_WIDTH, PADDING * 2 + LINE_HEIGHT * (len(lines) + 1), [label, *lines],
            "question" if isinstance(node, Question) else "outcome",
        )

    # Edges, one per pair of nodes (answers leading to the same node share it), with a
    # waypoint in every layer an edge passes through.
    edges: list[tuple[list[str], list[str]]] = []
    for node_id in sorted(layer, key=lambda n: layer[n]):
        node = nodes[node_id]
        if not isinstance(node, Question):
            continue
        targets: dict[str, list[str]] = {}
        for option in node.options:
            targets.setdefault(option.next, []).append(option.short or short_label(option.label))
        for target, labels in targets.items():
            chain = [node_id]
            for depth in range(layer[node_id] + 1, layer[target]):
                key = f"{node_id}>{target}@{depth}"
                places[key] = _Place(key, depth, LANE_WIDTH, LINE_HEIGHT)
                chain.append(key)
            chain.append(target)
            edges.append((chain, labels))

    by_layer = _order_layers(places, edges)
    gaps = [LAYER_GAP] * len(by_layer)
    # Room below a question for its answers' labels: one row for two answers, two rows for more,
    # where neighbouring labels may have to pass each other on their lines.
    label_lines: dict[str, list[int]] = {}
    for chain, labels in edges:
        label_lines.setdefault(chain[0], []).append(sum(len(_wrap(label, LABEL_CHARS)) for label in labels))
    for parent, counts in label_lines.items():
        rows = 1 if len(counts) <= 2 else 2
        needed = rows * (max(counts) * 13 + 6) + 34
        gaps[places[parent].layer] = max(gaps[places[parent].layer], needed)
    width = _position(places, by_layer, gaps)
    height = max(p.y + p.height for p in places.values()) + PADDING

    parts = [
        f'<svg class="med-flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{text_markup(tree.title)}: diagram over hele beslutningstræet</title>',
        '<defs><marker id="' + title_id + '-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="med-flow__arrowhead"/></marker></defs>',
    ]
    # Labels keep clear of the boxes and of each other.
    placed: list[tuple[float, float, float, float]] = [
        (p.x, p.y, p.x + p.width, p.y + p.height) for p in places.values() if p.kind != "waypoint"
    ]
    for chain, label in edges:
        parts.append(_edge(places, chain, label, title_id, placed))
    for place in places.values():
        if place.kind != "waypoint":
            parts.append(_box(place))
    parts.append("</svg>")
    return "\n".join(parts)


def _order_layers(places: dict[str, _Place], edges: list[tuple[list[str], list[str]]]) -> list[list[str]]:
    """Order each layer by the mean position of its parents (two passes down)."""
    depth = max(p.layer for p in places.values())
    by_layer: list[list[str]] = [[] for _ in range(depth + 1)]
    for key, place in places.items():  # insertion order: discovery order, a fair first guess
        by_layer[place.layer].append(key)
    parents: dict[str, list[str]] = {}
    for chain, _ in edges:
        for upper, lower in zip(chain, chain[1:]):
            parents.setdefault(lower, []).append(upper)
    for _ in range(2):
        for level in range(1, depth + 1):
            index = {key: i for i, key in enumerate(by_layer[level - 1])}

            def barycentre(key: str) -> float:
                ranks = [index[p] for p in parents.get(key, []) if p in index]
                return sum(ranks) / len(ranks) if ranks else float("inf")

            by_layer[level].sort(key=barycentre)
    return by_layer


def _position(places: dict[str, _Place], by_layer: list[list[str]], gaps: list[float]) -> float:
    """Set x and y of every place, leaving `gaps[i]` below layer i; return the chart's width."""
    widths = [sum(places[k].width for k in keys) + COLUMN_GAP * (len(keys) - 1) for keys in by_layer]
    width = max(widths) + 2 * PADDING
    y = PADDING
    for keys, layer_width, gap in zip(by_layer, widths, gaps):
        x = (width - layer_width) / 2
        tallest = max(places[k].height for k in keys)
        for key in keys:
            place = places[key]
            place.x, place.y = x, y + (tallest - place.height) / 2 if place.kind == "waypoint" else y
            x += place.width + COLUMN_GAP
        y += tallest + gap
    return width


def _box(place: _Place) -> str:
    radius = 14 if place.kind == "outcome" else 4
    out = [
        f'<g class="med-flow__node med-flow__node--{place.kind}">',
        f'<rect x="{place.x:.1f}" y="{place.y:.1f}" width="{place.width:.0f}" height="{place.height:.0f}" rx="{radius}"/>',
    ]
    for i, line in enumerate(place.lines):
        css = "med-flow__kind" if i == 0 else "med-flow__text"
        out.append(
            f'<text class="{css}" x="{place.x + PADDING:.1f}" y="{place.y + PADDING + LINE_HEIGHT * (i + 1) - 4:.1f}">'
            f"{text_markup(line)}</text>"
        )
    out.append("</g>")
    return "".join(out)


def _overlaps(placed: list[tuple[float, float, float, float]], box: tuple[float, float, float, float]) -> bool:
    return any(box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3] for other in placed)


def _edge(
    places: dict[str, _Place], chain: list[str], labels: list[str], title_id: str,
    placed: list[tuple[float, float, float, float]],
) -> str:
    points = []
    for i, key in enumerate(chain):
        place = places[key]
        cx = place.x + place.width / 2
        if i > 0:
            points.append((cx, place.y))
        if i < len(chain) - 1:
            points.append((cx, place.y + place.height))
    path = f"M{points[0][0]:.1f},{points[0][1]:.1f}"
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        middle = (y1 + y2) / 2
        path += f" C{x1:.1f},{middle:.1f} {x2:.1f},{middle:.1f} {x2:.1f},{y2:.1f}"
    (x1, y1), (x2, y2) = points[0], points[1]
    lines = [line for label in labels for line in _wrap(label, LABEL_CHARS)]
    label_width = max(len(line) for line in lines) * 6.6 + 10
    label_height = len(lines) * 13 + 4

    def label_box(at: float) -> tuple[float, float, float, float]:
        cx, cy = x1 + (x2 - x1) * at, y1 + (y2 - y1) * at
        return (cx - label_width / 2, cy - label_height / 2, cx + label_width / 2, cy + label_height / 2)

    # On its own line, as near the child as it fits: answers fanning out of one question spread
    # apart there. A label that would cover a box or another label slides along its line.
    box = next(
        (label_box(at) for at in LABEL_POSITIONS if not _overlaps(placed, label_box(at))), label_box(LABEL_POSITIONS[0])
    )
    placed.append(box)
    lx, ly = (box[0] + box[2]) / 2, box[1] + 11
    out = [
        '<g class="med-flow__edge">',
        f'<path d="{path}" marker-end="url(#{title_id}-arrow)"/>',
        f'<rect class="med-flow__label-bg" x="{box[0]:.1f}" y="{box[1]:.1f}" '
        f'width="{label_width:.0f}" height="{label_height}" rx="3"/>',
    ]
    for i, line in enumerate(lines):
        out.append(f'<text class="med-flow__label" x="{lx:.1f}" y="{ly + i * 13:.1f}" text-anchor="middle">{text_markup(line)}</text>')
    out.append("</g>")
    return "".join(out)
