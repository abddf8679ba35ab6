"""LoRA (and QLoRA) adapters through qwix, then the model laid out on the mesh.

qwix finds the projections by running the model once; that runs under jit here because an eager
pass costs seconds on CPU even for tiny. Adapters are added outside the mesh, then every array is
placed on the mesh by its partition spec in one device_put (the base keeps its sharding, the new
adapters get theirs).
"""

from __future__ import annotations

import jax
import qwix
from flax import nnx
from jax.sharding import NamedSharding

from curate.errors import CurateError
from train.config import RunConfig

# Weights per nf4 scale; it must divide the innermost contracted axis (tiny's head dim is 16).
NF4_TILE = {"tiny": 16}
NF4_TILE_DEFAULT = 64


def apply_lora(base: nnx.Module, config: RunConfig, mesh: jax.sharding.Mesh) -> nnx.Module:
    quant = {}
    if config.quantize == "nf4":
        quant = {"weight_qtype": "nf4", "tile_size": NF4_TILE.get(config.model, NF4_TILE_DEFAULT)}
    provider = qwix.LoraProvider(
        module_path=config.lora_targets, rank=config.lora_rank, alpha=config.lora_alpha, **quant
    )
    inputs = base.get_model_input()

    @nnx.jit(donate_argnums=0)  # the base's buffers become the adapted model's: no second copy
    def add_adapters(model):
        return qwix.apply_lora_to_model(model, provider, rngs=nnx.Rngs(config.seed), **inputs)

    model = add_adapters(base)
    if not jax.tree.leaves(nnx.state(model, nnx.LoRAParam)):
        raise CurateError(f"--lora-targets {config.lora_targets!r} matches no projection of {config.model}")
    state = nnx.state(model)
    shardings = jax.tree.map(lambda spec: NamedSharding(mesh, spec), nnx.get_partition_spec(state))
    nnx.update(model, jax.device_put(state, shardings))
    return model

