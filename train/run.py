"""`train run` and the API other commands build on: rows in; adapter, metrics and report out.

    train_on(config, train_rows, eval_rows, out, data_info=..., resume=False) -> metrics
    split_rows(rows, eval_fraction, seed) -> (train_rows, eval_rows)
    run_from_store(config, data_ref, store, out, resume) -> metrics   (what `train run` calls)
    sample(run_dir, prompts, ...) -> replies                          (what `train sample` calls)
    load_run(run_dir) -> (config, source, tok, chat, model)           (sample, export)

Everything a run could refuse (data, files, mesh, lengths, a changed config on resume) is checked
before the first byte is written to `out`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import math
import os
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import polars as pl
from flax import nnx

from curate import code_version
from curate.errors import CurateError
from curate.schema import SHARD_COLUMNS
from curate.store import MANIFEST, Store, sha256_file
from train import report
from train.config import RunConfig, build_config
from train.evaluate import Generator, load_prompts, score
from train.formatting import ChatFormat, SamplerTokenizer, chat_format
from train.lora import apply_lora
from train.mesh import build_mesh, device_info, mesh_shape
from train.models import (
    Attention,
    ModelSource,
    base_config,
    check_packing,
    choose_attention,
    load_model,
    load_tokenizer,
    packing_limit,
    resolve_source,
)
from train.packing import (
    BatchStream,
    Examples,
    default_seq_len,
    encode_rows,
    fixed_batches,
    overlong_warning,
    padding_share,
    tokenize_rows,
)
from train.progress import Progress
from train.tokenizer import Tokenizer
from train.trainer import MetricsLog, RunHooks, evaluate_loss, make_trainer, to_input

RUN_CONFIG = "config.json"  # the config and data a run was started with; --resume must match it
RUN_RECORD = "run.json"
TOKENIZER = "tokenizer.model"  # tiny's tokenizer, trained from the data at the first start
OUTPUTS = (RUN_CONFIG, RUN_RECORD, "checkpoints")

# `with mesh:` is what Tunix's data sharding reads (jax.set_mesh does not feed it yet).
warnings.filterwarnings("ignore", message=".*with mesh.*context manager.*deprecated", category=DeprecationWarning)


def split_rows(rows: pl.DataFrame, eval_fraction: float, seed: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(train, eval): a row is held out when the hash of (seed, id) falls below eval_fraction.

    Depends only on each row's id, so a row keeps its side when others are added or removed.
    With two rows or more, each side keeps at least one.
    """
    u = np.array([int.from_bytes(hashlib.sha256(f"{seed}:{i}".encode()).digest()[:8], "big") / 2**64
                  for i in rows["id"].to_list()])
    held = u < eval_fraction
    if rows.height > 1 and not held.any():
        held[np.argmin(u)] = True
    if rows.height > 1 and held.all():
        held[np.argmax(u)] = False
    mask = pl.Series(held)
    return rows.filter(~mask), rows.filter(mask)


def run_from_store(config: RunConfig, data_ref: str, store: Store, out: Path, resume: bool = False) -> dict:
    version = store.resolve(data_ref)
    version.verify()  # shards against the manifest (sha256, rows): never train on part of a version
    rows = version.read(columns=SHARD_COLUMNS, verify=False)
    if rows.is_empty():
        raise CurateError(f"{version.ref} has no rows: nothing to train on")
    train_rows, eval_rows = split_rows(rows, config.eval_fraction, config.seed)
    data_info = {
        "ref": version.ref,
        "name": version.name,
        "version": version.number,
        "manifest_sha256": sha256_file(version.path / MANIFEST),
        "rows": rows.height,
        "train_rows": train_rows.height,
        "eval_rows": eval_rows.height,
        "eval_split": {"fraction": config.eval_fraction, "seed": config.seed, "by": "sha256(seed:id)"},
    }
    return train_on(config, train_rows, eval_rows, out, data_info=data_info, resume=resume)


def read_run_config(run_dir: Path) -> dict | None:
    """The config.json a run was started with; None when there is none; a clear error when corrupt."""
    path = Path(run_dir) / RUN_CONFIG
    if Path(run_dir).exists() and not Path(run_dir).is_dir():
        raise CurateError(f"{run_dir} is a file, not a run folder")
    if not path.is_file():
        return None
    try:
        saved = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        raise CurateError(f"{path} is corrupt ({e}): this run cannot be resumed, sampled or exported") from None
    if not (isinstance(saved, dict) and isinstance(saved.get("config"), dict) and isinstance(saved.get("data"), dict)):
        raise CurateError(f"{path} is corrupt (expected an object with \"config\" and \"data\"): this run cannot "
                          "be resumed, sampled or exported")
    return saved


@dataclass
class Resolved:
    """The model side of a run: where it comes from, its vocabulary and chat format, its shape."""

    source: ModelSource
    tok: Tokenizer
    chat: ChatFormat
    base_cfg: object  # Tunix ModelConfig before --remat and --attention


def resolve_model(config: RunConfig, train_rows: pl.DataFrame, cached_tokenizer: Path | None,
                  source: ModelSource | None = None) -> Resolved:
    source = source or resolve_source(config)
    tok = load_tokenizer(config, source, train_rows, cached_tokenizer)
    chat = chat_format(source.family.chat, tok, config.instruction)
    return Resolved(source, tok, chat, base_config(source, tok.vocab_size))


def resolve_seq_len(config: RunConfig, model: Resolved, lengths: np.ndarray) -> RunConfig:
    """The config with --seq-len set: as given, or the smallest multiple of 128 holding every example."""
    seq_len = config.seq_len or default_seq_len(lengths, packing_limit(model.source, config, model.base_cfg))
    check_packing(model.source, config, model.base_cfg, seq_len)
    return dataclasses.replace(config, seq_len=seq_len)


@dataclass
class Plan:
    """A run checked end to end before anything is written: the data as examples, the model, the mesh."""

    config: RunConfig  # with seq_len resolved
    out: Path
    data_info: dict
    resuming: bool
    mesh: jax.sharding.Mesh
    model: Resolved
    model_cfg: object  # Tunix ModelConfig with --remat and the attention path
    attention: Attention
    topics: tuple[str, ...]
    train_ex: Examples
    eval_ex: Examples
    stream: BatchStream
    rows_per_epoch: int
    total_steps: int
    prompts: list[dict]
    warnings: list[str]


def plan_run(config: RunConfig, train_rows: pl.DataFrame, eval_rows: pl.DataFrame, out: Path, data_info: dict,
             resume: bool) -> Plan:
    if train_rows.is_empty():
        raise CurateError("no training rows: nothing to train on")
    data_info = _plain(data_info)
    saved = _check_out(out, resume)
    mesh = build_mesh(config.mesh, config.batch_size)
    model = resolve_model(config, train_rows, out / TOKENIZER if saved else None)
    train_pairs, eval_pairs = encode_rows(train_rows, model.chat), encode_rows(eval_rows, model.chat)
    lengths = np.array([len(ids) for ids, _ in train_pairs], dtype=np.int64)
    config = resolve_seq_len(config, model, np.concatenate([lengths, [len(ids) for ids, _ in eval_pairs]]))
    if saved:
        _check_same_run(out, saved, config, data_info)
    attention = choose_attention(config, model.source.family, config.seq_len)
    model_cfg = model.source.family.with_options(model.base_cfg, config.remat, attention.flash_block)
    topics = tuple(sorted(set(train_rows["topic"].to_list()) | set(eval_rows["topic"].to_list())))
    train_ex = tokenize_rows(train_rows, model.chat, config.seq_len, config.overlong, topics, train_pairs)
    eval_ex = tokenize_rows(eval_rows, model.chat, config.seq_len, config.overlong, topics, eval_pairs)
    stream = BatchStream(train_ex, config.batch_size, config.seq_len, config.pack, config.seed)
    rows_per_epoch = len(stream.epoch_rows(0))
    rows_per_step = config.batch_size * config.grad_accum
    total_steps = config.steps or max(1, math.ceil((config.epochs or 1.0) * rows_per_epoch / rows_per_step))
    prompts = load_prompts(config.eval_prompts)
    limit = packing_limit(model.source, config, model.base_cfg)
    notes = [overlong_warning(lengths, config.seq_len, config.overlong, "training examples", limit), attention.note]
    return Plan(config, out, data_info, bool(saved), mesh, model, model_cfg, attention, topics, train_ex, eval_ex,
                stream, rows_per_epoch, total_steps, prompts, [n for n in notes if n])


def initialize_distributed() -> None:
    """jax.distributed.initialize(): on TPU pods everything is detected; elsewhere JAX_COORDINATOR_ADDRESS,
    JAX_NUM_PROCESSES and JAX_PROCESS_ID say who is who (CPU processes talk through gloo)."""
    jax.config.update("jax_cpu_collectives_implementation", "gloo")
    given = {key: int(os.environ[name]) for key, name in (("num_processes", "JAX_NUM_PROCESSES"),
                                                           ("process_id", "JAX_PROCESS_ID")) if name in os.environ}
    jax.distributed.initialize(**given)


def train_on(
    config: RunConfig,
    train_rows: pl.DataFrame,
    eval_rows: pl.DataFrame,
    out: Path,
    *,
    data_info: dict,
    resume: bool = False,
) -> dict:
    """Train on exactly these rows, evaluate, generate, write the run folder; return final metrics.

    Keys of the result: eval_loss, eval_loss_by_topic, eval_loss_start, train_loss, tokens_seen,
    loss_tokens_seen, train_tokens_by_topic, padding_share, examples_trained, examples_dropped,
    examples_truncated, tokens_per_s, compliance, mean_answer_len (tuned; answer tokens, 0 when no
    answer), base_compliance, base_mean_answer_len, steps, seq_len. With resume=True an earlier run
    in `out` (same config and data) continues from its last checkpoint; an empty `out` simply starts.
    """
    if config.distributed and not jax.distributed.is_initialized():
        initialize_distributed()
    plan = plan_run(config, train_rows, eval_rows, Path(out), data_info, resume)
    out, config, tok, chat = plan.out, plan.config, plan.model.tok, plan.model.chat

    # Everything is checked: from here on the run folder is written (by the first process only:
    # on a multi-host slice every process runs this function, sharing one folder). The barrier keeps
    # a slow process from finding the first one's files and taking them for an earlier run.
    if jax.process_count() > 1:
        from jax.experimental import multihost_utils

        multihost_utils.sync_global_devices("train_on: every process has checked the run")
    primary = jax.process_index() == 0
    started = datetime.now(UTC).isoformat(timespec="seconds")
    if primary:
        for note in plan.warnings:
            print(note, file=sys.stderr, flush=True)
        out.mkdir(parents=True, exist_ok=True)
        if not plan.resuming:
            run_config = {"config": config.to_json(), "data": plan.data_info}
            (out / RUN_CONFIG).write_text(json.dumps(run_config, indent=2) + "\n")
        if plan.model.source.tokenizer is None and not (out / TOKENIZER).is_file():
            (out / TOKENIZER).write_bytes(tok.data)

    base = load_model(plan.model.source, plan.model_cfg, tok, plan.mesh, config.base_seed)
    model = apply_lora(base, config, plan.mesh)
    generator = Generator(model, SamplerTokenizer(chat), [p["prompt"] for p in plan.prompts], config.max_new_tokens)
    # LoRA's B matrices start at zero, so before training (and restoring) this is the base model.
    replies = {"base": generator()}

    trainer = make_trainer(model, config, out, plan.total_steps, len(plan.topics), plan.attention.flash_block is not None)
    resumed_from = trainer.train_steps
    eval_batches = fixed_batches(plan.eval_ex, config.batch_size, config.seq_len, config.pack)
    def evaluate(t):
        return evaluate_loss(t.jit_train_and_eval_step()[1], eval_batches, plan.topics, plan.mesh)

    eval_fn = evaluate if eval_batches else None
    log = MetricsLog(out / "metrics.jsonl", write=primary)
    progress = Progress(f"{config.model} on {plan.data_info.get('ref', 'rows')}", quiet=not primary)
    trainer.with_training_hooks(RunHooks(config, plan.stream, eval_fn, log, progress, plan.total_steps))
    clock = time.perf_counter()
    try:
        with plan.mesh:
            batches = itertools.islice(plan.stream, plan.total_steps * config.grad_accum)
            trainer.train(to_input(batch, plan.mesh) for batch in batches)
    finally:
        progress.stop()
    train_seconds = time.perf_counter() - clock

    generator.refresh(model)
    replies["tuned"] = generator()
    generation = {name: score(r, lambda text: len(tok.encode(text))) for name, r in replies.items()}
    metrics = _final_metrics(plan, log, generation, resumed_from)
    record = {
        "started": started,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "code_version": code_version(),
        "data": plan.data_info,
        "model": _model_info(plan, model),
        "config": config.to_json(),
        "device": {**device_info(), "mesh": mesh_shape(config.mesh, jax.device_count())},
        "training": {
            "steps": plan.total_steps,
            "micro_batches_per_step": config.grad_accum,
            "resumed_from_step": resumed_from or None,
            "seconds_this_session": train_seconds,
            "rows_per_epoch": plan.rows_per_epoch,
            "epochs": plan.total_steps * config.grad_accum * config.batch_size / plan.rows_per_epoch,
            "attention": plan.attention.name,
            "remat": config.remat,
        },
        "examples": {
            "train": len(plan.train_ex),
            "eval": len(plan.eval_ex),
            "seq_len": config.seq_len,
            "overlong_policy": config.overlong,
            "dropped_overlong": {"train": plan.train_ex.dropped, "eval": plan.eval_ex.dropped},
            "truncated": {"train": plan.train_ex.truncated, "eval": plan.eval_ex.truncated},
        },
        "warnings": plan.warnings,
        "metrics": metrics,
        "generation": generation,
    }
    if primary:
        (out / RUN_RECORD).write_text(json.dumps(record, indent=2) + "\n")
        report.write_all(out, record, log, plan.prompts, replies)
    return metrics


def _final_metrics(plan: Plan, log: MetricsLog, generation: dict, resumed_from: int) -> dict:
    config = plan.config
    consumed = plan.stream.stats[: plan.total_steps * config.grad_accum]
    train_log, evals = log.of_kind("train"), log.of_kind("eval")
    # Steady steps of this session: the first one of a process includes compilation.
    rates = [r["tokens_per_s"] for r in train_log if r["step"] > resumed_from + 1 and r["tokens_per_s"]]
    by_topic = np.sum([s.topic_tokens for s in consumed], axis=0)
    return {
        "steps": plan.total_steps,
        "seq_len": config.seq_len,
        "train_loss": train_log[-1]["loss"] if train_log else None,
        "eval_loss": evals[-1]["eval_loss"] if evals else None,
        "eval_loss_by_topic": evals[-1]["eval_loss_by_topic"] if evals else {},
        "eval_loss_start": evals[0]["eval_loss"] if evals and evals[0]["step"] == 0 else None,
        "tokens_seen": sum(s.real_tokens for s in consumed),
        "loss_tokens_seen": sum(s.loss_tokens for s in consumed),
        "train_tokens_by_topic": {t: int(n) for t, n in zip(plan.topics, by_topic) if n},
        "padding_share": padding_share(consumed, config.batch_size, config.seq_len),
        "examples_trained": len(plan.train_ex),
        "examples_dropped": plan.train_ex.dropped,  # longer than seq_len (overlong policy)
        "examples_truncated": plan.train_ex.truncated,
        "tokens_per_s": float(np.median(rates)) if rates else None,
        "compliance": generation["tuned"]["compliant"],
        "mean_answer_len": generation["tuned"]["mean_answer_tokens"],
        "base_compliance": generation["base"]["compliant"],
        "base_mean_answer_len": generation["base"]["mean_answer_tokens"],
    }


def _model_info(plan: Plan, model: nnx.Module) -> dict:
    arrays = jax.tree.leaves(nnx.state(model))
    source = plan.model.source
    return {
        "name": plan.config.model,
        "family": source.family.name,
        "model_id": source.model_id,
        "random": source.is_random,
        "checkpoint": str(source.checkpoint) if source.checkpoint else None,
        "layout": source.layout,
        "tokenizer": str(source.tokenizer or plan.out / TOKENIZER),
        "vocab_size": plan.model.tok.vocab_size,
        "base_params": _count(nnx.state(model, nnx.All(nnx.Param, nnx.Not(nnx.LoRAParam)))),
        "lora_params": _count(nnx.state(model, nnx.LoRAParam)),
        "param_arrays": len(arrays),
        "sharded_arrays": sum(not x.sharding.is_fully_replicated for x in arrays),  # split over devices
    }


def _plain(data: dict) -> dict:
    """JSON-plain copy (numpy scalars become numbers), so it compares equal after a round trip."""
    return json.loads(json.dumps(data, default=lambda o: o.item() if hasattr(o, "item") else str(o)))


def _flatten(data, prefix: str = "") -> dict:
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _flatten(value, f"{prefix}{key}.").items()}
    return {prefix.rstrip("."): data}


def _check_out(out: Path, resume: bool) -> dict | None:
    """The saved config of a run in `out` to continue; refuse a file, another folder, or overwriting."""
    saved = read_run_config(out)
    if saved is None:
        existing = [name for name in OUTPUTS if (out / name).exists()]
        if existing:
            raise CurateError(f"{out} holds {', '.join(existing)} but no {RUN_CONFIG}: not a run folder to write into")
        return None
    if not resume:
        raise CurateError(f"{out} already holds a run: pass --resume to continue it, or choose another --out")
    return saved


def _check_same_run(out: Path, saved: dict, config: RunConfig, data_info: dict) -> None:
    old = _flatten({"config": saved["config"], "data": saved["data"]})
    new = _flatten({"config": config.to_json(), "data": data_info})
    changed = [f"{k} ({old.get(k)!r} -> {new.get(k)!r})" for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
    if changed:
        raise CurateError(
            f"cannot resume {out}: it was started with a different config: {'; '.join(changed)}. "
            f"Resume with the same options, or train into another --out"
        )


def _count(state) -> int:
    return int(sum(np.prod(x.shape) for x in jax.tree.leaves(state)))


@dataclass
class LoadedRun:
    """A finished (or checkpointed) run's model with its trained adapter, for sampling and export."""

    config: RunConfig
    data: dict
    model: Resolved
    network: nnx.Module
    step: int  # the checkpoint restored; 0: none (the base model)


def load_run(run_dir: Path, adapter: bool = True, dtype=jnp.bfloat16) -> LoadedRun:
    """The run's base model with its latest adapter (adapter=False: zero adapters, i.e. the base).

    Hugging Face weights are cast to `dtype` as in training; None keeps the file's (for exact checks).
    """
    from tunix.sft import checkpoint_manager

    run_dir = Path(run_dir)
    saved = read_run_config(run_dir)
    if saved is None:
        raise CurateError(f"{run_dir} is not a training run (no {RUN_CONFIG})")
    config = build_config(saved["config"])
    source = resolve_source(config)
    if source.tokenizer is None and not (run_dir / TOKENIZER).is_file():
        raise CurateError(f"{run_dir / TOKENIZER} is missing: the run's tiny tokenizer is needed")
    checkpoints = run_dir / "checkpoints"
    no_adapter = CurateError(f"no checkpoint in {checkpoints}: the run has not saved an adapter yet")
    if adapter and not checkpoints.is_dir():
        raise no_adapter
    model = resolve_model(config, pl.DataFrame(), run_dir / TOKENIZER)
    mesh = build_mesh(None)
    model_cfg = model.source.family.with_options(model.base_cfg, "none", None)
    network = apply_lora(load_model(model.source, model_cfg, model.tok, mesh, config.base_seed, dtype), config, mesh)
    step = 0
    if adapter:
        manager = checkpoint_manager.CheckpointManager(str(checkpoints.absolute()))
        step, _ = manager.maybe_restore(network, restore_only_lora_params=True)
        manager.close()
        if step == 0:
            raise no_adapter
    return LoadedRun(config, saved["data"], model, network, step)


def sample(
    run_dir: Path,
    prompts: list[str],
    max_new_tokens: int | None = None,
    temperature: float = 0.0,
    top_p: float | None = None,
    seed: int = 0,
    base: bool = False,
) -> list[dict]:
    """Replies of a run's trained adapter (latest checkpoint) or, with base=True, of its base model."""
    run = load_run(run_dir, adapter=not base)
    generator = Generator(run.network, SamplerTokenizer(run.model.chat), prompts,
                          max_new_tokens or run.config.max_new_tokens)
    return generator(temperature, top_p, seed)
