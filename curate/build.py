"""`curate build`: map stages over input chunks in worker processes, one global dedup, then publish.

Shape (so a cluster engine could run the same stages): the source is cut into fixed-size chunks
of consecutive rows; each chunk goes through the map stages independently and leaves three files
in the work folder (live rows with their dedup band keys, dropped rows, counts). The global step
clusters band keys of all live rows, then streams the parts in chunk order into fixed-size shards.
Chunk boundaries and shard sizes never depend on --workers, so the shards are byte-identical for
any worker count. The work folder survives a crash, which is what --resume continues from.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from curate import code_version
from curate.config import BuildConfig
from curate.dedup import DedupKeysStage, find_clusters
from curate.errors import CurateError
from curate.pipeline import PREVIEW_CHARS, Funnel, StageCount, run_stages
from curate.schema import DROPPED_SCHEMA, VERSION_SCHEMA
from curate.sources import Source
from curate.stages.base import Stage
from curate.stages.decontaminate import DecontaminateStage, eval_files
from curate.stages.language import LanguageStage
from curate.stages.length import LengthStage
from curate.stages.quality import QualityStage
from curate.stages.rewrite import RewriteStage
from curate.stages.topic import TopicStage
from curate.stages.validate import ValidateStage
from curate.store import DATA_DIR, DROPPED_FILE, Store, Version, file_entry, remove_work, sha256_file
from curate.tokens import TokenCounter
from curate.topics import TopicClassifier

PREVIEWS_PER_REASON = 5
ROW_GROUP_ROWS = 10_000
DEDUP_STAGE = "dedup"


@dataclass
class BuildOptions:
    name: str
    store: Store
    workers: int = field(default_factory=lambda: len(os.sched_getaffinity(0)))
    resume: bool = False
    chunk_rows: int = 4096
    shard_rows: int = 100_000
    on_progress: object = None  # callable(Funnel) after each chunk; the CLI draws the progress bar
    on_published: object = None  # callable(Version) before the work folder goes; the CLI writes the card


@dataclass
class BuildResult:
    version: Version
    funnel: Funnel
    matched_existing: bool  # True: an identical version existed, nothing was added
    seconds: float


def make_stages(config: BuildConfig) -> list[Stage]:
    """The map stages in pipeline order: cheap ones first, so language detection sees few rows."""
    counter = TokenCounter.sentencepiece(config.tokenizer) if config.tokenizer else TokenCounter.estimate()
    classifier = TopicClassifier.load(Path(config.topics_file) if config.topics_file else None)
    return [
        ValidateStage(),
        RewriteStage(),
        LengthStage(config.limits, counter),
        TopicStage(config.topics, classifier, config.min_topic_confidence),
        LanguageStage(config.languages, config.language_backend),
        DecontaminateStage(eval_files(config.decontaminate), config.decontaminate_ngram),
        *([QualityStage(config.quality)] if config.quality else []),
        DedupKeysStage(config.dedup),
    ]


@cache
def _stages_in_this_process(config: BuildConfig) -> list[Stage]:
    return make_stages(config)


def process_chunk(index: int, batch: pl.DataFrame, config: BuildConfig, work: Path) -> Funnel:
    """Map step for one chunk; the counts file is written last and marks the chunk as done."""
    alive, dropped, funnel = run_stages(batch, _stages_in_this_process(config))
    if alive.height:  # an empty part lacks the columns later stages add
        alive.write_parquet(work / "parts" / f"{index:08d}.parquet")
    dropped.write_parquet(work / "dropped" / f"{index:08d}.parquet")
    counts = work / "counts" / f"{index:08d}.json"
    tmp = counts.with_suffix(".tmp")
    tmp.write_text(json.dumps(funnel.to_json()))
    os.replace(tmp, counts)
    return funnel


def find_identical(store: Store, name: str, config_hash: str, source: dict) -> Version | None:
    for version in store.readable_versions(name):
        m = version.manifest
        if m.get("config_hash") == config_hash and m.get("source", {}).get("fingerprint") == source["fingerprint"]:
            return version
    return None


class WorkFolder:
    """STORE/.work/NAME-<key>/: parts of an unfinished build, locked against a concurrent twin."""

    def __init__(self, store: Store, name: str, key: str, resume: bool):
        self.path = store.root / ".work" / f"{name}-{key[:16]}"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise CurateError(f"cannot write to store {store.root}: {e.strerror}") from None
        self._lock = open(self.path / ".lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CurateError(f"another build with the same config is running (lock on {self.path})") from None
        if not resume:
            for sub in ("parts", "dropped", "counts", "staging"):
                shutil.rmtree(self.path / sub, ignore_errors=True)
        for sub in ("parts", "dropped", "counts"):
            (self.path / sub).mkdir(exist_ok=True)
        shutil.rmtree(self.path / "staging", ignore_errors=True)

    def done_chunks(self) -> dict[int, Funnel]:
        return {
            int(p.stem): Funnel.from_json(json.loads(p.read_text()))
            for p in (self.path / "counts").glob("*.json")
        }

    def remove(self) -> None:
        self._lock.close()
        remove_work(self.path)


def _map_chunks(
    source: Source, config: BuildConfig, work: WorkFolder, options: BuildOptions, funnel: Funnel
) -> None:
    """Run the map stages over every chunk not already done, `workers + 1` chunks in flight at most."""
    done = work.done_chunks()

    def report(chunk_funnel: Funnel) -> None:
        funnel.add(chunk_funnel)
        if options.on_progress:
            options.on_progress(funnel)

    todo: Iterator[tuple[int, pl.DataFrame]] = (
        (i, batch) for i, batch in enumerate(source.batches(options.chunk_rows)) if i not in done
    )
    for chunk_funnel in done.values():
        report(chunk_funnel)
    if options.workers <= 1:
        for i, batch in todo:
            report(process_chunk(i, batch, config, work.path))
        return
    # Spawned, not forked: a fork copies polars' thread-pool locks mid-use and can deadlock.
    # One polars thread per worker: the processes already fill the cores.
    with (
        _environment(POLARS_MAX_THREADS="1"),
        ProcessPoolExecutor(options.workers, mp_context=multiprocessing.get_context("spawn")) as pool,
    ):
        in_flight: set[Future] = set()
        for i, batch in todo:
            in_flight.add(pool.submit(process_chunk, i, batch, config, work.path))
            if len(in_flight) > options.workers:  # one chunk queued per busy worker bounds memory
                finished, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for f in finished:
                    report(f.result())
        for f in in_flight:
            report(f.result())


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for processes started inside the block."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k)
            else:
                os.environ[k] = v


def _dedup(work: WorkFolder) -> pl.DataFrame:
    """source_index, dup_cluster_size and the drop reason (null for survivors) of every live row."""
    parts = sorted((work.path / "parts").glob("*.parquet"))
    if not parts:
        return pl.DataFrame(schema={"source_index": pl.Int64, "dup_cluster_size": pl.Int32, "reason": pl.String})
    scan = pl.scan_parquet(parts)
    clusters = find_clusters(scan.select("source_index", "band_keys"))
    # An exact duplicate repeats the content id of an earlier row; other duplicates are near ones.
    first_of_id = scan.select(
        "source_index", (pl.col("source_index") == pl.col("source_index").min().over("id")).alias("first_of_id")
    ).collect()
    return clusters.join(first_of_id, on="source_index").select(
        "source_index",
        "dup_cluster_size",
        pl.when(~pl.col("is_duplicate"))
        .then(None)
        .when(pl.col("first_of_id"))
        .then(pl.lit("near_duplicate"))
        .otherwise(pl.lit("exact_duplicate"))
        .alias("reason"),
    )


class _ParquetStream:
    """Appends frames, in order, to parquet files of `file_rows` rows (None: one file).

    Only one row group is held in memory, so writing costs the same at 22M rows as at 3k; row-group
    and file boundaries depend on row counts alone, so the bytes do not depend on --workers.
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
        self.pending.append(rows.select(  # a column no stage made (quality figures with --no-quality): null
            (pl.col(c) if c in rows.columns else pl.lit(None)).cast(t).alias(c) for c, t in self.schema.items()
        ))
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
        self.writer.write_table(frame.head(rows).to_arrow().cast(self.arrow_schema))
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


def _write_version(work: WorkFolder, dedup: pl.DataFrame, options: BuildOptions) -> tuple[Path, list[dict]]:
    """Stream the chunks, in order, into the staging folder's shards and dropped file."""
    staging = work.path / "staging"
    dropped_path = staging / DROPPED_FILE
    (staging / DATA_DIR).mkdir(parents=True)
    dropped_path.parent.mkdir(parents=True)
    shards = _ParquetStream(staging / DATA_DIR, "part", VERSION_SCHEMA, options.shard_rows)
    dropped = _ParquetStream(dropped_path.parent, "part", DROPPED_SCHEMA)
    previews_seen: dict[tuple[str, str], int] = {}
    for dropped_part in sorted((work.path / "dropped").glob("*.parquet")):
        chunk_dropped = [pl.read_parquet(dropped_part)]
        live_part = work.path / "parts" / dropped_part.name
        if live_part.exists():
            rows = pl.read_parquet(live_part).join(dedup, on="source_index", how="left", maintain_order="left")
            duplicates = rows.filter(pl.col("reason").is_not_null())
            chunk_dropped.append(
                duplicates.select(
                    "id",
                    "source_index",
                    pl.lit(DEDUP_STAGE).alias("stage"),
                    "reason",
                    pl.col("prompt").str.slice(0, PREVIEW_CHARS).alias("preview"),
                )
            )
            shards.add(rows.filter(pl.col("reason").is_null()))
        chunk = pl.concat(chunk_dropped).select(list(DROPPED_SCHEMA)).sort("source_index")
        dropped.add(_with_previews(chunk, previews_seen))
    shard_files = shards.close()
    [(dropped_file, _)] = dropped.close()
    dropped_file.rename(dropped_path)
    manifest_shards = []
    for k, (path, rows) in enumerate(shard_files):
        target = path.with_name(f"train-{k:05d}-of-{len(shard_files):05d}.parquet")
        path.rename(target)
        manifest_shards.append({"file": f"{DATA_DIR}/{target.name}", "rows": rows, "sha256": sha256_file(target)})
    return staging, manifest_shards


def build(config: BuildConfig, source: Source, options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    store, name = options.store, options.name
    source_info = source.describe()
    config_hash = config.config_hash
    existing = find_identical(store, name, config_hash, source_info)
    if existing is not None:
        funnel = Funnel.from_json(existing.manifest["funnel"])
        return BuildResult(existing, funnel, True, time.perf_counter() - started)

    work = WorkFolder(store, name, f"{config_hash}{source_info['fingerprint']}", options.resume)
    funnel = Funnel()
    timings = {}
    clock = time.perf_counter()
    try:
        _map_chunks(source, config, work, options, funnel)
    except CurateError:
        work.remove()  # bad input, not a crash: nothing worth resuming
        raise
    timings["map_s"], clock = time.perf_counter() - clock, time.perf_counter()
    dedup = _dedup(work)
    timings["dedup_s"], clock = time.perf_counter() - clock, time.perf_counter()
    dedup_count = StageCount(input=dedup.height)
    dedup_count.dropped = dict(dedup.filter(pl.col("reason").is_not_null()).group_by("reason").len().iter_rows())
    funnel.stages[DEDUP_STAGE] = dedup_count
    if funnel.kept == 0:
        work.remove()
        raise CurateError(
            f"no rows kept out of {funnel.read} read; the funnel: {_funnel_summary(funnel)}. "
            "Loosen --topics, --languages or the length limits."
        )
    staging, shards = _write_version(work, dedup, options)
    timings["write_s"] = time.perf_counter() - clock
    clustered = dedup.filter(pl.col("dup_cluster_size") > 1)
    manifest = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "code_version": code_version(),
        "config": config.describe(),
        "config_hash": config_hash,
        "source": source_info,
        "funnel": funnel.to_json(),
        "dedup": {
            "clusters": clustered.filter(pl.col("reason").is_null()).height,
            "largest": int(clustered["dup_cluster_size"].max() or 1),
            "rows_in_clusters": clustered.height,
            "dropped": sum(dedup_count.dropped.values()),
        },
        "shards": shards,
        "dropped": file_entry(staging, DROPPED_FILE),
        "rows": funnel.kept,
        "timings": {k: round(v, 3) for k, v in timings.items()},  # wall seconds per phase
    }
    same_content = next(
        (v for v in store.readable_versions(name) if [s["sha256"] for s in v.manifest["shards"]] == [s["sha256"] for s in shards]),
        None,
    )
    if same_content is not None:
        work.remove()
        return BuildResult(same_content, funnel, True, time.perf_counter() - started)
    version = store.publish(name, staging, manifest, work=work.path)
    if options.on_published:  # a kill from here on is finished by Store.finish_interrupted
        options.on_published(version)
    work.remove()
    return BuildResult(version, funnel, False, time.perf_counter() - started)


def _funnel_summary(funnel: Funnel) -> str:
    return "; ".join(
        f"{name}: -{sum(c.dropped.values())}" for name, c in funnel.stages.items() if c.dropped
    )
