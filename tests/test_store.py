"""The versioned store: references, atomic publication, integrity checks."""

import fcntl
import hashlib
import json
import threading

import polars as pl
import pytest

from curate.errors import CurateError
from curate.store import (
    DROPPED_FILE,
    MANIFEST,
    PUBLISH_MARK,
    WORK_DIR,
    WORK_LOCK,
    Store,
    file_entry,
    parse_ref,
    remove_work,
    sha256_file,
)


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


# --- the store checks itself ------------------------------------------------------------------------


def _rewrite_manifest(version, change) -> None:
    path = version.path / MANIFEST
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def _fresh(version):
    """The same version without its cached manifest."""
    return Store(version.path.parent.parent).resolve(version.ref)


def test_verify_checks_row_counts(tmp_path):
    version = _publish(Store(tmp_path), "demo")
    _rewrite_manifest(version, lambda m: m["shards"][0].update(rows=4))
    with pytest.raises(CurateError, match="holds 3 rows, the manifest says 4"):
        _fresh(version).verify()
    _rewrite_manifest(version, lambda m: (m["shards"][0].update(rows=3), m.update(rows=5)))
    with pytest.raises(CurateError, match="the shards hold 3 rows, the manifest says 5"):
        _fresh(version).read()


@pytest.mark.parametrize("file", ["../../x.parquet", "/etc/passwd", "data/../../x.parquet", ""])
def test_shard_paths_must_stay_inside_the_version(tmp_path, file):
    version = _publish(Store(tmp_path), "demo")
    _rewrite_manifest(version, lambda m: m["shards"][0].update(file=file))
    with pytest.raises(CurateError, match="outside the version folder"):
        _ = _fresh(version).shard_paths


@pytest.mark.parametrize(
    ("text", "problem"),
    [("[1, 2]", "not a JSON object"), ('{"rows": 3}', "no list of shards"), ('{"shards": []}', "no row count"),
     ('{"shards": [{"file": "data/x.parquet"}], "rows": 0}', "lacks file, rows or sha256")],
)
def test_malformed_manifests_are_clear_errors(tmp_path, text, problem):
    version = _publish(Store(tmp_path), "demo")
    (version.path / MANIFEST).write_text(text)
    with pytest.raises(CurateError, match=problem):
        _fresh(version).verify()


def test_a_corrupt_shard_with_a_matching_sha256_is_caught(tmp_path):
    version = _publish(Store(tmp_path), "demo")
    shard = version.shard_paths[0]
    shard.write_bytes(b"PAR1 but not really" * 10)
    _rewrite_manifest(version, lambda m: m["shards"][0].update(sha256=sha256_file(shard)))
    with pytest.raises(CurateError, match="not a readable parquet file"):
        _fresh(version).verify()
    with pytest.raises(CurateError, match="cannot read its shards"):
        _fresh(version).read(verify=False)


def test_dropped_file_is_listed_with_its_sha256_and_checked(tmp_path):
    store = Store(tmp_path)
    staging = store.staging_dir("demo")
    (staging / "dropped").mkdir()
    pl.DataFrame({"id": ["a", "b"]}).write_parquet(staging / DROPPED_FILE)
    entry = file_entry(staging, DROPPED_FILE)
    assert entry == {"file": DROPPED_FILE, "rows": 2, "sha256": sha256_file(staging / DROPPED_FILE)}
    version = store.publish("demo", staging, {"shards": [], "rows": 0, "dropped": entry})
    version.verify()
    version.dropped_path.write_bytes(version.dropped_path.read_bytes()[:-1])
    with pytest.raises(CurateError, match="dropped file dropped/dropped.parquet does not match its sha256"):
        version.verify()


def test_a_file_in_data_that_the_manifest_does_not_list_is_flagged(tmp_path):
    version = _publish(Store(tmp_path), "demo")
    (version.path / "data" / "notes.parquet").write_bytes(b"x")
    with pytest.raises(CurateError, match="data/notes.parquet is not in the manifest"):
        version.verify()


def test_a_broken_version_hides_nothing_and_takes_its_number(tmp_path):
    store = Store(tmp_path)
    _publish(store, "demo")
    (tmp_path / "demo" / "v2").mkdir()  # e.g. a copy that never finished
    assert [v.number for v in store.versions("demo")] == [1, 2]
    assert [v.number for v in store.readable_versions("demo")] == [1]
    with pytest.raises(CurateError, match="manifest missing"):
        _ = store.resolve("demo@v2").manifest
    assert _publish(store, "demo").number == 3


# --- a build killed right after it published --------------------------------------------------------


def _published_with_work(store: Store, name: str = "demo"):
    """What a build killed right after publish leaves: the version, no card, a marked work folder."""
    work = store.root / WORK_DIR / f"{name}-0123"
    (work / "parts").mkdir(parents=True)
    (work / "parts" / "00000000.parquet").write_bytes(b"x" * 1000)
    staging = work / "staging"
    (staging / "data").mkdir(parents=True)
    path = staging / "data" / "train-00000-of-00001.parquet"
    pl.DataFrame({"id": ["a"]}).write_parquet(path)
    shards = [{"file": "data/train-00000-of-00001.parquet", "rows": 1, "sha256": sha256_file(path)}]
    return store.publish(name, staging, {"shards": shards, "rows": 1}, work=work), work


def test_finish_interrupted_writes_the_card_and_removes_the_work_folder(tmp_path):
    store = Store(tmp_path)
    version, work = _published_with_work(store)
    carded = []
    lines = store.finish_interrupted(carded.append)
    assert carded == [version]
    assert lines == ["finished the interrupted build of demo@v1: wrote its data card, removed its work folder (0.0 MB)"]
    assert not (tmp_path / WORK_DIR).exists()
    assert store.finish_interrupted(carded.append) == [] and carded == [version]


def test_finish_interrupted_leaves_running_and_unpublished_builds_alone(tmp_path):
    store = Store(tmp_path)
    _, running = _published_with_work(store, "running")
    with open(running / WORK_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as the build that owns it does
        unpublished = tmp_path / WORK_DIR / "other-4567"
        unpublished.mkdir()
        (unpublished / PUBLISH_MARK).write_text(json.dumps({"version": "other@v1", "manifest_sha256": "0" * 64}))
        assert store.finish_interrupted(lambda v: None) == []
        assert running.is_dir() and unpublished.is_dir()
    assert len(store.finish_interrupted(lambda v: None)) == 1  # released: now it is finished
    assert not running.exists() and unpublished.is_dir()


def test_a_stale_mark_never_matches_another_version(tmp_path):
    """A mark written before a rename that lost a race names a number another build now owns."""
    store = Store(tmp_path)
    _publish(store, "demo")
    work = tmp_path / WORK_DIR / "demo-89ab"
    work.mkdir(parents=True)
    other = (tmp_path / "demo" / "v1" / MANIFEST).read_bytes()
    mark = {"version": "demo@v1", "manifest_sha256": hashlib.sha256(other + b" ").hexdigest()}
    (work / PUBLISH_MARK).write_text(json.dumps(mark))
    assert store.finish_interrupted(lambda v: None) == [] and work.is_dir()


def test_a_card_that_cannot_be_written_is_said_and_the_work_folder_still_goes(tmp_path):
    store = Store(tmp_path)
    _published_with_work(store)

    def broken(version):
        raise CurateError("plots failed")

    (line,) = store.finish_interrupted(broken)
    assert "could not write its data card (plots failed; run `data-cards build demo@v1`)" in line
    assert not (tmp_path / WORK_DIR).exists()


def test_remove_work_removes_an_empty_work_root_only(tmp_path):
    first, second = tmp_path / WORK_DIR / "a", tmp_path / WORK_DIR / "b"
    first.mkdir(parents=True)
    second.mkdir()
    remove_work(first)
    assert not first.exists() and second.is_dir()
    remove_work(second)
    assert not (tmp_path / WORK_DIR).exists()
