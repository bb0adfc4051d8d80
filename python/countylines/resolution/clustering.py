"""Clusters of source person records from pairwise links, with constraints.

Links are taken strongest first (analyst SAME overrides, then exact keys, then
probabilistic links by descending probability) and each one merges two clusters unless the
merge is truly exclusive. A disagreement (a date of birth out by a year, a forename spelt
another way, a sex recorded wrongly) is not exclusive: it is a comparison level of the
probabilistic model, with a weight learnt from the extract, and has already lowered the
link's probability. What is exclusive:

- an analyst has said two records across the clusters are different people;
- both clusters carry well-formed PNC ids and none of one is within one typo (one
  character, or two adjacent characters swapped) of any of the other: the PNC issues one
  id per person, so two different ids are two people (an id that is not PNC-shaped, a
  benchmark's own number say, is compared by the model only);
- twins: records across the clusters agree on surname and date of birth, both record a
  sex, and do not disagree on postcode, yet no such pair has compatible first forenames
  (equal, one a prefix of the other, a near spelling): twins and siblings born the same
  day share all of that and differ in forename (and often in sex);
- a generation: records across the clusters share surname and first forename, a sex is
  recorded on at least one and they record no different ones, and were born at least
  GENERATION_YEARS apart, beyond a typing slip (a son named after his father, often at
  the same address: every field agrees but one);
- a probabilistic link below `strong_probability` would join two clusters that each
  hold several records, and the scored pairs across them average below
  `link_probability` (one weak link must not chain two families together).

The result is deterministic: ties are broken by record id, and a cluster is named by its
smallest record id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

import pandas as pd

#: A well-formed PNC id: year (2 or 4 digits), `/`, serial, check letter.
PNC_SHAPE = re.compile(r"^(\d{2}|\d{4})/\d{1,7}[A-Z]$")

METHOD_RANK = {"analyst_override": 0, "exact_key": 1, "probabilistic": 2}


@dataclass(frozen=True)
class ClusteringConfig:
    """Thresholds of the clustering."""

    link_probability: float = 0.95
    strong_probability: float = 0.995


@dataclass
class _Cluster:
    """What the constraints need to know about one cluster."""

    members: list[str]
    pncs: set[str] = field(default_factory=set)
    #: (surname, date of birth) -> the (first forename, sex, postcode) recorded with them
    born: dict[tuple[str, date], set[tuple[str, str | None, str | None]]] = field(
        default_factory=dict
    )
    #: (surname, first forename) -> the (date of birth, sex) recorded with them
    named: dict[tuple[str, str], set[tuple[date, str | None]]] = field(default_factory=dict)


def dobs_compatible(first: date, second: date) -> bool:
    """Equal, day/month transposed, or differing in only one of day, month, year."""
    if first == second:
        return True
    if first.year == second.year and first.day == second.month and first.month == second.day:
        return True
    same = (first.year == second.year) + (first.month == second.month) + (first.day == second.day)
    return same >= 2


def within_one_edit(first: str, second: str) -> bool:
    """True when the strings differ by at most one substitution, insertion or deletion."""
    if first == second:
        return True
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


#: Below this spelling similarity two forenames are different names for the twin rule
#: (MOHAMMED / MUHAMMAD, 0.75, is one name spelt two ways; AIDAN / CIARAN, 0.55, two).
TWIN_MIN_RATIO = 0.7

#: Records of one name and sex born this many years apart or more are a parent and child.
GENERATION_YEARS = 12


def forenames_compatible(first: str, second: str) -> bool:
    """Equal, one a prefix of the other (SAM / SAMUEL), one typo or two adjacent letters
    swapped (ALI / AIL), or similar spelling (MOHAMMED / MUHAMMAD: a similarity ratio of
    at least TWIN_MIN_RATIO)."""
    if first.startswith(second) or second.startswith(first):
        return True
    if within_one_edit(first, second) or _adjacent_swap(first, second):
        return True
    return SequenceMatcher(None, first, second).ratio() >= TWIN_MIN_RATIO


def _adjacent_swap(first: str, second: str) -> bool:
    """True when the strings differ only by two adjacent letters swapped."""
    if len(first) != len(second):
        return False
    diffs = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and first[diffs[0]] == second[diffs[1]]
        and first[diffs[1]] == second[diffs[0]]
    )


def _twin_conflict(left: _Cluster, right: _Cluster) -> bool:
    """Records across the clusters share a surname and a date of birth, both record a
    sex, agree on postcode where both record it, and no such pair has compatible first
    forenames: twins and siblings born the same day (a brother and sister as much as two
    brothers: a different recorded sex only adds to the difference). Without a sex on
    both, the records carry too little to tell twins from one person whose forename was
    recorded wrongly, and the model's learnt forename weight decides."""
    compared = False
    for key, left_people in left.born.items():
        right_people = right.born.get(key)
        if not right_people:
            continue
        for forename, sex, postcode in left_people:
            for other_forename, other_sex, other_postcode in right_people:
                if not sex or not other_sex:
                    continue
                if postcode and other_postcode and postcode != other_postcode:
                    continue
                compared = True
                if forenames_compatible(forename, other_forename):
                    return False
    return compared


def _generation_conflict(left: _Cluster, right: _Cluster) -> bool:
    """Records across the clusters share a surname and a first forename, at least one of
    each pair records a sex and they do not record different ones, and every such pair was
    born at least GENERATION_YEARS apart (and not one typing slip apart): a parent and a
    child given the same name (a junior), often at one address. (Where neither records a
    sex, the model's learnt date-of-birth weight decides: an extract whose true duplicates
    often carry a wrong date of birth teaches the model so.)"""
    compared = False
    for key, people in left.named.items():
        other_people = right.named.get(key)
        if not other_people:
            continue
        for born, sex in people:
            for other, other_sex in other_people:
                if not (sex or other_sex) or (sex and other_sex and sex != other_sex):
                    continue
                compared = True
                if abs((born - other).days) < GENERATION_YEARS * 365.25:
                    return False
                if dobs_compatible(born, other) or within_one_edit(
                    born.isoformat(), other.isoformat()
                ):
                    return False  # a typing slip in the year (1956 / 1976), not an age gap
    return compared


def _conflict(left: _Cluster, right: _Cluster) -> str | None:
    """The reason two clusters cannot be the same person, or None."""
    if (
        left.pncs
        and right.pncs
        and not any(
            within_one_edit(a, b) or _adjacent_swap(a, b) for a in left.pncs for b in right.pncs
        )
    ):
        return "pnc_id"
    if _twin_conflict(left, right):
        return "twin"
    if _generation_conflict(left, right):
        return "generation"
    return None


def cluster_records(
    records: pd.DataFrame,
    links: pd.DataFrame,
    cannot_link: Iterable[tuple[str, str]] = (),
    config: ClusteringConfig | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cluster records; return (assignments, link decisions).

    records: record_id, sex, date_of_birth, pnc_id, and optionally surname_std and
        forename1 (nulls allowed).
    links: record_id_l, record_id_r, method (analyst_override / exact_key / probabilistic),
        probability (1.0 for exact keys and overrides).
    cannot_link: pairs an analyst has said are different people.

    assignments: record_id, cluster_id (smallest record id of its cluster), cluster_size,
        match_method (the strongest accepted link touching the record, or `singleton`),
        match_probability (the highest accepted probability touching it).
    decisions: one row per link with `decision` (`accepted`, `below_threshold`,
        `same_cluster`, or `rejected_<reason>`).
    """
    config = config or ClusteringConfig()
    record_ids = records["record_id"].astype(str).tolist()
    known = set(record_ids)
    # Only records a link above the threshold touches can merge: cluster state is built for
    # them alone, and every other record is a singleton (at force scale, about 77,000 of
    # 442,000 records).
    below = (links["method"] == "probabilistic") & (
        links["probability"].astype(float) < config.link_probability
    )
    mergeable = links[~below.to_numpy()]
    linked = set(mergeable["record_id_l"].astype(str)) | set(mergeable["record_id_r"].astype(str))
    involved = records.loc[[record_id in linked for record_id in record_ids]]
    parent: dict[str, str] = {}
    clusters: dict[str, _Cluster] = {}
    count = len(involved)

    def column(name: str) -> list:
        return involved[name].tolist() if name in involved else [None] * count

    dobs = pd.to_datetime(involved["date_of_birth"]).dt.date.tolist()
    for record_id, sex, dob, pnc, surname, forename, postcode in zip(
        involved["record_id"].astype(str).tolist(),
        column("sex"),
        dobs,
        column("pnc_id"),
        column("surname_std"),
        column("forename1"),
        column("postcode"),
        strict=True,
    ):
        parent[record_id] = record_id
        cluster = _Cluster(members=[record_id])
        if isinstance(pnc, str) and PNC_SHAPE.match(pnc):
            cluster.pncs.add(pnc)
        if (
            isinstance(surname, str)
            and isinstance(forename, str)
            and surname
            and forename
            and isinstance(dob, date)
            and not pd.isna(dob)
        ):
            known_sex = sex if isinstance(sex, str) and sex in {"M", "F"} else None
            known_postcode = postcode if isinstance(postcode, str) and postcode else None
            cluster.born[(surname, dob)] = {(forename, known_sex, known_postcode)}
            cluster.named[(surname, forename)] = {(dob, known_sex)}
        clusters[record_id] = cluster

    def find(record_id: str) -> str:
        root = record_id
        while parent[root] != root:
            root = parent[root]
        while parent[record_id] != root:
            parent[record_id], record_id = root, parent[record_id]
        return root

    forbidden: set[tuple[str, str]] = {tuple(sorted(pair)) for pair in cannot_link}  # type: ignore[misc]
    scores: dict[tuple[str, str], float] = {}
    for left_id, right_id, probability in zip(
        links["record_id_l"].astype(str).tolist(),
        links["record_id_r"].astype(str).tolist(),
        links["probability"].astype(float).tolist(),
        strict=True,
    ):
        key = (left_id, right_id) if left_id < right_id else (right_id, left_id)
        scores[key] = max(scores.get(key, 0.0), probability)

    # Strongest first; ties broken on every key, so the order (and so which of two equal
    # links of one pair is `accepted` and which `same_cluster`) never depends on the order
    # the rows arrived in.
    keys = ["_rank", "probability", "_low", "_high", "record_id_l", "record_id_r"]
    keys += [column for column in ("link_rule",) if column in links.columns]
    ordered = links.assign(
        _rank=links["method"].map(METHOD_RANK),
        _low=links[["record_id_l", "record_id_r"]].min(axis=1),
        _high=links[["record_id_l", "record_id_r"]].max(axis=1),
    ).sort_values(keys, ascending=[key != "probability" for key in keys], kind="mergesort")

    decisions: list[str] = []
    best_method: dict[str, str] = {}
    best_probability: dict[str, float] = {}
    for left_id, right_id, method, probability in zip(
        ordered["record_id_l"].astype(str).tolist(),
        ordered["record_id_r"].astype(str).tolist(),
        ordered["method"].astype(str).tolist(),
        ordered["probability"].astype(float).tolist(),
        strict=True,
    ):
        if left_id not in known or right_id not in known:
            decisions.append("unknown_record")
            continue
        if method == "probabilistic" and probability < config.link_probability:
            decisions.append("below_threshold")
            continue
        left_root, right_root = find(left_id), find(right_id)
        if left_root == right_root:
            decisions.append("same_cluster")
            _note(best_method, best_probability, left_id, right_id, method, probability)
            continue
        left, right = clusters[left_root], clusters[right_root]
        reason = _forbidden_between(left, right, forbidden)
        if reason is None and method != "analyst_override":
            reason = _conflict(left, right)
        if (
            reason is None
            and method == "probabilistic"
            and probability < config.strong_probability
            and len(left.members) > 1
            and len(right.members) > 1
            and _mean_cross_score(left, right, scores) < config.link_probability
        ):
            reason = "weak_bridge"
        if reason is not None:
            decisions.append(f"rejected_{reason}")
            continue
        keep, gone = sorted((left_root, right_root))
        parent[gone] = keep
        merged = clusters.pop(gone)
        target = clusters[keep]
        target.members.extend(merged.members)
        target.pncs |= merged.pncs
        for key, people in merged.born.items():
            target.born.setdefault(key, set()).update(people)
        for key, dates in merged.named.items():
            target.named.setdefault(key, set()).update(dates)
        decisions.append("accepted")
        _note(best_method, best_probability, left_id, right_id, method, probability)

    decided = ordered.drop(columns=["_rank", "_low", "_high"]).assign(decision=decisions)
    rows = [(record_id, record_id, 1, "singleton", None) for record_id in known.difference(parent)]
    for cluster in clusters.values():
        cluster_id = min(cluster.members)
        size = len(cluster.members)
        for member in cluster.members:
            if size == 1:
                rows.append((member, cluster_id, size, "singleton", None))
            else:
                method = best_method.get(member, "singleton")
                rows.append((member, cluster_id, size, method, best_probability.get(member)))
    assignments = pd.DataFrame(
        rows,
        columns=["record_id", "cluster_id", "cluster_size", "match_method", "match_probability"],
    ).sort_values("record_id", ignore_index=True)
    return assignments, decided.reset_index(drop=True)


def _note(
    best_method: dict[str, str],
    best_probability: dict[str, float],
    left_id: str,
    right_id: str,
    method: str,
    probability: float,
) -> None:
    """Remember the strongest accepted link touching each record."""
    for record_id in (left_id, right_id):
        current = best_method.get(record_id)
        if current is None or METHOD_RANK[method] < METHOD_RANK[current]:
            best_method[record_id] = method
        best_probability[record_id] = max(best_probability.get(record_id, 0.0), probability)


def _forbidden_between(
    left: _Cluster, right: _Cluster, forbidden: set[tuple[str, str]]
) -> str | None:
    """`analyst` when an analyst has said some pair across the clusters differs."""
    if not forbidden:
        return None
    for a in left.members:
        for b in right.members:
            if (min(a, b), max(a, b)) in forbidden:
                return "analyst"
    return None


def _mean_cross_score(
    left: _Cluster, right: _Cluster, scores: dict[tuple[str, str], float]
) -> float:
    """Mean score over the scored pairs across two clusters (unscored pairs count 0)."""
    total = 0.0
    for a in left.members:
        for b in right.members:
            total += scores.get((min(a, b), max(a, b)), 0.0)
    return total / (len(left.members) * len(right.members))
