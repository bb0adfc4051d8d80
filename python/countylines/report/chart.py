"""Network charts as plain data for an inline SVG template: positions, sizes, colours, styles.

The layout is networkx's ForceAtlas2 layout with a fixed seed over nodes and links added in id
order, and every coordinate is rounded, so the same network always gives the same chart (and
the same bytes). The template (templates/network_chart.svg.j2) draws it; nothing here writes
markup, so every value from the data is escaped in one place, by Jinja.
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

#: Seed of the layout (any fixed value: the charts only have to be reproducible).
LAYOUT_SEED = 20240601
LAYOUT_ITERATIONS = 300

#: Nodes named on the chart (the most central, plus the disabling set); the others carry
#: their name in a tooltip.
LABELLED_NODES = 18

#: Names of people nearer the right edge than this are written to their left.
LABEL_ROOM = 220


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
    label_left: bool


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


def layout(
    node_ids: list[str], pairs: list[tuple[str, str]], height: int = HEIGHT
) -> dict[str, tuple[float, float]]:
    """Seeded ForceAtlas2 layout of the nodes, scaled into the chart with its margins.

    ForceAtlas2 (networkx) with strong gravity spreads a dense core and its periphery more
    evenly over the chart than a spring layout (where a few far leaves squeeze everyone
    else into the middle), so the names at the centre of a network stay readable.
    """
    if not node_ids:
        return {}
    if len(node_ids) == 1:
        return {node_ids[0]: (WIDTH / 2, height / 2)}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    graph.add_edges_from(sorted(pairs))
    positions = nx.forceatlas2_layout(
        graph,
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
        node: (
            round(MARGIN + (float(point[0]) - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
            round(MARGIN + (float(point[1]) - min(ys)) / span_y * (height - 2 * MARGIN), 1),
        )
        for node, point in positions.items()
    }


def build_chart(data: NetworkData) -> Chart:
    """Place and style the members and links of one network."""
    disruption_rank = {row["nominal_id"]: int(row["removal_rank"]) for row in data.disruption}
    members = {member["nominal_id"]: member for member in data.members}
    edges = [
        edge
        for edge in data.edges
        if edge["nominal_id_a"] in members and edge["nominal_id_b"] in members
    ]
    height = HEIGHT if len(members) <= LARGE_NETWORK else LARGE_HEIGHT
    positions = layout(
        list(members), [(edge["nominal_id_a"], edge["nominal_id_b"]) for edge in edges], height
    )
    # Smaller people in larger networks, so that hundreds of them still fit.
    scale = min(1.0, max(0.45, math.sqrt(50 / max(len(members), 1))))
    top_pagerank = max((member["pagerank"] or 0.0 for member in data.members), default=0.0)
    by_centrality = sorted(
        members.values(), key=lambda m: (-(m["pagerank"] or 0.0), m["nominal_id"])
    )
    labelled = {member["nominal_id"] for member in by_centrality[:LABELLED_NODES]}
    labelled |= set(disruption_rank)

    nodes = []
    for nominal_id, member in sorted(members.items()):
        share = (member["pagerank"] or 0.0) / top_pagerank if top_pagerank > 0 else 0.0
        x, y = positions[nominal_id]
        nodes.append(
            ChartNode(
                nominal_id=nominal_id,
                name=member["display_name"] or f"(no name) {nominal_id}",
                role=node_role(member),
                line_roles=member["line_roles"],
                is_child=bool(member["is_child"]),
                is_referred=bool(member["is_referred"]),
                soc_group_ids=member["soc_group_ids"],
                pagerank=member["pagerank"],
                disruption_rank=disruption_rank.get(nominal_id),
                x=x,
                y=y,
                r=round((5 + 11 * math.sqrt(share)) * scale, 1),
                ring_gap=round(2 + 2 * scale, 1),
                ring_width=round(1 + 1.5 * scale, 1),
                show_label=nominal_id in labelled,
                label_left=x > WIDTH - LABEL_ROOM,
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
        height=height,
        edge_opacity=0.75 if len(members) <= LARGE_NETWORK else 0.45,
        nodes=nodes,
        edges=chart_edges,
    )
