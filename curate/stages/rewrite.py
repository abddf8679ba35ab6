"""Split `<think>R</think>A` into reasoning and answer, and build the completion the model learns.

Only responses with exactly one think block at the very start are kept: anything else is either
not a reasoning trace or would leak raw tags into the training target.
"""

from __future__ import annotations

import polars as pl

from curate.schema import DROP_REASON
from curate.stages.base import Stage

OPEN, CLOSE = "<think>", "</think>"
# Tags that must not survive inside the reasoning or the answer: the completion format uses the
# last four, and a stray think tag means the split was wrong.
TAGS = [OPEN, CLOSE, "<reasoning>", "</reasoning>", "<answer>", "</answer>"]


class RewriteStage(Stage):
    """Adds `reasoning`, `answer` (both stripped) and
    `completion` = "<reasoning>{reasoning}</reasoning>\\n<answer>{answer}</answer>".

    Drop reasons, first that applies: `no_think_block` (no `<think>` at all), `text_before_think`
    (text before the first `<think>`: a preamble outside the reasoning would be lost),
    `unclosed_think`, `nested_think` (more than one `<think>`: nested or several blocks),
    `leftover_tags` (a tag of `TAGS` left in the reasoning or answer), `empty_reasoning`, `empty_answer`.
    """

    name = "rewrite"

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        response = pl.col("response")
        parts = response.str.splitn(CLOSE, 2)
        raw_reasoning = parts.struct.field("field_0").str.strip_chars_start().str.strip_prefix(OPEN)
        raw_answer = parts.struct.field("field_1")
        batch = batch.with_columns(
            raw_reasoning.str.strip_chars().alias("reasoning"),
            raw_answer.str.strip_chars().alias("answer"),
        )
        reasoning, answer = pl.col("reasoning"), pl.col("answer")
        reason = (
            pl.when(~response.str.contains(OPEN, literal=True))
            .then(pl.lit("no_think_block"))
            .when(~response.str.contains(r"^\s*<think>"))
            .then(pl.lit("text_before_think"))
            .when(answer.is_null())
            .then(pl.lit("unclosed_think"))
            # A second <think>, nested or opening another block, lands in the reasoning or the answer.
            .when(reasoning.str.contains(OPEN, literal=True) | answer.str.contains(OPEN, literal=True))
            .then(pl.lit("nested_think"))
            .when(reasoning.str.contains_any(TAGS) | answer.str.contains_any(TAGS))
            .then(pl.lit("leftover_tags"))
            .when(reasoning == "")
            .then(pl.lit("empty_reasoning"))
            .when(answer == "")
            .then(pl.lit("empty_answer"))
        )
        completion = pl.concat_str(
            pl.lit("<reasoning>"), reasoning, pl.lit("</reasoning>\n<answer>"), answer, pl.lit("</answer>")
        )
        return batch.with_columns(reason.alias(DROP_REASON), completion.alias("completion"))
