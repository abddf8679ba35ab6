"""Data mixes for ablations: parse "writing=0.5,summary=0.5", then sample rows to a token budget.

A mix is a set of weights over components: topics of one curated version, or whole versions
(`writing-summary@v2=0.7,ideation@v1=0.3`). Weights are normalized and mean shares of *training
tokens*, not of rows, so a topic of long answers does not crowd out one of short answers.

Sampling is deterministic for (seed, component): each component is shuffled with its own generator,
so two arms that both use `writing` draw the same writing rows first (common random numbers: the
arms differ by their mix, not by the luck of the draw).
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

import numpy as np
import polars as pl

from curate.errors import CurateError

_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class MixError(CurateError):
    """A mix or an arm the user wrote cannot be used as asked."""


@dataclass(frozen=True)
class Arm:
    """One arm of an ablation: a name (folder name too) and normalized weights by component."""

    name: str
    mix: dict[str, float]

    def describe(self) -> str:
        return format_mix(self.mix)


def format_mix(mix: dict[str, float]) -> str:
    return ",".join(f"{key}={weight:.3g}" for key, weight in mix.items())


def parse_weight(key: str, text: str) -> float:
    try:
        weight = float(text)
    except ValueError:
        raise MixError(f"weight of {key!r} is not a number: {text!r}") from None
    if not math.isfinite(weight):
        raise MixError(f"weight of {key!r} is not a finite number: {text!r}")
    if weight < 0:
        raise MixError(f"weight of {key!r} is negative ({text}): weights must be >= 0")
    return weight


def normalize(weights: dict[str, float], where: str) -> dict[str, float]:
    """Scale weights to sum to 1 and drop zero ones; all-zero is an error."""
    total = sum(weights.values())
    if total <= 0:
        raise MixError(f"{where}: all weights are zero, nothing to train on")
    return {key: round(w / total, 12) for key, w in weights.items() if w > 0}


def parse_mix(text: str) -> dict[str, float]:
    """'writing=1,summary=1' -> {'writing': 0.5, 'summary': 0.5} (keys not yet resolved)."""
    weights: dict[str, float] = {}
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or not key:
            raise MixError(f"bad mix item {part!r} in {text!r}: expected TOPIC=WEIGHT or NAME@vN=WEIGHT")
        if key in weights:
            raise MixError(f"{key!r} appears twice in mix {text!r}")
        weights[key] = parse_weight(key, value.strip())
    if not weights:
        raise MixError(f"empty mix {text!r}: expected e.g. writing=0.5,summary=0.5")
    return normalize(weights, f"mix {text!r}")


def mix_from_mapping(mapping: dict, where: str) -> dict[str, float]:
    """The YAML form {writing: 0.5, summary: 0.5}."""
    if not mapping:
        raise MixError(f"{where}: empty mix")
    weights = {str(key): parse_weight(str(key), str(value)) for key, value in mapping.items()}
    return normalize(weights, where)


def check_arm_name(name: str) -> str:
    if not _LABEL.match(name):
        raise MixError(f"bad arm name {name!r}: use letters, digits, '.', '_' and '-' (it names a folder)")
    return name


def parse_arm(text: str, default_name: str) -> Arm:
    """'MIX' or 'NAME: MIX'. Mix keys never contain ':', so the first ':' separates a name."""
    name, sep, mix = text.partition(":")
    if not sep:
        name, mix = default_name, text
    return Arm(check_arm_name(name.strip()), parse_mix(mix))


def _rng(seed: int, component: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}\0{component}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


@dataclass
class Sample:
    """Rows drawn for one arm and one seed, and the mix they realize."""

    rows: pl.DataFrame  # pool rows + `component`; in draw order
    tokens: int
    tokens_by_component: dict[str, int]
    rows_by_component: dict[str, int]
    epochs_by_component: dict[str, float]  # tokens drawn / tokens available; > 1 only with repeat
    ran_out: list[str]  # components exhausted before reaching their share

    @property
    def realized(self) -> dict[str, float]:
        return {key: n / self.tokens for key, n in self.tokens_by_component.items()}

    def tokens_by_topic(self) -> dict[str, int]:
        grouped = self.rows.group_by("topic").agg(pl.col("tokens").sum()).sort("topic")
        return dict(zip(grouped["topic"], grouped["tokens"]))


def available_tokens(pools: dict[str, pl.DataFrame], mix: dict[str, float]) -> int:
    """Distinct training tokens an arm can draw on (a row shared by two versions counts once)."""
    frames = [pools[key].select("id", "tokens") for key in mix]
    return int(pl.concat(frames).unique("id")["tokens"].sum())


def check_budget(arm: Arm, pools: dict[str, pl.DataFrame], budget: int, allow_repeat: bool) -> None:
    have = available_tokens(pools, arm.mix)
    if budget > have and not allow_repeat:
        raise MixError(
            f"arm {arm.name!r} ({arm.describe()}) has {have:,} training tokens but the budget is "
            f"{budget:,}: that is {budget / have:.2f} epochs over its data. Pass --allow-repeat to "
            f"repeat rows, or lower --steps / --batch-size / --seq-len"
        )


def sample_arm(
    pools: dict[str, pl.DataFrame], mix: dict[str, float], budget: int, seed: int, allow_repeat: bool
) -> Sample:
    """Draw rows until `budget` tokens, keeping each component's token share close to its weight.

    Think of it as a merge: the next row always comes from the component furthest behind its share
    (smallest tokens-drawn / weight). Vectorized, each row's key is the tokens its component had drawn
    before it, divided by the weight; rows are taken in key order until the budget is met, so the
    total overshoots by less than one row. A component that runs out simply stops, and the others
    fill its place in proportion to their weights. With `allow_repeat`, a component is reshuffled
    once exhausted and keeps its share instead.
    """
    parts = []
    for order, (key, weight) in enumerate(mix.items()):
        pool = pools[key]
        pool_tokens = int(pool["tokens"].sum())
        passes = math.ceil(weight * budget / pool_tokens) + 1 if allow_repeat else 1
        rng = _rng(seed, key)
        index = np.concatenate([rng.permutation(pool.height) for _ in range(passes)])
        drawn = pool[pl.Series(index)].with_columns(
            pl.lit(key).alias("component"),
            pl.int_range(pl.len()).floordiv(pool.height).alias("pass"),
        )
        before = drawn["tokens"].cum_sum() - drawn["tokens"]
        parts.append(drawn.with_columns((before / weight).alias("_key"), pl.lit(order).alias("_order")))
    merged = pl.concat(parts).sort(["_key", "_order"], maintain_order=True)
    # a row shared by two versions is drawn once (per pass when repeating)
    merged = merged.unique(["id", "pass"] if allow_repeat else ["id"], keep="first", maintain_order=True)
    before_total = merged["tokens"].cum_sum() - merged["tokens"]
    rows = merged.filter(before_total < budget).drop("_key", "_order", "pass")
    drawable = dict(merged.group_by("component").len().iter_rows())

    by = rows.group_by("component").agg(pl.col("tokens").sum(), pl.len().alias("rows"))
    tokens_by = dict(zip(by["component"], by["tokens"]))
    rows_by = dict(zip(by["component"], by["rows"]))
    tokens_by_component = {key: int(tokens_by.get(key, 0)) for key in mix}
    epochs = {key: tokens_by_component[key] / int(pools[key]["tokens"].sum()) for key in mix}
    total = sum(tokens_by_component.values())
    ran_out = [  # every row taken, and still more than 1% short of its share
        key
        for key, weight in mix.items()
        if rows_by.get(key, 0) >= drawable.get(key, 0) and tokens_by_component[key] < 0.99 * weight * total
    ]
    return Sample(
        rows=rows,
        tokens=int(rows["tokens"].sum()),
        tokens_by_component=tokens_by_component,
        rows_by_component={key: int(rows_by.get(key, 0)) for key in mix},
        epochs_by_component=epochs,
        ran_out=ran_out,
    )
