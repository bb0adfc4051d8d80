"""Network charts as plain data for an inline SVG template: positions, sizes, colours, styles.

Each connected part of a network is laid out on its own (networkx's ForceAtlas2, a fixed seed,
nodes and links added in id order), so a part keeps its people together: the largest part
fills the top of the chart, the smaller ones are packed in rows below it, and people with no
link to anyone else in the chart (in the network through a shared deal line) stand in a
labelled strip at the bottom rather than scattered among the others. Names are placed where
they collide with no other name and no person (right, left, above or below the person), most
important first; a name that fits nowhere stays in the person's tooltip. Every coordinate is
rounded, so the same network always gives the same chart (and the same bytes). The template
(templates/network_chart.svg.j2) draws it; nothing here writes markup, so every value from
the data is escaped in one place, by Jinja.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from countylines.report.data import ROLE_ORDER, NetworkData, Row

#: Chart size (SVG user units; the SVG scales to the page width); taller for large networks.
WIDTH = 900
HEIGHT = 560
LARGE_HEIGHT = 760
LARGE_NETWORK = 80
MARGIN = 70
TOP_MARGIN = 40
BOTTOM_MARGIN = 24

#: Seed of the layout (any fixed value: the charts only have to be reproducible).
LAYOUT_SEED = 20240601
LAYOUT_ITERATIONS = 300

#: Nodes named on the chart (the most central, plus the disabling set); the others carry
#: their name in a tooltip.
LABELLED_NODES = 18

#: Label size: SVG font size, and the width of one character and the height of a line at it
#: (a generous estimate for a sans-serif face, so estimated boxes hold the drawn text).
LABEL_FONT = 11
LABEL_CHAR_WIDTH = 6.6
LABEL_HEIGHT = 13

#: Smaller connected parts: box side per square root of their size, and its bounds.
PART_SIDE_PER_ROOT = 70
PART_SIDE_MIN = 110
PART_SIDE_MAX = 320
PART_GAP = 24

#: The strip of people linked to no one else in the chart: spacing and its caption's room.
STRIP_SPACING = 34
STRIP_CAPTION = 22


@dataclass(frozen=True)
class Style:
    """How one category is drawn, and what the legend calls it."""

    key: str
    label: str
    colour: str
    dash: str = ""


#: Node colour by line role (deal_line_nominals.inferred_role), else county lines or not.
#: Okabe-Ito colours (distinguishable with colour-blindness).
ROLE_STYLES: dict[str, Style] = {
    "CONTROLLER": Style("CONTROLLER", "Controller", "#D55E00"),
    "LINE_HOLDER": Style("LINE_HOLDER", "Line holder", "#E69F00"),
    "RUNNER": Style("RUNNER", "Runner", "#0072B2"),
    "CUCKOOED": Style("CUCKOOED", "Cuckooed", "#CC79A7"),
    "USER": Style("USER", "User", "#F0E442"),
    "COUNTY_LINES": Style("COUNTY_LINES", "County lines, no line role", "#009E73"),
    "OTHER": Style("OTHER", "Associate (not flagged)", "#BBBBBB"),
}

#: Link families of the seed network_link_types, in the order that picks the drawn style of
#: a pair linked several ways (the first family the pair has).
LINK_FAMILIES: dict[str, Style] = {
    "CRIME": Style("CRIME", "Co-offending / co-arrest", "#333333"),
    "SOC": Style("SOC", "SOC network edge", "#6A3D9A"),
    "MISSING": Style("MISSING", "Found / believed with, contact while missing", "#C0392B", "2 3"),
    "PRISON": Style(
        "PRISON", "Prison (cellmate, visitor, phone, co-defendant)", "#8C564B", "8 3 2 3"
    ),
    "PHONE": Style("PHONE", "Shared phone", "#17BECF", "10 4"),
    "INTELLIGENCE": Style("INTELLIGENCE", "Credible intelligence", "#1F77B4", "6 3"),
    "OTHER": Style("OTHER", "Other link", "#999999", "1 3"),
}

#: Link type (network_edges.link_types) to family, as in seeds/network/network_link_types.csv.
LINK_TYPE_FAMILY: dict[str, str] = {
    "CO_OFFENDING": "CRIME",
    "CO_ARREST": "CRIME",
    "INTEL": "INTELLIGENCE",
    "FOUND_WITH": "MISSING",
    "BELIEVED_WITH": "MISSING",
    "REPORTED_CONTACT": "MISSING",
    "PRISON_CELLMATE": "PRISON",
    "PRISON_VISITOR": "PRISON",
    "PRISON_PHONE_CONTACT": "PRISON",
    "CO_DEFENDANT": "PRISON",
    "SHARED_PHONE": "PHONE",
    "SOC": "SOC",
}


@dataclass(frozen=True)
class ChartNode:
    """One person on a chart."""

    nominal_id: str
    name: str
    role: Style
    line_roles: str | None
    is_child: bool
    is_referred: bool
    soc_group_ids: str | None
    pagerank: float | None
    disruption_rank: int | None
    x: float
    y: float
    r: float
    ring_gap: float
    ring_width: float
    show_label: bool
    label_x: float
    label_y: float
    label_anchor: str


@dataclass(frozen=True)
class ChartEdge:
    """One linked pair on a chart."""

    nominal_id_a: str
    nominal_id_b: str
    link_types: str
    family: Style
    weight: float
    evidence_count: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Chart:
    """A network chart ready for the template."""

    network_id: str
    width: int
    height: int
    edge_opacity: float
    nodes: list[ChartNode]
    edges: list[ChartEdge]
    part_count: int
    unlinked_count: int
    strip_y: float | None
    unplaced_label_count: int


def node_role(member: Row) -> Style:
    """The colour category of a member: their first line role, else county lines or other."""
    if member.get("role_rank") is not None:
        return ROLE_STYLES[ROLE_ORDER[int(member["role_rank"])]]
    return ROLE_STYLES["COUNTY_LINES" if member.get("is_county_lines") else "OTHER"]


def edge_family(link_types: str) -> Style:
    """The drawn style of a pair: the first family (LINK_FAMILIES order) among its types."""
    families = {LINK_TYPE_FAMILY.get(link_type, "OTHER") for link_type in link_types.split(";")}
    for key, style in LINK_FAMILIES.items():
        if key in families:
            return style
    return LINK_FAMILIES["OTHER"]


def _part_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Seeded ForceAtlas2 layout of one connected part, scaled into the unit square.

    ForceAtlas2 with strong gravity spreads a dense core and its periphery more evenly than
    a spring layout (where a few far leaves squeeze everyone else into the middle), so the
    names at the centre of a network stay readable.
    """
    if graph.number_of_nodes() == 2:
        first, second = sorted(graph.nodes)
        return {first: (0.0, 0.5), second: (1.0, 0.5)}
    # A subgraph view of a few nodes iterates them in set order, which changes with the
    # interpreter's hash seed: lay out a copy built in sorted order, the same in any process.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in graph.edges))
    positions = nx.forceatlas2_layout(
        ordered,
        max_iter=LAYOUT_ITERATIONS,
        scaling_ratio=2.0,
        strong_gravity=True,
        seed=LAYOUT_SEED,
    )
    xs = [float(point[0]) for point in positions.values()]
    ys = [float(point[1]) for point in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        node: ((float(point[0]) - min(xs)) / span_x, (float(point[1]) - min(ys)) / span_y)
        for node, point in positions.items()
    }


@dataclass(frozen=True)
class Layout:
    """Where everyone stands, how tall the chart is, and how its people fall into parts."""

    positions: dict[str, tuple[float, float]]
    height: int
    part_count: int
    unlinked: list[str]
    strip_y: float | None


def layout(node_ids: list[str], pairs: list[tuple[str, str]], main_height: int = HEIGHT) -> Layout:
    """Lay out each connected part on its own: the largest across the top (`main_height`
    tall with its margins), the others packed in rows below it, largest first, and the
    people linked to no one in a strip at the bottom."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    graph.add_edges_from(sorted(pairs))
    parts = sorted(
        (sorted(part) for part in nx.connected_components(graph) if len(part) > 1),
        key=lambda part: (-len(part), part[0]),
    )
    unlinked = sorted(node for node in graph.nodes if graph.degree(node) == 0)
    inner_width = WIDTH - 2 * MARGIN
    positions: dict[str, tuple[float, float]] = {}
    # y: the top of the next row of content; bottom: the lowest person placed so far.
    y, bottom = float(TOP_MARGIN), float(TOP_MARGIN)
    packed = parts
    if parts and len(parts[0]) > 2:
        box_height = main_height - TOP_MARGIN - MARGIN
        for node, (u, v) in _part_positions(graph.subgraph(parts[0])).items():
            positions[node] = (round(MARGIN + u * inner_width, 1), round(y + v * box_height, 1))
        bottom = y + box_height
        y = bottom + PART_GAP + LABEL_HEIGHT
        packed = parts[1:]
    x = float(MARGIN)
    for part in packed:
        side = min(PART_SIDE_MAX, max(PART_SIDE_MIN, PART_SIDE_PER_ROOT * math.sqrt(len(part))))
        side = min(side, inner_width)
        if x + side > WIDTH - MARGIN + 0.5:
            x, y = float(MARGIN), bottom + PART_GAP + LABEL_HEIGHT
        box_height = side if len(part) > 2 else 0.0
        for node, (u, v) in _part_positions(graph.subgraph(part)).items():
            positions[node] = (round(x + u * side, 1), round(y + v * box_height, 1))
        x += side + PART_GAP
        bottom = max(bottom, y + box_height)
    if packed:
        y = bottom + PART_GAP + LABEL_HEIGHT
    strip_y = None
    if unlinked:
        strip_y = round(y, 1)
        per_row = max(1, int(inner_width // STRIP_SPACING) + 1)
        for index, node in enumerate(unlinked):
            row, column = divmod(index, per_row)
            positions[node] = (
                round(MARGIN + column * STRIP_SPACING, 1),
                round(y + STRIP_CAPTION + row * STRIP_SPACING, 1),
            )
        bottom = y + STRIP_CAPTION + (len(unlinked) - 1) // per_row * STRIP_SPACING
    height = int(math.ceil(bottom + LABEL_HEIGHT + BOTTOM_MARGIN))
    return Layout(positions, height, len(parts), unlinked, strip_y)


@dataclass(frozen=True)
class LabelPlace:
    """Where a name is written: its anchor point and alignment."""

    x: float
    y: float
    anchor: str


def _label_box(place: LabelPlace, width: float) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) a name written at `place` covers."""
    if place.anchor == "end":
        left = place.x - width
    elif place.anchor == "middle":
        left = place.x - width / 2
    else:
        left = place.x
    return (left, place.y - LABEL_HEIGHT + 3, left + width, place.y + 3)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    wanted: list[tuple[str, str]],
    circles: dict[str, tuple[float, float, float]],
    width: float,
    height: float,
) -> dict[str, LabelPlace]:
    """Place names where they collide with no other name and no person: `wanted` is
    (node, text) in the order of importance; `circles` every person as (x, y, r). Each name
    tries right, left, above, then below its person; a name that fits nowhere is left out."""
    placed: dict[str, LabelPlace] = {}
    boxes: list[tuple[float, float, float, float]] = []
    circle_boxes = {
        node: (x - r, y - r, x + r, y + r) for node, (x, y, r) in sorted(circles.items())
    }
    for node, text in wanted:
        x, y, r = circles[node]
        text_width = LABEL_CHAR_WIDTH * len(text)
        for place in (
            LabelPlace(round(x + r + 3, 1), round(y + 4, 1), "start"),
            LabelPlace(round(x - r - 3, 1), round(y + 4, 1), "end"),
            LabelPlace(round(x, 1), round(y - r - 4, 1), "middle"),
            LabelPlace(round(x, 1), round(y + r + LABEL_HEIGHT, 1), "middle"),
        ):
            box = _label_box(place, text_width)
            if box[0] < 2 or box[1] < 2 or box[2] > width - 2 or box[3] > height - 2:
                continue
            if any(_overlaps(box, other) for other in boxes):
                continue
            if any(
                _overlaps(box, circle) for other, circle in circle_boxes.items() if other != node
            ):
                continue
            placed[node] = place
            boxes.append(box)
            break
    return placed


def label_text(name: str, disruption_rank: int | None) -> str:
    """A person's name as the chart writes it: the disabling-set order first."""
    return f"[{disruption_rank}] {name}" if disruption_rank else name


def build_chart(data: NetworkData) -> Chart:
    """Place and style the members and links of one network."""
    disruption_rank = {row["nominal_id"]: int(row["removal_rank"]) for row in data.disruption}
    members = {member["nominal_id"]: member for member in data.members}
    edges = [
        edge
        for edge in data.edges
        if edge["nominal_id_a"] in members and edge["nominal_id_b"] in members
    ]
    main_height = HEIGHT if len(members) <= LARGE_NETWORK else LARGE_HEIGHT
    placed = layout(
        list(members), [(edge["nominal_id_a"], edge["nominal_id_b"]) for edge in edges], main_height
    )
    positions = placed.positions
    # Smaller people in larger networks, so that hundreds of them still fit.
    scale = min(1.0, max(0.45, math.sqrt(50 / max(len(members), 1))))
    top_pagerank = max((member["pagerank"] or 0.0 for member in data.members), default=0.0)
    names = {
        nominal_id: member["display_name"] or f"(no name) {nominal_id}"
        for nominal_id, member in members.items()
    }
    radius = {
        nominal_id: round(
            (5 + 11 * math.sqrt((member["pagerank"] or 0.0) / top_pagerank if top_pagerank else 0))
            * scale,
            1,
        )
        for nominal_id, member in members.items()
    }
    # The disabling set first (in removal order), then the most central people.
    by_importance = sorted(
        members.values(),
        key=lambda m: (
            disruption_rank.get(m["nominal_id"], len(disruption_rank) + 1),
            -(m["pagerank"] or 0.0),
            m["nominal_id"],
        ),
    )
    wanted_ids = [m["nominal_id"] for m in by_importance[:LABELLED_NODES]]
    wanted_ids += [node for node in sorted(disruption_rank) if node not in wanted_ids]
    labels = place_labels(
        [(node, label_text(names[node], disruption_rank.get(node))) for node in wanted_ids],
        {node: (*positions[node], radius[node]) for node in members},
        WIDTH,
        placed.height,
    )

    nodes = []
    for nominal_id, member in sorted(members.items()):
        x, y = positions[nominal_id]
        label = labels.get(nominal_id)
        nodes.append(
            ChartNode(
                nominal_id=nominal_id,
                name=names[nominal_id],
                role=node_role(member),
                line_roles=member["line_roles"],
                is_child=bool(member["is_child"]),
                is_referred=bool(member["is_referred"]),
                soc_group_ids=member["soc_group_ids"],
                pagerank=member["pagerank"],
                disruption_rank=disruption_rank.get(nominal_id),
                x=x,
                y=y,
                r=radius[nominal_id],
                ring_gap=round(2 + 2 * scale, 1),
                ring_width=round(1 + 1.5 * scale, 1),
                show_label=label is not None,
                label_x=label.x if label else x,
                label_y=label.y if label else y,
                label_anchor=label.anchor if label else "start",
            )
        )

    top_weight = max((edge["weight"] for edge in edges), default=0.0)
    chart_edges = []
    for edge in edges:
        x1, y1 = positions[edge["nominal_id_a"]]
        x2, y2 = positions[edge["nominal_id_b"]]
        share = math.log1p(edge["weight"]) / math.log1p(top_weight) if top_weight > 0 else 0.0
        chart_edges.append(
            ChartEdge(
                nominal_id_a=edge["nominal_id_a"],
                nominal_id_b=edge["nominal_id_b"],
                link_types=edge["link_types"],
                family=edge_family(edge["link_types"]),
                weight=edge["weight"],
                evidence_count=edge["evidence_count"],
                x1=x1,
                y1=y1,
                x2=x2,
                y2=y2,
                width=round(0.8 + 2.7 * share, 2),
            )
        )
    return Chart(
        network_id=data.network["network_id"],
        width=WIDTH,
        height=placed.height,
        edge_opacity=0.75 if len(members) <= LARGE_NETWORK else 0.45,
        nodes=nodes,
        edges=chart_edges,
        part_count=placed.part_count,
        unlinked_count=len(placed.unlinked),
        strip_y=placed.strip_y,
        unplaced_label_count=len(wanted_ids) - len(labels),
    )
