"""`curate classify`: what a build with the given flags would say about each row of a file.

Users check the filters on their own prompts with it; it runs the build's own stages, so its
verdicts are the build's verdicts (dedup included, within the file).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from curate.build import DEDUP_STAGE, make_stages
from curate.config import BuildConfig
from curate.dedup import find_clusters
from curate.language import detect_languages
from curate.pipeline import run_stages
from curate.schema import DROP_REASON
from curate.sources import open_source
from curate.topics import TopicClassifier

# Prompt-only rows get a minimal well-formed response so the response checks pass them through.
PLACEHOLDER_RESPONSE = "<think>-</think>-"
TOKEN_COLUMNS = ("prompt_tokens", "reasoning_tokens", "answer_tokens", "total_tokens")


def classify_file(path: Path, config: BuildConfig) -> pl.DataFrame:
    source = open_source(str(path))
    batch = pl.concat(list(source.batches(50_000, prompt_only=True)))
    prompt_only = batch["response"].null_count() == batch.height and batch["field_error"].null_count() == batch.height
    if prompt_only:
        batch = batch.with_columns(pl.lit(PLACEHOLDER_RESPONSE).alias("response"))

    # The quality checks judge responses: a placeholder would fail them all.
    stages = [s for s in make_stages(config) if not (prompt_only and s.name == "quality")]
    alive, dropped, _ = run_stages(batch, stages)
    # Token counts for every row, also those a stage dropped: what the length stage would count.
    validate, rewrite, length = stages[:3]
    annotated = batch.with_columns(pl.lit(None, pl.String).alias(DROP_REASON))
    for stage in (validate, rewrite, length):
        annotated = stage.process(annotated)
    verdicts = [dropped.select("source_index", (pl.col("stage") + ":" + pl.col("reason")).alias("verdict"))]
    if alive.height:  # with no live rows the dedup keys were never computed
        clusters = find_clusters(alive.select("source_index", "band_keys"))
        verdicts.append(
            clusters.filter(pl.col("is_duplicate")).select(
                "source_index", pl.lit(f"{DEDUP_STAGE}:near_duplicate").alias("verdict")
            )
        )
    prompts = batch["prompt"].fill_null("")
    classifier = TopicClassifier.load(Path(config.topics_file) if config.topics_file else None)
    result = batch.select(
        pl.col("source_index").alias("index"),
        classifier.classify(prompts).alias("topic"),
        detect_languages(prompts, backend=config.language_backend).alias("language"),
    )
    tokens = annotated.select("source_index", *TOKEN_COLUMNS)
    if prompt_only:  # the placeholder's tokens mean nothing
        tokens = tokens.with_columns(
            pl.lit(None, pl.Int32).alias(c) for c in ("reasoning_tokens", "answer_tokens", "total_tokens")
        )
    return (
        result.join(tokens, left_on="index", right_on="source_index", how="left", maintain_order="left")
        .join(pl.concat(verdicts), left_on="index", right_on="source_index", how="left", maintain_order="left")
        .with_columns(pl.col("verdict").fill_null("kept"))
    )
