"""Column names shared by every stage, the store, data cards and training.

A curated version's shards hold exactly `SHARD_COLUMNS`; `dropped.parquet` holds `DROPPED_COLUMNS`.
"""

import polars as pl

# Columns of a batch as a source yields it.
SOURCE_SCHEMA = {
    "source_index": pl.Int64,  # position of the row in the source stream: the deterministic order
    "prompt": pl.String,  # null when missing or not a string (see field_error)
    "response": pl.String,
    "field_error": pl.String,  # e.g. "prompt_not_string"; null when both fields were strings or null
}

# Set by a stage on the rows it rejects; null while a row is alive.
DROP_REASON = "drop_reason"

SHARD_SCHEMA = {
    "id": pl.String,  # content hash of the normalized prompt and response (16 hex chars)
    "source_index": pl.Int64,
    "prompt": pl.String,
    "reasoning": pl.String,
    "answer": pl.String,
    "completion": pl.String,  # "<reasoning>R</reasoning>\n<answer>A</answer>", what the model learns
    "topic": pl.String,
    "language": pl.String,  # ISO 639-1
    "prompt_tokens": pl.Int32,
    "reasoning_tokens": pl.Int32,
    "answer_tokens": pl.Int32,
    "total_tokens": pl.Int32,
    "dup_cluster_size": pl.Int32,  # 1 when the row had no near-duplicate
}
SHARD_COLUMNS = list(SHARD_SCHEMA)

# Figures of each kept row added after the first versions were published, after the columns above in
# every shard. Versions built before them lack these columns, so readers that need only the core
# (training) read SHARD_COLUMNS.
TOPIC_SCHEMA = {
    "topic_confidence": pl.Float32,  # the classifier's probability for `topic` (1.0 for a user topic's rule)
}
# Quality figures (stages/quality.py); null when the build ran with --no-quality.
QUALITY_SCHEMA = {
    "reasoning_loop_sentences": pl.Int32,  # longest run of sentences repeating the block before them
    "answer_loop_sentences": pl.Int32,
    "reasoning_repeated_line_share": pl.Float32,  # share of bytes in lines that repeat an earlier line
    "answer_repeated_line_share": pl.Float32,
    "reasoning_top_2gram_share": pl.Float32,  # bytes of the most frequent word 2-gram (an upper bound)
    "answer_top_2gram_share": pl.Float32,
    "reasoning_foreign_share": pl.Float32,  # letters outside the language's scripts, per character
    "answer_foreign_share": pl.Float32,
    "reasoning_to_answer": pl.Float32,  # reasoning tokens per answer token
}
VERSION_SCHEMA = {**SHARD_SCHEMA, **TOPIC_SCHEMA, **QUALITY_SCHEMA}  # what a version's shards hold

DROPPED_SCHEMA = {
    "id": pl.String,
    "source_index": pl.Int64,
    "stage": pl.String,
    "reason": pl.String,
    "preview": pl.String,  # first characters of the prompt, kept for a few rows per reason only
}
DROPPED_COLUMNS = list(DROPPED_SCHEMA)
