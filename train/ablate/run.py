"""`train ablate`: train several data mixes under identical conditions and compare them fairly.

Fairness rules, all enforced here rather than left to the user:
- Same token budget per arm: B = steps x grad_accum x batch_size x seq_len training tokens, counted
  as the trainer counts them (chat template, model tokenizer; see tokens.py). Rows are drawn
  until B is met, so the drawn tokens of two arms differ by less than one row. Each arm then trains
  the whole steps of one pass over its rows as the trainer packs them: padding makes that a few
  percent more than --steps, and the last partial batch is left out rather than filled with
  repeated rows, so the tokens trained (tokens_seen) are below the drawn ones by less than a batch.
  No row is repeated unless --allow-repeat.
- Same hyper-parameters, base model, tokenizer and seeds: one RunConfig, only its seed varies.
- One evaluation set: rows held out from the union of every component of every arm, by the
  id-hash split of `train run` applied per topic (so each topic keeps at least one), at most
  eval_per_topic per topic; no arm trains on a held-out row, nor on a row with a held-out prompt.
- Every run lives in DIR/runs/ARM/seed-S/ and is marked finished by its result.json, so rerunning
  the command skips finished runs; DIR/ablation.json pins the setup and refuses a changed one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import polars as pl

from curate.errors import CurateError
from curate.schema import SHARD_COLUMNS
from curate.store import Store, Version
from train.ablate import report as ablate_report
from train.ablate import search as ablate_search
from train.ablate.mix import Arm, MixError, Sample, check_budget, format_mix, sample_arm
from train.config import RunConfig
from train.packing import WARN_DROPPED, keep_whole

STATE = "ablation.json"
EVAL_FILE = "eval.parquet"
TOKENIZER = "tokenizer.model"
RESULT = "result.json"
SEARCH_PREFIX = "search-"
PREDICTED = "predicted-best"
BUDGET_RULE = (
    "steps x grad_accum x batch_size x seq_len tokens, counted with the model's tokenizer and chat template"
)


class Counts(Protocol):
    """Token and step counts as the trainer will see them (train.ablate.tokens.TrainerCounts)."""

    config: RunConfig  # the shared config with --seq-len resolved (given, or from the longest row)
    longest: int  # tokens of the longest training row, chat template included
    limit: int | None  # the longest row packing allows for this model (Gemma 2's sliding window), if any
    proto: bytes | None  # the tokenizer file every arm must use, or None when the model brings one

    def tokens(self, rows: pl.DataFrame) -> pl.Series: ...  # per row; null where the trainer drops it

    def steps(self, rows: pl.DataFrame, seed: int) -> int: ...  # whole steps in one pass over rows


@dataclass(frozen=True)
class Backend:
    """What the ablation takes from `train run`; tests pass a fake one."""

    train: Callable[..., dict]  # train.run.train_on
    split: Callable[[pl.DataFrame, float, int], tuple[pl.DataFrame, pl.DataFrame]]  # train.run.split_rows
    counts: Callable[[RunConfig, pl.DataFrame], Counts]  # (config, all training rows) -> Counts


class AblationError(CurateError):
    """The ablation cannot run as asked (unknown topic, budget too large, changed setup...)."""


@dataclass(frozen=True)
class AblationSpec:
    config: RunConfig  # shared by every arm; config.seed is the first seed
    arms: tuple[Arm, ...]  # mix keys as the user wrote them: topics of `data`, or version refs
    data: str | None = None
    seeds: int = 1
    allow_repeat: bool = False
    search: int = 0
    eval_per_topic: int = 32  # the held-out fraction is config.eval_fraction, as in `train run`

    @property
    def seed_list(self) -> list[int]:
        return [self.config.seed + i for i in range(self.seeds)]


@dataclass(frozen=True)
class Component:
    label: str  # the mix key: a topic of the --data version, or a version ref NAME@vN
    version: Version
    topic: str | None  # None: the whole version


@dataclass
class Plan:
    """Everything resolved and checked before the first step of training."""

    spec: AblationSpec
    config: RunConfig  # spec.config with --seq-len resolved; what every arm trains with
    components: dict[str, Component]
    arms: list[Arm]  # user arms with resolved keys, then search arms
    pools: dict[str, pl.DataFrame]  # training rows per component, held-out rows removed, + `tokens`
    eval_rows: pl.DataFrame
    budget: int
    counts: Counts
    frame: dict  # the setup every arm shares; must not change under one DIR
    warnings: list[str]  # components losing more than 1% of their rows to --seq-len


def default_backend() -> Backend:
    """The trainer of `train run`; imported late so that the CLI and tests load no jax."""
    from train.ablate.tokens import TrainerCounts
    from train.run import split_rows, train_on

    return Backend(train_on, split_rows, TrainerCounts)


def check_steps(config: RunConfig) -> None:
    if config.steps is None:
        raise AblationError(
            "give --steps: it sets the token budget every arm trains on (--epochs would differ by arm)"
        )


def budget_tokens(config: RunConfig) -> int:
    """The budget of every arm; `config` has --seq-len resolved (Counts.config)."""
    check_steps(config)
    return config.steps * config.grad_accum * config.batch_size * config.seq_len


# ---------------------------------------------------------------- resolving mixes into row pools


class _Reader:
    """Reads each version once, whatever number of arms mention it."""

    def __init__(self, store: Store):
        self.store = store
        self.rows: dict[str, pl.DataFrame] = {}

    def read(self, version: Version) -> pl.DataFrame:
        if version.ref not in self.rows:
            self.rows[version.ref] = version.read(columns=SHARD_COLUMNS)
        return self.rows[version.ref]


def _topics_of(version: Version, rows: pl.DataFrame) -> set[str]:
    declared = version.manifest.get("config", {}).get("topics") or []
    return set(declared) | set(rows["topic"].drop_nulls().unique())


def _resolve_key(key: str, base: Version | None, reader: _Reader) -> Component:
    store = reader.store
    if "@" in key:
        version = store.resolve(key)
        return Component(version.ref, version, None)
    if base is not None and key in _topics_of(base, reader.read(base)):
        return Component(key, base, key)
    if store.versions(key):
        version = store.resolve(key)
        return Component(version.ref, version, None)
    topics = ", ".join(sorted(_topics_of(base, reader.read(base)))) if base else None
    where = f"{base.ref} has topics {topics}" if base else "no --data given, so no topics are known"
    names = ", ".join(store.names()) or "none"
    raise MixError(f"unknown topic or version {key!r}: {where}; datasets in store {store.root}: {names}")


def _component_rows(component: Component, reader: _Reader) -> pl.DataFrame:
    rows = reader.read(component.version)
    if component.topic is not None:
        rows = rows.filter(pl.col("topic") == component.topic)
    if rows.is_empty():
        what = f"topic {component.topic!r} in" if component.topic else "version"
        raise MixError(f"{what} {component.version.ref} has no rows")
    return rows


def _resolve_arms(spec: AblationSpec, reader: _Reader) -> tuple[list[Arm], dict[str, Component]]:
    base = reader.store.resolve(spec.data) if spec.data else None
    components: dict[str, Component] = {}
    arms = []
    for arm in spec.arms:
        mix: dict[str, float] = {}
        for key, weight in arm.mix.items():
            component = _resolve_key(key, base, reader)
            if component.label in mix:
                raise MixError(f"arm {arm.name!r} names {component.label} twice")
            components.setdefault(component.label, component)
            mix[component.label] = weight
        arms.append(Arm(arm.name, mix))
    return arms, components


def _held_out(union: pl.DataFrame, spec: AblationSpec, backend: Backend) -> pl.DataFrame:
    """The split of `train run` applied per topic, so that every topic keeps at least one eval row."""
    parts = union.partition_by("topic", maintain_order=True)
    return pl.concat([backend.split(part, spec.config.eval_fraction, spec.config.seed)[1] for part in parts])


def _eval_rows(
    union: pl.DataFrame, held: pl.DataFrame, tokens: pl.Series, spec: AblationSpec, config: RunConfig
) -> pl.DataFrame:
    """At most eval_per_topic held-out rows per topic, among those the trainer would not drop."""
    usable = held.filter(tokens.is_not_null())
    missing = sorted(set(union["topic"]) - set(usable["topic"]))
    if missing:
        raise AblationError(
            f"no usable held-out rows for topic(s) {', '.join(missing)} at --eval-fraction "
            f"{config.eval_fraction} and --seq-len {config.seq_len}: raise one of them, or leave the topic out"
        )
    return usable.sort("topic", "id").filter(pl.int_range(pl.len()).over("topic") < spec.eval_per_topic)


def _ids_digest(ids: pl.Series) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


def _config_json(config: RunConfig) -> dict:
    fields = {k: v for k, v in dataclasses.asdict(config).items() if k != "seed"}
    return json.loads(json.dumps(fields, default=str))


def plan(spec: AblationSpec, store: Store, backend: Backend) -> Plan:
    """Resolve every arm, build the shared eval set and the pools, check every budget."""
    if not spec.arms and not spec.search:
        raise AblationError("nothing to compare: give at least one --arm, or --search K")
    names = [arm.name for arm in spec.arms]
    reserved = [n for n in names if n == PREDICTED or n.startswith(SEARCH_PREFIX)]
    if len(set(names)) != len(names) or reserved:
        raise AblationError(
            f"arm names must be unique and not start with {SEARCH_PREFIX!r} or be {PREDICTED!r}: {names}"
        )
    reader = _Reader(store)
    arms, components = _resolve_arms(spec, reader)
    if spec.search:
        if not components:
            if not spec.data:
                raise AblationError("--search without --arm needs --data: it searches over its topics")
            base = store.resolve(spec.data)
            for topic in sorted(set(reader.read(base)["topic"].drop_nulls())):
                components[topic] = Component(topic, base, topic)
        if len(components) < 2:
            raise AblationError("--search needs at least two topics or versions to mix")
        needed = ablate_search.min_points(len(components)) - len(arms)
        if spec.search < needed:
            raise AblationError(
                f"--search {spec.search} is too few to fit a mix over {len(components)} components "
                f"({', '.join(components)}): use --search {needed} or more"
            )

    check_steps(spec.config)  # refuse before reading any data
    rows = {label: _component_rows(c, reader) for label, c in components.items()}
    union = pl.concat(rows.values()).unique("id", keep="first", maintain_order=True)
    held = _held_out(union, spec, backend)
    held_ids, held_prompts = held["id"].implode(), held["prompt"].implode()
    trainable = union.filter(~pl.col("id").is_in(held_ids) & ~pl.col("prompt").is_in(held_prompts))
    counts = backend.counts(spec.config, trainable)
    config = counts.config
    budget = budget_tokens(config)
    eval_rows = _eval_rows(union, held, counts.tokens(held), spec, config)
    costs = trainable.select("id").with_columns(counts.tokens(trainable).alias("tokens"))
    pools, dropped, warnings = {}, {}, []
    for label, component_rows in rows.items():
        pool = component_rows.join(costs, on="id", how="inner", maintain_order="left")
        dropped[label] = pool["tokens"].null_count()
        pools[label] = pool.drop_nulls("tokens")
        if pools[label].is_empty():
            why = (
                f"longer than --seq-len {config.seq_len} (--overlong {config.overlong})"
                if dropped[label]
                else "held out for evaluation"
            )
            raise MixError(f"{label} has no training rows left: all are {why}")
        if dropped[label] > WARN_DROPPED * pool.height:
            warnings.append(
                f"WARNING: {label} loses {dropped[label]:,} of {pool.height:,} training rows "
                f"({dropped[label] / pool.height:.1%}) longer than --seq-len {config.seq_len}: --overlong truncate "
                f"keeps them cut, {keep_whole(counts.longest, counts.limit)}"
            )

    if spec.search:
        mixes = ablate_search.dirichlet_mixes(list(components), spec.search, config.seed)
        arms += [Arm(f"{SEARCH_PREFIX}{i:02d}", mix) for i, mix in enumerate(mixes, 1)]
    for arm in arms:
        check_budget(arm, pools, budget, spec.allow_repeat)

    frame = {
        "data": store.resolve(spec.data).ref if spec.data else None,
        "components": {
            label: {
                "version": c.version.ref,
                "topic": c.topic,
                "train_rows": pools[label].height,
                "train_tokens": int(pools[label]["tokens"].sum()),
                "dropped_overlong": dropped[label],
            }
            for label, c in components.items()
        },
        "config": _config_json(config),
        "tokenizer_sha256": hashlib.sha256(counts.proto).hexdigest() if counts.proto else None,
        "first_seed": config.seed,
        "budget_tokens": budget,
        "budget_rule": BUDGET_RULE,
        "allow_repeat": spec.allow_repeat,
        "eval": {
            "fraction": config.eval_fraction,
            "per_topic": spec.eval_per_topic,
            "heldout_rows": held.height,
            "rows": eval_rows.height,
            "rows_by_topic": dict(eval_rows.group_by("topic").len().sort("topic").iter_rows()),
            "ids_sha256": _ids_digest(eval_rows["id"]),
        },
        "search": spec.search,
    }
    return Plan(spec, config, components, arms, pools, eval_rows, budget, counts, frame, warnings)


# ---------------------------------------------------------------- state under DIR (resume, refusal)


def _write_json(path: Path, data: Any) -> None:
    """Write atomically: a crash never leaves a half-written marker that reads as 'finished'."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n")
    os.replace(tmp, path)


def _diff(old: Any, new: Any, path: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        return [d for key in {**old, **new} for d in _diff(old.get(key), new.get(key), f"{path}{key}.")]
    return [] if old == new else [f"{path.rstrip('.')}: {old!r} -> {new!r}"]


def open_state(out: Path, plan_: Plan) -> dict:
    """Load DIR/ablation.json and refuse a different setup, or start a new one."""
    path = out / STATE
    arms = {arm.name: {"mix": arm.mix} for arm in plan_.arms}
    if not path.exists():
        out.mkdir(parents=True, exist_ok=True)
        state = {"frame": plan_.frame, "arms": arms}
        plan_.eval_rows.write_parquet(out / EVAL_FILE)
        if plan_.counts.proto:
            (out / TOKENIZER).write_bytes(plan_.counts.proto)
        _write_json(path, state)
        return state
    state = json.loads(path.read_text())
    for name, arm in arms.items():
        recorded = state["arms"].get(name)
        if recorded is not None and name != PREDICTED and recorded["mix"] != arm["mix"]:
            raise AblationError(
                f"arm {name!r} in {out} was {format_mix(recorded['mix'])}, now {format_mix(arm['mix'])}: "
                "changing an arm under the same --out is refused; give it a new name or use a new --out"
            )
    changes = _diff(state["frame"], json.loads(json.dumps(plan_.frame)))
    if changes:
        known = set(state["frame"]["components"])
        new = [f"arm {a.name!r} ({a.describe()}) brings {', '.join(sorted(set(a.mix) - known))}"
               for a in plan_.arms if set(a.mix) - known]
        raise AblationError(
            f"{out} holds an ablation with a different setup ({'; '.join(changes[:4])})"
            f"{': ' + '; '.join(new) + ', which changes the shared eval set' if new else ''}; "
            "rerun with the same options to resume it, or use a new --out"
        )
    for name, arm in arms.items():
        state["arms"].setdefault(name, arm)
    _write_json(path, state)
    return state


# ---------------------------------------------------------------- running


def run_dir(out: Path, arm: str, seed: int) -> Path:
    return out / "runs" / arm / f"seed-{seed}"


def _sample_json(sample: Sample) -> dict:
    return {
        "tokens": sample.tokens,
        "realized": sample.realized,
        "tokens_by_component": sample.tokens_by_component,
        "rows_by_component": sample.rows_by_component,
        "tokens_by_topic": sample.tokens_by_topic(),
        "epochs_by_component": sample.epochs_by_component,
        "ran_out": sample.ran_out,
    }


def run_config(plan_: Plan, out: Path, seed: int, steps: int) -> RunConfig:
    """The shared config for one seed and the steps of one pass over the arm's drawn rows."""
    pinned = {"tokenizer": str((out / TOKENIZER).resolve())} if plan_.counts.proto else {}
    return dataclasses.replace(plan_.config, seed=seed, steps=steps, epochs=None, **pinned)


def run_arm_seed(
    plan_: Plan, arm: Arm, seed: int, out: Path, train: Callable[..., dict], log: Callable[[str], None]
) -> dict:
    """Train one (arm, seed) unless its result.json already says it finished."""
    folder = run_dir(out, arm.name, seed)
    if (folder / RESULT).exists():
        log(f"{arm.name} seed {seed}: finished earlier, skipped")
        return json.loads((folder / RESULT).read_text())
    sample = sample_arm(plan_.pools, arm.mix, plan_.budget, seed, plan_.spec.allow_repeat)
    drawn = _sample_json(sample)
    for key in sample.ran_out:
        log(
            f"{arm.name} seed {seed}: {key} ran out after {sample.rows_by_component[key]} rows: asked "
            f"{arm.mix[key]:.1%} of the tokens, got {sample.realized[key]:.1%}; the others filled in"
        )
    resume = folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    sample.rows.select("id", "component", "topic", "tokens").write_parquet(folder / "sample.parquet")
    log(
        f"{arm.name} seed {seed}: training on {sample.rows.height} rows, {sample.tokens:,} tokens ({arm.describe()})"
    )
    data_info = {
        "ref": f"arm {arm.name} ({arm.describe()})",
        "ablation": str(out.resolve()),
        "arm": arm.name,
        "mix": arm.mix,
        "versions": sorted({plan_.components[key].version.ref for key in arm.mix}),
        "budget_tokens": plan_.budget,
        **drawn,
    }
    rows = sample.rows.select(SHARD_COLUMNS)
    config = run_config(plan_, out, seed, plan_.counts.steps(rows, seed))
    metrics = train(config, rows, plan_.eval_rows, folder, data_info=data_info, resume=resume)
    result = {"arm": arm.name, "seed": seed, "mix": arm.mix, **drawn, "metrics": metrics}
    _write_json(folder / RESULT, json.loads(json.dumps(result, default=float)))
    return result


def _search_step(plan_: Plan, state: dict, out: Path, results: dict[str, list[dict]]) -> tuple[Arm, dict]:
    """Fit loss ~ realized mix on every finished arm; the predicted best becomes one more arm."""
    components = list(plan_.components)
    points = [
        (ablate_report.mean_realized(runs), summary["eval_loss"]["mean"])
        for runs in results.values()
        if "eval_loss" in (summary := ablate_report.summarize(runs))
    ]
    model = ablate_search.fit(components, [p[0] for p in points], [p[1] for p in points])
    recorded = state["arms"].get(PREDICTED)
    if recorded is not None:  # keep the arm we already trained, even if a refit would move it
        mix = recorded["mix"]
    else:
        mix, _ = ablate_search.best_mix(model, plan_.config.seed)
        state["arms"][PREDICTED] = {"mix": mix}
        _write_json(out / STATE, state)
    predicted = float(model.predict(np.array([mix.get(c, 0.0) for c in components]))[0])
    return Arm(PREDICTED, mix), {"fit": model.to_json(), "mix": mix, "predicted_eval_loss": predicted}


def run_ablation(
    spec: AblationSpec,
    out: Path,
    store: Store,
    backend: Backend | None = None,
    log: Callable[[str], None] | None = None,
) -> dict:
    """Plan, train every (arm, seed) not yet finished, then write results.json, report.md, plots."""
    log = log or (lambda message: print(message, file=sys.stderr, flush=True))
    backend = backend or default_backend()
    train = backend.train
    plan_ = plan(spec, store, backend)
    state = open_state(out, plan_)
    for warning in plan_.warnings:
        log(warning)
    log(
        f"ablation in {out}: {len(plan_.arms)} arm(s) x {spec.seeds} seed(s), {plan_.budget:,} tokens each, "
        f"eval set {plan_.eval_rows.height} rows"
    )
    results: dict[str, list[dict]] = {}
    for arm in plan_.arms:
        seeds = spec.seed_list[:1] if arm.name.startswith(SEARCH_PREFIX) else spec.seed_list
        results[arm.name] = [run_arm_seed(plan_, arm, seed, out, train, log) for seed in seeds]
    search = None
    if spec.search:
        arm, search = _search_step(plan_, state, out, results)
        check_budget(arm, plan_.pools, plan_.budget, spec.allow_repeat)
        results[arm.name] = [run_arm_seed(plan_, arm, seed, out, train, log) for seed in spec.seed_list]
        search["measured_eval_loss"] = ablate_report.summarize(results[arm.name])["eval_loss"]
    summary = ablate_report.build_results(out, state, results, search, plan_.warnings)
    ablate_report.write_all(out, summary)
    log(f"wrote {out / ablate_report.RESULTS}, {out / ablate_report.REPORT} and plots")
    return summary
