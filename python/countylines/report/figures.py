"""The report's bar charts as plain data for inline SVG templates: each network's priority
by factor, harm by network on both indices, and each charted network's activity by week.

Like chart.py, nothing here writes markup: the template (templates/figures.svg.j2) draws the
bars, and Jinja escapes every value. Bars are scaled to the largest value shown, coordinates
rounded, so the same warehouse gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from countylines.report.data import Row

#: Width of every figure (SVG user units; it scales to the page width), the room for the
#: row labels on the left and for the value written after a bar.
WIDTH = 900
LABEL_WIDTH = 110
VALUE_WIDTH = 70
ROW_HEIGHT = 22
BAR_HEIGHT = 14
TOP = 28

#: Colours of the priority factors (network_priority_weights), colour-blind-safe where the
#: palette allows; a factor not listed here is drawn grey.
FACTOR_COLOURS: dict[str, str] = {
    "cl_harm": "#0072B2",
    "exploited_children": "#D55E00",
    "looked_after": "#CC79A7",
    "missing_episodes": "#E69F00",
    "firearms": "#000000",
    "violence": "#A50F15",
    "workforce_size": "#009E73",
    "workforce_youth": "#56B4E9",
    "soc_link": "#6A3D9A",
    "reach": "#999999",
}
OTHER_FACTOR_COLOUR = "#BBBBBB"

#: Weeks in the activity timeline, and its height.
TIMELINE_WEEKS = 52
TIMELINE_HEIGHT = 110


@dataclass(frozen=True)
class Segment:
    """One piece of a stacked bar."""

    key: str
    label: str
    value: float
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class BarRow:
    """One labelled row of bars."""

    key: str
    label: str
    y: float
    total: float
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    """Rows of (stacked) bars, with a legend of their segments."""

    title: str
    width: int
    height: int
    rows: list[BarRow]
    legend: list[Segment]


def factor_names(row: Row) -> list[str]:
    """The factors of a network_priority_factors row, in the mart's column order."""
    return [column.removesuffix("_points") for column in row if column.endswith("_points")]


def factor_chart(rows: list[Row]) -> BarChart:
    """Each network's priority score as a stacked bar of its factor points."""
    names = factor_names(rows[0]) if rows else []
    top = max((float(row["priority_score"] or 0.0) for row in rows), default=0.0) or 1.0
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, row in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for name in names:
            points = float(row[f"{name}_points"] or 0.0)
            if points <= 0:
                continue
            width = points / top * span
            segments.append(
                Segment(
                    key=name,
                    label=name.replace("_", " "),
                    value=points,
                    x=round(x, 1),
                    width=round(width, 1),
                    colour=FACTOR_COLOURS.get(name, OTHER_FACTOR_COLOUR),
                )
            )
            x += width
        bars.append(
            BarRow(
                key=row["network_id"],
                label=f"{row['priority_rank']}. {row['network_id']}",
                y=TOP + index * ROW_HEIGHT,
                total=float(row["priority_score"] or 0.0),
                segments=segments,
            )
        )
    legend = [
        Segment(name, name.replace("_", " "), 0.0, 0.0, 0.0, FACTOR_COLOURS.get(name, "#BBB"))
        for name in names
    ]
    return BarChart(
        title="Priority score by factor (points)",
        width=WIDTH,
        height=TOP + len(rows) * ROW_HEIGHT + 8 + 16 * ((len(legend) + 4) // 5),
        rows=bars,
        legend=legend,
    )


@dataclass(frozen=True)
class HarmPanel:
    """One index's bars: all harm, and the county-lines-related part drawn over it."""

    title: str
    x: float
    width: float
    top: float
    rows: list[BarRow]


def harm_panels(networks: list[Row]) -> list[HarmPanel]:
    """Harm by network on both indices, side by side: CCHI days and ONS weights; each bar
    the network's harm, the darker part the county-lines-related harm."""
    panels = []
    panel_width = (WIDTH - LABEL_WIDTH) / 2
    for index, (title, all_column, cl_column, colour) in enumerate(
        [
            ("Cambridge Crime Harm Index (days)", "harm_cchi", "cl_harm_cchi", "#0072B2"),
            ("ONS Crime Severity Score", "harm_ons", "cl_harm_ons", "#D55E00"),
        ]
    ):
        top = max((float(row[all_column] or 0.0) for row in networks), default=0.0) or 1.0
        left = LABEL_WIDTH + index * panel_width
        span = panel_width - VALUE_WIDTH - 10
        rows = []
        for position, row in enumerate(networks):
            whole = float(row[all_column] or 0.0)
            part = float(row[cl_column] or 0.0)
            rows.append(
                BarRow(
                    key=row["network_id"],
                    label=f"{row['priority_rank']}. {row['network_id']}",
                    y=TOP + position * ROW_HEIGHT,
                    total=whole,
                    segments=[
                        Segment(
                            "all",
                            "all",
                            whole,
                            round(left, 1),
                            round(whole / top * span, 1),
                            "#CCCCCC",
                        ),
                        Segment(
                            "county_lines",
                            "county lines",
                            part,
                            round(left, 1),
                            round(min(part, whole) / top * span, 1),
                            colour,
                        ),
                    ],
                )
            )
        panels.append(HarmPanel(title, round(left, 1), round(panel_width, 1), TOP, rows))
    return panels


@dataclass(frozen=True)
class Column:
    """One week of a timeline."""

    week_start: dt.date
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Timeline:
    """A network's dated records per week, the latest week on the right."""

    network_id: str
    width: int
    height: int
    baseline: float
    first_day: dt.date | None
    last_day: dt.date | None
    peak: int
    total: int
    columns: list[Column]


def timeline(network_id: str, counts: list[Row], end: dt.date | None) -> Timeline:
    """Weekly totals of `counts` (rows of event_date, record_count) over the
    TIMELINE_WEEKS weeks ending at `end`; records before them are left out."""
    baseline = float(TIMELINE_HEIGHT - 22)
    if end is None:
        return Timeline(network_id, WIDTH, TIMELINE_HEIGHT, baseline, None, None, 0, 0, [])
    first = end - dt.timedelta(days=7 * TIMELINE_WEEKS - 1)
    weeks = [0] * TIMELINE_WEEKS
    for row in counts:
        day = row["event_date"]
        if day is None or day < first or day > end:
            continue
        weeks[(day - first).days // 7] += int(row["record_count"])
    peak = max(weeks)
    step = (WIDTH - LABEL_WIDTH - 20) / TIMELINE_WEEKS
    plot = baseline - 16
    columns = [
        Column(
            week_start=first + dt.timedelta(days=7 * week),
            count=count,
            x=round(LABEL_WIDTH + week * step, 1),
            y=round(baseline - (count / peak * plot if peak else 0.0), 1),
            width=round(step * 0.8, 1),
            height=round(count / peak * plot if peak else 0.0, 1),
        )
        for week, count in enumerate(weeks)
    ]
    return Timeline(
        network_id, WIDTH, TIMELINE_HEIGHT, baseline, first, end, peak, sum(weeks), columns
    )
