"""`train plan`: will a run fit the accelerator? Per-device memory, worked out before launching.

The model and its optimizer are built on abstract shapes (`nnx.eval_shape`, no weights) and laid
out on the requested mesh (simulated CPU devices do), so the bytes of parameters, LoRA adapters,
gradients and AdamW state per device are exact. Activations are an inventory of what the backward
pass needs per layer, after the accounting of Korthikanti et al. (2022, "Reducing Activation
Recomputation in Large Transformer Models"), adapted to these models and to Tunix's remat:

- per token and layer (activation dtype bytes each, divided over tp): the inputs of every norm and
  projection: 6 model-width vectors with Gemma's four norms (4 otherwise), q and the attention
  output (heads x head_dim each), k and v, and 4 MLP-width vectors (gate, up, the activation and
  the product);
- per layer, the attention scores [rows, heads, seq, seq]: the softmax output, plus the pre-cap
  logits where the model soft-caps them (Gemma 2); none with splash attention;
- once: the logits over the vocabulary (the model's, the soft-capped ones, and their f32 gradient);
- with fsdp, the weights gathered for the layer at hand and the next, and the embedding;
- `--remat block` keeps only the norm-side vectors per layer and recomputes one block at a time
  (the larger of attention and MLP); `--remat decoder` keeps one vector per layer and recomputes
  one whole layer.
On one H200 this is checked against the measured peaks of Gemma 2 2B (bench/results/).

With `--xla`, the train step is also compiled for the simulated CPU devices and XLA's own buffer
assignment printed. The CPU compiler fuses far less than the TPU and GPU ones, so it reads high.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from curate.errors import CurateError
from curate.schema import SHARD_COLUMNS
from curate.store import Store
from train.config import RunConfig
from train.families import Family, tied_embedding, vocab_size
from train.mesh import mesh_shape

GB = 1e9
# HBM per chip, as the vendors quote it (GB), and the backend each is (splash attention is TPU only).
ACCELERATORS = {"v5e": 16, "v4": 32, "v5p": 95, "h100": 80, "h200": 141}
BACKENDS = {"v5e": "tpu", "v4": "tpu", "v5p": "tpu", "h100": "gpu", "h200": "gpu"}
LOGIT_GRAD_BYTES = 4  # the loss works in f32: the gradient of the logits is f32


@dataclass
class Estimate:
    """Bytes per device, by part, for one configuration."""

    parts: dict[str, float] = field(default_factory=dict)
    detail: dict[str, float] = field(default_factory=dict)  # the activations, split

    @property
    def total(self) -> float:
        return sum(self.parts.values())


@dataclass(frozen=True)
class Shape:
    """The facts of a model the activation inventory needs."""

    layers: int
    width: int  # D
    mlp: int  # F
    heads: int
    kv_heads: int
    head_dim: int
    vocab: int
    attn_softcap: bool
    final_softcap: bool
    post_norms: bool
    qk_norm: bool

    @classmethod
    def of(cls, family: Family, cfg) -> Shape:
        return cls(cfg.num_layers, cfg.embed_dim, cfg.hidden_dim, cfg.num_heads, cfg.num_kv_heads, cfg.head_dim,
                   vocab_size(cfg), bool(getattr(cfg, "attn_logits_soft_cap", None)) and family.attn_softcap,
                   bool(getattr(cfg, "final_logit_softcap", None)), family.post_norms,
                   family.name in ("gemma3", "qwen3"))


def activation_bytes(shape: Shape, rows: float, seq_len: int, act_bytes: int, remat: str, flash: bool,
                     tp: int) -> dict[str, float]:
    """The activation inventory for `rows` rows per device (module docstring)."""
    s, tokens = shape, rows * seq_len
    norm_side = (6 if s.post_norms else 4) * s.width
    attention = 2 * s.heads * s.head_dim + 2 * s.kv_heads * s.head_dim
    attention += (s.heads + s.kv_heads) * s.head_dim if s.qk_norm else 0
    mlp = 4 * s.mlp
    per_token = act_bytes / tp
    scores = 0.0 if flash else rows * (s.heads / tp) * seq_len**2 * act_bytes * (2 if s.attn_softcap else 1)
    lse = rows * s.heads / tp * seq_len * 4 if flash else 0.0  # splash keeps the softmax normaliser
    full_layer = tokens * per_token * (norm_side + attention + mlp) + scores + lse
    if remat == "none":
        out = {"per-layer activations": s.layers * tokens * per_token * (norm_side + attention + mlp),
               "attention scores": s.layers * (scores + lse)}
    elif remat == "block":
        kept = s.layers * tokens * per_token * norm_side
        block = max(tokens * per_token * attention + scores + lse, tokens * per_token * mlp)
        out = {"per-layer activations (block inputs)": kept, "one block recomputed": block}
    else:
        kept = s.layers * tokens * per_token * s.width
        out = {"per-layer activations (layer inputs)": kept, "one layer recomputed": full_layer}
    logits_per = act_bytes * (2 if s.final_softcap else 1) + LOGIT_GRAD_BYTES
    out["logits and loss"] = tokens * s.vocab / tp * logits_per
    return out


def _abstract(family: Family, model_cfg, config: RunConfig, mesh, dtype):
    """The LoRA model and its AdamW state as abstract arrays laid out on `mesh`."""
    import optax
    import qwix

    provider = qwix.LoraProvider(module_path=config.lora_targets, rank=config.lora_rank, alpha=config.lora_alpha)

    def build():
        model = family.model_class(model_cfg, rngs=nnx.Rngs(0))
        nnx.update(model, jax.tree.map(lambda x: x.astype(dtype), nnx.state(model, nnx.Param)))
        model = qwix.apply_lora_to_model(model, provider, rngs=nnx.Rngs(0), **model.get_model_input())
        return model, nnx.Optimizer(model, optax.adamw(1e-4), wrt=nnx.LoRAParam)

    with mesh:
        return nnx.eval_shape(build)


def _per_device(state, mesh) -> float:
    shardings = jax.tree.map(lambda spec: jax.sharding.NamedSharding(mesh, spec), nnx.get_partition_spec(state))
    total = 0
    for leaf, sharding in zip(jax.tree.leaves(state), jax.tree.leaves(shardings)):
        total += math.prod(sharding.shard_shape(leaf.shape)) * np.dtype(leaf.dtype).itemsize
    return float(total)


@dataclass
class MemoryPlan:
    """What `train plan` prints: the static parts once, activations for any rows per device."""

    family: Family
    model_cfg: object
    config: RunConfig
    mesh_sizes: dict[str, int]
    flash: bool
    fixed: dict[str, float]  # parameters, LoRA + optimizer, gathered weights
    act_bytes: int
    abstract: tuple = ()

    def estimate(self, rows: float, seq_len: int | None = None) -> Estimate:
        """Per-device bytes at `rows` rows per device (and another --seq-len, if given)."""
        shape = Shape.of(self.family, self.model_cfg)
        detail = activation_bytes(shape, rows, seq_len or self.config.seq_len, self.act_bytes, self.config.remat,
                                  self.flash, self.mesh_sizes["tp"])
        logits = detail.pop("logits and loss")
        parts = {**self.fixed, "activations": sum(detail.values()), "logits and loss": logits}
        return Estimate(parts, detail)

    def rows_per_device(self) -> float:
        return self.config.batch_size / self.mesh_sizes["fsdp"]

    def largest_batch(self, hbm: float) -> int:
        """The largest --batch-size (a multiple of fsdp) whose estimate fits `hbm` bytes; 0 if none."""
        fsdp, rows = self.mesh_sizes["fsdp"], 0
        while rows < 1 << 14 and self.estimate(rows + 1).total <= hbm:
            rows += 1
        return rows * fsdp


@dataclass
class PlanInputs:
    family: Family
    base_cfg: object
    config: RunConfig  # --seq-len resolved
    flash_block: int | None
    random: bool
    notes: list[str]


def plan_inputs(config: RunConfig, data_ref: str | None, store: Store, accelerator: str | None) -> PlanInputs:
    """The model's shape (no weights are read or downloaded) and --seq-len: given, or from --data."""
    from train.models import base_config, check_packing, choose_attention, resolve_source
    from train.run import resolve_model, resolve_seq_len

    source = resolve_source(config, weights=False)
    vocab = config.tiny_vocab
    if config.seq_len is None:
        if not data_ref:
            raise CurateError("train plan needs --seq-len, or --data to take it from the longest example")
        if source.layout == "abstract" and source.tokenizer is None:
            raise CurateError(f"--data needs {config.model}'s tokenizer to count tokens: pass --tokenizer PATH or "
                              "--checkpoint DIR, or give --seq-len")
        rows = store.resolve(data_ref).read(columns=SHARD_COLUMNS)
        model = resolve_model(config, rows, None, source)
        lengths = np.array([len(ids) for ids, _ in model.chat.examples(rows["prompt"].to_list(),
                                                                      rows["completion"].to_list())])
        config, vocab = resolve_seq_len(config, model, lengths), model.tok.vocab_size
    base_cfg = base_config(source, vocab)
    check_packing(source, config, base_cfg, config.seq_len)
    backend = BACKENDS.get(accelerator) if accelerator else None
    attention = choose_attention(config, source.family, config.seq_len, backend)
    return PlanInputs(source.family, base_cfg, config, attention.flash_block, source.is_random,
                      [attention.note] if attention.note else [])


def make_plan(family: Family, base_cfg, config: RunConfig, flash_block: int | None, random: bool) -> MemoryPlan:
    from train.mesh import build_mesh

    mesh = build_mesh(config.mesh, config.batch_size)
    sizes = mesh_shape(config.mesh, jax.device_count())
    model_cfg = family.with_options(base_cfg, config.remat, flash_block)
    dtype = jnp.float32 if random else jnp.bfloat16  # as train run loads them
    model, optimizer = _abstract(family, model_cfg, config, mesh, dtype)
    base = _per_device(nnx.state(model, nnx.All(nnx.Param, nnx.Not(nnx.LoRAParam))), mesh)
    lora = _per_device(nnx.state(model, nnx.LoRAParam), mesh)
    opt = _per_device(nnx.state(optimizer, nnx.optimizer.OptState), mesh)
    fixed = {"base parameters": base, "LoRA parameters, gradients, AdamW state": 2 * lora + opt}
    if sizes["fsdp"] > 1:  # XLA gathers a layer's weights before using them (and prefetches the next)
        itemsize = np.dtype(dtype).itemsize
        per_layer = _layer_params(model_cfg)
        embedding = vocab_size(model_cfg) * model_cfg.embed_dim * (1 if tied_embedding(model_cfg) else 2)
        fixed["weights gathered over fsdp"] = (2 * per_layer + embedding) * itemsize / sizes["tp"]
    return MemoryPlan(family, model_cfg, config, sizes, flash_block is not None, fixed, np.dtype(dtype).itemsize,
                (model, optimizer, mesh))


def _layer_params(cfg) -> int:
    d, h = cfg.embed_dim, cfg.head_dim
    return d * h * (2 * cfg.num_heads + 2 * cfg.num_kv_heads) + 3 * d * cfg.hidden_dim


def compiled_bytes(plan: MemoryPlan) -> float | None:
    """XLA's buffer assignment for the train step on the simulated devices: arguments + temporaries."""
    from train.trainer import PackedInput, make_loss_fn, model_inputs

    model, optimizer, mesh = plan.abstract
    graphdef, state = nnx.split((model, optimizer))
    shardings = jax.tree.map(lambda spec: jax.sharding.NamedSharding(mesh, spec), nnx.get_partition_spec(state))
    abstract_state = jax.tree.map(lambda x, s: jax.ShapeDtypeStruct(x.shape, x.dtype, sharding=s), state, shardings)
    loss_fn = make_loss_fn(1)

    def step(state, batch):
        model, optimizer = nnx.merge(graphdef, state)
        grad_fn = nnx.value_and_grad(loss_fn, argnums=nnx.DiffState(0, nnx.LoRAParam), has_aux=True)
        (loss, _), grads = grad_fn(model, **model_inputs(batch))
        optimizer.update(model, grads)
        return loss, nnx.state((model, optimizer))

    rows = jax.sharding.NamedSharding(mesh, jax.sharding.PartitionSpec("fsdp"))
    shape = (plan.config.batch_size, plan.config.seq_len)
    batch = PackedInput(**{name: jax.ShapeDtypeStruct(shape, jnp.bool_ if name == "input_mask" else jnp.int32,
                                                      sharding=rows)
                           for name in ("input_tokens", "input_mask", "segment_ids", "positions", "token_topics")})
    with mesh:
        analysis = jax.jit(step, donate_argnums=0).lower(abstract_state, batch).compile().memory_analysis()
    if analysis is None:
        return None
    return float(analysis.argument_size_in_bytes + analysis.temp_size_in_bytes)


def render(plan: MemoryPlan, name: str, accelerator: str | None, xla: float | None) -> str:
    """The printout: per-device bytes by part, the verdict for the accelerator, the largest batch."""
    config, sizes = plan.config, plan.mesh_sizes
    devices = sizes["fsdp"] * sizes["tp"]
    rows = plan.rows_per_device()
    est = plan.estimate(rows)
    chip = f"{accelerator} ({ACCELERATORS[accelerator]} GB HBM per chip)" if accelerator else "no accelerator given"
    lines = [
        f"train plan: {name} ({plan.family.name}), LoRA rank {config.lora_rank}, on {devices} x {chip}",
        (f"mesh fsdp={sizes['fsdp']} x tp={sizes['tp']}; batch {config.batch_size} x {config.seq_len} tokens "
         f"({rows:g} row(s) per device); remat {config.remat}; attention {'flash' if plan.flash else 'masked'}"),
        "",
        "per device:",
    ]
    for part, value in est.parts.items():
        lines.append(f"  {part:<42} {value / GB:8.2f} GB")
        if part == "activations":
            lines += [f"    {k:<40} {v / GB:8.2f} GB" for k, v in est.detail.items()]
    lines.append(f"  {'total (estimate)':<42} {est.total / GB:8.2f} GB")
    if xla is not None:
        lines.append(f"  {'XLA CPU buffer assignment (reads high)':<42} {xla / GB:8.2f} GB")
    if accelerator:
        hbm = ACCELERATORS[accelerator] * GB
        verdict = "fits" if est.total <= hbm else "does NOT fit"
        lines += ["", f"{verdict}: {est.total / GB:.1f} of {hbm / GB:.0f} GB per chip ({est.total / hbm:.0%})"]
        best = plan.largest_batch(hbm)
        if best:
            lines.append(f"largest --batch-size that fits: {best} ({best // sizes['fsdp']} row(s) per device)")
        else:
            lines.append("no batch fits: even one row per device is too much; try " + _advice(plan))
        if est.total > hbm and best:
            lines.append(f"or keep the batch and try {_advice(plan)}")
    return "\n".join(lines)


def _advice(plan: MemoryPlan) -> str:
    options = []
    if plan.config.remat != "decoder":
        options.append(f"--remat {'block' if plan.config.remat == 'none' else 'decoder'}")
    if not plan.flash and plan.family.flash:
        options.append("--attention flash (TPU)")
    options += ["a shorter --seq-len", "more devices on fsdp"]
    return ", ".join(options)
