"""bench/faults.py at a small size: the guarantees of the store under kills, corruption and bad input.

The full campaign (30 kill points per mode, signals, races, every file, every bad input) is
`python bench/faults.py`; its figures are in the README. Orphan workers and SIGTERM are measured there,
not asserted here.
"""

from __future__ import annotations

import signal

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def faults(bench_script):
    return bench_script("faults")


@pytest.fixture(scope="module")
def reference(faults, tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    build, store, _ = faults.prepare(root, rows=9_000, workers=2)
    return build, store, faults.store_state(store)["versions"]["v1"]["content"]


def test_kill_9_then_resume_is_byte_identical(faults, reference, tmp_path):
    build, _, content = reference
    points = [faults.Point("published"), faults.Point("chunks", 1)]
    result = faults.kill_campaign(build, content, points, "group", tmp_path, orphan_wait=10)
    summary = result["summary"]
    assert summary["struck"] == 2 and summary["after_publish"] == 1
    assert summary["identical"] == 2, result["trials"]
    assert summary["partial_versions"] == summary["duplicate_versions"] == 0
    assert summary["work_folders_left"] == summary["empty_work_dirs_left"] == summary["versions_without_card"] == 0
    after_publish = next(t for t in result["trials"] if t["point"] == "published")
    assert after_publish["resume_said"].startswith(f"finished the interrupted build of {faults.NAME}@v1")


def test_ctrl_c_leaves_a_resumable_build(faults, reference, tmp_path):
    build, _, content = reference
    result = faults.signal_campaign(build, content, signal.SIGINT, True, [faults.Point("chunks", 1)], tmp_path,
                                    orphan_wait=10)
    summary = result["summary"]
    assert summary["identical"] == 1 and summary["partial_versions"] == 0, result["trials"]


def test_corrupt_store_files_are_caught_by_every_check(faults, reference, tmp_path):
    _, store, _ = reference
    cases = {"manifest.json a list", "manifest.json shard path ../../x.parquet", "shard garbage with a matching sha256",
             "dropped/dropped.parquet truncated", "stray file in data/"}
    summary = faults.corruption_campaign(store, tmp_path, only=cases)["summary"]
    assert summary["data"]["cases"] == len(cases)
    assert summary["data"]["caught_by_every_check"] == len(cases), summary
    assert summary["data"]["tracebacks"] == 0
    assert summary["neighbour_ok"] == summary["neighbour_checks"]


def test_store_and_card_commands_reject_bad_input_cleanly(faults, reference, tmp_path):
    _, store, _ = reference
    result = faults.bad_input_campaign(store, tmp_path, timeout=120,
                                       prefixes=("curate show", "curate list", "curate sample", "data-cards"))
    assert result["summary"]["cases"] >= 15
    assert [c["case"] for c in result["cases"] if not c["clean"]] == []
