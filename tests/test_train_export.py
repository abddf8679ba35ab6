"""`train export`: a tiny run's base + merged LoRA as a Hugging Face folder, loaded back through the
path `--model DIR` / `--checkpoint DIR` take, gives the logits of the run's in-memory adapted model."""

from __future__ import annotations

import json

import jax.numpy as jnp
import numpy as np
import pytest
from flax import nnx
from test_train_helpers import make_rows, publish, read_json

from train.cli import main
from train.config import RunConfig
from train.mesh import build_mesh
from train.models import base_config, load_model, resolve_source
from train.run import load_run
from train.tokenizer import Tokenizer

PROMPTS = ["Write a short poem about rain.", "Summarize: the river runs past the city every morning."]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    version = publish(root / "store", "writing-summary", make_rows(32))
    prompts = root / "prompts.jsonl"
    prompts.write_text(json.dumps({"id": "p", "prompt": PROMPTS[0]}) + "\n")
    assert main(["run", "--store", str(root / "store"), "--data", "writing-summary", "--model", "tiny", "--steps", "3",
                 "--batch-size", "2", "--eval-every", "3", "--checkpoint-every", "3", "--max-new-tokens", "4",
                 "--eval-prompts", str(prompts), "--out", str(root / "run")]) == 0
    assert main(["export", "--run", str(root / "run"), "--out", str(root / "export")]) == 0
    return root, version


def logits(model, ids: list[int]) -> np.ndarray:
    n = len(ids)
    forward = nnx.jit(lambda m, x: m(x, jnp.arange(n)[None], None, jnp.tril(jnp.ones((n, n), bool))[None])[0])
    return np.asarray(forward(model, jnp.asarray([ids], dtype=jnp.int32)))


@pytest.mark.slow
def test_export_round_trip_gives_the_merged_models_logits(exported):
    root, _ = exported
    run = load_run(root / "run")  # the base with the trained adapter, in memory
    base = load_run(root / "run", adapter=False)
    source = resolve_source(RunConfig(model=str(root / "export")))  # what --model DIR and --checkpoint DIR do
    assert (source.family.name, source.layout) == ("gemma", "safetensors")
    tok = Tokenizer.load(source.tokenizer)
    assert tok.data == run.model.tok.data
    reloaded = load_model(source, base_config(source, tok.vocab_size), tok, build_mesh(None), 0, dtype=None)
    for prompt in PROMPTS:
        ids = run.model.chat.prompt_ids(prompt)
        merged = logits(reloaded, ids)
        np.testing.assert_allclose(merged, logits(run.network, ids), atol=1e-4)
        assert np.abs(merged - logits(base.network, ids)).max() > 1e-3  # the adapter is in the weights


@pytest.mark.slow
def test_export_folder_and_model_card(exported):
    root, version = exported
    folder = root / "export"
    assert sorted(p.name for p in folder.iterdir()) == [
        "README.md", "config.json", "model.safetensors", "tokenizer.model", "training_run.json"]
    config = read_json(folder / "config.json")
    assert config["model_type"] == "gemma2" and config["num_hidden_layers"] == 2
    card = (folder / "README.md").read_text()
    record = read_json(root / "run" / "run.json")
    assert card.startswith("---\nlibrary_name: transformers")
    assert "writing-summary@v1" in card and record["data"]["manifest_sha256"] in card
    assert f"{record['metrics']['eval_loss']:.3f}" in card and '"lora_rank": 16' in card
    assert "**Not a usable model**" in card and "checkpoint step 3" in card
    assert read_json(folder / "training_run.json") == record
