"""The versioned store: references, atomic publication, integrity checks."""

import json
import threading

import polars as pl
import pytest

from curate.errors import CurateError
from curate.store import MANIFEST, Store, parse_ref, sha256_file


def _publish(store: Store, name: str, rows: int = 3):
    staging = store.staging_dir(name)
    (staging / "data").mkdir()
    path = staging / "data" / "train-00000-of-00001.parquet"
    pl.DataFrame({"id": [f"{i:016x}" for i in range(rows)]}).write_parquet(path)
    shards = [{"file": "data/train-00000-of-00001.parquet", "rows": rows, "sha256": sha256_file(path)}]
    return store.publish(name, staging, {"shards": shards, "rows": rows})


@pytest.mark.parametrize(
    "ref, expected",
    [("writing-summary", ("writing-summary", None)), ("a@v12", ("a", 12)), (" x.y_z@v1 ", ("x.y_z", 1))],
)
def test_parse_ref(ref, expected):
    assert parse_ref(ref) == expected


@pytest.mark.parametrize("ref", ["", "@v1", "name@", "name@v0", "name@1", "name@vx", "a b", "-x"])
def test_parse_ref_rejects_malformed(ref):
    with pytest.raises(CurateError, match="malformed version reference"):
        parse_ref(ref)


def test_publish_numbers_versions_and_resolves_newest(tmp_path):
    store = Store(tmp_path)
    v1, v2 = _publish(store, "demo"), _publish(store, "demo", rows=5)
    assert (v1.number, v2.number) == (1, 2)
    assert store.resolve("demo") == v2
    assert store.resolve("demo@v1").read().height == 3
    assert json.loads((v2.path / MANIFEST).read_text())["version"] == 2
    assert not [p for p in (tmp_path / "demo").iterdir() if p.name.startswith(".staging")]


def test_concurrent_publishes_never_share_a_number(tmp_path):
    store = Store(tmp_path)
    versions, barrier = [], threading.Barrier(6)

    def publish():
        staging = store.staging_dir("race")
        (staging / "x").write_text("x")
        barrier.wait()
        versions.append(store.publish("race", staging, {"shards": [], "rows": 0}).number)

    threads = [threading.Thread(target=publish) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(versions) == [1, 2, 3, 4, 5, 6]


def test_resolve_errors_name_the_problem(tmp_path):
    store = Store(tmp_path)
    with pytest.raises(CurateError, match="no dataset named 'nope'"):
        store.resolve("nope")
    _publish(store, "demo")
    with pytest.raises(CurateError, match=r"no version v7 .*have: v1"):
        store.resolve("demo@v7")


def test_verify_detects_corrupt_and_missing_shards(tmp_path):
    version = _publish(Store(tmp_path), "demo")
    shard = version.shard_paths[0]
    shard.write_bytes(shard.read_bytes()[:-3] + b"xyz")
    with pytest.raises(CurateError, match="does not match its sha256"):
        version.read()
    shard.unlink()
    with pytest.raises(CurateError, match="is missing"):
        version.verify()


def test_corrupt_manifest_is_a_clear_error(tmp_path):
    version = _publish(Store(tmp_path), "demo")
    (version.path / MANIFEST).write_text("{not json")
    fresh = Store(tmp_path).resolve("demo@v1")
    with pytest.raises(CurateError, match="manifest .* is corrupt"):
        _ = fresh.manifest


def test_unwritable_store_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(CurateError, match="cannot write to store"):
        Store(blocker).staging_dir("demo")
