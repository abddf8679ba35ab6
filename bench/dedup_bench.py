"""Rows per CPU-second of the validate, rewrite, length and dedup-keys stages, and of `find_clusters`.

Rows look like the glaive data (about 2k-char prompts, 7k-char responses of Zipf-distributed
words with digits, punctuation and blank lines), so the numbers are what a build worker sees.
CPU time (all threads) rather than wall time, so the figures are per core and hold on a busy machine.
Run: python bench/dedup_bench.py [--rows 20000] [--batch 4096] [--cluster-rows 2000000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import polars as pl
import psutil

from curate.dedup import DedupKeysStage, DedupParams, find_clusters
from curate.schema import DROP_REASON, SOURCE_SCHEMA
from curate.stages.length import LengthStage
from curate.stages.rewrite import RewriteStage
from curate.stages.validate import ValidateStage


def make_texts(rng: np.random.Generator, n: int, chars: int, vocab: list[str]) -> list[str]:
    """Zipf-distributed words with a number, a comma or a blank line now and then."""
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    per_text = chars // 6
    words = np.array(vocab, dtype=object)[rng.choice(len(vocab), size=(n, per_text), p=weights)]
    seps = rng.choice(
        np.array([" ", " ", " ", " ", " ", " ", ", ", ". ", "\n\n", " 42 "], dtype=object), size=(n, per_text)
    )
    return ["".join(w + s for w, s in zip(ws, ss)).strip() for ws, ss in zip(words, seps)]


def make_batch(n: int, seed: int = 0) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyzé"))
    vocab = ["".join(rng.choice(letters, size=rng.integers(2, 10))) for _ in range(20_000)]
    prompts = make_texts(rng, n, 2000, vocab)
    reasoning = make_texts(rng, n, 5500, vocab)
    answers = make_texts(rng, n, 1500, vocab)
    responses = [f"<think>\n{r}\n</think>\n\n{a}" for r, a in zip(reasoning, answers)]
    return pl.DataFrame(
        {"source_index": range(n), "prompt": prompts, "response": responses, "field_error": [None] * n},
        schema=SOURCE_SCHEMA,
    ).with_columns(pl.lit(None, pl.String).alias(DROP_REASON))


def timed(label: str, stage, batches: list[pl.DataFrame]) -> list[pl.DataFrame]:
    stage.process(batches[0].head(10))  # warm up: lazy imports, regex compilation
    started = time.process_time()
    out = [stage.process(b) for b in batches]
    seconds = time.process_time() - started
    rows = sum(b.height for b in batches)
    print(f"{label:14s} {rows / seconds:10,.0f} rows/s per core")
    return out


def random_keys(rows: int, bands: int, duplicated: float, seed: int = 0) -> pl.DataFrame:
    """Random band keys where a `duplicated` share of rows copies one band of an earlier row."""
    rng = np.random.default_rng(seed)
    keys = rng.integers(0, 2**63, size=(rows, bands), dtype=np.uint64)
    copies = rng.choice(rows, size=int(rows * duplicated), replace=False)
    band = rng.integers(0, bands, size=len(copies))
    keys[copies, band] = keys[rng.integers(0, rows, size=len(copies)), band]
    return pl.DataFrame(
        {"source_index": np.arange(rows), "band_keys": keys},
        schema={"source_index": pl.Int64, "band_keys": pl.Array(pl.UInt64, bands)},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=4096)
    parser.add_argument("--cluster-rows", type=int, default=2_000_000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # per-core numbers
    frame = make_batch(args.rows)
    batches = [frame.slice(i, args.batch) for i in range(0, frame.height, args.batch)]
    print(
        f"{args.rows} rows, prompt {frame['prompt'].str.len_chars().mean():.0f} chars, "
        f"response {frame['response'].str.len_chars().mean():.0f} chars, "
        f"polars threads {pl.thread_pool_size()}"
    )
    params = DedupParams.for_threshold(0.8)
    batches = timed("validate", ValidateStage(), batches)
    batches = timed("rewrite", RewriteStage(), batches)
    batches = timed("length", LengthStage(), batches)
    batches = timed("dedup_keys", DedupKeysStage(params), batches)
    keys = pl.concat(b.select("source_index", "band_keys") for b in batches)
    print(f"band keys      {keys['band_keys'].estimated_size() / keys.height:10.1f} bytes/row")

    with tempfile.TemporaryDirectory() as folder:
        # Like a build: the keys sit in parquet parts and the global step scans them.
        table = random_keys(args.cluster_rows, params.bands, duplicated=0.05)
        for i, start in enumerate(range(0, table.height, 100_000)):
            table.slice(start, 100_000).write_parquet(f"{folder}/{i:05d}.parquet")
        del table
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            seconds, grown, duplicates = pool.submit(cluster_parts, folder).result()
    print(
        f"find_clusters  {args.cluster_rows / seconds:10,.0f} rows/s wall ({args.cluster_rows:,} rows, "
        f"{duplicates:,} duplicates, peak memory {grown / args.cluster_rows:.0f} bytes/row)"
    )


def cluster_parts(folder: str) -> tuple[float, int, int]:
    """In a fresh process: seconds, peak memory growth (bytes) and duplicates of find_clusters."""
    base = psutil.Process().memory_info().rss
    started = time.perf_counter()
    clusters = find_clusters(pl.scan_parquet(f"{folder}/*.parquet"))
    seconds = time.perf_counter() - started
    return seconds, peak_rss() - base, int(clusters["is_duplicate"].sum())


def peak_rss() -> int:
    """This process's peak resident memory in bytes (VmHWM: unlike ru_maxrss, not carried over exec)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))


if __name__ == "__main__":
    main()
