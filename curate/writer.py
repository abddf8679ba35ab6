"""Write a version from the work folder: kept rows into fixed-size shards, every dropped row into one file.

Input shards are read in source order, a row group at a time, so writing costs the same memory at
22M rows as at 3k. Row-group and shard boundaries depend on row counts alone, so the bytes never
depend on --workers or on how a build was interrupted and resumed.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from curate.pipeline import PREVIEW_CHARS
from curate.schema import DROPPED_SCHEMA, SHARD_SCHEMA
from curate.sources import InputShard
from curate.store import DATA_DIR, DROPPED_FILE, sha256_file
from curate.work import shard_name

PREVIEWS_PER_REASON = 5
ROW_GROUP_ROWS = 10_000
DEDUP_STAGE = "dedup"


def write_version(work: Path, shards: list[InputShard], dedup: pl.DataFrame, shard_rows: int) -> tuple[Path, list[dict]]:
    """Stream the input shards' outputs, in order, into `work/staging`; returns it and the manifest's shards.

    `dedup` has one row per live row, sorted by source_index: its reason (null for survivors) and
    dup_cluster_size.
    """
    staging = work / "staging"
    dropped_path = staging / DROPPED_FILE
    (staging / DATA_DIR).mkdir(parents=True)
    dropped_path.parent.mkdir(parents=True)
    kept = _ParquetStream(staging / DATA_DIR, "part", SHARD_SCHEMA, shard_rows)
    dropped = _ParquetStream(dropped_path.parent, "part", DROPPED_SCHEMA)
    previews_seen: dict[tuple[str, str], int] = {}
    positions = dedup["source_index"]
    for shard in shards:
        name = shard_name(shard.index)
        dropped_part, live_part = work / "dropped" / f"{name}.parquet", work / "parts" / f"{name}.parquet"
        shard_dropped = [pl.read_parquet(dropped_part)] if dropped_part.exists() else []
        if live_part.exists():
            first = positions.search_sorted(shard.start)
            verdicts = dedup.slice(first, positions.search_sorted(shard.start + shard.rows) - first)
            for batch in pq.ParquetFile(live_part).iter_batches(ROW_GROUP_ROWS):
                rows = pl.from_arrow(batch)
                batch_verdicts, verdicts = verdicts.head(rows.height), verdicts.slice(rows.height)
                if not rows["source_index"].equals(batch_verdicts["source_index"]):
                    raise AssertionError(f"dedup verdicts out of step with input shard {shard.index}")
                rows = rows.with_columns(batch_verdicts.drop("source_index"))
                shard_dropped.append(
                    rows.filter(pl.col("reason").is_not_null()).select(
                        "id",
                        "source_index",
                        pl.lit(DEDUP_STAGE).alias("stage"),
                        "reason",
                        pl.col("prompt").str.slice(0, PREVIEW_CHARS).alias("preview"),
                    )
                )
                kept.add(rows.filter(pl.col("reason").is_null()))
        if shard_dropped:
            in_order = pl.concat(shard_dropped).select(list(DROPPED_SCHEMA)).sort("source_index")
            dropped.add(_with_previews(in_order, previews_seen))
    shard_files = kept.close()
    [(dropped_file, _)] = dropped.close()
    dropped_file.rename(dropped_path)
    manifest_shards = []
    for k, (path, rows) in enumerate(shard_files):
        target = path.with_name(f"train-{k:05d}-of-{len(shard_files):05d}.parquet")
        path.rename(target)
        manifest_shards.append({"file": f"{DATA_DIR}/{target.name}", "rows": rows, "sha256": sha256_file(target)})
    return staging, manifest_shards


class _ParquetStream:
    """Appends frames, in order, to parquet files of `file_rows` rows (None: one file).

    Only one row group is held in memory; row-group and file boundaries depend on row counts alone.
    """

    def __init__(self, folder: Path, stem: str, schema: dict, file_rows: int | None = None):
        self.folder, self.stem, self.schema, self.file_rows = folder, stem, schema, file_rows
        self.arrow_schema = pl.DataFrame(schema=schema).to_arrow().schema
        self.pending: list[pl.DataFrame] = []
        self.pending_rows = 0
        self.files: list[tuple[Path, int]] = []
        self.writer: pq.ParquetWriter | None = None
        self.rows_in_file = 0

    def add(self, rows: pl.DataFrame) -> None:
        self.pending.append(rows.select([pl.col(c).cast(t) for c, t in self.schema.items()]))
        self.pending_rows += rows.height
        while self.pending_rows and self.pending_rows >= self._next_group_rows():
            self._flush(self._next_group_rows())

    def close(self) -> list[tuple[Path, int]]:
        if self.pending_rows:
            self._flush(self.pending_rows)
        if self.writer is None and not self.files:  # no rows at all: still a readable, empty file
            self._open()
        if self.writer is not None:
            self.writer.close()
            self.files.append((self.path, self.rows_in_file))
            self.writer = None
        return self.files

    def _next_group_rows(self) -> int:
        room = self.file_rows - self.rows_in_file if self.file_rows else ROW_GROUP_ROWS
        return min(ROW_GROUP_ROWS, room)

    def _open(self) -> None:
        self.path = self.folder / f"{self.stem}-{len(self.files):05d}.parquet"
        self.writer = pq.ParquetWriter(self.path, self.arrow_schema, compression="zstd")
        self.rows_in_file = 0

    def _flush(self, rows: int) -> None:
        frame = pl.concat(self.pending)
        self.pending, self.pending_rows = [frame.slice(rows)], frame.height - rows
        if self.writer is None:
            self._open()
        # One contiguous chunk per column: page layout then depends on the rows alone, not on how
        # the frames that made them were cut.
        self.writer.write_table(frame.head(rows).rechunk().to_arrow().cast(self.arrow_schema))
        self.rows_in_file += rows
        if self.file_rows and self.rows_in_file == self.file_rows:
            self.writer.close()
            self.files.append((self.path, self.rows_in_file))
            self.writer = None


def _with_previews(dropped: pl.DataFrame, seen: dict[tuple[str, str], int]) -> pl.DataFrame:
    """Keep the preview on the first few rows per (stage, reason) in source order; `seen` carries over."""
    earlier = pl.DataFrame(
        {"stage": [k[0] for k in seen], "reason": [k[1] for k in seen], "seen": list(seen.values())},
        schema={"stage": pl.String, "reason": pl.String, "seen": pl.Int64},
    )
    rank = pl.col("seen").fill_null(0) + pl.int_range(pl.len()).over("stage", "reason")
    for stage, reason, n in dropped.group_by("stage", "reason").len().iter_rows():
        seen[(stage, reason)] = seen.get((stage, reason), 0) + n
    return dropped.join(earlier, on=["stage", "reason"], how="left", maintain_order="left").with_columns(
        pl.when(rank < PREVIEWS_PER_REASON).then(pl.col("preview")).otherwise(None).alias("preview")
    )
