"""`curate build --source hf://...` against a local Hub: the real huggingface_hub client, offline."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import HUB_REPO, HUB_ROWS
from hub_server import Fault

from curate.cli import main
from curate.store import Store, sha256_file

HUB_SOURCE = f"hf://datasets/{HUB_REPO}"


def _args(source: str, store: Path, *extra: str) -> list[str]:
    return ["build", "--topics", "writing,summary", "--languages", "all", "--source", source, "--store", str(store),
            "--name", "mini", "--quiet", *extra]


def _hashes(store: Path) -> list[str]:
    version = Store(store).resolve("mini")
    return [s["sha256"] for s in version.manifest["shards"]] + [sha256_file(version.dropped_path)]


@pytest.fixture(scope="module")
def local_build(parquet_dataset, tmp_path_factory) -> Path:
    """The same files built from a local folder: what every Hub build must equal byte for byte."""
    store = tmp_path_factory.mktemp("local")
    assert main(_args(str(parquet_dataset), store, "--workers", "1")) == 0
    return store


def test_hub_build_equals_the_local_build(hub, hub_dataset, local_build, tmp_path):
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "2")) == 0
    assert _hashes(tmp_path) == _hashes(local_build)
    source = Store(tmp_path).resolve("mini").manifest["source"]
    local_source = Store(local_build).resolve("mini").manifest["source"]
    assert source["dataset"] == HUB_REPO and source["revision"] == hub.repos[HUB_REPO].branches["main"]
    assert source["files"] == [f"data/{name}" for name in local_source["files"]] and source["rows"] == HUB_ROWS
    assert source["fingerprint"] == local_source["fingerprint"]  # the same rows, wherever they came from
    assert hub.url not in json.dumps(source)


def test_hub_build_through_faults_finishes_identical(hub, hub_dataset, local_build, tmp_path):
    hub.faults += [
        Fault("reset", path="train-00000", after_bytes=5000),
        Fault("reset", path="train-00001", after_bytes=0, times=2),
        Fault("status", path="train-00002", status=503, times=3),
        Fault("status", path="train-00001", status=429, retry_after="0"),
        Fault("status", path="/revision/", status=500),
        Fault("slow", path="/tree/", delay_s=0.3),
        Fault("slow", path="train-00002", delay_s=0.3, times=2),
    ]
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "2")) == 0
    assert [f for f in hub.faults if f.times] == [], "every fault was hit"
    assert _hashes(tmp_path) == _hashes(local_build)


def test_slow_responses_past_the_timeout_are_retried(hub, hub_dataset, local_build, tmp_path, monkeypatch):
    monkeypatch.setenv("CURATE_HUB_TIMEOUT_S", "0.5")
    hub.faults.append(Fault("slow", path="train-00001", delay_s=2.0))
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "1")) == 0
    assert _hashes(tmp_path) == _hashes(local_build)


def _done_files(store: Path) -> set[str]:
    """Files whose every input shard has a done marker in the store's work folder."""
    [work] = store.glob(".work/mini-*")
    plan = json.loads((work / "plan.json").read_text())
    done = {int(p.stem) for p in (work / "done").glob("*.json")}
    return {f["path"] for f in plan["files"]
            if all(s["index"] in done for s in plan["shards"] if s["file"] == f["path"])}


def test_a_stopped_hub_build_resumes_without_fetching_finished_shards(hub, hub_dataset, local_build, tmp_path,
                                                                      capsys):
    # The footer read that plans the file goes through; every read after it fails.
    hub.faults.append(Fault("status", path="train-00002", status=503, times=-1, skip=1))
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "1")) == 2
    err = capsys.readouterr().err
    assert "HTTP 503" in err and "--resume" in err and "Traceback" not in err
    finished = _done_files(tmp_path)
    assert finished == {"data/train-00000-of-00003.parquet", "data/train-00001-of-00003.parquet"}

    hub.faults.clear()
    hub.log.clear()
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "1", "--resume")) == 0
    assert [r.path for r in hub.log if r.path.startswith("/api/datasets")] == [], "the plan came from the work folder"
    assert [r for r in hub.downloads() if any(f in r.path for f in finished)] == []
    assert hub.downloads("train-00002")
    assert _hashes(tmp_path) == _hashes(local_build)


@pytest.mark.slow
def test_a_killed_hub_build_resumes_without_fetching_finished_shards(hub, hub_dataset, local_build, tmp_path):
    hub.faults.append(Fault("slow", path="/resolve/", delay_s=0.5, times=-1))  # time to kill it mid-way
    env = {**os.environ, "HF_ENDPOINT": hub.url}
    proc = subprocess.Popen([sys.executable, "-m", "curate", *_args(HUB_SOURCE, tmp_path, "--workers", "1")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not list(tmp_path.glob(".work/*/done/*.json")):
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = _done_files(tmp_path)
    assert finished and len(finished) < 3

    hub.faults.clear()
    hub.log.clear()
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "2", "--resume")) == 0
    assert [r for r in hub.downloads() if any(f in r.path for f in finished)] == []
    assert [r.path for r in hub.log if r.path.startswith("/api/datasets")] == []
    assert _hashes(tmp_path) == _hashes(local_build)


def test_rebuilding_the_same_commit_reads_no_rows(hub, hub_dataset, tmp_path, capsys):
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "1")) == 0
    hub.log.clear()
    assert main(_args(HUB_SOURCE, tmp_path, "--workers", "1")) == 0
    assert "matches existing version mini@v1" in capsys.readouterr().out
    files = {f"data/train-0000{k}-of-00003.parquet" for k in range(3)}
    sizes = {p: len(c) for p, c in hub.repos[HUB_REPO].commits[hub.repos[HUB_REPO].branches["main"]].items()}
    for request in hub.downloads():  # the footers, to list the shards; never a row group
        path = next(p for p in files if request.path.endswith(p))
        assert request.byte_range[1] == sizes[path] and request.byte_range[1] - request.byte_range[0] <= 65536


@pytest.mark.parametrize(
    "source, message",
    [
        ("hf://datasets/test-org/nothing-here", "dataset test-org/nothing-here not found"),
        (f"{HUB_SOURCE}@no-such-branch", "has no revision 'no-such-branch'"),
        ("hf://datasets/only-one-part", "malformed Hub source"),
    ],
)
def test_unknown_repo_or_revision_is_one_clear_line(hub, hub_dataset, tmp_path, capsys, source, message):
    assert main(_args(source, tmp_path)) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) <= 2
    assert not list(tmp_path.glob(".work/*")) and not list(tmp_path.glob("*/v*"))
