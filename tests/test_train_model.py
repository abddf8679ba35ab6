"""The model side of `train`, in-process on one CPU device: LoRA / QLoRA adapters and where
checkpoints and tokenizers are found (the real Gemma weights are not downloaded in tests)."""

from __future__ import annotations

import jax
import pytest
from flax import nnx

from curate.errors import CurateError
from train.config import RunConfig
from train.lora import apply_lora
from train.mesh import build_mesh
from train.models import init_tiny, resolve_files


def test_lora_on_attention_and_mlp_projections():
    model = apply_lora(init_tiny(256, seed=0), RunConfig(lora_rank=4), build_mesh(None))
    paths = {jax.tree_util.keystr(p) for p, _ in jax.tree_util.tree_leaves_with_path(nnx.state(model, nnx.LoRAParam))}
    for name in ("q_einsum", "kv_einsum", "attn_vec_einsum", "gate_proj", "up_proj", "down_proj"):
        assert any(name in p for p in paths), name
    assert all(x.shape[-1] == 4 or x.shape[0] == 4 for x in jax.tree.leaves(nnx.state(model, nnx.LoRAParam)))


def test_qlora_stores_the_base_in_four_bits():
    model = apply_lora(init_tiny(256, seed=0), RunConfig(quantize="nf4", lora_targets=".*mlp.*"), build_mesh(None))
    dtypes = {str(x.dtype) for x in jax.tree.leaves(nnx.state(model, nnx.Not(nnx.LoRAParam)))}
    assert "uint4" in dtypes or "int4" in dtypes


def test_targets_that_match_nothing_are_refused():
    with pytest.raises(CurateError, match="matches no projection"):
        apply_lora(init_tiny(256, seed=0), RunConfig(lora_targets="nothing_here"), build_mesh(None))


def test_kaggle_and_hugging_face_layouts(tmp_path):
    kaggle = tmp_path / "kaggle"
    (kaggle / "gemma2-2b-it").mkdir(parents=True)
    (kaggle / "gemma2-2b-it" / "_METADATA").write_text("{}")
    (kaggle / "tokenizer.model").write_bytes(b"")
    files = resolve_files(RunConfig(model="gemma2-2b-it", checkpoint=str(kaggle)))
    assert (files.layout, files.checkpoint, files.tokenizer) == ("flax", kaggle / "gemma2-2b-it", kaggle / "tokenizer.model")
    # the Orbax folder itself, tokenizer one level up
    files = resolve_files(RunConfig(model="gemma2-2b-it", checkpoint=str(kaggle / "gemma2-2b-it")))
    assert files.checkpoint == kaggle / "gemma2-2b-it" and files.tokenizer == kaggle / "tokenizer.model"

    hf = tmp_path / "hf"
    hf.mkdir()
    (hf / "model.safetensors").write_bytes(b"")
    other_tokenizer = tmp_path / "other.model"
    other_tokenizer.write_bytes(b"")
    files = resolve_files(RunConfig(model="gemma3-1b-it", checkpoint=str(hf), tokenizer=str(other_tokenizer)))
    assert (files.layout, files.checkpoint, files.tokenizer) == ("safetensors", hf, other_tokenizer)


def test_offline_download_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.kaggle/kaggle.json
    monkeypatch.delenv("KAGGLE_KEY", raising=False)
    # huggingface_hub reads these at import, so patch its constants: offline, and an empty cache
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", True)
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hf"))
    with pytest.raises(CurateError, match="could not be downloaded .* pass --checkpoint DIR"):
        resolve_files(RunConfig(model="gemma3-1b-it"))
