"""Training for real, tiny model on CPU: a sharded run on 8 simulated devices (fsdp=4 x tp=2) that
writes every output, a run killed midway and resumed that ends with the same LoRA weights, and
`train sample` on the result. Each run is a fresh process (the device count is fixed at jax import);
the processes share a compilation cache.
"""

from __future__ import annotations

import json

import jax
import numpy as np
import orbax.checkpoint as ocp
import pytest
from test_train_helpers import check, make_rows, publish, read_json, train_cli

pytestmark = pytest.mark.slow  # several training processes: a few minutes on 2 cores

STEPS = 6
# Kill the process with SIGKILL after step 3 is reported, once a checkpoint (step 2) is committed.
KILLER = """
import os, signal, sys, time
from pathlib import Path
from train import trainer
report = trainer.RunHooks.on_train_step_end
def report_then_die(self, t, step, loss):
    report(self, t, step, loss)
    if step == 3:
        saved = Path(sys.argv[sys.argv.index("--out") + 1]) / "checkpoints" / "2"
        for _ in range(600):
            if saved.is_dir():
                break
            time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGKILL)
trainer.RunHooks.on_train_step_end = report_then_die
from train.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("train_runs")
    publish(root / "store", "writing-summary", make_rows(48))
    prompts = root / "prompts.jsonl"
    prompts.write_text(json.dumps({"id": "edu", "topic": "ideation", "prompt": "Propose innovative uses for AI in education"}) + "\n"
                       + json.dumps({"id": "poem", "topic": "writing", "prompt": "Write a short poem about rain."}) + "\n")
    args = ["run", "--store", str(root / "store"), "--data", "writing-summary", "--model", "tiny",
            "--steps", str(STEPS), "--batch-size", "4", "--seq-len", "192", "--eval-every", "3",
            "--checkpoint-every", "2", "--max-new-tokens", "8", "--eval-fraction", "0.25", "--eval-prompts", str(prompts),
            "--mesh", "fsdp=4,tp=2"]
    return root, args


@pytest.fixture(scope="module")
def full_run(setup):
    root, args = setup
    out = root / "full"
    check(train_cli(*args, "--out", str(out), devices=8, cache=root / "jax-cache"))
    return out


@pytest.fixture(scope="module")
def single_device_run(setup):
    """The same run on one device: the sharded run must compute the same losses on the same batches."""
    root, args = setup
    out = root / "single"
    mesh = args.index("--mesh")
    check(train_cli(*args[:mesh], *args[mesh + 2:], "--out", str(out), devices=1, cache=root / "jax-cache"))
    return out


def lora_weights(out, step=STEPS) -> list[np.ndarray]:
    """The adapter weights a run saved, as numpy (this process has 1 device, the run had 8)."""
    path = out / "checkpoints" / str(step) / "model_params"
    checkpointer = ocp.PyTreeCheckpointer()
    tree = checkpointer.metadata(path).item_metadata
    as_numpy = jax.tree.map(lambda _: ocp.RestoreArgs(restore_type=np.ndarray), tree)
    return jax.tree.leaves(checkpointer.restore(path, restore_args=as_numpy))


def test_sharded_run_writes_every_output(full_run):
    record = read_json(full_run / "run.json")
    assert record["device"]["count"] == 8 and record["device"]["mesh"] == {"fsdp": 4, "tp": 2}
    assert record["model"]["sharded_arrays"] > 0  # laid out over the mesh, not replicated
    assert record["data"]["ref"] == "writing-summary@v1" and len(record["data"]["manifest_sha256"]) == 64
    assert record["config"]["lora_rank"] == 16 and record["config"]["seq_len"] == 192
    assert record["code_version"] and record["training"]["steps"] == STEPS
    m = record["metrics"]
    assert m["tokens_seen"] > 0 and 0 <= m["padding_share"] < 1
    assert set(m["eval_loss_by_topic"]) == {"summary", "writing"}
    assert m["eval_loss"] < m["eval_loss_start"]  # it learned something
    assert sum(m["train_tokens_by_topic"].values()) == m["tokens_seen"]
    assert 0 <= m["compliance"] <= 1 and "mean_answer_len" in m
    examples = record["examples"]
    assert examples["overlong_policy"] == "drop" and examples["dropped_overlong"]["train"] >= 0

    train_lines = (full_run / "metrics.csv").read_text().splitlines()
    assert len(train_lines) == STEPS + 1 and train_lines[0].startswith("step,loss,lr")
    assert [e["step"] for e in read_json(full_run / "metrics.json")["eval"]] == [0, 3, 6]
    report = (full_run / "report.md").read_text()
    for heading in ("## Eval loss by topic", "## Answer format on 2 fixed prompts (base vs tuned)", "Propose innovative"):
        assert heading in report
    assert "> **Note**: the model is `tiny`: randomly initialised" in report
    assert record["model"]["random"] and record["training"]["attention"] == "masked"
    assert (full_run / "loss.png").stat().st_size > 1000
    assert any((full_run / "tensorboard").iterdir())
    assert str(STEPS) in {p.name for p in (full_run / "checkpoints").iterdir()}


def test_sharded_run_computes_the_single_device_losses(full_run, single_device_run):
    sharded, single = read_json(full_run / "metrics.json"), read_json(single_device_run / "metrics.json")
    assert read_json(single_device_run / "run.json")["device"]["mesh"] == {"fsdp": 1, "tp": 1}
    assert [r["real_tokens"] for r in sharded["train"]] == [r["real_tokens"] for r in single["train"]]  # same batches
    np.testing.assert_allclose([r["loss"] for r in sharded["train"]], [r["loss"] for r in single["train"]], rtol=2e-4)
    np.testing.assert_allclose([e["eval_loss"] for e in sharded["eval"]], [e["eval_loss"] for e in single["eval"]],
                               rtol=2e-4)
    assert sharded["train"][-1]["loss"] < sharded["train"][0]["loss"] - 0.1  # the losses moved: not a constant


def test_kill_and_resume_ends_with_the_same_weights(setup, full_run):
    root, args = setup
    out = root / "killed"
    killed = train_cli(*args, "--out", str(out), devices=8, cache=root / "jax-cache", code=KILLER)
    assert killed.returncode == -9, killed.stderr[-3000:]
    assert not (out / "run.json").exists()
    check(train_cli(*args, "--out", str(out), "--resume", devices=8, cache=root / "jax-cache"))

    record = read_json(out / "run.json")
    assert record["training"]["resumed_from_step"] in (2, 4)
    for a, b in zip(lora_weights(full_run), lora_weights(out), strict=True):
        np.testing.assert_array_equal(a, b)
    steps = [r["step"] for r in read_json(out / "metrics.json")["train"]]
    assert steps == list(range(1, STEPS + 1))
    assert record["metrics"]["tokens_seen"] == read_json(full_run / "run.json")["metrics"]["tokens_seen"]


def test_sample_answers_a_prompt(full_run, capsys):
    from train.cli import main  # in this process, on one device: the 8-device adapter is re-laid out

    assert main(["sample", "--run", str(full_run), "--prompt", "Write a haiku about rain", "--max-new-tokens", "6",
                 "--json"]) == 0
    captured = capsys.readouterr()
    assert "note: the model is `tiny`: randomly initialised" in captured.err
    reply = json.loads(captured.out.strip().splitlines()[-1])
    assert reply["prompt"] == "Write a haiku about rain" and 0 < reply["tokens"] <= 6
