"""Probabilistic pair scores for person records, with Splink on DuckDB.

Model (Fellegi-Sunter): names (forename and surname in their comparison forms, with a
level for swapped names and term-frequency adjustment so a match on a common name counts
for less; names entered in another order are weighed once, by the surname comparison, the
forename comparison being neutral there), date of birth (exact, day and month transposed,
one-character typo, two of three parts), sex, postcode (full, district), phone and PNC id
(exact, one-character typo).

Training needs no clerical labels: u probabilities from random pairs, m probabilities
from the records that share a PNC id (the force's strongest identifier, so those pairs
are nearly all true matches and carry the index's real noise).

Every scored pair keeps its per-comparison levels (gamma_*) and Bayes factors (bf_*),
so a link can be explained comparison by comparison.

A saved linkage model (`train_model`, `countylines linkage train`) freezes the trained
parameters (m, u, the prior) and the term-frequency lookups, as Splink does for real-time
linkage: train now and then, predict every build. With a model the score of a pair depends
only on its two records, so a build may score only the pairs that touch a new or changed
record and keep the others (`score_pairs(..., only=...)`) and still equal a full scoring.
A name missing from the frozen lookups gets no term-frequency adjustment (Splink's rule).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

RECORD_COLUMNS = [
    "record_id",
    "forename1",
    "forenames_std",
    "surname_std",
    "name_key",
    "date_of_birth",
    "sex",
    "postcode",
    "postcode_district",
    "phone",
    "pnc_id",
]

#: The columns whose term frequencies adjust the name comparisons.
TF_COLUMNS = ("surname_std", "forenames_std", "forename1")

#: What a saved linkage model file declares itself to be.
MODEL_FORMAT = "countylines-linkage-model/1"

#: The input column that marks the records a restricted scoring pairs (see `score_pairs`).
_ONLY_COLUMN = "score_this_record"


@dataclass(frozen=True)
class ScoringConfig:
    """Parameters of the scoring."""

    #: pairs scoring below this probability are not returned
    min_probability: float = 0.01
    #: random pairs sampled to estimate u probabilities
    u_sample_pairs: float = 2e6
    #: seed of that sample (determinism)
    seed: int = 20240601
    #: prior: expected share of pairs that match, before it is estimated
    prior_match_probability: float = 1e-5
    #: assumed recall of the deterministic rules used to estimate that prior
    deterministic_recall: float = 0.7
    #: learn m probabilities by expectation maximisation (EM_BLOCKS)
    em_passes: bool = True
    #: names held by more records than this are left out of the names pass of EM
    em_name_block_max: int = 50
    #: start EM from the m probabilities of the pairs sharing a PNC id, when there are any
    pnc_labelled_start: bool = True
    #: no one comparison level may count for more than this many bits against a match
    #: (`floor_m_probabilities`); None: EM's m probabilities as they are
    max_evidence_against: float | None = 10.0
    #: re-estimate the prior from the scored pairs (`refined_prior`) instead of keeping
    #: the deterministic rules' estimate, whose recall is only assumed
    refine_prior: bool = True
    #: a prior per pair of source systems (`system_priors`): a prison contact is far more
    #: likely to be someone in the index than two index records are to be one person
    system_pair_priors: bool = True
    #: DuckDB threads for Splink (results are sorted, so they do not depend on it)
    threads: int = 2


def scoring_config(get) -> ScoringConfig:
    """The scoring settings from a dbt model's config (`dbt.config.get`): the models that
    train and score the pairs read the same keys (their YAML config)."""
    return ScoringConfig(
        min_probability=float(get("min_probability", 0.01)),
        u_sample_pairs=float(get("u_sample_pairs", 2e6)),
        seed=int(get("seed", 20240601)),
    )


def _comparisons() -> list:
    """The comparisons, each with its exact-agreement level first (null first of all).

    Every level's m probability is learnt from the extract (see `_train`); only the
    forename's 'names in another order' level is fixed at neutral (the surname comparison
    weighs a swap, once)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    two_of_three_parts = (
        "(case when substr(date_of_birth_l, 1, 4) = substr(date_of_birth_r, 1, 4)"
        " then 1 else 0 end"
        " + case when substr(date_of_birth_l, 6, 2) = substr(date_of_birth_r, 6, 2)"
        " then 1 else 0 end"
        " + case when substr(date_of_birth_l, 9, 2) = substr(date_of_birth_r, 9, 2)"
        " then 1 else 0 end) >= 2"
    )
    # A date of birth that disagrees is evidence, not a veto: how it disagrees (a typing
    # slip, day and month the other way round, a year out, a decade out) and how far apart
    # the two dates are each get their own learnt weight.
    date_of_birth = cl.CustomComparison(
        output_column_name="date_of_birth",
        comparison_levels=[
            cll.NullLevel("date_of_birth"),
            cll.ExactMatchLevel("date_of_birth"),
            cll.CustomLevel(
                sql_condition=(
                    "substr(date_of_birth_l, 1, 4) = substr(date_of_birth_r, 1, 4) "
                    "and substr(date_of_birth_l, 6, 2) = substr(date_of_birth_r, 9, 2) "
                    "and substr(date_of_birth_l, 9, 2) = substr(date_of_birth_r, 6, 2)"
                ),
                label_for_charts="Day and month transposed",
            ),
            cll.DamerauLevenshteinLevel("date_of_birth", 1).configure(
                label_for_charts="One character typed wrong, or two swapped"
            ),
            cll.CustomLevel(
                sql_condition=two_of_three_parts,
                label_for_charts="Two of year, month, day equal",
            ),
            cll.AbsoluteDateDifferenceLevel(
                "date_of_birth", input_is_string=True, threshold=1, metric="year"
            ).configure(label_for_charts="Within a year"),
            cll.AbsoluteDateDifferenceLevel(
                "date_of_birth", input_is_string=True, threshold=10, metric="year"
            ).configure(label_for_charts="Within ten years"),
            cll.ElseLevel(),
        ],
    )
    postcode = cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode"),
            cll.ExactMatchLevel("postcode_district").configure(label_for_charts="Same district"),
            cll.CustomLevel(
                sql_condition=(
                    "regexp_extract(postcode_l, '^[A-Z]+') = regexp_extract(postcode_r, '^[A-Z]+')"
                ),
                label_for_charts="Same area",
            ),
            cll.ElseLevel(),
        ],
    )
    # Surname and forename are compared separately, each with term-frequency adjustment
    # on its exact level and, at half weight, on its near level (a typo in a rare surname
    # still says much more than a typo in SMITH); each has a level for names entered the
    # other way round, below its exact and near levels.
    cross_exact = (
        "(name_key_l = name_key_r) or (surname_std_l = forename1_r and forename1_l = surname_std_r)"
    )
    cross_near = (
        "jaro_winkler_similarity(surname_std_l, forename1_r) >= 0.88"
        " and jaro_winkler_similarity(forename1_l, surname_std_r) >= 0.88"
    )
    surname = cl.CustomComparison(
        output_column_name="surname",
        comparison_levels=[
            cll.NullLevel("surname_std"),
            cll.ExactMatchLevel("surname_std", term_frequency_adjustments=True),
            cll.JaroWinklerLevel("surname_std", 0.92).configure(
                tf_adjustment_column="surname_std", tf_adjustment_weight=0.5
            ),
            cll.CustomLevel(
                sql_condition=cross_exact, label_for_charts="Names entered in another order"
            ),
            cll.CustomLevel(
                sql_condition=cross_near,
                label_for_charts="Names entered the other way round, one spelt differently",
            ),
            cll.JaroWinklerLevel("surname_std", 0.8),
            cll.CustomLevel(
                sql_condition=(
                    "jaro_winkler_similarity(surname_std_l, forename1_r) >= 0.88"
                    " or jaro_winkler_similarity(forename1_l, surname_std_r) >= 0.88"
                ),
                label_for_charts="Surname entered as the other's forename",
            ),
            cll.ElseLevel(),
        ],
    )
    # Names entered in another order are one piece of evidence, weighed once, by the
    # surname comparison: the forename comparison is neutral there (Bayes factor 1, fixed).
    # Counting the swap twice made full swaps with a near date of birth (ALI KHAN and KHAN
    # ALI, different people) near-certain; penalising it as a forename mismatch made swaps
    # with several forenames (SMITH DAVID DANIEL / DAVID DANIEL SMITH) doubtful.
    swapped_order = f"surname_std_l != surname_std_r and (({cross_exact}) or ({cross_near}))"
    forename = cl.CustomComparison(
        output_column_name="forename",
        comparison_levels=[
            cll.NullLevel("forename1"),
            cll.ExactMatchLevel("forenames_std", term_frequency_adjustments=True).configure(
                label_for_charts="All forenames equal"
            ),
            cll.CustomLevel(
                sql_condition=swapped_order,
                label_for_charts="Names in another order (weighed by the surname comparison)",
            ).configure(
                m_probability=0.5,
                u_probability=0.5,
                fix_m_probability=True,
                fix_u_probability=True,
            ),
            cll.CustomLevel(
                sql_condition=(
                    "forename1_l = forename1_r"
                    " and forenames_std_l like '% %' and forenames_std_r like '% %'"
                ),
                label_for_charts="First forename equal, middle names differ",
            ),
            cll.ExactMatchLevel("forename1", term_frequency_adjustments=True).configure(
                label_for_charts="First forename equal (a middle name on one side only)"
            ),
            cll.JaroWinklerLevel("forename1", 0.92).configure(
                tf_adjustment_column="forename1", tf_adjustment_weight=0.5
            ),
            cll.CustomLevel(
                sql_condition=(
                    "starts_with(forename1_l, forename1_r) or starts_with(forename1_r, forename1_l)"
                    " or list_has_any(string_split(forenames_std_l, ' '),"
                    " string_split(forenames_std_r, ' '))"
                ),
                label_for_charts="Short form, or a forename shared in another position",
            ),
            cll.JaroWinklerLevel("forename1", 0.8),
            cll.ElseLevel(),
        ],
    )
    return [
        surname,
        forename,
        date_of_birth,
        cl.ExactMatch("sex"),
        postcode,
        cl.ExactMatch("phone"),
        cl.DamerauLevenshteinAtThresholds("pnc_id", [1]),
    ]


def _blocking_rules() -> list:
    from splink import block_on

    transposed = (
        "substr(date_of_birth, 1, 4)",
        "least(substr(date_of_birth, 6, 2), substr(date_of_birth, 9, 2))",
        "greatest(substr(date_of_birth, 6, 2), substr(date_of_birth, 9, 2))",
    )
    # Every rule keeps blocks small at force scale: a name alone is never a block (there
    # are thousands of MOHAMMED KHANs), it is always paired with a year, a district or a
    # phone. Name-only contacts are handled by the exact rules of int_person_links_exact.
    return [
        block_on("date_of_birth", "substr(surname_std, 1, 1)"),
        block_on("date_of_birth", "substr(forename1, 1, 1)"),
        block_on("surname_std", "forename1", "substr(date_of_birth, 1, 4)"),
        block_on("surname_std", "forename1", "postcode_district"),
        block_on("surname_std", "forename1", "phone"),
        block_on("name_key", "substr(date_of_birth, 1, 4)"),
        block_on("surname_std", *transposed),
        block_on("pnc_id"),
        block_on("phone"),
        block_on("postcode", "substr(surname_std, 1, 2)"),
        block_on("date_of_birth", "postcode_district"),
        block_on("forename1", "postcode"),
        # names entered the other way round, one of them mistyped
        "l.surname_std = r.forename1 and l.postcode_district = r.postcode_district",
        "l.forename1 = r.surname_std and l.postcode_district = r.postcode_district",
        "l.surname_std = r.forename1 and l.date_of_birth = r.date_of_birth",
        "l.forename1 = r.surname_std and l.date_of_birth = r.date_of_birth",
    ]


def settings(config: ScoringConfig):
    """The Splink settings of the model."""
    from splink import SettingsCreator

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        probability_two_random_records_match=config.prior_match_probability,
        blocking_rules_to_generate_predictions=_blocking_rules(),
        comparisons=_comparisons(),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
    )


def prepare_records(records: pd.DataFrame) -> pd.DataFrame:
    """The columns Splink reads, dates as YYYY-MM-DD text, sorted by record id."""
    frame = records[RECORD_COLUMNS].copy()
    frame["date_of_birth"] = pd.to_datetime(frame["date_of_birth"]).dt.strftime("%Y-%m-%d")
    frame = frame.astype(object).where(frame.notna(), None)
    return frame.sort_values("record_id", ignore_index=True)


#: Expectation-maximisation passes: each blocks on some columns and so trains the
#: comparisons of the others (a comparison on a blocked column is not estimated in that
#: pass, Splink's documented pattern). Together they train every comparison: names and
#: postcode, phone, PNC while blocking on the date of birth; the date of birth, sex,
#: postcode and the ids while blocking on the names; names again blocking on the postcode.
#: The names pass leaves out names held by more than `em_name_block_max` records
#: (`em_name_block`): a match looks the same under SMITH as under a rare name, but KHAN
#: MOHAMMED alone pairs a force's index a million times, so without the cap the pass
#: grows with the square of the extract.
EM_BLOCKS: tuple[str, ...] = (
    "l.date_of_birth = r.date_of_birth",
    "l.em_name_block = r.em_name_block"
    " and l.surname_std = r.surname_std and l.forename1 = r.forename1",
    "l.postcode = r.postcode and substr(l.date_of_birth, 1, 4) = substr(r.date_of_birth, 1, 4)",
)


def with_em_name_block(frame: pd.DataFrame, max_records: int) -> pd.DataFrame:
    """The frame with `em_name_block`: surname and first forename, for the names that at
    most `max_records` records hold (null otherwise, so the names pass of EM skips it)."""
    name = frame["surname_std"] + " " + frame["forename1"]
    counts = name.map(name.value_counts())
    return frame.assign(em_name_block=name.where(counts <= max_records))


def _train(linker, frame: pd.DataFrame, config: ScoringConfig) -> None:
    """Fellegi-Sunter parameters from the extract itself, with no labels: the prior from
    deterministic rules, u from random pairs, m by expectation maximisation (EM_BLOCKS).
    Where the extract carries PNC ids, the pairs sharing one are a labelled start for the
    m probabilities that EM then refines; without any the start is Splink's default."""

    linker.training.estimate_probability_two_random_records_match(
        [
            "l.pnc_id = r.pnc_id",
            "l.name_key = r.name_key and l.date_of_birth = r.date_of_birth",
        ],
        recall=config.deterministic_recall,
    )
    linker.training.estimate_u_using_random_sampling(
        max_pairs=config.u_sample_pairs, seed=config.seed
    )
    if config.pnc_labelled_start and frame["pnc_id"].notna().sum() > 1:
        linker.training.estimate_m_from_label_column("pnc_id")
    if config.em_passes:
        for rule in EM_BLOCKS:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, fix_u_probabilities=True
            )


def _log2_odds(probability):
    """log2(p / (1 - p)): a probability as a match weight (a float or an array)."""
    return np.log2(probability / (1 - probability))


def refined_prior(match_weights, prior: float, pair_count: float, iterations: int = 200) -> float:
    """The prior that agrees with the model's own scores: the share of all record pairs
    expected to match, sum of match probabilities over the candidate pairs / all pairs,
    iterated to its fixed point (each pair's weight moves with the prior).

    The deterministic rules' estimate depends on an assumed recall; this one is the
    extract's (Fellegi-Sunter's lambda, as EM estimates it, with the pairs outside the
    blocking rules counted as non-matches). `match_weights` are the candidate pairs'
    weights under `prior`."""
    weights = np.asarray(match_weights, dtype=float)
    if pair_count <= 0 or len(weights) == 0:
        return prior
    evidence = weights - _log2_odds(prior)
    current = prior
    for _ in range(iterations):
        probability = 1.0 / (1.0 + np.exp2(-(evidence + _log2_odds(current))))
        updated = float(np.clip(probability.sum() / pair_count, 1e-12, 0.5))
        if abs(updated - current) <= 1e-6 * current:
            return updated
        current = updated
    return current


def _pair_count(records: int) -> float:
    return records * (records - 1) / 2


def _connection(config: ScoringConfig) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute(f"set threads to {config.threads}")
    return connection


def _trained_linker(frame: pd.DataFrame, config: ScoringConfig, connection):
    """A Splink linker over the prepared records, its model trained on them."""
    from splink import DuckDBAPI, Linker

    training_frame = with_em_name_block(frame, config.em_name_block_max)
    linker = Linker(training_frame, settings(config), DuckDBAPI(connection=connection))
    logging.getLogger("splink").setLevel(logging.ERROR)  # after Linker, which resets it
    _train(linker, training_frame, config)
    trained = linker.misc.save_model_to_json()
    if config.max_evidence_against is not None:
        trained = floor_m_probabilities(trained, config.max_evidence_against)
    # EM sums in parallel, so its last digits depend on the order rows arrive in: rounded
    # to 12 significant digits, the same records always give the same model and scores.
    trained = _rounded(trained)
    linker = Linker(frame, trained, DuckDBAPI(connection=connection))
    # the defaults Splink scores the untrained levels with, written in (same scores)
    trained = _with_effective_probabilities(trained, linker)
    linker = Linker(frame, trained, DuckDBAPI(connection=connection))
    logging.getLogger("splink").setLevel(logging.ERROR)
    return linker


def _with_effective_probabilities(trained: dict, linker) -> dict:
    """The saved settings with the m and u Splink scores with written into every level.

    A level that no sampled pair reached (no two random records share a PNC id) is saved
    with no u, and Splink then scores it with its default; written in, the model table
    (`match_weights`) shows the number that was used, and scores do not change."""
    filled = json.loads(json.dumps(trained))
    live = linker._settings_obj.comparisons  # noqa: SLF001 (pinned Splink)
    for saved, comparison in zip(filled["comparisons"], live, strict=True):
        for level, used in zip(
            saved["comparison_levels"], comparison.comparison_levels, strict=True
        ):
            if level.get("is_null_level"):
                continue
            for key in ("m_probability", "u_probability"):
                if level.get(key) is None and getattr(used, key) is not None:
                    level[key] = float(getattr(used, key))
    return filled


def _significant(value: float, digits: int = 12) -> float:
    return float(f"{value:.{digits}g}")


def _rounded(trained: dict) -> dict:
    """The trained settings with m, u and the prior at 12 significant digits."""
    rounded = json.loads(json.dumps(trained))
    rounded["probability_two_random_records_match"] = _significant(
        rounded["probability_two_random_records_match"]
    )
    for comparison in rounded["comparisons"]:
        for level in comparison["comparison_levels"]:
            for key in ("m_probability", "u_probability"):
                if level.get(key) is not None:
                    level[key] = _significant(level[key])
    return rounded


def floor_m_probabilities(trained: dict, max_bits_against: float) -> dict:
    """The trained settings with every level's m probability at least its u probability
    / 2**max_bits_against, so no single disagreement counts for more than
    `max_bits_against` bits against a match. The mass that adds is taken from the
    comparison's other learnt levels in proportion, so the learnt levels keep the total m
    that EM gave them; a level whose m is set (neutral) and the null level are left as
    they are.

    EM learns from one extract: a level its true matches happen never to show there (a
    move within a postcode district, a date of birth with a digit mistyped) gets an m near
    0, a weight of -50 or -80, and acts as a veto on the next extract, where real records
    do show it."""
    floored = json.loads(json.dumps(trained))
    for comparison in floored["comparisons"]:
        free = [
            level
            for level in comparison["comparison_levels"]
            if not level.get("is_null_level")
            and not level.get("fix_m_probability")
            and level.get("m_probability") is not None
            and level.get("u_probability") is not None
        ]
        learnt = [level["m_probability"] for level in free]
        floors = [level["u_probability"] / 2**max_bits_against for level in free]
        total = sum(learnt)
        raised: set[int] = set()
        m = list(learnt)
        # raising some levels scales the others down, which can take one of them under
        # its own floor: repeat until none is (the raised set only grows)
        while True:
            newly = {i for i in range(len(free)) if i not in raised and m[i] < floors[i]}
            if not newly:
                break
            raised |= newly
            kept_mass = sum(learnt[i] for i in range(len(free)) if i not in raised)
            raised_mass = sum(floors[i] for i in raised)
            if kept_mass <= 0 or raised_mass >= total:
                m = list(learnt)
                break
            scale = (total - raised_mass) / kept_mass
            m = [floors[i] if i in raised else learnt[i] * scale for i in range(len(free))]
        for level, value in zip(free, m, strict=True):
            level["m_probability"] = value
    return floored


def _labels(linker) -> dict[str, dict[int, str]]:
    return {
        comparison.output_column_name: {
            level.comparison_vector_value: level.label_for_charts
            for level in comparison.comparison_levels
        }
        for comparison in linker._settings_obj.comparisons  # noqa: SLF001 (pinned Splink)
    }


def score_pairs(
    records: pd.DataFrame,
    config: ScoringConfig | None = None,
    model: dict | None = None,
    only: set[str] | None = None,
) -> pd.DataFrame:
    """Score candidate pairs of records; return pairs at or above min_probability.

    records: one row per record with the columns of RECORD_COLUMNS.
    model: a saved linkage model (`train_model`); without one the model is trained on
    `records` first.
    only: with a model, score only the pairs with at least one record in this set (the
    blocking rules are the model's, restricted to those pairs).
    Returns record_id_l < record_id_r, match_weight, match_probability, and gamma_<c> /
    bf_<c> for each comparison c.
    """
    from splink import DuckDBAPI, Linker

    config = config or ScoringConfig()
    if model is None:
        if only is not None:
            raise ValueError("scoring only some records needs a saved linkage model")
        # the same model the build trains (int_person_match_weights), prior included
        model = train_model(records, config, term_frequencies=False)
    frame = prepare_records(records)
    connection = _connection(config)
    model_settings = model["splink"]
    if only is not None:
        frame = _with_candidate_partners(connection, frame, only, model_settings)
        model_settings = _restricted_to_marked(model_settings)
    linker = Linker(frame, model_settings, DuckDBAPI(connection=connection))
    logging.getLogger("splink").setLevel(logging.ERROR)
    for column, lookup in model["term_frequencies"].items():
        linker.table_management.register_term_frequency_lookup(
            pd.DataFrame(lookup, columns=[column, f"tf_{column}"]), column
        )
    # a pair of systems whose prior is above the global one lifts its pairs' weights: ask
    # Splink for every pair that can reach min_probability after the lift
    prior = model_settings["probability_two_random_records_match"]
    lift = max(
        [0.0]
        + [
            _log2_odds(value) - _log2_odds(prior)
            for value in (model.get("system_priors") or {}).values()
        ]
    )
    threshold = float(_log2_odds(config.min_probability) - lift)
    predictions = linker.inference.predict(threshold_match_weight=threshold).as_pandas_dataframe()
    labels = _labels(linker)
    connection.close()
    predictions = with_system_priors(predictions, model)
    predictions = predictions[predictions["match_probability"] >= config.min_probability]
    return explain_pairs(predictions, labels)


def _with_candidate_partners(
    connection: duckdb.DuckDBPyConnection, frame: pd.DataFrame, only: set[str], model_settings: dict
) -> pd.DataFrame:
    """The records in `only` (marked) and every record a blocking rule pairs with one of
    them: the only records a scoring restricted to the marked ones can pair. Splink's
    blocking join over every record costs seconds even for a few marked ones; this join
    of the few against all is fast. (With a model, nothing is estimated from the frame:
    term frequencies come from the model's lookups.)"""
    frame = frame.assign(**{_ONLY_COLUMN: frame["record_id"].isin(only)})
    connection.register("scoring_records", frame)
    rules = [
        rule["blocking_rule"] for rule in model_settings["blocking_rules_to_generate_predictions"]
    ]
    partners = " union ".join(
        "select r.record_id from (select * from scoring_records"
        f" where {_ONLY_COLUMN}) as l join scoring_records as r on {rule}"
        for rule in rules
    )
    keep = {row[0] for row in connection.execute(partners).fetchall()}
    connection.unregister("scoring_records")
    keep.update(frame.loc[frame[_ONLY_COLUMN], "record_id"])
    return frame[frame["record_id"].isin(keep)].reset_index(drop=True)


def _restricted_to_marked(model_settings: dict) -> dict:
    """The model's settings with every blocking rule limited to pairs with a marked record.

    A pair's score does not depend on the rule that blocked it, and Splink drops a pair a
    rule finds when an earlier rule found it too, which holds as well for rules that share
    the extra condition: so the pairs found are exactly the full scoring's pairs that touch
    a marked record.
    """
    condition = f"(l.{_ONLY_COLUMN} or r.{_ONLY_COLUMN})"
    restricted = dict(model_settings)
    restricted["blocking_rules_to_generate_predictions"] = [
        {**rule, "blocking_rule": f"({rule['blocking_rule']}) and {condition}"}
        for rule in model_settings["blocking_rules_to_generate_predictions"]
    ]
    restricted["additional_columns_to_retain"] = [
        *model_settings.get("additional_columns_to_retain", []),
        _ONLY_COLUMN,
    ]
    return restricted


def train_model(
    records: pd.DataFrame, config: ScoringConfig | None = None, term_frequencies: bool = True
) -> dict:
    """Train the model on these records and return it as a saveable dict: Splink's
    settings with the trained m, u and prior, and (unless `term_frequencies` is False:
    the model scores these same records, from which Splink computes them) the
    term-frequency lookups."""
    config = config or ScoringConfig()
    frame = prepare_records(records)
    connection = _connection(config)
    linker = _trained_linker(frame, config, connection)
    lookups = {}
    for column in TF_COLUMNS if term_frequencies else ():
        table = linker.table_management.compute_tf_table(column).as_pandas_dataframe()
        table = table.sort_values(column, ignore_index=True)
        lookups[column] = [
            [value, float(tf)]
            for value, tf in zip(table[column], table[f"tf_{column}"], strict=True)
        ]
    trained = linker.misc.save_model_to_json()
    if config.refine_prior:
        predicted = linker.inference.predict(
            threshold_match_probability=config.min_probability / 10
        )
        # the scored pairs come out of DuckDB once; weights sorted so the sums are always
        # the same
        scored = connection.execute(
            f"select record_id_l, record_id_r, match_weight from {predicted.physical_name}"
        ).df()
        weights = np.sort(scored["match_weight"].to_numpy(dtype=float))
        prior = trained["probability_two_random_records_match"]
        trained["probability_two_random_records_match"] = _significant(
            refined_prior(weights, prior, _pair_count(len(frame)))
        )
        if config.system_pair_priors:
            system_priors = _system_priors(scored, frame["record_id"], prior)
    connection.close()
    model = {
        "format": MODEL_FORMAT,
        "records": len(frame),
        "splink": trained,
        "term_frequencies": lookups,
    }
    if config.refine_prior and config.system_pair_priors:
        model["system_priors"] = system_priors
    return model


def system_of(record_ids: pd.Series) -> pd.Series:
    """The source system of each record id (`NOMINAL:N0001` -> `NOMINAL`)."""
    return record_ids.astype(str).str.split(":", n=1).str[0]


def system_pair(left: pd.Series, right: pd.Series) -> pd.Series:
    """The unordered pair of the two records' systems, as `A|B` with A <= B."""
    a, b = system_of(left), system_of(right)
    return a.where(a <= b, b) + "|" + b.where(a <= b, a)


def _system_priors(scored: pd.DataFrame, record_ids: pd.Series, prior: float) -> dict[str, float]:
    """The prior of each pair of source systems, re-estimated from the scores as the
    global one is (`refined_prior`, over the pairs between those systems).

    One prior for every pair of records says a prisoner's contact is as unlikely to be
    someone in the index as two index records are to be one person; they are not: a
    force's index holds most of the people its prisoners and missing children name, and
    few duplicates of its own. Fellegi-Sunter's lambda is the share of pairs that match,
    so it is estimated for each pair of systems from that pair's own scores."""
    counts = system_of(record_ids).value_counts()
    pairs = system_pair(scored["record_id_l"], scored["record_id_r"])
    priors = {}
    for key, group in scored.groupby(pairs, sort=True):
        left, right = key.split("|")
        possible = (
            _pair_count(int(counts[left]))
            if left == right
            else float(counts[left]) * float(counts[right])
        )
        weights = np.sort(group["match_weight"].to_numpy(dtype=float))
        priors[key] = _significant(refined_prior(weights, prior, possible))
    return priors


def with_system_priors(predictions: pd.DataFrame, model: dict) -> pd.DataFrame:
    """The predictions with each pair's weight and probability under the prior of its
    pair of systems (`_system_priors`) instead of the one global prior; unchanged for a
    model without system priors, or a pair of systems it has none for."""
    priors = model.get("system_priors") or {}
    if not priors or predictions.empty:
        return predictions
    prior = model["splink"]["probability_two_random_records_match"]
    pairs = system_pair(predictions["record_id_l"], predictions["record_id_r"])
    own = pairs.map(priors).fillna(prior).astype(float)
    shift = _log2_odds(own) - _log2_odds(prior)
    weight = predictions["match_weight"] + shift
    return predictions.assign(match_weight=weight, match_probability=1.0 / (1.0 + np.exp2(-weight)))


def save_model(model: dict, path: Path) -> None:
    """Write a linkage model as JSON (floats round-trip exactly)."""
    Path(path).write_text(json.dumps(model, sort_keys=True) + "\n", encoding="utf-8")


def load_model(path: Path) -> dict:
    """Read a linkage model written by `save_model`."""
    model = json.loads(Path(path).read_text(encoding="utf-8"))
    if model.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a linkage model of format {MODEL_FORMAT}")
    return model


def model_digest(model: dict) -> str:
    """SHA-256 of a linkage model's canonical JSON."""
    return hashlib.sha256(json.dumps(model, sort_keys=True).encode()).hexdigest()


def explain_pairs(predictions: pd.DataFrame, labels: dict[str, dict[int, str]]) -> pd.DataFrame:
    """Ordered pair ids, score, and per comparison the level reached (in words) and its
    Bayes factor (term-frequency adjustment included); sorted for determinism."""
    frame = predictions.rename(columns={"record_id_l": "left", "record_id_r": "right"})
    swap = frame["left"] > frame["right"]
    result = pd.DataFrame(
        {
            "record_id_l": frame["left"].where(~swap, frame["right"]),
            "record_id_r": frame["right"].where(~swap, frame["left"]),
            "match_weight": frame["match_weight"],
            "match_probability": frame["match_probability"],
        }
    )
    for name, level_labels in labels.items():
        result[f"{name}_level"] = frame[f"gamma_{name}"].map(level_labels)
        factor = frame[f"bf_{name}"]
        if f"bf_tf_adj_{name}" in frame:
            factor = factor * frame[f"bf_tf_adj_{name}"]
        result[f"{name}_bayes_factor"] = factor
    return result.sort_values(["record_id_l", "record_id_r"], ignore_index=True)


def match_weights(model: dict) -> pd.DataFrame:
    """The trained model as a table, one row per comparison level (Splink's m/u table):
    the level in words, its SQL condition, m and u probabilities, Bayes factor m/u and
    match weight log2(m/u), whether a term-frequency adjustment applies; and a first row
    for the prior (probability two random records match) as `comparison` = 'prior'.
    A null level has no m, u or weight: it is neutral."""
    settings = model["splink"]
    prior = settings["probability_two_random_records_match"]
    rows = [
        {
            "comparison": "prior",
            "level_order": 0,
            "level": "Two records drawn at random are the same person",
            "sql_condition": None,
            "m_probability": None,
            "u_probability": None,
            "bayes_factor": prior / (1 - prior),
            "match_weight": math.log2(prior / (1 - prior)),
            "is_null_level": False,
            "tf_adjustment_column": None,
            "is_fixed": True,
        }
    ]
    for order, (pair, value) in enumerate(sorted((model.get("system_priors") or {}).items())):
        left, right = pair.split("|")
        rows.append(
            {
                "comparison": "prior_systems",
                "level_order": order,
                "level": f"A {left} record and a {right} record are the same person",
                "sql_condition": f"systems = '{pair}'",
                "m_probability": None,
                "u_probability": None,
                "bayes_factor": value / (1 - value),
                "match_weight": math.log2(value / (1 - value)),
                "is_null_level": False,
                "tf_adjustment_column": None,
                "is_fixed": False,
            }
        )
    for comparison in settings["comparisons"]:
        name = comparison["output_column_name"]
        for order, level in enumerate(comparison["comparison_levels"]):
            is_null = bool(level.get("is_null_level", False))
            m = None if is_null else level.get("m_probability")
            u = None if is_null else level.get("u_probability")
            factor = m / u if m is not None and u else None
            rows.append(
                {
                    "comparison": name,
                    "level_order": order,
                    "level": level.get("label_for_charts"),
                    "sql_condition": level.get("sql_condition"),
                    "m_probability": m,
                    "u_probability": u,
                    "bayes_factor": factor,
                    "match_weight": math.log2(factor) if factor else None,
                    "is_null_level": is_null,
                    "tf_adjustment_column": level.get("tf_adjustment_column"),
                    "is_fixed": bool(level.get("fix_m_probability", False)),
                }
            )
    return pd.DataFrame(rows)


def model_from_weights(weights: pd.DataFrame, config: ScoringConfig | None = None) -> dict:
    """The linkage model a match-weights table (`match_weights`) describes, to score with:
    this module's settings with every level's m and u and the prior taken from the table.

    No term-frequency lookups: Splink computes them from the records it scores, as when the
    model is trained on those records. Raises ValueError when the table was made by another
    model definition (a level's condition differs, or a level is missing), so weights are
    never applied to the wrong level."""
    config = config or ScoringConfig()
    built = settings(config).create_settings_dict("duckdb")
    table = weights.set_index(["comparison", "level_order"])
    prior_factor = float(table.loc[("prior", 0), "bayes_factor"])
    built["probability_two_random_records_match"] = prior_factor / (1.0 + prior_factor)
    for comparison in built["comparisons"]:
        name = comparison["output_column_name"]
        for order, level in enumerate(comparison["comparison_levels"]):
            key = (name, order)
            if key not in table.index:
                raise ValueError(f"the match weights have no level {order} of {name}")
            row = table.loc[key]
            if (row["sql_condition"] or None) != level.get("sql_condition"):
                raise ValueError(
                    f"level {order} of {name} is not the level the match weights were"
                    f" trained for ({row['sql_condition']!r} != {level.get('sql_condition')!r})"
                )
            if level.get("is_null_level"):
                continue
            for column in ("m_probability", "u_probability"):
                if not pd.isna(row[column]):
                    level[column] = float(row[column])
    model = {"format": MODEL_FORMAT, "splink": built, "term_frequencies": {}}
    systems = weights[weights["comparison"] == "prior_systems"]
    if len(systems):
        model["system_priors"] = {
            condition.split("'")[1]: float(factor) / (1.0 + float(factor))
            for condition, factor in zip(
                systems["sql_condition"], systems["bayes_factor"], strict=True
            )
        }
    return model
