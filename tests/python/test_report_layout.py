"""The network chart's layout and name placement (countylines.report.chart), on made-up
graphs: each linked part is drawn apart from the others, people with no link stand in the
strip, and no two names, nor a name and a person, overlap."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

from countylines.report.chart import (
    LABEL_CHAR_WIDTH,
    LABEL_HEIGHT,
    WIDTH,
    _label_box,
    _overlaps,
    layout,
    place_labels,
)


def _box(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def test_each_linked_part_keeps_to_its_own_box_and_the_unlinked_stand_apart() -> None:
    big = [f"A{i:02d}" for i in range(12)]
    small = ["B1", "B2", "B3", "B4"]
    pair = ["C1", "C2"]
    alone = ["D1", "D2", "D3"]
    pairs = [(a, b) for a, b in itertools.pairwise(big)] + [(big[0], big[5]), (big[3], big[9])]
    pairs += [("B1", "B2"), ("B2", "B3"), ("B3", "B4"), ("C1", "C2")]
    placed = layout(big + small + pair + alone, pairs)
    assert placed.part_count == 3
    assert placed.unlinked == alone
    boxes = {
        name: _box([placed.positions[node] for node in members])
        for name, members in {"big": big, "small": small, "pair": pair}.items()
    }
    for first, second in itertools.combinations(boxes, 2):
        assert not _overlaps(boxes[first], boxes[second]), (first, second)
    assert placed.strip_y is not None
    lowest_linked = max(box[3] for box in boxes.values())
    assert all(placed.positions[node][1] > lowest_linked for node in alone)
    assert all(0 <= x <= WIDTH and 0 <= y <= placed.height for x, y in placed.positions.values())


def test_the_same_graph_gives_the_same_layout() -> None:
    nodes = [f"N{i}" for i in range(8)]
    pairs = [(nodes[i], nodes[(i * 3 + 1) % 8]) for i in range(8)]
    assert layout(nodes, pairs) == layout(list(reversed(nodes)), list(reversed(pairs)))


def test_the_layout_is_the_same_in_any_process() -> None:
    """Set order changes with the hash seed: a small part of a larger graph must not."""
    script = (
        "import json; from countylines.report.chart import layout; "
        "big = [f'A{i:02d}' for i in range(30)]; "
        "pairs = [(a, b) for a, b in zip(big, big[1:])] + [('B1', 'B2'), ('B2', 'B3'), "
        "('B3', 'B1'), ('B3', 'B4')]; "
        "print(json.dumps(layout(big + ['B1', 'B2', 'B3', 'B4'], pairs).positions, "
        "sort_keys=True))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ["1", "2", "3", "4"]
    }
    assert len(runs) == 1 and json.loads(runs.pop())


def test_names_never_overlap_each_other_or_a_person() -> None:
    # A crowded cluster: nine people a few units apart, all wanting long names.
    circles = {f"P{i}": (400 + 12 * (i % 3), 300 + 12 * (i // 3), 5.0) for i in range(9)}
    circles["Q"] = (880.0, 20.0, 6.0)  # at the corner: only some places fit
    wanted = [(node, f"SURNAME-{node}, FORENAMES") for node in sorted(circles)]
    placed = place_labels(wanted, circles, WIDTH, 600)
    assert 0 < len(placed) < len(wanted), "a crowded cluster cannot name everyone"
    boxes = {
        node: _label_box(place, LABEL_CHAR_WIDTH * len(dict(wanted)[node]))
        for node, place in placed.items()
    }
    for first, second in itertools.combinations(boxes, 2):
        assert not _overlaps(boxes[first], boxes[second])
    for node, box in boxes.items():
        assert box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= 600
        for other, (x, y, r) in circles.items():
            if other != node:
                assert not _overlaps(box, (x - r, y - r, x + r, y + r))
        assert box[3] - box[1] <= LABEL_HEIGHT


def test_a_name_goes_right_of_its_person_unless_someone_stands_there() -> None:
    circles = {"A": (100.0, 100.0, 5.0), "B": (300.0, 100.0, 5.0)}
    placed = place_labels([("A", "ABCDEFGHIJKL"), ("B", "X")], circles, WIDTH, 300)
    assert placed["A"].anchor == "start" and placed["B"].anchor == "start"
    circles["B"] = (160.0, 100.0, 5.0)  # now inside A's name on the right
    placed = place_labels([("A", "ABCDEFGHIJKL"), ("B", "X")], circles, WIDTH, 300)
    assert placed["A"].anchor == "end"
