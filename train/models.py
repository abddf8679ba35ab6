"""Base models: `tiny`, any chat model of Tunix's registry, or a local Hugging Face model folder.

`--model` resolves, before anything is written, to a `ModelSource`:
- `tiny`: the Gemma 2 architecture at toy size (2 layers, width 64) with random weights from
  `base_seed` and a tokenizer trained from the data, so the whole path runs offline in seconds;
- a registry id (`google/gemma-2-2b-it`, `Qwen/Qwen3-0.6B`, ... or Tunix's short name; the
  aliases `gemma2-2b-it` and `gemma3-1b-it` stay): Tunix's preset config, weights from
  `--checkpoint DIR` (Hugging Face safetensors, or the Kaggle Flax layout for Gemma) or downloaded;
- a folder holding config.json, *.safetensors and a tokenizer (an export of `train export`, say):
  the family and shapes come from its config.json.
Weights load through Tunix's own loaders (each family's `create_model_from_safe_tensors`), and all
sources go through the same code afterwards: formatting, LoRA, trainer and sampler.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import polars as pl
from flax import nnx

from curate.errors import CurateError
from train import families
from train.config import TINY, RunConfig
from train.families import Family
from train.tokenizer import Tokenizer, train_tiny_tokenizer

ALIASES = {"gemma2-2b-it": "google/gemma-2-2b-it", "gemma3-1b-it": "google/gemma-3-1b-it"}
KAGGLE = {"google/gemma-2-2b-it": "google/gemma-2/flax/gemma2-2b-it", "google/gemma-3-1b-it": "google/gemma-3/flax/gemma3-1b-it"}
ORBAX_MARKERS = ("_METADATA", "_CHECKPOINT_METADATA", "checkpoint", "manifest.ocdbt")
TOKENIZER_FILES = ("tokenizer.model", "tokenizer.json")  # Gemma ships both; Llama 3 and Qwen the json
# Gemma 2 masks its sliding window by position; it must span tiny's rows for packing to be exact.
TINY_SLIDING_WINDOW = 4096
# Splash attention needs its block size to divide the row; on other backends the masked path runs.
FLASH_BACKENDS = ("tpu",)
FLASH_BLOCKS = (1024, 512, 256, 128)


@dataclass(frozen=True)
class ModelSource:
    """Where a model's shape, weights and tokenizer come from."""

    name: str  # --model as given
    family: Family
    layout: str  # random | safetensors | flax | abstract (train plan: shapes only, no weights)
    checkpoint: Path | None  # the weights' folder (Orbax checkpoint or safetensors); None for tiny
    tokenizer: Path | None  # None: tiny trains one from the data
    model_id: str | None = None  # the registry id, when --model is one
    config_id: str | None = None  # Tunix's preset for it
    hf_config: dict | None = None  # config.json of a local model folder

    @property
    def is_random(self) -> bool:
        return self.layout == "random"


def resolve_source(config: RunConfig, weights: bool = True) -> ModelSource:
    """Check --model, --checkpoint and --tokenizer; download a registry model when no copy is given.

    weights=False (`train plan`) never downloads: a registry model without --checkpoint gets layout
    "abstract" and the tokenizer given with --tokenizer, if any.
    """
    tokenizer = Path(config.tokenizer) if config.tokenizer else None
    if tokenizer is not None and not tokenizer.is_file():
        raise CurateError(f"--tokenizer {tokenizer} does not exist")
    if config.model == TINY:
        if config.checkpoint:
            raise CurateError("--model tiny is randomly initialised: it takes no --checkpoint")
        return ModelSource(TINY, families.FAMILIES["gemma"], "random", None, tokenizer)
    if Path(config.model).is_dir():
        if config.checkpoint:
            raise CurateError(f"--model {config.model} is a folder and already holds the weights: drop --checkpoint")
        return _folder_source(Path(config.model), tokenizer)
    entry = families.find_in_registry(ALIASES.get(config.model, config.model))
    if entry is None:
        raise CurateError(
            f"unknown --model {config.model!r}: give tiny, a model id Tunix's registry knows (e.g. "
            "google/gemma-2-2b-it, google/gemma-3-1b-it, meta-llama/Llama-3.2-1B-Instruct, Qwen/Qwen3-0.6B), "
            "or a folder holding config.json and *.safetensors"
        )
    if config.checkpoint:
        folder = Path(config.checkpoint)
        if not folder.is_dir():
            raise CurateError(f"--checkpoint {folder} does not exist (expected a model folder)")
    elif not weights:
        return ModelSource(config.model, entry.family, "abstract", None, tokenizer, entry.model_id, entry.config_id)
    else:
        folder = download(entry.model_id)
    layout, checkpoint = find_layout(folder, entry.family, entry.model_id)
    tokenizer = tokenizer or _find_tokenizer(entry.family, (folder, checkpoint.parent))
    return ModelSource(config.model, entry.family, layout, checkpoint, tokenizer, entry.model_id, entry.config_id)


def _folder_source(folder: Path, tokenizer: Path | None) -> ModelSource:
    path = folder / "config.json"
    try:
        hf = json.loads(path.read_text())
    except FileNotFoundError:
        raise CurateError(f"--model {folder} has no config.json: not a Hugging Face model folder") from None
    except (OSError, ValueError) as e:
        raise CurateError(f"--model {folder}: config.json is unreadable ({e})") from None
    if not isinstance(hf, dict):
        raise CurateError(f"--model {folder}: config.json must hold an object")
    family = families.family_of_folder(hf, str(folder))
    if not any(folder.glob("*.safetensors")):
        raise CurateError(f"--model {folder} holds no *.safetensors weights")
    tokenizer = tokenizer or _find_tokenizer(family, (folder,))
    return ModelSource(str(folder), family, "safetensors", folder, tokenizer, hf_config=hf)


def _find_tokenizer(family: Family, folders) -> Path:
    names = TOKENIZER_FILES if family.chat == "gemma" else TOKENIZER_FILES[1:]
    for folder in folders:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    raise CurateError(f"no {' or '.join(names)} in {folders[0]}: pass --tokenizer PATH")


def find_layout(folder: Path, family: Family, model_id: str) -> tuple[str, Path]:
    if any(folder.glob("*.safetensors")):
        return "safetensors", folder
    if family.chat == "gemma":
        flax_name = KAGGLE.get(model_id, "").rsplit("/", 1)[-1]
        for candidate in (folder / flax_name, folder) if flax_name else (folder,):
            if any((candidate / marker).exists() for marker in ORBAX_MARKERS):
                return "flax", candidate
    flax_dir = KAGGLE.get(model_id, "<model>").rsplit("/", 1)[-1]
    expected = f" nor an Orbax checkpoint (Kaggle Flax layout: {folder / flax_dir}/)" if family.chat == "gemma" else ""
    raise CurateError(f"--checkpoint {folder} holds neither *.safetensors (Hugging Face layout){expected}; "
                      f"it was given for {model_id}")


def download(model_id: str) -> Path:
    """The model folder from Kaggle (Gemma defaults, with credentials) or the Hugging Face Hub."""
    errors = []
    if model_id in KAGGLE and (os.environ.get("KAGGLE_KEY") or Path("~/.kaggle/kaggle.json").expanduser().is_file()):
        try:
            import kagglehub

            return Path(kagglehub.model_download(KAGGLE[model_id]))
        except Exception as e:  # noqa: BLE001 - network, credentials, licence: all mean "not from here"
            errors.append(f"kaggle: {type(e).__name__}: {e}")
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model_id, allow_patterns=["*.safetensors", "*.json", "tokenizer.model"]))
    except Exception as e:  # noqa: BLE001 - the same for the Hub (offline, gated, unknown repo)
        errors.append(f"huggingface: {type(e).__name__}: {e}")
    raise CurateError(
        f"no --checkpoint given and {model_id} could not be downloaded ({'; '.join(errors)}): "
        f"pass --checkpoint DIR with a local copy (Hugging Face safetensors, or Kaggle Flax for Gemma)"
    )


def load_tokenizer(config: RunConfig, source: ModelSource, train_rows: pl.DataFrame, cached: Path | None) -> Tokenizer:
    """The model's tokenizer; for tiny without one, `cached` (a resumed run's) or one trained now."""
    if source.tokenizer is not None:
        return Tokenizer.load(source.tokenizer)
    if cached is not None and cached.is_file():
        return Tokenizer.load(cached)
    return train_tiny_tokenizer(train_rows, config.tiny_vocab)


# ---------------------------------------------------------------- shapes and options


def tiny_config(vocab_size: int):
    from tunix.models.gemma import model as gemma_lib

    return gemma_lib.ModelConfig(
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
        attention_types=(gemma_lib.AttentionType.LOCAL_SLIDING, gemma_lib.AttentionType.GLOBAL),
        attn_logits_soft_cap=50.0,
        sliding_window_size=TINY_SLIDING_WINDOW,
    )


def base_config(source: ModelSource, vocab: int):
    """Tunix's ModelConfig of the base model, before --remat and --attention."""
    if source.is_random:
        return tiny_config(vocab)
    if source.hf_config is not None:
        return source.family.from_hf(source.hf_config, source.name)
    return source.family.preset(source.config_id)


@dataclass(frozen=True)
class Attention:
    """The attention path a run takes, and why when it is not the one asked for."""

    flash_block: int | None  # splash attention with this block size; None: the masked path
    note: str | None = None

    @property
    def name(self) -> str:
        return "masked" if self.flash_block is None else "flash"


def choose_attention(config: RunConfig, family: Family, seq_len: int, backend: str | None = None) -> Attention:
    if config.attention == "masked":
        return Attention(None)
    backend = backend or jax.default_backend()
    fallback = "--attention flash falls back to the masked path (segment-aware mask, same results): "
    if not family.flash:
        return Attention(None, fallback + f"Tunix's {family.name} model has no splash path that takes segment "
                                          "ids (Qwen 2 and Qwen 3 do)")
    if backend not in FLASH_BACKENDS:
        return Attention(None, fallback + f"splash attention is a TPU kernel and this run is on {backend}")
    block = next((b for b in FLASH_BLOCKS if seq_len % b == 0), None)
    if block is None:
        return Attention(None, fallback + f"splash needs --seq-len a multiple of 128 (got {seq_len})")
    return Attention(block)


def packing_limit(source: ModelSource, config: RunConfig, model_cfg) -> int | None:
    """The longest packed row that stays exact: Gemma 1/2 mask their sliding window by position, which
    restarts in a packed row, so the row must fit in the window (Gemma 3 masks by index)."""
    if not config.pack or source.family.name != "gemma":
        return None
    local = any(t.name == "LOCAL_SLIDING" for t in model_cfg.attention_types)
    return model_cfg.sliding_window_size if local and model_cfg.sliding_window_size else None


def check_packing(source: ModelSource, config: RunConfig, model_cfg, seq_len: int) -> None:
    limit = packing_limit(source, config, model_cfg)
    if limit is not None and seq_len > limit:
        raise CurateError(
            f"--seq-len {seq_len} exceeds {source.name}'s sliding window ({limit}), which packing "
            f"needs to span the row: lower --seq-len or pass --no-pack"
        )


# ---------------------------------------------------------------- weights


def load_model(source: ModelSource, model_cfg, tok: Tokenizer, mesh: jax.sharding.Mesh, base_seed: int,
               dtype=jnp.bfloat16) -> nnx.Module:
    """The base model; Hugging Face weights are cast to `dtype` (bf16 for training; None keeps the file's)."""
    family = source.family
    if source.is_random:
        return init_tiny(model_cfg, base_seed)
    if source.layout == "safetensors":
        model = family.loader.create_model_from_safe_tensors(str(source.checkpoint), model_cfg, mesh, dtype=dtype)
    elif family.name == "gemma3":
        from tunix.models.gemma3 import params as gemma3_params

        model = gemma3_params.create_model_from_checkpoint(str(source.checkpoint), model_cfg, mesh)
    else:
        from tunix.models.gemma import params as gemma_params

        params = gemma_params.load_and_format_params(str(source.checkpoint))
        loaded = family.model_class.from_params(params, version=_gemma_version(source.config_id))
        # from_params builds its own config: put the weights into a model built with ours (remat).
        shell = nnx.eval_shape(lambda: family.model_class(model_cfg, rngs=nnx.Rngs(0)))
        model = nnx.merge(nnx.graphdef(shell), nnx.state(loaded))
    vocab = embedding_rows(model)
    if vocab < tok.vocab_size:
        raise CurateError(f"tokenizer {tok.source} has {tok.vocab_size} pieces but {source.name} only {vocab}")
    return model


def _gemma_version(config_id: str) -> str:
    """Tunix's preset id (gemma2_2b_it) as the version string Gemma.from_params takes (2-2b_it)."""
    for prefix, version in (("gemma2_", "2-"), ("gemma1p1_", "1.1-"), ("gemma_", "")):
        if config_id.startswith(prefix):
            return version + config_id[len(prefix):]
    raise CurateError(f"no Kaggle Flax loader for {config_id}: use its Hugging Face safetensors")


def embedding_rows(model: nnx.Module) -> int:
    """Rows of the input embedding: the ids the model can take (>= the tokenizer's vocabulary)."""
    return model.embedder.input_embedding.value.shape[0]


def init_tiny(model_cfg, seed: int) -> nnx.Module:
    """The tiny model with random weights drawn on the host (instant, identical on every run).

    Projections get N(0, 0.02). The embedding (tied with the output layer) gets N(0, 1/width) and
    the norms their neutral scale, so the output logits can spread enough for the loss to fall
    well below log(vocab) with LoRA alone.
    """
    from tunix.models.gemma import model as gemma_lib

    abstract = nnx.eval_shape(lambda: gemma_lib.Gemma(model_cfg, rngs=nnx.Rngs(0)))
    graphdef, state = nnx.split(abstract)
    leaves, treedef = jax.tree_util.tree_flatten_with_path(state)
    rng = np.random.default_rng(seed)
    values = []
    for path, leaf in leaves:
        name = jax.tree_util.keystr(path)
        scale = model_cfg.embed_dim**-0.5 if "input_embedding" in name else 0.0 if "norm" in name else 0.02
        values.append(jnp.asarray(scale * rng.standard_normal(leaf.shape), dtype=jnp.float32))
    return nnx.merge(graphdef, jax.tree.unflatten(treedef, values))


def cache_shape(model: nnx.Module) -> tuple[int, int, int]:
    """(layers, kv heads, head dim) for the sampler's KV cache."""
    c = model.config
    return c.num_layers, c.num_kv_heads, c.head_dim
