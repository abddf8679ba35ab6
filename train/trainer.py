"""Tunix's PeftTrainer, wired through its seams: input function, loss function, hooks, config.

- `PackedInput` extends Tunix's TrainingInput with segment ids, positions and per-token topics;
  `model_inputs` (Tunix's gen_model_input_fn, run inside jit) turns segment ids into the
  segment-aware causal mask, so packed examples never see each other. With splash attention
  (`flash_model_inputs`) the segment ids go to the kernel instead, and no [B, L, L] mask is built.
- `loss_fn` is token-mean cross-entropy on the loss mask, computed from logsumexp and the target
  logit (no one-hot over the vocabulary), and returns per-topic sums as aux for the eval.
- `RunHooks` runs the held-out eval every N steps, writes metrics, drives the progress bar.
- Checkpoints are Tunix's Orbax manager under DIR/checkpoints; on start the trainer restores the
  latest one and skips the batches it had consumed, so the data stream must be deterministic.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import flax
import jax
import jax.numpy as jnp
import numpy as np
import optax
import orbax.checkpoint as ocp
from tunix.sft import hooks, metrics_logger, peft_trainer, sharding_utils

from train.config import RunConfig
from train.packing import BatchStream
from train.progress import Progress

DATA_AXES = ("fsdp",)


@flax.struct.dataclass(frozen=True)
class PackedInput(peft_trainer.TrainingInput):
    segment_ids: jax.Array | np.ndarray | None = None  # 1, 2, ... per example in the row; 0 = padding
    positions: jax.Array | np.ndarray | None = None  # restart at 0 for each example
    token_topics: jax.Array | np.ndarray | None = None  # topic index of each token


def to_input(batch: dict[str, np.ndarray], mesh: jax.sharding.Mesh | None = None) -> PackedInput:
    """This process's rows of a global batch (all of them on a single host).

    With several processes the rows become one global array sharded over fsdp here: Tunix's
    shard_input checks divisibility on the local rows, and would replicate (so silently train each
    process on its own rows only) whenever a process holds fewer rows than fsdp has devices.
    """
    n, index = jax.process_count(), jax.process_index()
    rows = len(batch["input_tokens"]) // n
    local = {k: v[index * rows:(index + 1) * rows] for k, v in batch.items()}
    if n == 1 or mesh is None:
        return PackedInput(**local)
    sharding = jax.sharding.NamedSharding(mesh, jax.sharding.PartitionSpec(*DATA_AXES))
    return PackedInput(**{k: jax.make_array_from_process_local_data(sharding, v) for k, v in local.items()})


def model_inputs(x: PackedInput) -> dict:
    seg = x.segment_ids
    length = seg.shape[1]
    causal = jnp.tril(jnp.ones((length, length), dtype=jnp.bool_))
    same = (seg[:, :, None] == seg[:, None, :]) & (seg[:, None, :] > 0)
    return {
        "input_tokens": x.input_tokens,
        "input_mask": x.input_mask,
        "positions": x.positions,
        "attention_mask": same & causal[None],
        "token_topics": x.token_topics,
    }


def flash_model_inputs(x: PackedInput) -> dict:
    """For models built with use_flash_attention: the kernel masks by segment ids (and causally)."""
    return {
        "input_tokens": x.input_tokens,
        "input_mask": x.input_mask,
        "positions": x.positions,
        "attention_mask": None,
        "token_topics": x.token_topics,
        "segment_ids": x.segment_ids,
    }


def make_loss_fn(num_topics: int):
    def loss_fn(model, input_tokens, input_mask, positions, attention_mask, token_topics, segment_ids=None):
        extra = {} if segment_ids is None else {"segment_ids": segment_ids}
        logits, _ = model(input_tokens, positions, None, attention_mask, **extra)
        logits = logits[:, :-1]
        targets = input_tokens[:, 1:]
        weights = input_mask[:, 1:].astype(jnp.float32)
        target_logit = jnp.take_along_axis(logits, targets[..., None], axis=-1)[..., 0]
        nll = jax.nn.logsumexp(logits.astype(jnp.float32), axis=-1) - target_logit.astype(jnp.float32)
        loss = jnp.sum(nll * weights) / jnp.maximum(jnp.sum(weights), 1.0)
        by_topic = jax.nn.one_hot(token_topics[:, 1:], num_topics, dtype=jnp.float32) * weights[..., None]
        aux = {"nll": jnp.einsum("bl,blt->t", nll, by_topic), "tokens": by_topic.sum(axis=(0, 1))}
        return loss, aux

    return loss_fn


def lr_schedule(config: RunConfig, total_steps: int) -> optax.Schedule:
    warmup = int(config.warmup_ratio * total_steps)
    return optax.warmup_cosine_decay_schedule(
        init_value=0.0,
        peak_value=config.lr,
        warmup_steps=warmup,
        decay_steps=max(total_steps, warmup + 1),
        end_value=config.lr * config.min_lr_ratio,
    )


def make_trainer(model, config: RunConfig, out: Path, total_steps: int, num_topics: int,
                 flash: bool = False) -> peft_trainer.PeftTrainer:
    """The trainer; it restores the latest checkpoint under out/checkpoints if there is one."""
    optimizer = optax.chain(
        optax.clip_by_global_norm(config.max_grad_norm),
        optax.adamw(lr_schedule(config, total_steps), weight_decay=config.weight_decay),
    )
    training_config = peft_trainer.TrainingConfig(
        eval_every_n_steps=config.eval_every,  # unused: RunHooks evaluates (per topic)
        max_steps=None,  # the stream is cut to length instead, so Tunix draws no tqdm bar of its own
        gradient_accumulation_steps=config.grad_accum if config.grad_accum > 1 else None,
        checkpoint_root_directory=str((out / "checkpoints").absolute()),
        checkpointing_options=ocp.CheckpointManagerOptions(  # every N steps (no extra save at step 1)
            save_decision_policy=ocp.checkpoint_managers.FixedIntervalPolicy(config.checkpoint_every),
            max_to_keep=2,
        ),
        metrics_logging_options=metrics_logger.MetricsLoggerOptions(
            log_dir=str(out / "tensorboard"), flush_every_n_steps=20
        ),
        data_sharding_axis=DATA_AXES,
        pbar_description=None,
    )
    return (
        peft_trainer.PeftTrainer(model, optimizer, training_config)
        .with_gen_model_input_fn(flash_model_inputs if flash else model_inputs)
        .with_loss_fn(make_loss_fn(num_topics), has_aux=True)
    )


def evaluate_loss(eval_step, batches: list[dict[str, np.ndarray]], topic_names: tuple[str, ...],
                  mesh: jax.sharding.Mesh | None = None) -> dict:
    """Token-weighted eval loss, overall and per topic, with the trainer's compiled eval step."""
    nll = np.zeros(len(topic_names))
    tokens = np.zeros(len(topic_names))
    for batch in batches:
        _, aux = eval_step(sharding_utils.shard_input(to_input(batch, mesh), DATA_AXES))
        nll += np.asarray(jax.device_get(aux["nll"]), dtype=np.float64)
        tokens += np.asarray(jax.device_get(aux["tokens"]), dtype=np.float64)
    return {
        "eval_loss": float(nll.sum() / max(tokens.sum(), 1.0)),
        "eval_loss_by_topic": {t: float(nll[i] / tokens[i]) for i, t in enumerate(topic_names) if tokens[i]},
    }


class MetricsLog:
    """metrics.jsonl: one line per train step or eval; a resumed run drops lines past its restart.

    Every process keeps the records; only the one with write=True writes the file.
    """

    def __init__(self, path: Path, write: bool = True):
        self.path, self.write = path, write
        self.records: list[dict] = []
        if path.is_file():
            self.records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def restart_at(self, step: int) -> None:
        """Forget what a killed run logged after its last checkpoint (`step`): it is redone,
        and so is an eval at `step` itself (the resumed run evaluates there if one is due)."""
        self.records = [r for r in self.records if r["step"] < step or (r["kind"] == "train" and r["step"] == step)]
        if self.write:
            self.path.write_text("".join(json.dumps(r) + "\n" for r in self.records))

    def add(self, record: dict) -> None:
        self.records.append(record)
        if self.write:
            with self.path.open("a") as f:
                f.write(json.dumps(record) + "\n")

    def of_kind(self, kind: str) -> list[dict]:
        return [r for r in self.records if r["kind"] == kind]


class RunHooks(hooks.TrainingHooks):
    """Eval every `eval_every` steps (and at start and end), metrics per step, the progress bar.

    Tunix reports a step's loss one step late (it overlaps the host read with the next step), and
    the last one after `on_train_end`; evals run in `on_train_step_start`, when the model holds
    exactly the previous step's weights.
    """

    def __init__(self, config: RunConfig, stream: BatchStream, eval_fn, log: MetricsLog, progress: Progress,
                 total_steps: int):
        self.config, self.stream, self.eval_fn, self.log = config, stream, eval_fn, log
        self.progress, self.total_steps = progress, total_steps
        self.schedule = lr_schedule(config, total_steps)
        self.last_eval_step = None
        self.last_time = None

    def _eval(self, trainer) -> None:
        step = trainer.train_steps
        if self.eval_fn is None or step == self.last_eval_step:
            return
        self.last_eval_step = step
        result = self.eval_fn(trainer)
        self.log.add({"kind": "eval", "step": step, **result})
        trainer.metrics_logger.log("", "loss", result["eval_loss"], metrics_logger.Mode.EVAL, step)
        for topic, value in result["eval_loss_by_topic"].items():
            trainer.metrics_logger.log("", f"loss_{topic}", value, metrics_logger.Mode.EVAL, step)
        self.progress.eval_done(result["eval_loss"])

    def on_train_start(self, trainer):
        self.log.restart_at(trainer.train_steps)
        self.progress.start(trainer.train_steps, self.total_steps)
        if trainer.train_steps == 0:
            self._eval(trainer)
        self.last_time = time.perf_counter()

    def on_train_step_start(self, trainer):
        step = trainer.train_steps
        if trainer.iter_steps % self.config.grad_accum == 0 and step and step % self.config.eval_every == 0:
            self._eval(trainer)

    def on_train_step_end(self, trainer, train_step, train_loss):
        now = time.perf_counter()
        seconds, self.last_time = now - self.last_time, now
        accum = self.config.grad_accum
        micro = self.stream.stats[(train_step - 1) * accum: train_step * accum]
        tokens = sum(s.real_tokens for s in micro)
        lr = float(self.schedule(train_step - 1))
        self.log.add({
            "kind": "train", "step": train_step, "loss": float(train_loss), "lr": lr,
            "real_tokens": tokens, "loss_tokens": sum(s.loss_tokens for s in micro),
            "seconds": seconds, "tokens_per_s": tokens / seconds if seconds > 0 else None,
        })
        trainer.metrics_logger.log("", "learning_rate", lr, metrics_logger.Mode.TRAIN, train_step)
        self.progress.step_done(train_step, float(train_loss), tokens, seconds)

    def on_train_end(self, trainer):
        self._eval(trainer)

    def on_eval_step_start(self, trainer):
        pass

    def on_eval_step_end(self, trainer, eval_loss):
        pass
