"""Base models: Gemma 2 2B-it and Gemma 3 1B-it from a local folder (or downloaded), and `tiny`.

`tiny` is the Gemma 2 architecture at toy size (2 layers, width 64) with random weights from
`base_seed` and a tokenizer trained from the data, so the whole path runs offline in seconds. All
three go through the same code after this module: the same formatting, LoRA, trainer and sampler.

Checkpoint folders (`--checkpoint DIR`):
- Kaggle Flax: DIR/<model>/ holds the Orbax checkpoint (or DIR is it), tokenizer.model beside it;
- Hugging Face: DIR/*.safetensors with tokenizer.model.
Without --checkpoint, the folder is downloaded with kagglehub (when Kaggle credentials exist) or
huggingface_hub (the Gemma repos are gated: log in first).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import polars as pl
from flax import nnx
from tunix.models.gemma import model as gemma2_lib
from tunix.models.gemma3 import model as gemma3_lib

from curate.errors import CurateError
from train.config import RunConfig
from train.tokenizer import Tokenizer, train_tiny_tokenizer

ORBAX_MARKERS = ("_METADATA", "_CHECKPOINT_METADATA", "checkpoint", "manifest.ocdbt")
TOKENIZER_FILE = "tokenizer.model"
# Gemma 2's sliding window is measured on positions; it must span the row for packing to be exact.
TINY_SLIDING_WINDOW = 4096


@dataclass(frozen=True)
class ModelSpec:
    name: str
    family: str  # gemma2 | gemma3
    kaggle: str | None
    hf: str | None

    def model_config(self):
        if self.family == "gemma3":
            return gemma3_lib.ModelConfig.gemma3_1b_it()
        return gemma2_lib.ModelConfig.gemma2_2b_it()


SPECS = {
    "gemma2-2b-it": ModelSpec("gemma2-2b-it", "gemma2", "google/gemma-2/flax/gemma2-2b-it", "google/gemma-2-2b-it"),
    "gemma3-1b-it": ModelSpec("gemma3-1b-it", "gemma3", "google/gemma-3/flax/gemma3-1b-it", "google/gemma-3-1b-it"),
    "tiny": ModelSpec("tiny", "gemma2", None, None),
}


def tiny_config(vocab_size: int) -> gemma2_lib.ModelConfig:
    return gemma2_lib.ModelConfig(
        num_layers=2,
        num_embed=-(-vocab_size // 128) * 128,  # divisible by any tp size we would use
        embed_dim=64,
        hidden_dim=256,
        num_heads=4,
        head_dim=16,
        num_kv_heads=2,
        final_logit_softcap=30.0,
        use_post_attn_norm=True,
        use_post_ffw_norm=True,
        attention_types=(gemma2_lib.AttentionType.LOCAL_SLIDING, gemma2_lib.AttentionType.GLOBAL),
        attn_logits_soft_cap=50.0,
        sliding_window_size=TINY_SLIDING_WINDOW,
    )


def check_packing(config: RunConfig) -> None:
    """Gemma 2 masks its sliding window by position, which restarts in a packed row: exact only
    while the whole row fits in the window (Gemma 3 masks by index, so it has no such limit)."""
    spec = SPECS[config.model]
    if not config.pack or spec.family != "gemma2":
        return
    window = TINY_SLIDING_WINDOW if spec.name == "tiny" else spec.model_config().sliding_window_size
    if config.seq_len > window:
        raise CurateError(
            f"--seq-len {config.seq_len} exceeds {spec.name}'s sliding window ({window}), which packing "
            f"needs to span the row: lower --seq-len or pass --no-pack"
        )


@dataclass
class Files:
    """Where a model's weights and tokenizer come from, checked before anything is written."""

    checkpoint: Path | None  # the Orbax checkpoint folder or the safetensors folder; None for tiny
    layout: str  # flax | safetensors | random
    tokenizer: Path | None  # None: tiny trains one from the data


def resolve_files(config: RunConfig) -> Files:
    spec = SPECS[config.model]
    tokenizer = Path(config.tokenizer) if config.tokenizer else None
    if tokenizer is not None and not tokenizer.is_file():
        raise CurateError(f"--tokenizer {tokenizer} does not exist")
    if spec.name == "tiny":
        if config.checkpoint:
            raise CurateError("--model tiny is randomly initialised: it takes no --checkpoint")
        return Files(None, "random", tokenizer)
    if config.checkpoint:
        folder = Path(config.checkpoint)
        if not folder.is_dir():
            raise CurateError(f"--checkpoint {folder} does not exist (expected a model folder)")
    else:
        folder = download(spec)
    layout, checkpoint = find_layout(folder, spec)
    if tokenizer is None:
        found = [p / TOKENIZER_FILE for p in (folder, checkpoint.parent) if (p / TOKENIZER_FILE).is_file()]
        if not found:
            raise CurateError(f"no {TOKENIZER_FILE} in {folder}: pass --tokenizer PATH")
        tokenizer = found[0]
    return Files(checkpoint, layout, tokenizer)


def find_layout(folder: Path, spec: ModelSpec) -> tuple[str, Path]:
    if any(folder.glob("*.safetensors")):
        return "safetensors", folder
    for candidate in (folder / spec.name, folder):
        if any((candidate / marker).exists() for marker in ORBAX_MARKERS):
            return "flax", candidate
    raise CurateError(
        f"--checkpoint {folder} holds neither *.safetensors (Hugging Face layout) nor an Orbax checkpoint "
        f"(Kaggle Flax layout: {folder / spec.name}/)"
    )


def download(spec: ModelSpec) -> Path:
    """The model folder from Kaggle (with credentials) or the Hugging Face Hub."""
    errors = []
    if os.environ.get("KAGGLE_KEY") or Path("~/.kaggle/kaggle.json").expanduser().is_file():
        try:
            import kagglehub

            return Path(kagglehub.model_download(spec.kaggle))
        except Exception as e:  # noqa: BLE001 - network, credentials, licence: all mean "not from here"
            errors.append(f"kaggle: {type(e).__name__}: {e}")
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(spec.hf, allow_patterns=["*.safetensors", "*.json", TOKENIZER_FILE]))
    except Exception as e:  # noqa: BLE001 - the same for the Hub (offline, gated, unknown repo)
        errors.append(f"huggingface: {type(e).__name__}: {e}")
    raise CurateError(
        f"no --checkpoint given and {spec.name} could not be downloaded ({'; '.join(errors)}): "
        f"pass --checkpoint DIR with a local copy (Kaggle Flax or Hugging Face safetensors layout)"
    )


def load_tokenizer(config: RunConfig, files: Files, train_rows: pl.DataFrame, cached: Path | None) -> Tokenizer:
    """The given tokenizer; for tiny without one, `cached` (a resumed run's) or one trained now."""
    if files.tokenizer is not None:
        return Tokenizer.load(files.tokenizer)
    if cached is not None and cached.is_file():
        return Tokenizer.load(cached)
    return train_tiny_tokenizer(train_rows, config.tiny_vocab)


def load_model(config: RunConfig, files: Files, tok: Tokenizer, mesh: jax.sharding.Mesh) -> nnx.Module:
    spec = SPECS[config.model]
    if files.layout == "random":
        return init_tiny(tok.vocab_size, config.base_seed)
    model_config = spec.model_config()
    if files.layout == "safetensors":
        if spec.family == "gemma3":
            from tunix.models.gemma3 import params_safetensors as loader
        else:
            from tunix.models.gemma import params_safetensors as loader
        model = loader.create_model_from_safe_tensors(str(files.checkpoint), model_config, mesh, dtype=jnp.bfloat16)
    elif spec.family == "gemma3":
        from tunix.models.gemma3 import params as gemma3_params

        model = gemma3_params.create_model_from_checkpoint(str(files.checkpoint), model_config, mesh)
    else:
        from tunix.models.gemma import params as gemma2_params

        params = gemma2_params.load_and_format_params(str(files.checkpoint))
        model = gemma2_lib.Gemma.from_params(params, version="2-2b-it")
    if model.num_embed < tok.vocab_size:
        raise CurateError(
            f"tokenizer {files.tokenizer} has {tok.vocab_size} pieces but {spec.name} only {model.num_embed}"
        )
    return model


def init_tiny(vocab_size: int, seed: int) -> nnx.Module:
    """The tiny model with random weights drawn on the host (instant, identical on every run).

    Projections get N(0, 0.02). The embedding (tied with the output layer) gets N(0, 1/width) and
    the norms their neutral scale, so the output logits can spread enough for the loss to fall
    well below log(vocab) with LoRA alone.
    """
    config = tiny_config(vocab_size)
    abstract = nnx.eval_shape(lambda: gemma2_lib.Gemma(config, rngs=nnx.Rngs(0)))
    graphdef, state = nnx.split(abstract)
    leaves, treedef = jax.tree_util.tree_flatten_with_path(state)
    rng = np.random.default_rng(seed)
    values = []
    for path, leaf in leaves:
        name = jax.tree_util.keystr(path)
        scale = config.embed_dim**-0.5 if "input_embedding" in name else 0.0 if "norm" in name else 0.02
        values.append(jnp.asarray(scale * rng.standard_normal(leaf.shape), dtype=jnp.float32))
    return nnx.merge(graphdef, jax.tree.unflatten(treedef, values))


def cache_shape(model: nnx.Module) -> tuple[int, int, int]:
    """(layers, kv heads, head dim) for the sampler's KV cache."""
    c = model.config
    return c.num_layers, c.num_kv_heads, c.head_dim
