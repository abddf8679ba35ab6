"""A build as processes: killed, terminated or interrupted, it leaves no workers and resumes identical."""

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

pytestmark = pytest.mark.slow


def _args(source: Path, store: Path, *extra: str) -> list[str]:
    return ["build", "--topics", "writing,summary", "--languages", "all", "--source", str(source),
            "--store", str(store), "--name", "t", "--quiet", *extra]


def _hashes(store: Path) -> list[str]:
    version = Store(store).resolve("t")
    return [s["sha256"] for s in version.manifest["shards"]] + [sha256_file(version.dropped_path)]


@pytest.fixture(scope="module")
def clean_build(many_files, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("clean")
    assert main(_args(many_files, store, "--workers", "1")) == 0
    return store


def _start(args: list[str], store: Path, shards_done: int) -> subprocess.Popen:
    """A build in its own session, returned once `shards_done` shards are done and two workers run."""
    proc = subprocess.Popen([sys.executable, "-m", "curate", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        workers = psutil.Process(proc.pid).children()
        if len(list(store.glob(".work/*/done/*.json"))) >= shards_done and len(workers) >= 2:
            return proc
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"the build ended or stalled before it could be stopped: {proc.communicate()[1]}")


def _wait_for_no_processes(session: int, seconds: float = 10) -> list[psutil.Process]:
    deadline = time.time() + seconds
    while (left := session_processes(session)) and time.time() < deadline:
        time.sleep(0.1)
    return left


def test_sigkill_of_the_main_process_alone_leaves_no_workers(many_files, clean_build, tmp_path):
    proc = _start(_args(many_files, tmp_path, "--workers", "2"), tmp_path, shards_done=2)
    os.kill(proc.pid, signal.SIGKILL)  # what the OOM killer or `kill -9 PID` does: the workers get no word
    proc.communicate()
    assert _wait_for_no_processes(proc.pid) == [], "workers outlived the build"
    assert not list(tmp_path.glob("t/v*"))
    assert main(_args(many_files, tmp_path, "--workers", "2", "--resume")) == 0
    assert _hashes(tmp_path) == _hashes(clean_build)


@pytest.mark.parametrize("executor", ["local", "ray"])
@pytest.mark.parametrize("how", ["SIGTERM to the main process", "Ctrl-C to the process group"])
def test_sigterm_and_ctrl_c_stop_cleanly_and_resume(many_files, clean_build, tmp_path, how, executor):
    """Stopped the same way on either executor; the work resumes with local workers, identical."""
    proc = _start(_args(many_files, tmp_path, "--workers", "2", "--executor", executor), tmp_path, shards_done=1)
    if how.startswith("SIGTERM"):
        os.kill(proc.pid, signal.SIGTERM)
    else:
        os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to every process of the group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip() == "interrupted; run the same command with --resume to continue"
    assert _wait_for_no_processes(proc.pid) == []
    assert list(tmp_path.glob(".work/t-*/done/*.json")), "the finished shards are kept"
    assert main(_args(many_files, tmp_path, "--workers", "2", "--resume")) == 0
    assert _hashes(tmp_path) == _hashes(clean_build)


def test_workers_die_with_the_main_process_even_mid_task(tmp_path):
    """A worker busy with a long task must not wait for it to end: the parent's death kills it."""
    script = ("import time; from curate.workers import WorkerPool\n"
              "with WorkerPool(2) as pool: pool.run([(time.sleep, 120), (time.sleep, 120)], print)")
    proc = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.time() + 60
    while len(psutil.Process(proc.pid).children()) < 2 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # both workers are inside their two-minute task
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _wait_for_no_processes(proc.pid, seconds=3) == []
