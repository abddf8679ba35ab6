"""What only the Ray executor has: equality with a local build through --work-dir and --dedup-on-ray,
a worker killed mid-task, a driver killed mid-build, and the one-line errors of a cluster.

The suite both executors share is test_build.py (its `executor` fixture); these tests use the one
local Ray of the session (`ray_session`), except the killed driver, which must start its own.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from process_helpers import session_processes

from curate.cli import main
from curate.store import Store, sha256_file

ARGS = ["build", "--topics", "writing,summary", "--languages", "all", "--name", "t", "--quiet"]


def _build(source: Path, store: Path, *extra: str) -> int:
    return main([*ARGS, "--source", str(source), "--store", str(store), *extra])


def _files(store: Path) -> dict[str, str]:
    """sha256 of every file of the version but the card (regenerable), and its manifest without timings."""
    version = Store(store).resolve("t")
    hashes = {s["file"]: s["sha256"] for s in version.manifest["shards"]}
    hashes["dropped"] = sha256_file(version.dropped_path)
    manifest = json.loads((version.path / "manifest.json").read_text())
    for key in ("created", "timings"):
        manifest.pop(key)
    for stage in manifest["funnel"]["stages"]:
        stage.pop("seconds")
    return {**hashes, "manifest": json.dumps(manifest, sort_keys=True)}


@pytest.fixture(scope="module")
def local_build(many_files, tmp_path_factory) -> dict[str, str]:
    store = tmp_path_factory.mktemp("local")
    assert _build(many_files, store, "--workers", "2") == 0
    return _files(store)


def test_a_ray_build_equals_a_local_one_byte_for_byte(many_files, local_build, ray_session, tmp_path):
    work_dir = tmp_path / "shared-work"
    assert _build(many_files, tmp_path / "s", "--executor", "ray", "--work-dir", str(work_dir), "--dedup-on-ray") == 0
    assert _files(tmp_path / "s") == local_build
    assert list(work_dir.iterdir()) == [], "the work folder is removed once published"


def test_a_killed_worker_task_is_retried_and_the_output_is_unchanged(many_files, local_build, ray_session, tmp_path,
                                                                     monkeypatch):
    import curate.build

    real_map_shard, kills = curate.build.map_shard, tmp_path / "kills"
    kills.mkdir()

    def killed_once_at_shard_3(location, shard, *args):  # runs in a Ray worker: a closure travels by value
        if shard.index == 3 and not (kills / "3").exists():
            (kills / "3").touch()
            os.kill(os.getpid(), signal.SIGKILL)  # the worker dies mid-task, as under the OOM killer
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", killed_once_at_shard_3)
    assert _build(many_files, tmp_path / "s", "--executor", "ray") == 0
    assert (kills / "3").exists(), "the worker was killed"
    assert _files(tmp_path / "s") == local_build


def test_a_worker_that_keeps_dying_stops_the_build_with_one_line(many_files, local_build, ray_session, tmp_path,
                                                                 monkeypatch, capsys):
    import curate.build

    real_map_shard = curate.build.map_shard

    def always_killed_at_shard_3(location, shard, *args):
        if shard.index == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", always_killed_at_shard_3)
    monkeypatch.setenv("CURATE_RAY_TASK_RETRIES", "1")
    assert _build(many_files, tmp_path, "--executor", "ray", "--workers", "1") == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert err.startswith("error: a Ray worker died running input shard 3 (") and "1 retries failed" in err
    assert err.endswith("run the same command with --resume")
    [work] = tmp_path.glob(".work/t-*")
    assert sorted(p.stem for p in (work / "done").glob("*.json")) == ["00000000", "00000001", "00000002"]
    monkeypatch.setattr(curate.build, "map_shard", real_map_shard)  # the node is back
    assert _build(many_files, tmp_path, "--executor", "ray", "--resume") == 0
    assert _files(tmp_path) == local_build


@pytest.mark.slow
def test_resume_after_the_driver_is_killed(many_files, local_build, ray_session, tmp_path, monkeypatch):
    """The driver SIGKILLed with shards done: its local Ray goes with it, and --resume on Ray finishes
    the build identical, mapping only what was not done."""
    proc = subprocess.Popen([sys.executable, "-m", "curate", *ARGS, "--source", str(many_files), "--store",
                             str(tmp_path), "--executor", "ray", "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 180
    while len(list(tmp_path.glob(".work/*/done/*.json"))) < 2 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, f"the build ended before it could be killed: {proc.communicate()[1]}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    try:
        assert _left_running(proc.pid) == [], "the local Ray's workers or servers outlived its driver"
    finally:
        for agent in session_processes(proc.pid):  # exit by themselves within about 90 s; no need to wait
            agent.kill()
    assert not list(tmp_path.glob("t/v*"))
    done_before = {p.stem for p in tmp_path.glob(".work/*/done/*.json")}
    assert 2 <= len(done_before) < 12
    import curate.build

    real_map_shard, mapped = curate.build.map_shard, tmp_path / "mapped"
    mapped.mkdir()

    def noted(location, shard, *args):  # runs in a Ray worker: leaves a file per shard it maps
        (mapped / str(shard.index)).touch()
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", noted)
    assert _build(many_files, tmp_path, "--executor", "ray", "--resume") == 0
    assert {int(p.name) for p in mapped.iterdir()} == set(range(12)) - {int(i) for i in done_before}
    assert _files(tmp_path) == local_build


def _left_running(session: int, seconds: float = 30) -> list[str]:
    """What still runs of the session but Ray's dashboard and runtime-env agents, which wait out their
    GCS reconnect timeout (about a minute) before they notice that the node is gone."""
    deadline = time.time() + seconds
    while True:
        left = []
        for p in session_processes(session):
            try:
                name = p.name()
            except psutil.NoSuchProcess:
                continue
            if name not in ("ray::DashboardAgent", "ray::RuntimeEnvAgent"):
                left.append(name)
        if not left or time.time() > deadline:
            return left
        time.sleep(0.2)


def test_an_unreachable_ray_address_is_one_line(many_files, tmp_path, capsys):
    started = time.monotonic()
    assert _build(many_files, tmp_path, "--executor", "ray", "--ray-address", "127.0.0.1:9") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: cannot reach the Ray cluster at 127.0.0.1:9: ") and "\n" not in err
    assert time.monotonic() - started < 60  # not Ray's minutes of retries
    assert not list(tmp_path.glob(".work/*"))


def test_a_missing_ray_extra_is_one_line(many_files, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets without the extra
    assert _build(many_files, tmp_path, "--executor", "ray") == 2
    err = capsys.readouterr().err.strip()
    assert err == "error: --executor ray needs the ray extra: pip install 'reasoning-curate[ray]' (or pip install ray)"


def test_the_drivers_hub_and_curate_settings_reach_the_tasks(ray_session, monkeypatch):
    from curate.ray_executor import RayExecutor

    monkeypatch.setenv("CURATE_HUB_TRIES", "7")
    monkeypatch.setenv("HF_TOKEN", "hf_not_a_real_token")
    monkeypatch.setenv("UNRELATED_SETTING", "stays here")
    seen: list = []
    with RayExecutor(None, 1) as pool:
        pool.run([(os.getenv, "CURATE_HUB_TRIES"), (os.getenv, "HF_TOKEN"), (os.getenv, "UNRELATED_SETTING")],
                 seen.append)
    assert seen == ["7", "hf_not_a_real_token", None]
