"""The model families Tunix implements, and everything that differs between them.

A family names its Tunix module and class, its chat format, how a Hugging Face `config.json` maps
to Tunix's ModelConfig (for local folders and exports), whether Tunix gives it a splash (flash)
attention path that takes packing's segment ids, and the shape facts `train plan` needs.
`--model` ids resolve through Tunix's registry (`tunix.models.registry`) to one of these.
"""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Any

from curate.errors import CurateError


@dataclass(frozen=True)
class Family:
    name: str  # gemma (Gemma 1 and 2), gemma3, llama3, qwen2, qwen3
    package: str  # tunix.models.<package>
    class_name: str
    chat: str  # gemma | llama3 | chatml (train/formatting.py)
    hf_model_types: tuple[str, ...]  # config.json "model_type" values of this family
    flash: bool  # Tunix's model has a splash-attention path that takes segment ids
    attn_softcap: bool  # attention logits go through tanh soft-capping (one more saved score tensor)
    post_norms: bool  # norms after attention and MLP too (4 per layer instead of 2)

    @property
    def module(self):
        return importlib.import_module(f"tunix.models.{self.package}.model")

    @property
    def model_class(self):
        return getattr(self.module, self.class_name)

    @property
    def loader(self):
        """The module whose create_model_from_safe_tensors reads Hugging Face safetensors."""
        name = "params_safetensors" if self.name.startswith("gemma") else "params"
        return importlib.import_module(f"tunix.models.{self.package}.{name}")

    def preset(self, config_id: str):
        return getattr(self.module.ModelConfig, config_id)()

    def with_options(self, config, remat: str, flash_block: int | None):
        """The config with `--remat` applied and, given a block size, splash attention switched on."""
        changes: dict[str, Any] = {"remat_config": getattr(self.module.RematConfig, remat.upper())}
        if flash_block is not None:
            changes.update(use_flash_attention=True, flash_attention_block_size=flash_block)
        return dataclasses.replace(config, **changes)

    def from_hf(self, hf: dict, where: str):
        """Tunix's ModelConfig from a Hugging Face config.json (local folders and exports)."""
        try:
            return _FROM_HF[self.name](self, hf)
        except KeyError as e:
            raise CurateError(f"{where}: config.json lacks {e.args[0]!r}, which a {self.name} model needs") from None


FAMILIES = {
    f.name: f
    for f in (
        Family("gemma", "gemma", "Gemma", "gemma", ("gemma", "gemma2"), False, True, True),
        Family("gemma3", "gemma3", "Gemma3", "gemma", ("gemma3", "gemma3_text"), False, False, True),
        Family("llama3", "llama3", "Llama3", "llama3", ("llama",), False, False, False),
        Family("qwen2", "qwen2", "Qwen2", "chatml", ("qwen2",), True, False, False),
        Family("qwen3", "qwen3", "Qwen3", "chatml", ("qwen3",), True, False, False),
    )
}
# Tunix's config category -> family; the registry's other entries cannot be trained here (yet).
BY_CATEGORY = {"gemma": "gemma", "gemma3": "gemma3", "llama3": "llama3", "qwen2": "qwen2", "qwen3": "qwen3"}
UNSUPPORTED = {
    "gemma4": "Gemma 4's chat format is not implemented here",
    "deepseek_r1_distill_qwen": "DeepSeek-R1-Distill uses its own chat format, not ChatML",
}


def vocab_size(config) -> int:
    return config.num_embed if hasattr(config, "num_embed") else config.vocab_size


def tied_embedding(config) -> bool:
    return getattr(config, "weight_tying", getattr(config, "use_tied_embedding", True))


@dataclass(frozen=True)
class RegistryModel:
    model_id: str  # Hugging Face id, e.g. google/gemma-2-2b-it
    family: Family
    config_id: str  # Tunix's ModelConfig preset, e.g. gemma2_2b_it


def find_in_registry(model: str) -> RegistryModel | None:
    """The registry entry whose Hugging Face id or Tunix name is `model` (any case), else None."""
    from tunix.models import registry

    wanted = model.lower()
    for entry in registry.MODEL_CATALOG:
        if wanted in (entry.model_id.lower(), entry.model_name.lower()):
            if entry.model_family in UNSUPPORTED or entry.model_config_category in UNSUPPORTED:
                why = UNSUPPORTED.get(entry.model_family) or UNSUPPORTED[entry.model_config_category]
                raise CurateError(f"--model {model}: Tunix knows it, but it cannot be trained here: {why}")
            family = FAMILIES[BY_CATEGORY[entry.model_config_category]]
            return RegistryModel(entry.model_id, family, entry.model_config_id)
    return None


def family_of_folder(hf: dict, where: str) -> Family:
    model_type = hf.get("model_type")
    for family in FAMILIES.values():
        if model_type in family.hf_model_types:
            return family
    known = ", ".join(t for f in FAMILIES.values() for t in f.hf_model_types)
    raise CurateError(f"{where}: config.json has model_type {model_type!r}; supported: {known}")


# ---------------------------------------------------------------- config.json <-> Tunix ModelConfig


def _head_dim(hf: dict) -> int:
    return hf.get("head_dim") or hf["hidden_size"] // hf["num_attention_heads"]


def _check_query_scale(hf: dict) -> None:
    """Tunix's Gemma attention scales queries by head_dim**-0.5; other scalars would load silently wrong."""
    scalar = hf.get("query_pre_attn_scalar")
    if scalar is not None and scalar != _head_dim(hf):
        raise CurateError(f"config.json has query_pre_attn_scalar {scalar} != head_dim: Tunix's Gemma cannot load it")


def _gemma_from_hf(family: Family, hf: dict):
    _check_query_scale(hf)
    lib = family.module
    layers = hf["num_hidden_layers"]
    gemma2 = hf["model_type"] == "gemma2"
    if gemma2:  # local sliding window, then global, repeated
        types = tuple(lib.AttentionType.LOCAL_SLIDING if i % 2 == 0 else lib.AttentionType.GLOBAL for i in range(layers))
    else:
        types = (lib.AttentionType.GLOBAL,) * layers
    return lib.ModelConfig(
        num_layers=layers,
        num_embed=hf["vocab_size"],
        embed_dim=hf["hidden_size"],
        hidden_dim=hf["intermediate_size"],
        num_heads=hf["num_attention_heads"],
        head_dim=_head_dim(hf),
        num_kv_heads=hf["num_key_value_heads"],
        final_logit_softcap=hf.get("final_logit_softcapping") if gemma2 else None,
        use_post_attn_norm=gemma2,
        use_post_ffw_norm=gemma2,
        attention_types=types,
        attn_logits_soft_cap=hf.get("attn_logit_softcapping") if gemma2 else None,
        sliding_window_size=hf.get("sliding_window") if gemma2 else None,
    )


def _shape_to_hf(config, vocab: int) -> dict:
    """The config.json fields every family shares: the model's shape."""
    return {
        "vocab_size": vocab,
        "hidden_size": config.embed_dim,
        "intermediate_size": config.hidden_dim,
        "num_hidden_layers": config.num_layers,
        "num_attention_heads": config.num_heads,
        "num_key_value_heads": config.num_kv_heads,
        "head_dim": config.head_dim,
    }


def _gemma_fields_to_hf(config) -> dict:
    """What Gemma 2 and Gemma 3 add to the shape: queries scaled by the head size, GELU, their norm eps."""
    return {"query_pre_attn_scalar": config.head_dim, "hidden_activation": "gelu_pytorch_tanh", "rms_norm_eps": 1e-6}


def gemma_to_hf(config) -> dict:
    """config.json of a Gemma 2 shaped model (what `train export` writes for tiny)."""
    return {
        "architectures": ["Gemma2ForCausalLM"],
        "model_type": "gemma2",
        **_shape_to_hf(config, config.num_embed),
        **_gemma_fields_to_hf(config),
        "rope_theta": 10000.0,
        "sliding_window": config.sliding_window_size,
        "final_logit_softcapping": config.final_logit_softcap,
        "attn_logit_softcapping": config.attn_logits_soft_cap,
        "tie_word_embeddings": True,
        "pad_token_id": 0,
        "eos_token_id": 1,
        "bos_token_id": 2,
    }


def _gemma3_from_hf(family: Family, hf: dict):
    _check_query_scale(hf)
    if hf.get("sliding_window_pattern", 6) != 6:
        raise CurateError("config.json: Tunix's Gemma 3 has 5 local layers per global one (sliding_window_pattern 6)")
    scaling = hf.get("rope_scaling") or {}
    return family.module.ModelConfig(
        num_layers=hf["num_hidden_layers"],
        num_embed=hf["vocab_size"],
        embed_dim=hf["hidden_size"],
        hidden_dim=hf["intermediate_size"],
        num_heads=hf["num_attention_heads"],
        head_dim=_head_dim(hf),
        num_kv_heads=hf["num_key_value_heads"],
        sliding_window_size=hf["sliding_window"],
        local_base_frequency=int(hf.get("rope_local_base_freq", 10_000)),
        global_base_frequency=int(hf.get("rope_theta", 1_000_000)),
        global_scale_factor=float(scaling.get("factor", 1.0)),
    )


def gemma3_to_hf(config) -> dict:
    """config.json of a Gemma 3 text model (what `train export` writes for a base without one)."""
    scaling = {"rope_type": "linear", "factor": config.global_scale_factor} if config.global_scale_factor != 1 else None
    return {
        "architectures": ["Gemma3ForCausalLM"],
        "model_type": "gemma3_text",
        **_shape_to_hf(config, config.num_embed),
        **_gemma_fields_to_hf(config),
        "sliding_window": config.sliding_window_size,
        "sliding_window_pattern": 6,
        "rope_theta": float(config.global_base_frequency),
        "rope_local_base_freq": float(config.local_base_frequency),
        "rope_scaling": scaling,
        "tie_word_embeddings": True,
    }


def _llama_like_from_hf(family: Family, hf: dict):
    if hf.get("num_experts"):
        raise CurateError("config.json describes a mixture of experts: only dense models load from a folder")
    tied = {"llama3": "weight_tying"}.get(family.name, "use_tied_embedding")
    return family.module.ModelConfig(
        num_layers=hf["num_hidden_layers"],
        vocab_size=hf["vocab_size"],
        embed_dim=hf["hidden_size"],
        hidden_dim=hf["intermediate_size"],
        num_heads=hf["num_attention_heads"],
        head_dim=_head_dim(hf),
        num_kv_heads=hf["num_key_value_heads"],
        rope_theta=int(hf.get("rope_theta", 10_000)),
        norm_eps=float(hf.get("rms_norm_eps", 1e-6)),
        **{tied: bool(hf.get("tie_word_embeddings", False))},
    )


def llama_like_to_hf(family: Family, config) -> dict:
    """config.json of a Llama 3 / Qwen 2 / Qwen 3 model (what `train export` writes for a random base)."""
    model_type = {"llama3": "llama"}.get(family.name, family.name)
    return {
        "architectures": [{"llama": "LlamaForCausalLM", "qwen2": "Qwen2ForCausalLM"}.get(model_type, "Qwen3ForCausalLM")],
        "model_type": model_type,
        **_shape_to_hf(config, config.vocab_size),
        "hidden_act": "silu",
        "rms_norm_eps": config.norm_eps,
        "rope_theta": config.rope_theta,
        "tie_word_embeddings": tied_embedding(config),
    }


_FROM_HF = {"gemma": _gemma_from_hf, "gemma3": _gemma3_from_hf, "llama3": _llama_like_from_hf,
            "qwen2": _llama_like_from_hf, "qwen3": _llama_like_from_hf}


def to_hf(family: Family, config) -> dict:
    """The config.json of a Tunix config (the inverse of Family.from_hf)."""
    if family.name == "gemma":
        return gemma_to_hf(config)
    if family.name == "gemma3":
        return gemma3_to_hf(config)
    return llama_like_to_hf(family, config)
