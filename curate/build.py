"""`curate build`: list input shards -> map each shard to work-folder files -> global dedup -> write.

The steps are separate from their scheduling: `map_shard` reads one input shard in whichever
process calls it and leaves that shard's files in the work folder; the global steps read only
those files. An executor runs these tasks: the local process pool (`workers.WorkerPool`) or a Ray
cluster (`ray_executor.RayExecutor`, `--executor ray`); the steps are the same for both. Input
shards, their row counts and the output shards depend on the source alone, never on --workers or
the executor, so a version is byte-identical for any worker count, on either executor and across
--resume.

Identity rests on content: every shard's rows are hashed as they are read, and a build whose config
and content hash match an existing version adds nothing. A Hub source pinned to the same commit as
an existing version is known to match before anything is read.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Protocol

import polars as pl
import pyarrow.parquet as pq

from curate import code_version
from curate.config import BuildConfig
from curate.dedup import DedupKeysStage, band_count, band_links, clusters_from_links, find_clusters
from curate.errors import CurateError, ResumableError
from curate.pipeline import Funnel, StageCount, run_stages
from curate.schema import VERSION_SCHEMA
from curate.sources import InputShard, RowsDigest, Source, SourcePlan, read_shard
from curate.sources.source import SHARD_ROWS, Location
from curate.stages.base import Stage
from curate.stages.decontaminate import DecontaminateStage, eval_files
from curate.stages.language import LanguageStage
from curate.stages.length import LengthStage
from curate.stages.quality import QualityStage
from curate.stages.rewrite import RewriteStage
from curate.stages.topic import TopicStage
from curate.stages.validate import ValidateStage
from curate.store import DATA_DIR, DROPPED_FILE, Store, Version, file_entry
from curate.tokens import TokenCounter
from curate.topics import TopicClassifier
from curate.work import ShardResult, WorkFolder, shard_name, write_atomically
from curate.workers import WorkerPool
from curate.writer import DEDUP_STAGE, plan_output, verdicts_for, with_previews, write_dropped, write_shard

BATCH_ROWS = 4096  # rows the map stages see at once
# What a live row keeps in the work folder: its version columns (dup_cluster_size comes later) and
# its dedup band keys. The raw response, the largest column, is not needed after the map step.
PART_COLUMNS = {*VERSION_SCHEMA, "band_keys"} - {"dup_cluster_size"}


class Executor(Protocol):
    """Runs `(function, *args)` tasks and calls `on_result` here as each finishes: `WorkerPool`
    (local processes) or `RayExecutor`. The build's steps never know which."""

    def run(self, tasks: Sequence[tuple], on_result: Callable[[object], None]) -> None: ...


@dataclass
class BuildOptions:
    name: str
    store: Store
    workers: int | None = None  # processes (local; None: every core) or tasks at once (ray; None: every CPU)
    executor: str = "local"  # "local" (processes on this machine) or "ray"
    ray_address: str | None = None  # None: a local Ray started for the build
    work_dir: Path | None = None  # where the map step's files go (default: the store's work folder)
    dedup_tasks: bool = False  # dedup's band group-bys as executor tasks, not in this process
    resume: bool = False
    shard_rows: int = 100_000  # rows per output shard
    input_shard_rows: int = SHARD_ROWS  # rows per input shard, as row groups allow
    batch_rows: int = BATCH_ROWS
    on_start: Callable[[int], None] | None = None  # called with the source's row count once it is known
    on_progress: Callable[[Funnel], None] | None = None  # after each input shard; draws the progress bar
    on_published: Callable[[Version], None] | None = None  # before the work folder goes; the CLI writes the card


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


def map_shard(location: Location, shard: InputShard, config: BuildConfig, work: Path,
              batch_rows: int = BATCH_ROWS) -> ShardResult:
    """Map step for one input shard, in whichever process calls it: read the shard, run the map
    stages a batch at a time, and leave `parts/`, `dropped/` and, last, `done/` files in `work`."""
    stages = _stages_in_this_process(config)
    name = shard_name(shard.index)
    digest, funnel, previews = RowsDigest(), Funnel(), {}
    with _PartFile(work / "parts" / f"{name}.parquet") as live, _PartFile(work / "dropped" / f"{name}.parquet") as dropped:
        for batch in read_shard(location, shard, batch_rows, digest, config.columns):
            alive, rejected, counts = run_stages(batch, stages)
            funnel.add(counts)
            live.write(alive.select(c for c in alive.columns if c in PART_COLUMNS))
            # The version keeps a few previews per reason, the first in source order: only a shard's
            # own first few can be among them.
            dropped.write(with_previews(rejected, previews))
    result = ShardResult(shard.index, funnel, digest.hexdigest())
    write_atomically(work / "done" / f"{name}.json", json.dumps(result.to_json()))
    return result


class _PartFile:
    """A work-folder parquet file written a batch at a time. It appears, renamed from a temporary
    name, only once complete, and not at all without rows."""

    def __init__(self, path: Path):
        self.path, self.tmp = path, path.with_suffix(".tmp")
        self.writer: pq.ParquetWriter | None = None

    def write(self, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        table = frame.to_arrow(compat_level=pl.CompatLevel.oldest())
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, table.schema, compression="zstd", compression_level=1)
        self.writer.write_table(table)

    def __enter__(self) -> _PartFile:
        return self

    def __exit__(self, error_type, *_) -> None:
        if self.writer is not None:
            self.writer.close()
            if error_type is None:
                os.replace(self.tmp, self.path)


def build(config: BuildConfig, source: Source, options: BuildOptions) -> BuildResult:
    """Build a version of `source` under `config`, or find the identical one that exists."""
    started = time.perf_counter()
    key = hashlib.sha256(f"{config.config_hash}\n{source.address}".encode()).hexdigest()
    work = WorkFolder(options.store, options.name, key, options.work_dir)
    try:
        with _sigterm_stops_the_build():
            result = _build(config, source, options, work)
    except ResumableError:
        raise
    except CurateError:
        work.remove()  # bad input, not a crash: nothing worth resuming
        raise
    except OSError as e:
        # pyarrow's write errors may carry the errno only in their text
        if e.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(e):
            raise ResumableError(f"no space left on the device of {e.filename or options.store.root}; the work so "
                                 "far is kept: free some space and run the same command with --resume") from None
        raise
    finally:
        work.release()  # however it ends: a --resume in this process (or another) may take the folder
    work.remove()
    result.seconds = time.perf_counter() - started
    return result


def _build(config: BuildConfig, source: Source, options: BuildOptions, work: WorkFolder) -> BuildResult:
    store, name, config_hash = options.store, options.name, config.config_hash
    plan = _plan(source, options, work)
    plan.check_columns(config.columns)
    if plan.revision is not None:  # a commit sha names its content: a match is known before reading
        pinned = (plan.dataset, plan.revision, [f.path for f in plan.files])
        same_commit = _find_version(
            store, name, config_hash, lambda s: (s.get("dataset"), s.get("revision"), s.get("files")) == pinned
        )
        if same_commit is not None:
            return BuildResult(same_commit, Funnel.from_json(same_commit.manifest["funnel"]), True, 0.0)
    if options.on_start:
        options.on_start(plan.rows)

    with _executor(options) as pool:
        return _map_dedup_write(config, plan, options, work, pool)


def _executor(options: BuildOptions):
    """The only place the executors differ: where the same tasks run."""
    environment = {"POLARS_MAX_THREADS": "1"}  # one polars thread per worker: the workers fill the cores
    if options.executor == "ray":
        from curate.ray_executor import RayExecutor  # imports ray: only when asked

        return RayExecutor(options.ray_address, options.workers, environment)
    return WorkerPool(options.workers or len(os.sched_getaffinity(0)), environment)


def _map_dedup_write(config: BuildConfig, plan: SourcePlan, options: BuildOptions, work: WorkFolder,
                     pool: Executor) -> BuildResult:
    store, name, config_hash = options.store, options.name, config.config_hash
    timings, clock = {}, time.perf_counter()
    results = _map_shards(plan, config, work, options, pool)
    funnel = Funnel()
    for shard in plan.shards:
        funnel.add(results[shard.index].funnel)
    if funnel.read != plan.rows:
        raise AssertionError(f"read {funnel.read} rows of a source that holds {plan.rows}")
    fingerprint = hashlib.sha256("\n".join(results[s.index].digest for s in plan.shards).encode()).hexdigest()
    same_content = _find_version(store, name, config_hash, lambda s: s.get("fingerprint") == fingerprint)
    if same_content is not None:
        return BuildResult(same_content, Funnel.from_json(same_content.manifest["funnel"]), True, 0.0)
    timings["map_s"], clock = time.perf_counter() - clock, time.perf_counter()

    dedup = _dedup(work.maps, plan.shards, pool if options.dedup_tasks else None)
    timings["dedup_s"], clock = time.perf_counter() - clock, time.perf_counter()
    dedup_count = StageCount(input=dedup.height)
    dedup_count.dropped = dict(dedup.filter(pl.col("reason").is_not_null()).group_by("reason").len().iter_rows())
    funnel.stages[DEDUP_STAGE] = dedup_count
    if funnel.kept == 0:
        raise CurateError(
            f"no rows kept out of {funnel.read} read; the funnel: {_funnel_summary(funnel)}. "
            "Loosen --topics, --languages or the length limits."
        )
    staging, shards = _write(work, plan.shards, dedup, options.shard_rows, pool)
    timings["write_s"] = time.perf_counter() - clock
    clustered = dedup.filter(pl.col("dup_cluster_size") > 1)
    manifest = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "code_version": code_version(),
        "config": config.describe(),
        "config_hash": config_hash,
        "source": plan.describe(fingerprint),
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
    hashes = [s["sha256"] for s in shards]
    same_shards = next(
        (v for v in store.readable_versions(name) if [s["sha256"] for s in v.manifest["shards"]] == hashes), None
    )
    if same_shards is not None:
        return BuildResult(same_shards, funnel, True, 0.0)
    version = store.publish(name, staging, manifest, work=work.path)
    if options.on_published:  # a kill from here on is finished by Store.finish_interrupted
        options.on_published(version)
    return BuildResult(version, funnel, False, 0.0)


def _plan(source: Source, options: BuildOptions, work: WorkFolder) -> SourcePlan:
    """The plan an interrupted build saved (so --resume reads nothing it already read), or a new one."""
    plan = work.load_plan() if options.resume else None
    if plan is not None:
        changed = plan.changed_files()
        if changed:
            raise CurateError(f"{changed[0]} changed since the interrupted build started; "
                              "run the same command without --resume")
        return plan
    work.clear()
    plan = source.plan(options.input_shard_rows)
    work.save_plan(plan)
    return plan


def _find_version(store: Store, name: str, config_hash: str, same_source: Callable[[dict], bool]) -> Version | None:
    for version in store.readable_versions(name):
        m = version.manifest
        if m.get("config_hash") == config_hash and same_source(m.get("source", {})):
            return version
    return None


def _map_shards(plan: SourcePlan, config: BuildConfig, work: WorkFolder, options: BuildOptions,
                pool: Executor) -> dict[int, ShardResult]:
    """Run `map_shard` over every shard not finished yet; the main process only hands out shards."""
    results = work.done()
    funnel = Funnel()

    def collect(result: ShardResult) -> None:
        results[result.index] = result
        funnel.add(result.funnel)
        if options.on_progress:
            options.on_progress(funnel)

    for result in list(results.values()):
        collect(result)
    pool.run([(map_shard, plan.location, shard, config, work.maps, options.batch_rows)
              for shard in plan.shards if shard.index not in results], collect)
    return results


def _write(work: WorkFolder, shards: list[InputShard], dedup: pl.DataFrame, shard_rows: int,
           pool: Executor) -> tuple[Path, list[dict]]:
    """The version's files in `work/staging`, written in parallel; returns it and the manifest's shards."""
    staging = work.path / "staging"
    (staging / DATA_DIR).mkdir(parents=True)
    (staging / DROPPED_FILE).parent.mkdir(parents=True)
    outputs = plan_output(shards, dedup, shard_rows)
    duplicates = dedup.filter(pl.col("reason").is_not_null()).select("source_index", "reason")
    tasks = [(write_dropped, work.maps, staging, shards, duplicates)]  # the longest task, so it starts first
    tasks += [(write_shard, work.maps, staging, k, len(outputs), pieces, verdicts_for(dedup, [p.shard for p in pieces]))
              for k, pieces in enumerate(outputs)]
    written: list[dict] = []
    pool.run(tasks, lambda entry: entry and written.append(entry))
    return staging, sorted(written, key=lambda entry: entry["file"])


def _dedup(maps: Path, shards: list[InputShard], pool: Executor | None) -> pl.DataFrame:
    """source_index, dup_cluster_size and the drop reason (null for survivors) of every live row.

    Clusters come from the band keys, one band at a time: in this process (memory: one band's keys,
    8 bytes a row, plus the row index), or with a `pool`, each band as a task of the executor, so
    that this process only joins the links, which are few."""
    parts = [p for s in shards if (p := maps / "parts" / f"{shard_name(s.index)}.parquet").exists()]
    if not parts:
        return pl.DataFrame(schema={"source_index": pl.Int64, "dup_cluster_size": pl.Int32, "reason": pl.String})
    scan = pl.scan_parquet(parts)
    clusters = _dedup_clusters(scan, parts, pool)
    # An exact duplicate repeats the content id of an earlier row; other duplicates are near ones.
    first_of_id = scan.select(
        "source_index", (pl.col("source_index") == pl.col("source_index").min().over("id")).alias("first_of_id")
    ).collect()
    return clusters.join(first_of_id, on="source_index", maintain_order="left").select(
        "source_index",
        "dup_cluster_size",
        pl.when(~pl.col("is_duplicate"))
        .then(None)
        .when(pl.col("first_of_id"))
        .then(pl.lit("near_duplicate"))
        .otherwise(pl.lit("exact_duplicate"))
        .alias("reason"),
    )


def _dedup_clusters(scan: pl.LazyFrame, parts: list[Path], pool: Executor | None) -> pl.DataFrame:
    if pool is None:
        return find_clusters(scan.select("source_index", "band_keys"))
    links: list[pl.DataFrame] = []
    pool.run([(_band_links, parts, band) for band in range(band_count(scan))], links.append)
    return clusters_from_links(scan.select("source_index").collect(engine="streaming"), links)


def _band_links(parts: list[Path], band: int) -> pl.DataFrame:
    """One band's links, as a task: reads only the band keys of the work folder's parts."""
    return band_links(pl.scan_parquet(parts).select("source_index", "band_keys"), band)


@contextmanager
def _sigterm_stops_the_build() -> Iterator[None]:
    """SIGTERM (kill, a job scheduler, a shutdown) stops a build as Ctrl-C does: the workers end,
    the work folder stays, and the CLI says how to resume."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _funnel_summary(funnel: Funnel) -> str:
    return "; ".join(
        f"{name}: -{sum(c.dropped.values())}" for name, c in funnel.stages.items() if c.dropped
    )
