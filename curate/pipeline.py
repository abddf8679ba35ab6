"""Run map stages over one batch and count what each of them kept and dropped.

Counting lives here, once, so stages only answer "keep?" and the funnel always adds up.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from curate.schema import DROP_REASON, DROPPED_SCHEMA
from curate.stages.base import Stage

PREVIEW_CHARS = 200


@dataclass
class StageCount:
    input: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # CPU time summed over workers; for benchmarks, not part of the content

    @property
    def kept(self) -> int:
        return self.input - sum(self.dropped.values())

    def add(self, other: StageCount) -> None:
        self.input += other.input
        self.seconds += other.seconds
        for reason, n in other.dropped.items():
            self.dropped[reason] = self.dropped.get(reason, 0) + n


@dataclass
class Funnel:
    """Rows read, then per stage (in pipeline order) rows in and rows dropped per reason."""

    read: int = 0
    stages: dict[str, StageCount] = field(default_factory=dict)

    def add(self, other: Funnel) -> None:
        self.read += other.read
        for name, count in other.stages.items():
            self.stages.setdefault(name, StageCount()).add(count)

    @property
    def kept(self) -> int:
        return self.read - sum(sum(c.dropped.values()) for c in self.stages.values())

    def to_json(self) -> dict:
        return {
            "read": self.read,
            "kept": self.kept,
            "stages": [
                {"stage": name, "input": c.input, "kept": c.kept, "dropped": dict(sorted(c.dropped.items())),
                 "seconds": round(c.seconds, 3)}
                for name, c in self.stages.items()
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Funnel:
        stages = {
            s["stage"]: StageCount(s["input"], dict(s["dropped"]), s.get("seconds", 0.0)) for s in data["stages"]
        }
        return cls(data["read"], stages)


def dropped_rows(batch: pl.DataFrame, stage: str) -> pl.DataFrame:
    """The dropped-row record (schema.DROPPED_COLUMNS) for rows of `batch` that carry a reason."""
    prompt = pl.col("prompt") if "prompt" in batch.columns else pl.lit(None, pl.String)
    if "drop_detail" in batch.columns:  # a stage may show what failed (the looping part) instead
        prompt = pl.coalesce(pl.col("drop_detail"), prompt)
    row_id = pl.col("id") if "id" in batch.columns else pl.lit(None, pl.String)
    return batch.select(
        row_id.alias("id"),
        pl.col("source_index"),
        pl.lit(stage).alias("stage"),
        pl.col(DROP_REASON).alias("reason"),
        prompt.str.slice(0, PREVIEW_CHARS).alias("preview"),
    )


def run_stages(batch: pl.DataFrame, stages: Sequence[Stage]) -> tuple[pl.DataFrame, pl.DataFrame, Funnel]:
    """Pass `batch` through `stages`; return (live rows, dropped rows, funnel counts)."""
    funnel = Funnel(read=batch.height)
    dropped = []
    alive = batch.with_columns(pl.lit(None, pl.String).alias(DROP_REASON))
    for stage in stages:
        count = funnel.stages.setdefault(stage.name, StageCount())
        count.input = alive.height
        if alive.height == 0:
            continue
        started = time.perf_counter()
        out = stage.process(alive)
        count.seconds = time.perf_counter() - started
        rejected = out.filter(pl.col(DROP_REASON).is_not_null())
        if rejected.height:
            count.dropped = dict(rejected.group_by(DROP_REASON).len().sort(DROP_REASON).iter_rows())
            dropped.append(dropped_rows(rejected, stage.name))
        alive = out.filter(pl.col(DROP_REASON).is_null())
    dropped_frame = pl.concat(dropped) if dropped else pl.DataFrame(schema=DROPPED_SCHEMA)
    return alive.drop(DROP_REASON), dropped_frame, funnel

