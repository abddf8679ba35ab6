"""Bad input to `train`: one clear `error: ...` line, exit code 2, and nothing written or overwritten.

Every refusal happens before a model is built, so these run in-process on one CPU device.
"""

from __future__ import annotations

import json

import pytest
from test_train_helpers import make_rows, publish

from train.cli import main
from train.config import RunConfig


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("store")
    publish(root, "writing-summary", make_rows(24))
    publish(root, "empty", make_rows(0))
    return root


def run_train(capsys, store, out, *args: str) -> str:
    code = main(["run", "--store", str(store), "--out", str(out), "--steps", "2", *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("error: ") and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "args, message",
    [
        (["--data", "nope"], "no dataset named 'nope'"),
        (["--data", "writing-summary@v7"], "writing-summary has no version v7"),
        (["--data", "writing summary"], "malformed version reference"),
        (["--data", "empty"], "empty@v1 has no rows"),
        (["--data", "writing-summary", "--model", "gemma2-2b-it", "--checkpoint", "{tmp}/missing"], "does not exist"),
        (["--data", "writing-summary", "--tokenizer", "{tmp}/missing.model"], "--tokenizer {tmp}/missing.model does not exist"),
        (["--data", "writing-summary", "--seq-len", "16"], "--seq-len 16 is shorter than every example"),
        (["--data", "writing-summary", "--mesh", "fsdp=3"], "--mesh fsdp=3 needs 3 devices but"),
        (["--data", "writing-summary", "--mesh", "dp=2"], "malformed --mesh"),
        (["--data", "writing-summary", "--epochs", "1"], "give --steps or --epochs, not both"),
        (["--data", "writing-summary", "--model", "tiny", "--seq-len", "8192"], "sliding window"),
        ([], "--data NAME[@vN] is required"),
    ],
)
def test_refused_before_writing(capsys, store, tmp_path, args, message):
    out = tmp_path / "run"
    err = run_train(capsys, store, out, *[a.format(tmp=tmp_path) for a in args])
    assert message.format(tmp=tmp_path) in err
    assert not out.exists()


def test_checkpoint_folder_layouts(capsys, store, tmp_path):
    folder = tmp_path / "gemma"
    folder.mkdir()
    err = run_train(capsys, store, tmp_path / "a", "--data", "writing-summary", "--model", "gemma3-1b-it",
                    "--checkpoint", str(folder))
    assert "holds neither *.safetensors" in err and "gemma3-1b-it" in err
    (folder / "model.safetensors").write_bytes(b"")
    err = run_train(capsys, store, tmp_path / "b", "--data", "writing-summary", "--model", "gemma3-1b-it",
                    "--checkpoint", str(folder))
    assert "no tokenizer.model or tokenizer.json in" in err and "--tokenizer" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_tokenizer_that_is_not_sentencepiece(capsys, store, tmp_path):
    junk = tmp_path / "tokenizer.model"
    junk.write_text("not a model")
    err = run_train(capsys, store, tmp_path / "run", "--data", "writing-summary", "--tokenizer", str(junk))
    assert "is not a sentencepiece model" in err


def _existing_run(tmp_path, **config) -> tuple:
    out = tmp_path / "run"
    out.mkdir()
    saved = {"config": RunConfig(steps=2, **config).to_json(), "data": {"ref": "writing-summary@v1"}}
    (out / "config.json").write_text(json.dumps(saved))
    return out, (out / "config.json").read_bytes()


def test_existing_run_is_not_overwritten(capsys, store, tmp_path):
    out, before = _existing_run(tmp_path)
    err = run_train(capsys, store, out, "--data", "writing-summary")
    assert "already holds a run: pass --resume" in err
    assert (out / "config.json").read_bytes() == before and sorted(p.name for p in out.iterdir()) == ["config.json"]


def test_resume_with_a_different_config_is_refused(capsys, store, tmp_path):
    out, before = _existing_run(tmp_path, lora_rank=4)
    err = run_train(capsys, store, out, "--data", "writing-summary", "--resume")
    assert "cannot resume" in err and "config.lora_rank (4 -> 16)" in err
    assert (out / "config.json").read_bytes() == before and sorted(p.name for p in out.iterdir()) == ["config.json"]


def test_yaml_config_errors(capsys, store, tmp_path):
    path = tmp_path / "run.yaml"
    path.write_text("data: writing-summary\nlearning-rate: 0.1\n")
    err = run_train(capsys, store, tmp_path / "run", "--config", str(path))
    assert "unknown option(s) learning-rate" in err
    err = run_train(capsys, store, tmp_path / "run", "--config", str(tmp_path / "missing.yaml"))
    assert "does not exist" in err


def test_sample_needs_a_run(capsys, tmp_path):
    assert main(["sample", "--run", str(tmp_path), "--prompt", "hi"]) == 2
    assert "is not a training run" in capsys.readouterr().err
    assert main(["sample", "--run", str(tmp_path)]) == 2
    assert "give --prompt TEXT or --prompts FILE" in capsys.readouterr().err


def test_out_that_is_a_file(capsys, store, tmp_path):
    out = tmp_path / "notes.txt"
    out.write_text("mine")
    err = run_train(capsys, store, out, "--data", "writing-summary")
    assert f"{out} is a file, not a run folder" in err and out.read_text() == "mine"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"config": {"model": "tiny"}}'])
def test_corrupt_config_json_is_one_clear_line(capsys, store, tmp_path, content):
    out = tmp_path / "run"
    out.mkdir()
    (out / "config.json").write_text(content)
    err = run_train(capsys, store, out, "--data", "writing-summary", "--resume")
    assert err.count("\n") == 1 and "config.json is corrupt" in err and "cannot be resumed, sampled or exported" in err
    for argv in (["sample", "--run", str(out), "--prompt", "hi"], ["export", "--run", str(out), "--out", str(tmp_path / "x")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "config.json is corrupt" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_a_version_whose_shards_disagree_with_its_manifest_is_refused(capsys, tmp_path):
    version = publish(tmp_path / "store", "ws", make_rows(24))
    shard = version.shard_paths[0]
    import polars as pl

    pl.read_parquet(shard).head(10).write_parquet(shard)  # 10 of 24 rows left, manifest unchanged
    err = run_train(capsys, tmp_path / "store", tmp_path / "run", "--data", "ws")
    assert "ws@v1" in err and "does not match its sha256" in err and err.count("\n") == 1
    assert not (tmp_path / "run").exists()


def test_unknown_model_is_refused_before_writing(capsys, store, tmp_path):
    err = run_train(capsys, store, tmp_path / "run", "--data", "writing-summary", "--model", "gpt-5")
    assert "unknown --model 'gpt-5'" in err and not (tmp_path / "run").exists()


def test_export_refuses_a_folder_that_is_not_empty_or_not_a_run(capsys, tmp_path):
    assert main(["export", "--run", str(tmp_path / "nothing"), "--out", str(tmp_path / "out")]) == 2
    assert "is not a training run" in capsys.readouterr().err
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    assert main(["export", "--run", str(tmp_path), "--out", str(taken)]) == 2
    assert "already exists and is not an empty folder" in capsys.readouterr().err
    assert (taken / "keep.txt").read_text() == "mine"


def test_plan_needs_a_sequence_length(capsys, store):
    assert main(["plan", "--model", "tiny"]) == 2
    assert "train plan needs --seq-len, or --data" in capsys.readouterr().err
    assert main(["plan", "--model", "google/gemma-2-2b-it", "--data", "writing-summary", "--store", str(store)]) == 2
    assert "--data needs google/gemma-2-2b-it's tokenizer to count tokens" in capsys.readouterr().err


def test_a_version_whose_manifest_counts_other_rows_is_refused(capsys, tmp_path):
    version = publish(tmp_path / "store", "ws", make_rows(24))
    manifest = json.loads((version.path / "manifest.json").read_text())
    manifest["shards"][0]["rows"] = manifest["rows"] = 372  # the shard's bytes (and sha256) unchanged
    (version.path / "manifest.json").write_text(json.dumps(manifest))
    err = run_train(capsys, tmp_path / "store", tmp_path / "run", "--data", "ws")
    assert "holds 24 rows, the manifest says 372" in err and err.count("\n") == 1
    assert not (tmp_path / "run").exists()
