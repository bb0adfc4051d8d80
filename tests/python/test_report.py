"""The briefing report (`countylines report`): one self-contained, reproducible HTML file whose
sections agree with the marts, that never lists a child or safeguarding case as a target,
escapes hostile text, copes with empty marts, and whose charts render in a real browser."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import duckdb
import pytest
from markupsafe import escape
from typer.testing import CliRunner

from countylines.cli import app
from countylines.report import write_report
from countylines.report.words import ASSESSED_AS, assessed_as

CHROMIUM = Path("/usr/bin/chromium")
TOP_NETWORKS = 3
HOSTILE_NAME = "<script>alert('x')</script> \"O'Brien\" & Ηλίας 李"


def _section(html: str, section_id: str) -> str:
    """The HTML of one <section id=...> of the report."""
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', html, flags=re.S)
    assert match, f"section {section_id} missing"
    return match.group(1)


def _attribute_values(html: str, attribute: str) -> list[str]:
    """Values of one attribute on the table rows of a piece of the report, in order."""
    return re.findall(rf'<tr {attribute}="([^"]*)"', html)


def _charts(html: str) -> dict[str, str]:
    """The SVG of each network chart, by network id."""
    return {
        match.group(1): match.group(0)
        for match in re.finditer(
            r'<svg class="network-chart" data-network-id="([^"]+)".*?</svg>', html, flags=re.S
        )
    }


def _internal_edge_count(db, network_id: str) -> int:
    """Links of network_edges with both ends in the network: the lines its chart draws."""
    return db.execute(
        """
        select count(*) from marts.network_edges as edges
        inner join marts.network_members as a on edges.nominal_id_a = a.nominal_id
        inner join marts.network_members as b on edges.nominal_id_b = b.nominal_id
        where a.network_id = ? and b.network_id = ?
        """,
        [network_id, network_id],
    ).fetchone()[0]


def _copy_marts(source: Path, target: Path, empty: bool = False) -> Path:
    """A warehouse holding only a copy of `source`'s marts (no rows when `empty`)."""
    connection = duckdb.connect(str(target))
    try:
        connection.execute(f"attach '{source}' as source (read_only)")
        connection.execute("create schema marts")
        tables = connection.execute(
            "select table_name from duckdb_tables() "
            "where database_name = 'source' and schema_name = 'marts' order by 1"
        ).fetchall()
        for (table,) in tables:
            connection.execute(
                f"create table marts.{table} as select * from source.marts.{table}"
                + (" where false" if empty else "")
            )
        connection.execute("detach source")
    finally:
        connection.close()
    return target


@pytest.fixture(scope="module")
def small_report(small_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`countylines report` on the small warehouse, charting the top networks."""
    out = tmp_path_factory.mktemp("report") / "briefing.html"
    result = CliRunner().invoke(
        app,
        ["report", "--warehouse", str(small_warehouse), "--out", str(out)]
        + ["--top", str(TOP_NETWORKS)],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def small_db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


def test_report_is_one_offline_file(small_report: Path) -> None:
    html = small_report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, flags=re.I)
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(", html, flags=re.I)
    # the protective marking in the header and the footer
    assert re.search(r"<header>.*OFFICIAL-SENSITIVE.*</header>", html, flags=re.S)
    assert re.search(r"<footer>.*OFFICIAL-SENSITIVE.*</footer>", html, flags=re.S)


def test_same_warehouse_gives_the_same_bytes(
    small_warehouse: Path, small_report: Path, tmp_path: Path
) -> None:
    again = write_report(small_warehouse, tmp_path / "again.html", top_networks=TOP_NETWORKS)
    assert again.read_bytes() == small_report.read_bytes()


def test_targets_are_enforcement_only_and_never_children(small_report: Path, small_db) -> None:
    targets = _attribute_values(_section(small_report.read_text(), "targets"), "data-nominal-id")
    assert targets, "the small warehouse has people routed to enforcement"
    expected = [
        row[0]
        for row in small_db.execute(
            "select nominal_id from marts.nominal_priority where route = 'ENFORCEMENT' "
            "order by priority_rank, nominal_id limit 20"
        ).fetchall()
    ]
    assert targets == expected
    unsafe = small_db.execute(
        """
        select priority.nominal_id
        from marts.nominal_priority as priority
        inner join marts.nominals as nominals on priority.nominal_id = nominals.nominal_id
        where priority.route = 'SAFEGUARDING' or priority.is_child or nominals.is_child
            or priority.is_potential_victim
            or priority.nominal_id in (select nominal_id from marts.safeguarding_referrals)
        """
    ).fetchall()
    assert {row[0] for row in unsafe}, "the small warehouse has safeguarding cases"
    assert not {row[0] for row in unsafe} & set(targets)


def test_target_reasons_are_the_score_components(small_report: Path, small_db) -> None:
    targets = _section(small_report.read_text(), "targets")
    nominal_id, harm, cchi, runners, last = small_db.execute(
        "select nominal_id, harm_component, cl_harm_cchi_decayed, exploited_runner_count, "
        "last_activity_date from marts.nominal_priority where route = 'ENFORCEMENT' "
        "order by priority_rank, nominal_id limit 1"
    ).fetchone()
    row = re.search(rf'<tr data-nominal-id="{nominal_id}">(.*?)</tr>', targets, flags=re.S)
    assert row
    assert f"harm {harm:,.1f} (county-lines harm {cchi:,.1f} CCHI days" in row.group(1)
    assert f"{runners:,} exploited runner" in row.group(1) or (
        runners == 0 and "no exploited runner" in row.group(1)
    )
    assert f"last activity {last.isoformat()}" in row.group(1)


def test_charts_and_sections_agree_with_the_marts(small_report: Path, small_db) -> None:
    html = small_report.read_text()
    networks = small_db.execute(
        "select network_id, member_count, harm_cchi from marts.networks "
        "order by priority_rank, network_id limit ?",
        [TOP_NETWORKS],
    ).fetchall()
    charts = _charts(html)
    assert list(charts) == [network_id for network_id, _, _ in networks]
    for network_id, member_count, harm_cchi in networks:
        chart = charts[network_id]
        edges = _internal_edge_count(small_db, network_id)
        children, soc_members = small_db.execute(
            "select count(*) filter (where nominals.is_child), "
            "count(members.soc_group_ids) from marts.network_members as members "
            "inner join marts.nominals using (nominal_id) where members.network_id = ?",
            [network_id],
        ).fetchone()
        assert chart.count('<circle class="node"') == member_count
        assert edges > 0
        assert chart.count('<line class="edge"') == edges
        assert chart.count('<circle class="child-ring"') == children
        assert chart.count('<rect class="soc-mark"') == soc_members
        harm_row = re.search(
            rf'<tr data-network-id="{network_id}"><td>{network_id}</td><td class="num">([^<]+)<',
            _section(html, "harm"),
        )
        assert harm_row and harm_row.group(1) == f"{round(harm_cchi):,}"

    disruption = _section(html, "disruption")
    expected_disruption = small_db.execute(
        "select network_id, nominal_id from marts.network_disruption "
        "where network_id in (select network_id from marts.networks "
        "order by priority_rank, network_id limit ?)",
        [TOP_NETWORKS],
    ).fetchall()
    shown = set(re.findall(r'<tr data-network-id="([^"]+)" data-nominal-id="([^"]+)">', disruption))
    assert shown == set(expected_disruption)

    referrals = small_db.execute(
        "select nominal_id from marts.safeguarding_referrals order by 1"
    ).fetchall()
    shown_referrals = _attribute_values(_section(html, "safeguarding"), "data-nominal-id")
    assert sorted(shown_referrals) == [row[0] for row in referrals]

    new_lines = small_db.execute(
        "select line_id from marts.deal_lines where not is_registered order by 1"
    ).fetchall()
    shown_lines = _attribute_values(_section(html, "new-lines"), "data-line-id")
    assert sorted(shown_lines) == [row[0] for row in new_lines]

    quality = _section(html, "data-quality")
    for reason, count in small_db.execute(
        "select reason, count(*) from marts.quarantine group by 1"
    ).fetchall():
        assert f'<tr data-reason="{reason}"><td>{reason}</td><td class="num">{count:,}<' in quality
    read, staged, quarantined, duplicates = small_db.execute(
        "select sum(rows_read), sum(rows_staged), sum(rows_quarantined), "
        "sum(duplicates_removed) from marts.source_reconciliation"
    ).fetchone()
    assert f"{read:,} = {staged:,} + {quarantined:,} + {duplicates:,}" in quality
    records, resolved = small_db.execute(
        "select count(*), count(nominal_id) from marts.nominal_source_xref"
    ).fetchone()
    assert f"{records:,} source person records, {resolved:,} resolved" in quality
    excluded = small_db.execute(
        "select report_count from marts.intel_credibility where not is_credible"
    ).fetchall()
    for (count,) in excluded:
        assert f'<td class="num">{count:,}</td>' in quality


def test_factor_and_harm_charts_agree_with_the_marts(small_report: Path, small_db) -> None:
    html = small_report.read_text()
    ranked = small_db.execute(
        "select network_id from marts.network_priority_factors "
        "order by priority_rank, network_id limit 10"
    ).fetchall()
    factor_chart = re.search(r'<svg class="factor-chart".*?</svg>', html, flags=re.S).group(0)
    bars = re.findall(
        r'<g class="factor-bar" data-network-id="([^"]+)">(.*?)</g>', factor_chart, re.S
    )
    assert [network_id for network_id, _ in bars] == [row[0] for row in ranked]
    for network_id, bar in bars:
        row = (
            small_db.execute(
                "select * from marts.network_priority_factors where network_id = ?", [network_id]
            )
            .df()
            .iloc[0]
        )
        scored = sorted(
            column.removesuffix("_points")
            for column in row.index
            if column.endswith("_points") and row[column] > 0
        )
        assert sorted(re.findall(r'data-factor="([^"]+)"', bar)) == scored
    harm_chart = re.search(r'<svg class="harm-chart".*?</svg>', html, flags=re.S).group(0)
    harm_bars = re.findall(r'<g class="harm-bar" data-network-id="([^"]+)"', harm_chart)
    assert harm_bars == [row[0] for row in ranked] * 2


def test_each_charted_network_has_its_weekly_activity(small_report: Path, small_db) -> None:
    html = small_report.read_text()
    latest = small_db.execute(
        "select max(event_date) from marts.county_lines_indicators"
    ).fetchone()[0]
    timelines = dict(
        re.findall(
            r'<svg class="activity-timeline" data-network-id="([^"]+)".*?(</svg>)', html, re.S
        )
    )
    networks = [network_id for network_id in _charts(html)]
    assert networks and set(timelines) == set(networks)
    for network_id in networks:
        block = html.split(f'<svg class="activity-timeline" data-network-id="{network_id}"')[1]
        block = block.split("</svg>")[0]
        counts = [int(value) for value in re.findall(r'data-count="(\d+)"', block)]
        assert len(counts) == 52
        expected = small_db.execute(
            """
            with members as (
                select nominal_id from marts.network_members where network_id = ?
            ),
            records as (
                select source_system, record_ref, event_date
                from marts.county_lines_indicators
                where nominal_id in (select nominal_id from members)
                union
                select source_system, record_ref, event_date
                from marts.network_edge_evidence
                where nominal_id_a in (select nominal_id from members)
                    and nominal_id_b in (select nominal_id from members)
            )
            select count(*) from records
            where event_date between ? - interval 363 day and ?
            """,
            [network_id, latest, latest],
        ).fetchone()[0]
        assert sum(counts) == expected > 0


def test_assessed_as_names_the_evidence_and_keeps_unknown_values() -> None:
    assert assessed_as({"assessed_population": "LINE", "assessed_line_id": "CL0042"}) == (
        "assessed as deal line CL0042, which its members work, over all that line's people"
    )
    assert "no link to any deal line" in assessed_as({"assessed_population": "NETWORK"})
    assert assessed_as({"assessed_population": "BY_HAND", "assessed_line_id": "X1"}) == (
        "assessed as BY_HAND X1"
    )
    assert assessed_as(None) == "" and assessed_as({"priority_score": 1.0}) == ""


def test_each_network_says_what_it_was_assessed_as(small_report: Path, small_db) -> None:
    html = small_report.read_text()
    rows = small_db.execute(
        "select networks.network_id, factors.assessed_population, factors.assessed_line_id "
        "from marts.networks inner join marts.network_priority_factors as factors "
        "using (network_id) order by networks.priority_rank, networks.network_id limit ?",
        [TOP_NETWORKS],
    ).fetchall()
    assert rows
    for network_id, population, line_id in rows:
        assert population in ASSESSED_AS, population
        section = html.split(f'<h3 id="network-{network_id}">', 1)[1].split("<h3", 1)[0]
        expected = ASSESSED_AS[population].format(line=line_id or "–")
        assert f'<span class="assessed">{escape(expected)}</span>' in section


def test_hostile_text_is_escaped(small_warehouse: Path, small_db, tmp_path: Path) -> None:
    """Names, line names and reasons holding markup, quotes and non-Latin text are escaped."""
    warehouse = _copy_marts(small_warehouse, tmp_path / "hostile.duckdb")
    network_id = small_db.execute(
        "select network_id from marts.networks order by priority_rank, network_id limit 1"
    ).fetchone()[0]
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("update marts.nominals set display_name = ?", [HOSTILE_NAME])
        connection.execute("update marts.deal_lines set line_name = ?", [HOSTILE_NAME])
        connection.execute("update marts.safeguarding_referrals set reasons = ?", [HOSTILE_NAME])
        connection.execute("update marts.networks set soc_group_ids = ?", [HOSTILE_NAME])
    html = write_report(warehouse, tmp_path / "hostile.html", top_networks=1).read_text()
    assert "<script" not in html.lower()
    assert "O'Brien" not in html
    escaped = str(escape(HOSTILE_NAME))
    chart = _charts(html)[network_id]
    assert escaped in chart  # names in the chart's labels and tooltips
    assert escaped in _section(html, "targets")
    assert escaped in _section(html, "safeguarding")
    assert escaped in _section(html, "new-lines")
    assert "Ηλίας 李" in html


def test_corpus_report_escapes_its_hostile_text(corpus_warehouse: Path, tmp_path: Path) -> None:
    html = write_report(corpus_warehouse, tmp_path / "corpus.html").read_text()
    with duckdb.connect(str(corpus_warehouse), read_only=True) as connection:
        shown = connection.execute(
            "select nominals.display_name, deal_lines.line_name "
            "from marts.safeguarding_referrals as referrals "
            "inner join marts.nominals using (nominal_id) "
            "left join marts.deal_lines using (line_id)"
        ).fetchall()
    assert shown, "the corpus has safeguarding referrals (its exploitation list)"
    for name, line_name in shown:
        assert str(escape(name)) in _section(html, "safeguarding")
        if line_name:
            assert str(escape(line_name)) in _section(html, "safeguarding")
    assert any("'" in name for name, _ in shown), "the corpus names O'NEIL"
    assert "'" not in re.sub(r"<[^>]*>", "", _section(html, "safeguarding"))
    assert "<script" not in html.lower()


def test_match_weights_are_charted_from_the_mart(small_report: Path, small_db) -> None:
    """Every learnt level of the linkage model is a row with its weight and a bar whose
    direction is the weight's sign; each pair of systems' prior is a row of its own table."""
    quality = _section(small_report.read_text(), "data-quality")
    expected = small_db.execute(
        "select comparison, match_weight from marts.nominal_match_weights "
        "where not is_null_level and comparison not in ('prior', 'prior_systems')"
    ).fetchall()
    priors = small_db.execute(
        "select level, match_weight from marts.nominal_match_weights "
        "where comparison = 'prior_systems'"
    ).fetchall()
    assert priors
    shown_priors = re.findall(
        r'<tr data-systems="([^"]+)">.*?<td class="num">([+-][0-9.]+)</td></tr>', quality
    )
    assert sorted(shown_priors) == sorted(
        (str(escape(level)), f"{weight:+.1f}") for level, weight in priors
    )
    shown = re.findall(
        r'<tr data-comparison="([^"]+)">[^\n]*?aria-label="([^"]+)">'
        r'(?:[^\n]*?fill="(#[0-9a-f]+)")?',
        quality,
    )
    assert len(expected) > 20
    assert sorted((comparison, label) for comparison, label, _ in shown) == sorted(
        (comparison, "not estimated" if weight is None else f"{weight:+.1f} bits")
        for comparison, weight in expected
    )
    for _, label, colour in shown:
        if label == "not estimated":
            assert not colour
        else:
            assert colour == ("#c33" if label.startswith("-") else "#2a7")


def test_empty_marts_give_a_valid_report(small_warehouse: Path, tmp_path: Path) -> None:
    warehouse = _copy_marts(small_warehouse, tmp_path / "empty.duckdb", empty=True)
    html = write_report(warehouse, tmp_path / "empty.html").read_text()
    assert html.rstrip().endswith("</html>")
    assert "No immediate networks in this warehouse" in html
    assert _charts(html) == {}
    for section_id in [
        "summary",
        "networks",
        "harm",
        "targets",
        "disruption",
        "safeguarding",
        "new-lines",
        "data-quality",
    ]:
        assert '<p class="empty">' in _section(html, section_id) or section_id in {
            "summary",
            "data-quality",
        }


def test_charts_render_in_headless_chromium(small_report: Path, small_db, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(
            "no /usr/bin/chromium: install Debian's chromium (.ci/run does) to check that "
            "the report's charts render in a real browser"
        )
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--dump-dom",
        small_report.resolve().as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout
    charts = {
        match.group(1): match.group(0)
        for match in re.finditer(
            r'<svg class="network-chart" data-network-id="([^"]+)".*?</svg>', dom, flags=re.S
        )
    }
    networks = small_db.execute(
        "select network_id, member_count from marts.networks "
        "order by priority_rank, network_id limit ?",
        [TOP_NETWORKS],
    ).fetchall()
    assert list(charts) == [network_id for network_id, _ in networks]
    for network_id, member_count in networks:
        edge_count = _internal_edge_count(small_db, network_id)
        rendered = charts[network_id]
        assert len(re.findall(r'<circle class="node"[^>]*\br="[0-9.]+"', rendered)) == (
            member_count
        )
        assert len(re.findall(r'<line class="edge"[^>]*\bx2="[0-9.]+"', rendered)) == edge_count
    assert "OFFICIAL-SENSITIVE" in dom
