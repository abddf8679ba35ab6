"""RunConfig: every hyper-parameter of a training run, from defaults < YAML file < command line.

The config is frozen and checked on construction, so a bad value fails before anything is loaded
or written. Values that depend on the model (learning rate) are resolved here too, so the config
saved in a run folder is exactly what trained, and `--resume` can compare it field by field.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from curate.errors import CurateError

TINY = "tiny"
RANDOM_NOTE = ("the model is `tiny`: randomly initialised, a few hundred thousand parameters, trained on this "
               "data only. Its replies test the pipeline, not the method; use a pretrained --model for real answers")
OVERLONG_POLICIES = ("drop", "truncate")
QUANTIZE = ("nf4",)
REMAT = ("none", "block", "decoder")  # Tunix's RematConfig: nothing, attention and MLP blocks, whole layers
ATTENTION = ("masked", "flash")
DEFAULT_INSTRUCTION = (
    "Think the request through inside <reasoning></reasoning>, then give your final response "
    "inside <answer></answer>."
)
# Attention and MLP projections under Gemma's names (einsums) and Llama's / Qwen's (linear layers).
DEFAULT_LORA_TARGETS = (
    r".*(q_einsum|kv_einsum|qkv_einsum|attn_vec_einsum|q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"
)
# A random tiny model learns nothing at the learning rate that suits a pretrained one.
TINY_LR, PRETRAINED_LR = 3e-3, 2e-4


@dataclass(frozen=True)
class RunConfig:
    model: str = TINY  # tiny, a model id of Tunix's registry, or a local Hugging Face model folder
    checkpoint: str | None = None  # local copy of a registry model (Kaggle Flax or HF safetensors layout)
    tokenizer: str | None = None  # tokenizer.model / tokenizer.json; tiny trains one from the data when unset
    steps: int | None = None  # optimizer steps; with neither steps nor epochs: one epoch
    epochs: float | None = None
    batch_size: int = 4  # rows per micro-batch, global over all devices
    seq_len: int | None = None  # None: the smallest multiple of 128 that holds the longest example
    pack: bool = True
    overlong: str = "drop"  # examples longer than seq_len: drop, or truncate the completion
    grad_accum: int = 1
    lr: float | None = None  # None: TINY_LR for tiny, PRETRAINED_LR otherwise
    warmup_ratio: float = 0.05
    min_lr_ratio: float = 0.1  # cosine decay ends at lr * min_lr_ratio
    weight_decay: float = 0.0
    max_grad_norm: float = 1.0
    lora_rank: int = 16
    lora_alpha: float = 32.0
    lora_targets: str = DEFAULT_LORA_TARGETS
    quantize: str | None = None  # "nf4": QLoRA, the frozen base weights stored in 4 bits
    remat: str = "none"  # recompute activations in the backward pass instead of keeping them
    attention: str = "masked"  # "flash": splash attention with segment ids where the model has it
    mesh: str | None = None  # "fsdp=4,tp=2"; None: fsdp over every device
    distributed: bool = False  # jax.distributed.initialize() first (multi-host TPU slices)
    seed: int = 0  # data order, eval split and LoRA init
    base_seed: int = 0  # the tiny model's random base weights: arms of an ablation share them
    tiny_vocab: int = 2048  # target size of the tokenizer tiny trains from the data
    eval_fraction: float = 0.05
    eval_every: int = 50
    checkpoint_every: int = 50
    instruction: str = DEFAULT_INSTRUCTION  # prepended to every user turn; "" for none
    eval_prompts: str | None = None  # JSONL of {"id", "topic", "prompt"}; None: train/prompts.jsonl
    max_new_tokens: int = 384

    def __post_init__(self):
        _check(bool(self.model.strip()), "--model must name a model (tiny, a registry id or a folder)")
        if self.lr is None:
            object.__setattr__(self, "lr", TINY_LR if self.model == TINY else PRETRAINED_LR)
        _check(self.steps is None or self.epochs is None, "give --steps or --epochs, not both")
        for name in ("batch_size", "grad_accum", "lora_rank", "eval_every", "checkpoint_every",
                     "tiny_vocab", "max_new_tokens"):
            _check(getattr(self, name) >= 1, f"--{_flag(name)} must be at least 1 (got {getattr(self, name)})")
        _check(self.steps is None or self.steps >= 1, f"--steps must be at least 1 (got {self.steps})")
        _check(self.epochs is None or (math.isfinite(self.epochs) and self.epochs > 0),
               f"--epochs must be a positive number (got {self.epochs})")
        _check(self.seq_len is None or self.seq_len >= 16,
               f"--seq-len {self.seq_len} is too short for a chat turn: use at least 16")
        _check(self.remat in REMAT, f"--remat must be one of {', '.join(REMAT)}")
        _check(self.attention in ATTENTION, f"--attention must be one of {', '.join(ATTENTION)}")
        _check(self.overlong in OVERLONG_POLICIES, f"--overlong must be one of {', '.join(OVERLONG_POLICIES)}")
        _check(self.quantize is None or self.quantize in QUANTIZE, f"--quantize must be one of {', '.join(QUANTIZE)}")
        _check(self.lr > 0 and math.isfinite(self.lr), f"--lr must be a positive number (got {self.lr})")
        _check(0 <= self.warmup_ratio < 1, f"--warmup-ratio must be in [0, 1) (got {self.warmup_ratio})")
        _check(0 <= self.min_lr_ratio <= 1, f"--min-lr-ratio must be in [0, 1] (got {self.min_lr_ratio})")
        _check(self.weight_decay >= 0, f"--weight-decay must be >= 0 (got {self.weight_decay})")
        _check(self.max_grad_norm > 0, f"--max-grad-norm must be > 0 (got {self.max_grad_norm})")
        _check(self.lora_alpha > 0, f"--lora-alpha must be > 0 (got {self.lora_alpha})")
        _check(0 < self.eval_fraction < 1, f"--eval-fraction must be in (0, 1) (got {self.eval_fraction})")
        try:
            re.compile(self.lora_targets)
        except re.error as e:
            raise CurateError(f"--lora-targets is not a valid regular expression: {e}") from None
        if self.mesh is not None:
            parse_mesh(self.mesh)

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def _flag(name: str) -> str:
    return name.replace("_", "-")


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise CurateError(message)


def parse_mesh(text: str) -> dict[str, int]:
    """'fsdp=4,tp=2' -> {'fsdp': 4, 'tp': 2}; an axis left out has size 1."""
    sizes = {"fsdp": 1, "tp": 1}
    seen = set()
    for part in text.split(","):
        name, _, value = part.partition("=")
        name = name.strip()
        if name not in sizes or name in seen or not value.strip().isdigit() or int(value) < 1:
            raise CurateError(f"malformed --mesh {text!r}: expected e.g. fsdp=4,tp=2 (axes fsdp and tp, sizes >= 1)")
        seen.add(name)
        sizes[name] = int(value)
    return sizes


FIELDS = {f.name: f for f in dataclasses.fields(RunConfig)}


def load_yaml(path: str | Path) -> dict:
    """Options from a YAML mapping; keys are option names with '-' or '_' (e.g. seq-len)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text())
    except FileNotFoundError:
        raise CurateError(f"config file {path} does not exist") from None
    except (OSError, yaml.YAMLError) as e:
        raise CurateError(f"cannot read config file {path}: {e}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CurateError(f"config file {path} must hold a mapping of option: value")
    return {str(key).replace("-", "_"): value for key, value in data.items()}


def build_config(options: dict) -> RunConfig:
    """RunConfig from merged options (unknown keys refused, types checked, None means default)."""
    unknown = sorted(set(options) - set(FIELDS))
    if unknown:
        raise CurateError(f"unknown option(s) {', '.join(_flag(k) for k in unknown)}")
    values = {}
    for name, value in options.items():
        if value is None:
            continue
        values[name] = _coerce(name, value)
    return RunConfig(**values)


def _coerce(name: str, value):
    kind = FIELDS[name].type
    try:
        if kind == "bool":
            if not isinstance(value, bool):
                raise ValueError
            return value
        if kind.startswith("int"):
            if isinstance(value, bool) or float(value) != int(value):
                raise ValueError
            return int(value)
        if kind.startswith("float"):
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise CurateError(f"--{_flag(name)}: {value!r} is not a valid {kind.split(' ')[0]}") from None
