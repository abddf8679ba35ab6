"""`--distributed`: two processes on localhost (jax.distributed.initialize, CPU devices, gloo
collectives, 4 simulated devices each) train `tiny` over one global 8-device mesh, each feeding only
its half of every batch; killed after a checkpoint and resumed, they end with the LoRA weights of a
single process training on the same 8-device mesh (the same losses at every step, and the same
weights up to the order of float sums)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest
from test_train_helpers import FAST_COMPILE, ROOT, check, make_rows, publish, read_json, train_cli
from test_train_runs import KILLER, lora_weights

pytestmark = pytest.mark.slow  # three trainings in five processes

STEPS = 6


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(args: list[str], code: str | None = None, timeout: float = 900) -> list[subprocess.CompletedProcess]:
    """Run `python -m train ARGS` as process 0 and 1 of one distributed job; wait for both."""
    port = free_port()
    procs = []
    for index in range(2):
        env = {**os.environ, "JAX_PLATFORMS": "cpu", "JAX_COORDINATOR_ADDRESS": f"127.0.0.1:{port}",
               "JAX_NUM_PROCESSES": "2", "JAX_PROCESS_ID": str(index),
               "XLA_FLAGS": f"{FAST_COMPILE} --xla_force_host_platform_device_count=4"}
        command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "train", *args]
        procs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True))
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:  # one process died and left the other waiting in a collective
            proc.kill()
            out, err = proc.communicate()
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("multihost")
    publish(root / "store", "writing-summary", make_rows(48))
    prompts = root / "prompts.jsonl"
    prompts.write_text(json.dumps({"id": "p", "prompt": "Write a short poem about rain."}) + "\n")
    args = ["run", "--store", str(root / "store"), "--data", "writing-summary", "--model", "tiny", "--steps",
            str(STEPS), "--batch-size", "4", "--eval-every", "3", "--checkpoint-every", "2", "--max-new-tokens", "4",
            "--eval-fraction", "0.25", "--eval-prompts", str(prompts), "--mesh", "fsdp=4,tp=2"]
    return root, args


def test_two_processes_train_resume_and_match_one_process(setup):
    root, args = setup
    single = root / "single"
    check(train_cli(*args, "--out", str(single), devices=8))

    out = root / "distributed"
    killed = launch([*args, "--distributed", "--out", str(out)], code=KILLER, timeout=600)
    assert any(r.returncode == -9 for r in killed), [r.stderr[-2000:] for r in killed]
    assert not (out / "run.json").exists() and (out / "checkpoints" / "2").is_dir()
    for result in launch([*args, "--distributed", "--resume", "--out", str(out)]):
        check(result)

    record = read_json(out / "run.json")
    assert record["device"]["processes"] == 2 and record["device"]["count"] == 8
    assert record["device"]["mesh"] == {"fsdp": 4, "tp": 2} and record["training"]["resumed_from_step"] in (2, 4)
    assert [r["step"] for r in read_json(out / "metrics.json")["train"]] == list(range(1, STEPS + 1))
    # Equal up to the order of float sums: gloo reduces across the two processes in another order than
    # XLA inside one. AdamW divides each gradient by its own scale, so where a gradient is almost zero
    # (LoRA A while B is still near zero) that noise can move a single weight by ~1e-4; compare each
    # array as a whole. A process training on its own rows only would be off by about its updates.
    single_losses = [r["loss"] for r in read_json(single / "metrics.json")["train"]]
    np.testing.assert_allclose([r["loss"] for r in read_json(out / "metrics.json")["train"]], single_losses, rtol=1e-4)
    for a, b in zip(lora_weights(single), lora_weights(out), strict=True):
        assert np.linalg.norm(a - b) <= 1e-3 * np.linalg.norm(a), (np.linalg.norm(a - b), np.linalg.norm(a))
    assert record["metrics"]["tokens_seen"] == read_json(single / "run.json")["metrics"]["tokens_seen"]
