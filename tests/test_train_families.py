"""Every model family: its chat format as exact ids, one BOS, packing masks, its Hugging Face layout
through Tunix's own loader, and (slow) a few training steps through `train_on` from a local folder.

Each family gets a toy config (written as a Hugging Face config.json and read back), random weights
from Tunix's dummy_model_creator, and a small tokenizer carrying its special tokens: sentencepiece
for Gemma, a byte-level BPE tokenizer.json for Llama 3 and Qwen.
"""

from __future__ import annotations

import json

import jax
import jax.numpy as jnp
import numpy as np
import polars as pl
import pytest
import safetensors.numpy as safe_np
from flax import nnx
from test_train_helpers import make_hf_tokenizer, make_rows, read_json, toy_config
from tunix.models import dummy_model_creator

from train import families
from train.config import RunConfig
from train.export import hf_state
from train.formatting import chat_format
from train.packing import assemble, tokenize_rows
from train.tokenizer import Tokenizer, train_tiny_tokenizer
from train.trainer import PackedInput, model_inputs

FAMILIES = ("gemma", "gemma3", "llama3", "qwen2", "qwen3")
RENDERED = {  # the prompt side of each format as text, special tokens written out
    "gemma": "<start_of_turn>user\nBe brief.\n\nHi there<end_of_turn>\n<start_of_turn>model\n",
    "llama3": ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
               "<|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
               "<|start_header_id|>assistant<|end_header_id|>\n\n"),
    "chatml": ("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi there<|im_end|>\n"
               "<|im_start|>assistant\n"),
}
BOS = {"gemma": "<bos>", "llama3": "<|begin_of_text|>", "chatml": None}
END = {"gemma": ["<end_of_turn>", "<eos>"], "llama3": ["<|eot_id|>"], "chatml": ["<|im_end|>"]}


@pytest.fixture(scope="module")
def rows() -> pl.DataFrame:
    return make_rows(24)


@pytest.fixture(scope="module", params=FAMILIES)
def toy(request, rows, tmp_path_factory):
    """(family, tokenizer, tokenizer file, Tunix config, config.json) of one family's toy model."""
    family = families.FAMILIES[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    if family.chat == "gemma":
        tok = train_tiny_tokenizer(rows, 384)
        path = folder / "tokenizer.model"
        path.write_bytes(tok.data)
    else:
        path = make_hf_tokenizer(folder / "tokenizer.json", family.chat, rows)
        tok = Tokenizer.load(path)
    hf = toy_config(family.name, tok.vocab_size)
    return family, tok, path, family.from_hf(hf, "toy"), hf


def dummy(family, config, seed: int = 0):
    """Tunix's random model, with neutral norms and a wider embedding (as tiny's), so that its logits
    spread and LoRA alone can lower the loss: N(0, 0.02) norm scales would shrink every activation."""
    model = dummy_model_creator.create_dummy_model(family.model_class, config, dtype=jnp.float32, random_seed=seed)
    neutral = 0.0 if family.chat == "gemma" else 1.0  # Gemma scales by (1 + w), the others by w

    def adjust(path, x):
        name = jax.tree_util.keystr(path)
        if "norm" in name:
            return jnp.full_like(x, neutral)
        return x * (config.embed_dim**-0.5 / 0.02) if "input_embedding" in name else x

    nnx.update(model, jax.tree_util.tree_map_with_path(adjust, nnx.state(model, nnx.Param)))
    return model


def test_config_json_round_trip(toy):
    family, _, _, config, hf = toy
    assert family.from_hf(families.to_hf(family, config), "again") == config
    assert families.family_of_folder(hf, "toy") is family


def test_chat_ids_are_the_rendered_template(toy):
    family, tok, _, _, _ = toy
    chat = chat_format(family.chat, tok, "Be brief.")
    bos = BOS[family.chat]
    expected = ([tok.token_id(bos)] if bos and family.chat == "gemma" else []) + tok.encode(RENDERED[family.chat])
    assert chat.prompt_ids("Hi there") == expected  # the whole string tokenized at once gives the same ids
    ids, mask = chat.examples(["Hi there"], ["<reasoning>r</reasoning>\n<answer>a</answer>"])[0]
    target = tok.encode("<reasoning>r</reasoning>\n<answer>a</answer>") + [tok.token_id(t) for t in END[family.chat]]
    assert ids.tolist() == expected + target
    assert mask.tolist() == [False] * len(expected) + [True] * len(target)  # the loss on the assistant turn only
    bos_id = tok.token_id(bos) if bos else None
    assert ids.tolist().count(bos_id) == (1 if bos else 0) and (bos is None or ids[0] == bos_id)
    if family.chat == "chatml":
        assert ids[0] == tok.token_id("<|im_start|>")


def test_packed_rows_give_the_same_logits_as_separate_rows(toy, rows):
    family, tok, _, config, _ = toy
    chat = chat_format(family.chat, tok, "")
    examples = tokenize_rows(rows, chat, 512, "drop", ("summary", "writing"))
    a, b = (int(i) for i in np.argsort(examples.lengths)[:2])
    model = dummy(family, config)

    @nnx.jit
    def logits(model, batch):
        x = model_inputs(PackedInput(**batch))
        return model(x["input_tokens"], x["positions"], None, x["attention_mask"])[0]

    out = np.asarray(logits(model, assemble(examples, [[a, b], [a], [b]], 256)))
    n0, n1 = len(examples.ids[a]), len(examples.ids[b])
    np.testing.assert_allclose(out[0, :n0], out[1, :n0], atol=2e-5)
    np.testing.assert_allclose(out[0, n0:n0 + n1], out[2, :n1], atol=2e-5)


def write_folder(folder, family, model, hf: dict, tokenizer) -> None:
    """A Hugging Face model folder: config.json, model.safetensors, the tokenizer."""
    folder.mkdir(exist_ok=True)
    safe_np.save_file(hf_state(family, model), str(folder / "model.safetensors"))
    (folder / "config.json").write_text(json.dumps(hf))
    (folder / tokenizer.name).write_bytes(tokenizer.read_bytes())


def test_hugging_face_layout_loads_back_through_tunix(toy, tmp_path):
    family, tok, path, config, hf = toy
    model = dummy(family, config, seed=3)
    write_folder(tmp_path / "model", family, model, hf, path)
    loaded = family.loader.create_model_from_safe_tensors(str(tmp_path / "model"), config, None, dtype=None)
    ids = jnp.asarray([tok.encode("Write a short letter about the river")], dtype=jnp.int32)
    positions = jnp.arange(ids.shape[1])[None]
    mask = jnp.tril(jnp.ones((ids.shape[1], ids.shape[1]), dtype=bool))[None]
    forward = nnx.jit(lambda m: m(ids, positions, None, mask)[0])
    np.testing.assert_allclose(np.asarray(forward(loaded)), np.asarray(forward(model)), atol=1e-5)


@pytest.mark.slow
def test_a_few_training_steps_from_a_local_folder_then_export(toy, rows, tmp_path):
    from train.export import export_run
    from train.models import base_config, load_model, resolve_source
    from train.run import load_run, split_rows, train_on

    family, _, path, config, hf = toy
    write_folder(tmp_path / "model", family, dummy(family, config, seed=1), hf, path)
    train, held = split_rows(rows, 0.25, 0)
    run = RunConfig(model=str(tmp_path / "model"), steps=4, batch_size=2, lr=3e-3, eval_every=4,
                    checkpoint_every=4, max_new_tokens=4, eval_prompts=None)
    metrics = train_on(run, train, held, tmp_path / "run", data_info={"ref": "rows"})
    record = read_json(tmp_path / "run" / "run.json")
    assert record["model"]["family"] == family.name and record["model"]["layout"] == "safetensors"
    assert record["model"]["lora_params"] > 0 and metrics["examples_dropped"] == 0
    assert metrics["seq_len"] % 128 == 0 and metrics["seq_len"] >= max(
        len(ids) for ids, _ in chat_format(family.chat, Tokenizer.load(path), run.instruction).examples(
            rows["prompt"].to_list(), rows["completion"].to_list()))
    assert np.isfinite(metrics["train_loss"]) and metrics["eval_loss"] < metrics["eval_loss_start"]

    # the family's LoRA merge (Tunix's saver with this family's key mapping) gives the adapted logits
    export_run(tmp_path / "run", tmp_path / "export")
    trained = load_run(tmp_path / "run", dtype=None)  # the base as in its file (f32), for an exact comparison
    source = resolve_source(RunConfig(model=str(tmp_path / "export")))
    merged = load_model(source, base_config(source, trained.model.tok.vocab_size), trained.model.tok, None, 0,
                        dtype=None)
    ids = jnp.asarray([trained.model.chat.prompt_ids("Write a short letter about the river")], dtype=jnp.int32)
    n = ids.shape[1]
    forward = nnx.jit(lambda m: m(ids, jnp.arange(n)[None], None, jnp.tril(jnp.ones((n, n), dtype=bool))[None])[0])
    np.testing.assert_allclose(np.asarray(forward(merged)), np.asarray(forward(trained.network)), atol=1e-4)
