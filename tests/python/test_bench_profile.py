"""The benchmark's stages and per-node profile (countylines.bench), without running dbt."""

from __future__ import annotations

from countylines.bench import STAGES, node_profile, stage_selections


def test_each_stage_excludes_what_the_earlier_ones_built() -> None:
    selections = stage_selections()
    assert [name for name, _ in selections] == [name for name, _ in STAGES]
    first_name, first = selections[0]
    assert "--exclude" not in first
    built: list[str] = []
    for _, args in selections:
        selected = (
            args[args.index("--select") + 1 : args.index("--exclude")]
            if ("--exclude" in args)
            else args[args.index("--select") + 1 :]
        )
        excluded = args[args.index("--exclude") + 1 :] if "--exclude" in args else []
        assert all(item.startswith("+") for item in selected), "a stage builds its parents"
        assert excluded == built
        built += selected
    assert selections[-1][1][1] == "+path:models", "the last stage builds whatever is left"


def test_node_profile_ranks_nodes_and_estimates_dbt_overhead() -> None:
    run_results = {
        "args": {"threads": 2},
        "results": [
            {
                "unique_id": "model.countylines.slow",
                "execution_time": 30.0,
                "adapter_response": {"rows_affected": 1200},
            },
            {"unique_id": "model.countylines.fast", "execution_time": 10.0, "adapter_response": {}},
            {"unique_id": "test.countylines.not_null_x", "execution_time": 4.0},
            {"unique_id": "unit_test.countylines.m.t", "execution_time": 2.0},
            {"unique_id": "seed.countylines.weights", "execution_time": 4.0},
        ],
    }
    profile = node_profile(run_results, wall_seconds=50.0, top=1)
    assert [node.name for node in profile.models] == ["slow"]
    assert profile.models[0].rows == 1200
    assert [node.name for node in profile.tests] == ["not_null_x"]
    assert (profile.model_seconds, profile.test_seconds, profile.other_seconds) == (40, 6, 4)
    # 50 node-seconds over 2 threads = 25 s busy of 50 s wall
    assert abs(profile.overhead_share - 0.5) < 1e-9
