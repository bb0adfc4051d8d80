"""Numbers and score components in words, from the columns of the marts (no invented text)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from countylines.report.data import Row


def number(value: Any, decimals: int = 0) -> str:
    """`1,234` or `1,234.5`; a dash for a missing value."""
    if value is None:
        return "–"
    return f"{float(value):,.{decimals}f}" if decimals else f"{round(float(value)):,}"


def share(value: Any) -> str:
    """A 0-1 share as a percentage with one decimal."""
    if value is None:
        return "–"
    return f"{100 * float(value):.1f}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 runner`, `3 runners`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


def date(value: dt.date | None) -> str:
    """ISO date, or a dash."""
    return value.isoformat() if value is not None else "–"


def blank_as_dash(value: Any) -> Any:
    """What the templates print for a value: a dash for a missing one, never `None`."""
    return "–" if value is None else value


def person_name(value: str | None) -> str:
    """A display name, or says there is none (a record known only by an id or a phone)."""
    return value if value else "(no name recorded)"


def score_components(target: Row) -> list[str]:
    """The four priority components of a nominal_priority row, each with what it is made of.

    E.g. `harm 35.0 (county-lines harm 1,203 CCHI days, decayed; 0.62 of the highest)`.
    Every figure is a column of nominal_priority (see its YAML for the formulas).
    """
    harm = (
        f"harm {number(target['harm_component'], 1)} (county-lines harm "
        f"{number(target['cl_harm_cchi_decayed'], 1)} CCHI days, decayed; ONS "
        f"{number(target['cl_harm_ons'], 1)}; {number(target['harm_norm'], 2)} of the highest "
        "on a log scale)"
    )
    centrality = (
        f"centrality {number(target['centrality_component'], 1)} (PageRank "
        f"{number(target['centrality_full_norm'], 2)} and betweenness in their network "
        f"{number(target['centrality_in_network_norm'], 2)}, each of the highest)"
    )
    runners = int(target["exploited_runner_count"] or 0)
    cuckooed = int(target["cuckooed_count"] or 0)
    if runners or cuckooed:
        exploited = (
            f"{plural(runners, 'exploited runner')} and "
            f"{plural(cuckooed, 'cuckooed person', 'cuckooed people')} on lines they control "
            "or hold"
        )
    else:
        exploited = "no exploited runner or cuckooed person on lines they control or hold"
    exploitation = f"exploitation {number(target['exploitation_component'], 1)} ({exploited})"
    last = target["last_activity_date"]
    recency = f"recency {number(target['recency_component'], 1)} (" + (
        f"last activity {date(last)}, weight {number(target['recency_norm'], 2)})"
        if last is not None
        else "no dated activity)"
    )
    return [harm, centrality, exploitation, recency]


#: What each `network_priority_factors.assessed_population` means, in words.
ASSESSED_AS: dict[str, str] = {
    "LINE": "assessed as deal line {line}, which its members work, over all that line's people",
    "LINE_VIA_CUSTOMERS": (
        "assessed as deal line {line}: its members are on that line only as customers or "
        "cuckooed addresses"
    ),
    "LINE_VIA_REFERRAL": (
        "assessed as deal line {line}, named by a member's safeguarding referral (no member is "
        "on a deal line)"
    ),
    "NETWORK": "assessed over its own members (no link to any deal line)",
}


def assessed_as(factors: Row | None) -> str:
    """On what evidence a network's priority was counted, from its network_priority_factors
    row; empty when the row (or an older warehouse's column) is missing. A value this
    module does not know is printed as it stands, never dropped."""
    population = (factors or {}).get("assessed_population")
    if not population:
        return ""
    wording = ASSESSED_AS.get(population, "assessed as " + population + " {line}")
    return wording.format(line=factors.get("assessed_line_id") or "–").strip()
