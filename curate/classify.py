"""`curate classify`: what a build with the given flags would say about each row of a file.

Users check the filters on their own prompts with it; it runs the build's own stages, so its
verdicts are the build's verdicts (dedup included, within the file). Rows with a response are
judged with it, as the build does; a file of bare prompts is judged by the prompt alone.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from rich import box
from rich.table import Table
from rich.text import Text

from curate.build import DEDUP_STAGE, make_stages
from curate.config import BuildConfig
from curate.dedup import find_clusters
from curate.language import detect_languages
from curate.pipeline import run_stages
from curate.schema import DROP_REASON
from curate.sources import open_source
from curate.stages.topic import TopicStage

# Prompt-only rows get a minimal well-formed response so the response checks pass them through.
PLACEHOLDER_RESPONSE = "<think>-</think>-"
TOKEN_COLUMNS = ("prompt_tokens", "reasoning_tokens", "answer_tokens", "total_tokens")
KEPT = "kept"


def classify_file(path: Path, config: BuildConfig) -> pl.DataFrame:
    """One row per input row: index, topic, topic_confidence, language, token counts, the build's
    verdict (`kept`, or the drop reason: `off_topic:math`, `language:fr`, ...), the `stage` that
    gave it, and last the prompt as read."""
    source = open_source(str(path))
    batch = pl.concat(list(source.batches(50_000, prompt_only=True, columns=config.columns)))
    prompt_only = batch["response"].null_count() == batch.height and batch["field_error"].null_count() == batch.height
    if prompt_only:
        batch = batch.with_columns(pl.lit(PLACEHOLDER_RESPONSE).alias("response"))

    stages = make_stages(config)
    if prompt_only:  # the placeholder is no evidence about the task, and would fail every quality check
        stages = [s.prompt_only() if isinstance(s, TopicStage) else s for s in stages if s.name != "quality"]
    alive, dropped, _ = run_stages(batch, stages)
    verdicts = [dropped.select("source_index", "stage", pl.col("reason").alias("verdict"))]
    if alive.height:  # with no live rows the dedup keys were never computed
        clusters = find_clusters(alive.select("source_index", "band_keys"))
        verdicts.append(
            clusters.filter(pl.col("is_duplicate")).select(
                "source_index", pl.lit(DEDUP_STAGE).alias("stage"), pl.lit("near_duplicate").alias("verdict")
            )
        )

    # Topic, language and token counts for every row, also those a stage dropped: what the stages
    # would say. The topic stage sees normalized prompts and the split response, as in a build.
    validate, rewrite, length, topic_stage = stages[:4]
    annotated = rewrite.process(validate.process(batch.with_columns(pl.lit(None, pl.String).alias(DROP_REASON))))
    answer = None if prompt_only else annotated.select(pl.when(pl.col(DROP_REASON).is_null()).then("answer"))["answer"]
    annotated = length.process(annotated)
    prompts = annotated["prompt"].fill_null("")
    topics = topic_stage.classifier.predict(prompts, annotated["reasoning"], answer)
    result = pl.DataFrame({"index": batch["source_index"]}).with_columns(
        *topics.get_columns(),
        detect_languages(batch["prompt"].fill_null(""), backend=config.language_backend).alias("language"),
    )
    tokens = annotated.select("source_index", *TOKEN_COLUMNS)
    if prompt_only:  # the placeholder's tokens mean nothing
        tokens = tokens.with_columns(
            pl.lit(None, pl.Int32).alias(c) for c in ("reasoning_tokens", "answer_tokens", "total_tokens")
        )
    return (
        result.join(tokens, left_on="index", right_on="source_index", how="left", maintain_order="left")
        .join(pl.concat(verdicts), left_on="index", right_on="source_index", how="left", maintain_order="left")
        .with_columns(pl.col("verdict").fill_null(KEPT), batch["prompt"])
    )


def verdict_table(rows: pl.DataFrame, width: int = 80) -> Table:
    """The verdicts for people: one line per row, fitted to `width` columns; the prompt is cut, the
    verdict never is."""
    cells = [
        (str(row["index"]), row["verdict"], row["topic"], f"{row['topic_confidence']:.2f}", row["language"],
         "" if row["prompt_tokens"] is None else f"{row['prompt_tokens']:,}", " ".join((row["prompt"] or "").split()))
        for row in rows.iter_rows(named=True)
    ]
    heads = ("#", "verdict", "topic", "p", "lang", "tok", "prompt")
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads[:-1])]
    prompt_width = max(12, width - sum(widths) - 2 * len(heads))
    table = Table(title=f"{rows.height:,} rows: {(rows['verdict'] == KEPT).sum():,} kept", box=box.SIMPLE_HEAD,
                  show_edge=False, pad_edge=False, collapse_padding=True)
    for head, w in zip(heads, widths + [prompt_width]):
        table.add_column(head, justify="right" if head in ("#", "p", "tok") else "left", no_wrap=True,
                         min_width=w, max_width=w, overflow="ellipsis")
    for c in cells:
        table.add_row(*c[:1], Text(c[1], style=None if c[1] == KEPT else "red"), *c[2:6], Text(c[6]))
    return table
