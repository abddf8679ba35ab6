"""Command-line options for `RunConfig` fields, shared by `train run` and `train ablate`."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from train.config import ATTENTION, FIELDS, OVERLONG_POLICIES, QUANTIZE, REMAT

HELP = {
    "model": ("tiny (random, offline), a chat model id of Tunix's registry (google/gemma-2-2b-it, "
              "google/gemma-3-1b-it, meta-llama/Llama-3.2-1B-Instruct, Qwen/Qwen3-0.6B...; aliases gemma2-2b-it, "
              "gemma3-1b-it), or a local Hugging Face model folder"),
    "checkpoint": "local copy of a registry model: Kaggle Flax or Hugging Face safetensors (unset: download)",
    "tokenizer": "tokenizer.model or tokenizer.json (unset: from the model folder; tiny trains one)",
    "steps": "optimizer steps (unset, and no --epochs: one epoch)",
    "epochs": "epochs over the training rows, instead of --steps",
    "batch_size": "rows per micro-batch, over all devices",
    "seq_len": "tokens per row (unset: the smallest multiple of 128 that holds the longest example)",
    "pack": "pack several examples per row, or pad one per row (--no-pack)",
    "overlong": f"examples longer than --seq-len: {' or '.join(OVERLONG_POLICIES)}",
    "grad_accum": "micro-batches per optimizer step",
    "lr": "peak learning rate (unset: 3e-3 for tiny, 2e-4 for Gemma)",
    "warmup_ratio": "share of the steps with a linear warmup, then cosine decay",
    "min_lr_ratio": "the decay ends at lr x this",
    "weight_decay": "AdamW weight decay",
    "max_grad_norm": "gradients are clipped to this global norm",
    "lora_rank": "LoRA rank",
    "lora_alpha": "LoRA alpha (scale alpha / rank)",
    "lora_targets": "regex of the module paths that get adapters (attention and MLP projections)",
    "quantize": f"QLoRA: store the frozen base in {'/'.join(QUANTIZE)}",
    "remat": f"recompute activations in the backward pass: {', '.join(REMAT)} (Tunix's RematConfig)",
    "attention": (f"{' or '.join(ATTENTION)}: flash is Tunix's splash kernel with packing's segment ids "
                  "(Qwen 2/3 on TPU; elsewhere the masked path, with a note)"),
    "mesh": "device mesh, e.g. fsdp=4,tp=2 (unset: fsdp over all devices)",
    "distributed": "call jax.distributed.initialize() first (multi-host TPU slices)",
    "seed": "data order, eval split and LoRA init",
    "base_seed": "seed of the tiny model's random base weights",
    "tiny_vocab": "vocabulary size of the tokenizer tiny trains from the data",
    "eval_fraction": "share of the version's rows held out for eval (by id)",
    "eval_every": "eval loss (overall and per topic) every N steps",
    "checkpoint_every": "save a checkpoint every N steps (and at the end)",
    "instruction": "text prepended to every user turn ('' for none)",
    "eval_prompts": "JSONL of {\"id\", \"topic\", \"prompt\"} for the format check (unset: train/prompts.jsonl)",
    "max_new_tokens": "tokens generated per evaluation prompt",
}
METAVAR = {"int": "N", "float": "X", "checkpoint": "DIR", "tokenizer": "PATH", "eval_prompts": "FILE",
           "mesh": "fsdp=F,tp=T", "model": "NAME", "overlong": "POLICY", "quantize": "nf4", "remat": "|".join(REMAT), "attention": "|".join(ATTENTION),
           "lora_targets": "REGEX", "instruction": "TEXT"}


def add_config_options(parser: argparse.ArgumentParser, title: str, exclude: Iterable[str] = ()) -> None:
    """One flag per RunConfig field (default None: unset flags leave YAML and defaults alone)."""
    group = parser.add_argument_group(title)
    for name, field in FIELDS.items():
        if name in exclude:
            continue
        flag = "--" + name.replace("_", "-")
        kind = field.type.split(" ")[0]
        shown = "" if field.default is None or name == "instruction" else f" (default: {field.default})"
        if kind == "bool":
            group.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=HELP[name] + shown)
        else:
            group.add_argument(flag, type={"int": int, "float": float}.get(kind, str), default=None,
                               metavar=METAVAR.get(name, METAVAR.get(kind, "TEXT")), help=HELP[name] + shown)
