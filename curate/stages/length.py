"""Token counts per part, and rejection of rows that would not fit the training context."""

from __future__ import annotations

from dataclasses import dataclass, fields

import polars as pl

from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.base import Stage
from curate.tokens import TokenCounter


@dataclass(frozen=True)
class LengthLimits:
    """Most tokens allowed per part; None = no limit. Defaults fit SFT at a 4k context.

    `total` counts prompt + reasoning + answer; the chat template and the completion tags add a
    few dozen tokens on top, which the training side must leave room for.
    """

    prompt: int | None = 1024
    reasoning: int | None = 3072
    answer: int | None = 2048
    total: int | None = 4096

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise CurateError(f"length limit {f.name} must be a positive integer or none, got {value!r}")


class LengthStage(Stage):
    """Adds `prompt_tokens`, `reasoning_tokens`, `answer_tokens`, `total_tokens` (Int32).

    Drops `too_long:PART` for the first of prompt, reasoning, answer, total over its limit.
    """

    name = "length"

    def __init__(self, limits: LengthLimits | None = None, counter: TokenCounter | None = None):
        self.limits = limits or LengthLimits()
        self.counter = counter or TokenCounter.estimate()

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        batch = batch.with_columns(
            self.counter.count(batch[part]).alias(f"{part}_tokens")
            for part in ("prompt", "reasoning", "answer")
        ).with_columns(
            (pl.col("prompt_tokens") + pl.col("reasoning_tokens") + pl.col("answer_tokens")).alias(
                "total_tokens"
            )
        )
        reason = pl.lit(None, pl.String)
        # Built from the last check to the first, so the first failing part wins.
        for part in ("total", "answer", "reasoning", "prompt"):
            limit = getattr(self.limits, part)
            if limit is not None:
                reason = (
                    pl.when(pl.col(f"{part}_tokens") > limit)
                    .then(pl.lit(f"too_long:{part}"))
                    .otherwise(reason)
                )
        return batch.with_columns(reason.alias(DROP_REASON))
