"""Pairwise clustering measures: precision, recall and F1 over pairs of records."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class PairwiseScores:
    """Pair counts and the measures derived from them."""

    true_positive_pairs: int
    predicted_pairs: int
    truth_pairs: int

    @property
    def precision(self) -> float:
        """Share of predicted same-cluster pairs that are truly the same; 1 when none."""
        if self.predicted_pairs == 0:
            return 1.0
        return self.true_positive_pairs / self.predicted_pairs

    @property
    def recall(self) -> float:
        """Share of true same-cluster pairs that were predicted; 1 when none."""
        if self.truth_pairs == 0:
            return 1.0
        return self.true_positive_pairs / self.truth_pairs

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _pairs(sizes: pd.Series) -> int:
    """Number of unordered pairs within groups of the given sizes."""
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_scores(records: pd.DataFrame, predicted: str, truth: str) -> PairwiseScores:
    """Compare two clusterings of the same records, without enumerating pairs.

    `records` has one row per record; `predicted` and `truth` name its cluster columns.
    A null predicted cluster means the record stands alone.
    """
    frame = records[[predicted, truth]].copy()
    missing = frame[predicted].isna()
    frame.loc[missing, predicted] = [f"__alone_{i}" for i in range(int(missing.sum()))]
    both = frame.groupby([predicted, truth], sort=False).size()
    return PairwiseScores(
        true_positive_pairs=_pairs(both),
        predicted_pairs=_pairs(frame.groupby(predicted, sort=False).size()),
        truth_pairs=_pairs(frame.groupby(truth, sort=False).size()),
    )
