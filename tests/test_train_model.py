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
from train.models import init_tiny, resolve_source, tiny_config


def test_lora_on_attention_and_mlp_projections():
    model = apply_lora(init_tiny(tiny_config(256), seed=0), RunConfig(lora_rank=4), build_mesh(None))
    paths = {jax.tree_util.keystr(p) for p, _ in jax.tree_util.tree_leaves_with_path(nnx.state(model, nnx.LoRAParam))}
    for name in ("q_einsum", "kv_einsum", "attn_vec_einsum", "gate_proj", "up_proj", "down_proj"):
        assert any(name in p for p in paths), name
    assert all(x.shape[-1] == 4 or x.shape[0] == 4 for x in jax.tree.leaves(nnx.state(model, nnx.LoRAParam)))


def test_qlora_stores_the_base_in_four_bits():
    model = apply_lora(init_tiny(tiny_config(256), seed=0), RunConfig(quantize="nf4", lora_targets=".*mlp.*"), build_mesh(None))
    dtypes = {str(x.dtype) for x in jax.tree.leaves(nnx.state(model, nnx.Not(nnx.LoRAParam)))}
    assert "uint4" in dtypes or "int4" in dtypes


def test_targets_that_match_nothing_are_refused():
    with pytest.raises(CurateError, match="matches no projection"):
        apply_lora(init_tiny(tiny_config(256), seed=0), RunConfig(lora_targets="nothing_here"), build_mesh(None))


def test_kaggle_and_hugging_face_layouts(tmp_path):
    kaggle = tmp_path / "kaggle"
    (kaggle / "gemma2-2b-it").mkdir(parents=True)
    (kaggle / "gemma2-2b-it" / "_METADATA").write_text("{}")
    (kaggle / "tokenizer.model").write_bytes(b"")
    files = resolve_source(RunConfig(model="gemma2-2b-it", checkpoint=str(kaggle)))
    assert (files.layout, files.checkpoint, files.tokenizer) == ("flax", kaggle / "gemma2-2b-it", kaggle / "tokenizer.model")
    assert (files.family.name, files.model_id, files.config_id) == ("gemma", "google/gemma-2-2b-it", "gemma2_2b_it")
    # the Orbax folder itself, tokenizer one level up
    files = resolve_source(RunConfig(model="gemma2-2b-it", checkpoint=str(kaggle / "gemma2-2b-it")))
    assert files.checkpoint == kaggle / "gemma2-2b-it" and files.tokenizer == kaggle / "tokenizer.model"

    hf = tmp_path / "hf"
    hf.mkdir()
    (hf / "model.safetensors").write_bytes(b"")
    other_tokenizer = tmp_path / "other.model"
    other_tokenizer.write_bytes(b"")
    files = resolve_source(RunConfig(model="gemma3-1b-it", checkpoint=str(hf), tokenizer=str(other_tokenizer)))
    assert (files.layout, files.checkpoint, files.tokenizer) == ("safetensors", hf, other_tokenizer)
    assert files.family.name == "gemma3"
    # Qwen ships tokenizer.json only; the registry id is matched in any case
    (hf / "tokenizer.json").write_text("{}")
    files = resolve_source(RunConfig(model="qwen/qwen3-0.6b", checkpoint=str(hf)))
    assert (files.family.name, files.model_id, files.tokenizer) == ("qwen3", "Qwen/Qwen3-0.6B", hf / "tokenizer.json")


def test_offline_download_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.kaggle/kaggle.json
    monkeypatch.delenv("KAGGLE_KEY", raising=False)
    # huggingface_hub reads these at import, so patch its constants: offline, and an empty cache
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", True)
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hf"))
    with pytest.raises(CurateError, match="could not be downloaded .* pass --checkpoint DIR"):
        resolve_source(RunConfig(model="gemma3-1b-it"))


@pytest.mark.parametrize(
    "model, message",
    [
        ("llama", "unknown --model 'llama': give tiny, a model id Tunix's registry knows"),
        ("google/gemma-4-e2b", "cannot be trained here: Gemma 4's chat format is not implemented"),
        ("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", "DeepSeek-R1-Distill uses its own chat format"),
    ],
)
def test_models_outside_the_supported_families_are_refused(model, message):
    with pytest.raises(CurateError, match=message):
        resolve_source(RunConfig(model=model))


def test_a_local_folder_is_read_through_its_config_json(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    with pytest.raises(CurateError, match="has no config.json"):
        resolve_source(RunConfig(model=str(folder)))
    (folder / "config.json").write_text('{"model_type": "mistral"}')
    with pytest.raises(CurateError, match="model_type 'mistral'; supported: gemma, gemma2"):
        resolve_source(RunConfig(model=str(folder)))
    (folder / "config.json").write_text('{"model_type": "qwen2"}')
    with pytest.raises(CurateError, match="holds no \\*.safetensors"):
        resolve_source(RunConfig(model=str(folder)))
    (folder / "model.safetensors").write_bytes(b"")
    (folder / "tokenizer.json").write_text("{}")
    source = resolve_source(RunConfig(model=str(folder)))
    assert (source.family.name, source.layout, source.checkpoint) == ("qwen2", "safetensors", folder)
    with pytest.raises(CurateError, match="lacks 'num_hidden_layers'"):
        source.family.from_hf(source.hf_config, str(folder))
