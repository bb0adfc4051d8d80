"""The match-weights mart is the model that scored the pairs: every probabilistic link's
weight is the prior of its two records' systems plus the weights of the levels it reached,
read from the mart."""

from __future__ import annotations

import math

import duckdb
import pytest

COMPARISONS = ("surname", "forename", "date_of_birth", "sex", "postcode", "phone", "pnc_id")


@pytest.fixture(scope="module")
def marts(small_warehouse):
    with duckdb.connect(str(small_warehouse), read_only=True) as connection:
        weights = connection.execute("select * from marts.nominal_match_weights").df()
        links = connection.execute(
            "select * from marts.nominal_match_links where method = 'probabilistic'"
        ).df()
    return weights, links


def test_every_comparison_is_a_distribution_over_its_levels(marts) -> None:
    weights, _ = marts
    assert set(weights["comparison"]) == {"prior", "prior_systems", *COMPARISONS}
    learnt = weights[
        ~weights["comparison"].isin(["prior", "prior_systems"]) & ~weights["is_null_level"]
    ]
    for comparison, levels in learnt.groupby("comparison"):
        # a level whose weight is set (names in another order: neutral, m = u = 0.5) is
        # outside the distributions the extract's pairs estimate
        # (a level no random pair reached carries Splink's default u on top, a few
        # thousandths: two records sharing a PNC id)
        free = levels[~levels["is_fixed"]]
        assert free["u_probability"].sum() == pytest.approx(1.0, abs=0.01), comparison
        # m: Splink averages each comparison's m over the EM passes that trained it, and
        # a level no pair of a pass reached is left out of that pass, so the sum is near 1
        assert 0.8 <= free["m_probability"].sum() <= 1.05, comparison
    # learnt, not Splink's defaults: an exact surname is strong evidence for a match,
    # and no level is a veto (10 bits at most against)
    exact_surname = learnt[(learnt["comparison"] == "surname") & (learnt["level_order"] == 1)]
    assert exact_surname["match_weight"].iloc[0] > 5
    assert learnt["match_weight"].min() >= -10 - 1e-9


def test_each_link_weight_is_its_systems_prior_plus_the_levels_it_reached(marts) -> None:
    weights, links = marts
    assert len(links) > 100
    systems = weights[weights["comparison"] == "prior_systems"]
    prior_of = {
        condition.split("'")[1]: weight
        for condition, weight in zip(systems["sql_condition"], systems["match_weight"], strict=True)
    }
    # the index's own duplicates are rarer than a contact being someone in the index
    assert prior_of["NOMINAL|PINS_CONTACT"] > prior_of["NOMINAL|NOMINAL"]
    by_label = {
        (row.comparison, row.level): row.bayes_factor
        for row in weights.itertuples()
        if row.tf_adjustment_column is None or isinstance(row.tf_adjustment_column, float)
    }
    checked = 0
    for link in links.itertuples():
        pair = sorted(record.split(":")[0] for record in (link.record_id_l, link.record_id_r))
        total = prior_of["|".join(pair)]
        for comparison in COMPARISONS:
            factor = getattr(link, f"{comparison}_bayes_factor")
            total += math.log2(factor)
            level = getattr(link, f"{comparison}_level")
            if (comparison, level) in by_label and not math.isnan(by_label[comparison, level]):
                assert factor == pytest.approx(by_label[comparison, level], rel=1e-9)
                checked += 1
        assert total == pytest.approx(link.match_weight, abs=1e-6)
    assert checked > len(links)
