"""The model side of `train`, in-process on one CPU device: LoRA / QLoRA adapters and where
checkpoints and tokenizers are found (the real Gemma weights are not downloaded in tests)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from flax import nnx

from curate.errors import CurateError
from train.config import RunConfig
from train.families import FAMILIES
from train.lora import apply_lora
from train.mesh import build_mesh
from train.models import Attention, choose_attention, init_tiny, resolve_source, tiny_config


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


def _packed_batch(vocab: int, seq_len: int = 256) -> dict:
    """Two rows: three examples packed (with padding at the end), and one example alone."""
    rng = np.random.default_rng(0)
    batch = {k: np.zeros((2, seq_len), np.int32) for k in ("input_tokens", "segment_ids", "positions", "token_topics")}
    batch["input_mask"] = np.zeros((2, seq_len), bool)
    for row, lengths in enumerate(((90, 70, 60), (200,))):
        start = 0
        for segment, n in enumerate(lengths, 1):
            span = slice(start, start + n)
            batch["input_tokens"][row, span] = rng.integers(3, vocab, n)
            batch["segment_ids"][row, span] = segment
            batch["positions"][row, span] = np.arange(n)
            batch["input_mask"][row, start + n // 2:start + n] = True
            batch["token_topics"][row, span] = segment % 2
            start += n
    return batch


def _loss_and_grads(model, batch, input_fn):
    from train.trainer import PackedInput, make_loss_fn

    loss_fn = make_loss_fn(2)

    @nnx.jit
    def step(model, batch):
        grad_fn = nnx.value_and_grad(loss_fn, argnums=nnx.DiffState(0, nnx.LoRAParam), has_aux=True)
        (loss, aux), grads = grad_fn(model, **input_fn(PackedInput(**batch)))
        return loss, aux, grads

    loss, aux, grads = step(model, batch)
    return float(loss), jax.tree.map(np.asarray, aux), [np.asarray(g) for g in jax.tree.leaves(grads)]


@pytest.mark.parametrize("remat", ["block", "decoder"])
def test_remat_gives_the_same_loss_and_gradients(remat):
    import dataclasses

    from train.trainer import model_inputs

    config = RunConfig(lora_rank=4, seed=1)
    base = tiny_config(256)
    plain = apply_lora(init_tiny(base, seed=0), config, build_mesh(None))
    nnx.update(plain, jax.tree.map(lambda x: x + 0.01, nnx.state(plain, nnx.LoRAParam)))  # B != 0: real grads
    remat_cfg = FAMILIES["gemma"].with_options(base, remat, None)
    assert remat_cfg.remat_config.name == remat.upper() and dataclasses.replace(remat_cfg, remat_config=base.remat_config) == base
    recomputed = apply_lora(init_tiny(remat_cfg, seed=0), config, build_mesh(None))
    nnx.update(recomputed, nnx.state(plain, nnx.LoRAParam))
    batch = _packed_batch(256)
    a, b = _loss_and_grads(plain, batch, model_inputs), _loss_and_grads(recomputed, batch, model_inputs)
    np.testing.assert_allclose(a[0], b[0], rtol=1e-6)
    for x, y in zip(a[2], b[2], strict=True):
        np.testing.assert_allclose(x, y, rtol=1e-5, atol=1e-7)


def test_flash_attention_gives_the_masked_path_loss(monkeypatch):
    """Qwen 3's splash kernel with packing's segment ids, run by Pallas in interpret mode on CPU."""
    import functools

    from jax.experimental.pallas.ops.tpu.splash_attention import splash_attention_kernel as splash
    from tunix.models import dummy_model_creator

    from train.trainer import flash_model_inputs, model_inputs

    monkeypatch.setattr(splash, "make_splash_mha", functools.partial(splash.make_splash_mha, interpret=True))
    family = FAMILIES["qwen3"]
    base = family.module.ModelConfig(num_layers=2, vocab_size=256, embed_dim=64, hidden_dim=128, num_heads=4,
                                     head_dim=16, num_kv_heads=2, rope_theta=10_000, norm_eps=1e-6,
                                     use_tied_embedding=True)
    mesh = build_mesh(None)
    config = RunConfig(model="Qwen/Qwen3-0.6B", lora_rank=4)
    losses = []
    for flash_block in (None, 128):
        model = dummy_model_creator.create_dummy_model(family.model_class, family.with_options(base, "none", flash_block),
                                                       dtype=jnp.float32, random_seed=0)
        model = apply_lora(model, config, mesh)
        nnx.update(model, jax.tree.map(lambda x: x + 0.01, nnx.state(model, nnx.LoRAParam)))
        with mesh:
            losses.append(_loss_and_grads(model, _packed_batch(256), flash_model_inputs if flash_block else model_inputs))
    (masked, masked_aux, masked_grads), (flash, flash_aux, flash_grads) = losses
    np.testing.assert_allclose(flash, masked, rtol=1e-5)
    np.testing.assert_allclose(flash_aux["nll"], masked_aux["nll"], rtol=1e-5)
    for x, y in zip(flash_grads, masked_grads, strict=True):
        np.testing.assert_allclose(x, y, rtol=1e-4, atol=1e-6)


def test_flash_falls_back_with_a_note_where_it_cannot_run():
    flash = RunConfig(attention="flash")
    gemma, qwen = FAMILIES["gemma"], FAMILIES["qwen3"]
    assert choose_attention(RunConfig(), qwen, 4096, "tpu") == Attention(None)
    assert choose_attention(flash, qwen, 4096, "tpu") == Attention(1024)
    assert choose_attention(flash, qwen, 640, "tpu") == Attention(128)
    assert "has no splash path" in choose_attention(flash, gemma, 4096, "tpu").note
    assert "TPU kernel and this run is on gpu" in choose_attention(flash, qwen, 4096, "gpu").note
    assert "multiple of 128" in choose_attention(flash, qwen, 1000, "tpu").note
