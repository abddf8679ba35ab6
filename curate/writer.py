"""Write a version from the work folder, one task per output shard plus one for the dropped rows.

Once dedup has said which live rows survive, the number of kept rows in every input shard is
known, so output shard k (kept rows k * shard_rows onwards, in source order) can be written by any
process on its own: `plan_output` cuts the work, `write_shard` and `write_dropped` are the tasks.
They read the work folder a row group at a time, so writing costs the same memory at 22M rows as
at 3k. Row groups are cut by row counts alone and written from contiguous columns, so the bytes
never depend on --workers, on batch sizes, or on how a build was interrupted and resumed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq

from curate.pipeline import PREVIEW_CHARS
from curate.schema import DROPPED_SCHEMA, VERSION_SCHEMA
from curate.sources import InputShard
from curate.store import DATA_DIR, DROPPED_FILE, sha256_file
from curate.work import shard_name

PREVIEWS_PER_REASON = 5
ROW_GROUP_ROWS = 10_000
DEDUP_STAGE = "dedup"


@dataclass(frozen=True)
class Piece:
    """Kept rows `skip .. skip + take - 1` (counting kept rows only) of one input shard."""

    shard: InputShard
    skip: int
    take: int


def plan_output(shards: list[InputShard], dedup: pl.DataFrame, shard_rows: int) -> list[list[Piece]]:
    """The pieces of each output shard: `shard_rows` kept rows each, the last one fewer."""
    kept = dedup.filter(pl.col("reason").is_null())["source_index"].to_numpy()
    starts = np.array([s.start for s in shards])
    per_shard = np.bincount(np.searchsorted(starts, kept, side="right") - 1, minlength=len(shards))
    outputs, current, room = [], [], shard_rows
    for shard, count in zip(shards, per_shard.tolist()):
        done = 0
        while done < count:
            take = min(room, count - done)
            current.append(Piece(shard, done, take))
            done, room = done + take, room - take
            if room == 0:
                outputs.append(current)
                current, room = [], shard_rows
    if current:
        outputs.append(current)
    return outputs


def verdicts_for(dedup: pl.DataFrame, shards: list[InputShard]) -> pl.DataFrame:
    """The rows of `dedup` (sorted by source_index) that belong to consecutive input `shards`."""
    positions = dedup["source_index"]
    first = positions.search_sorted(shards[0].start)
    return dedup.slice(first, positions.search_sorted(shards[-1].start + shards[-1].rows) - first)


def write_shard(work: Path, number: int, total: int, pieces: list[Piece], verdicts: pl.DataFrame) -> dict:
    """Output shard `number` of `total` into the staging folder; returns its manifest entry."""
    path = work / "staging" / DATA_DIR / f"train-{number:05d}-of-{total:05d}.parquet"
    with _ParquetFile(path, VERSION_SCHEMA) as out:
        for piece in pieces:
            skip, take = piece.skip, piece.take
            for rows in _verdicted(work, piece.shard, verdicts):
                kept = rows.filter(pl.col("reason").is_null())
                part = kept.slice(skip, take)
                skip, take = max(skip - kept.height, 0), take - part.height
                out.add(part)
                if take == 0:
                    break
    return {"file": f"{DATA_DIR}/{path.name}", "rows": out.rows, "sha256": sha256_file(path)}


def write_dropped(work: Path, shards: list[InputShard], duplicates: pl.DataFrame) -> None:
    """Every dropped row, the map stages' and dedup's, in source order, with previews on the first
    few rows of each (stage, reason)."""
    previews_seen: dict[tuple[str, str], int] = {}
    with _ParquetFile(work / "staging" / DROPPED_FILE, DROPPED_SCHEMA) as out:
        for shard in shards:
            name = shard_name(shard.index)
            dropped_part, live_part = work / "dropped" / f"{name}.parquet", work / "parts" / f"{name}.parquet"
            frames = [pl.read_parquet(dropped_part)] if dropped_part.exists() else []
            shard_duplicates = verdicts_for(duplicates, [shard]) if duplicates.height else duplicates
            if shard_duplicates.height:
                frames.append(
                    pl.scan_parquet(live_part)
                    .select("id", "source_index", "prompt")
                    .join(shard_duplicates.lazy(), on="source_index")
                    .select(
                        "id",
                        "source_index",
                        pl.lit(DEDUP_STAGE).alias("stage"),
                        "reason",
                        pl.col("prompt").str.slice(0, PREVIEW_CHARS).alias("preview"),
                    )
                    .collect()
                )
            if frames:
                in_order = pl.concat(frames).select(list(DROPPED_SCHEMA)).sort("source_index")
                out.add(with_previews(in_order, previews_seen))


def _verdicted(work: Path, shard: InputShard, verdicts: pl.DataFrame) -> Iterator[pl.DataFrame]:
    """The live rows of an input shard, a row group at a time, with their dedup columns."""
    live_part = work / "parts" / f"{shard_name(shard.index)}.parquet"
    if not live_part.exists():
        return
    verdicts = verdicts_for(verdicts, [shard])
    for batch in pq.ParquetFile(live_part).iter_batches(ROW_GROUP_ROWS):
        rows = pl.from_arrow(batch)
        these, verdicts = verdicts.head(rows.height), verdicts.slice(rows.height)
        if not rows["source_index"].equals(these["source_index"]):
            raise AssertionError(f"dedup verdicts out of step with input shard {shard.index}")
        yield rows.with_columns(these.drop("source_index"))


class _ParquetFile:
    """One parquet file written in row groups of ROW_GROUP_ROWS rows, a row group in memory at most."""

    def __init__(self, path: Path, schema: dict):
        self.schema = schema
        self.arrow_schema = pl.DataFrame(schema=schema).to_arrow().schema
        self.writer = pq.ParquetWriter(path, self.arrow_schema, compression="zstd")
        self.pending: list[pl.DataFrame] = []
        self.pending_rows = self.rows = 0

    def add(self, rows: pl.DataFrame) -> None:
        self.pending.append(rows.select(  # a column no stage made (quality figures with --no-quality): null
            (pl.col(c) if c in rows.columns else pl.lit(None)).cast(t).alias(c) for c, t in self.schema.items()
        ))
        self.pending_rows += rows.height
        while self.pending_rows >= ROW_GROUP_ROWS:
            self._flush(ROW_GROUP_ROWS)

    def __enter__(self) -> _ParquetFile:
        return self

    def __exit__(self, error_type, *_) -> None:
        if error_type is None and self.pending_rows:
            self._flush(self.pending_rows)
        self.writer.close()

    def _flush(self, rows: int) -> None:
        frame = pl.concat(self.pending)
        self.pending, self.pending_rows = [frame.slice(rows)], frame.height - rows
        # One contiguous chunk per column: the page layout then depends on the rows alone, not on
        # how the frames that made them were cut.
        self.writer.write_table(frame.head(rows).rechunk().to_arrow().cast(self.arrow_schema))
        self.rows += rows


def with_previews(dropped: pl.DataFrame, seen: dict[tuple[str, str], int]) -> pl.DataFrame:
    """Keep the preview on the first few rows per (stage, reason) in source order; `seen` carries over."""
    earlier = pl.DataFrame(
        {"stage": [k[0] for k in seen], "reason": [k[1] for k in seen], "seen": list(seen.values())},
        schema={"stage": pl.String, "reason": pl.String, "seen": pl.Int64},
    )
    rank = pl.col("seen").fill_null(0) + pl.int_range(pl.len()).over("stage", "reason")
    for stage, reason, n in dropped.group_by("stage", "reason").len().iter_rows():
        seen[(stage, reason)] = seen.get((stage, reason), 0) + n
    return dropped.join(earlier, on=["stage", "reason"], how="left", maintain_order="left").select(
        *(c for c in dropped.columns if c != "preview"),
        pl.when(rank < PREVIEWS_PER_REASON).then(pl.col("preview")).otherwise(None).alias("preview"),
    ).select(dropped.columns)
