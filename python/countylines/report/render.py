"""Render the briefing report: one self-contained HTML file (inline CSS and SVG, no scripts,
no fonts or images from anywhere), from the marts of one warehouse.

Jinja2 escapes every value (autoescape on, for the SVG charts too), so names and free text
from the data can hold markup, quotes or any script without changing the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from countylines.report import words
from countylines.report.chart import LINK_FAMILIES, ROLE_STYLES, Chart, build_chart
from countylines.report.data import NetworkData, ReportData, Row, load_report_data
from countylines.report.figures import (
    FACTOR_COLOURS,
    OTHER_FACTOR_COLOUR,
    Timeline,
    factor_chart,
    harm_panels,
    timeline,
)

#: The protective marking, printed in the header and the footer.
MARKING = "OFFICIAL-SENSITIVE"


@dataclass(frozen=True)
class Factor:
    """One network priority factor (network_priority_factors `<factor>_value / _points`)."""

    key: str
    name: str
    value: float | None
    points: float
    colour: str


@dataclass(frozen=True)
class NetworkView:
    """A charted network as the template shows it."""

    data: NetworkData
    chart: Chart
    factors: list[Factor]
    activity: Timeline

    @property
    def network(self) -> Row:
        """The `networks` row."""
        return self.data.network


def priority_factors(row: Row | None) -> list[Factor]:
    """The factors of a network_priority_factors row, most points first."""
    if row is None:
        return []
    factors = [
        Factor(
            key=column.removesuffix("_points"),
            name=column.removesuffix("_points").replace("_", " "),
            value=row.get(column.removesuffix("_points") + "_value"),
            points=float(row[column] or 0.0),
            colour=FACTOR_COLOURS.get(column.removesuffix("_points"), OTHER_FACTOR_COLOUR),
        )
        for column in row
        if column.endswith("_points")
    ]
    return sorted(factors, key=lambda factor: (-factor.points, factor.name))


def _environment() -> jinja2.Environment:
    """The template environment: package templates, autoescaping, strict about names."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("countylines.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=words.blank_as_dash,
    )
    environment.filters["number"] = words.number
    environment.filters["share"] = words.share
    environment.filters["date"] = words.date
    environment.filters["person_name"] = words.person_name
    environment.globals["plural"] = words.plural
    environment.globals["score_components"] = words.score_components
    environment.globals["assessed_as"] = words.assessed_as
    return environment


def render_report(data: ReportData) -> str:
    """The report's HTML for what was read from one warehouse."""
    networks = [
        NetworkView(
            data=network,
            chart=build_chart(network),
            factors=priority_factors(network.factors),
            activity=timeline(network.network["network_id"], network.activity, data.activity_end),
        )
        for network in data.top_networks
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=data,
        networks=networks,
        factor_chart=factor_chart(data.ranked_factors),
        harm_panels=harm_panels(data.ranked_harm),
        marking=MARKING,
        role_styles=list(ROLE_STYLES.values()),
        link_families=list(LINK_FAMILIES.values()),
    )


def write_report(warehouse: Path, out: Path, top_networks: int = 5, top_targets: int = 20) -> Path:
    """Write the briefing report of `warehouse` (read-only) to `out`; return the file written.

    `top_networks` networks (by priority rank) are charted; `top_targets` people routed
    ENFORCEMENT are listed with their score components.
    """
    data = load_report_data(warehouse, top_networks=top_networks, top_targets=top_targets)
    html = render_report(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
