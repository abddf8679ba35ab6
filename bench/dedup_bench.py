"""Near-duplicate quality by band of similarity, then rows per CPU-second of the validate, rewrite,
length and dedup-keys stages and of `find_clusters`.

Quality: pairs of prompts planted at exact Jaccard similarities (word 3-gram shingles, as the dedup
stage counts them) spread over 0.6-0.95; per band, the share the build puts in one cluster, next to
what the LSH S-curve predicts, and precision and recall against "similarity >= threshold". Saved
to bench/results/dedup_bands.json. tests/test_dedup.py checks the same table at a smaller size.

Speed: rows look like the glaive data (about 2k-char prompts, 7k-char responses of Zipf-distributed
words with digits, punctuation and blank lines), so the numbers are what a build worker sees.
CPU time (all threads) rather than wall time, so the figures are per core and hold on a busy machine.
Run: python bench/dedup_bench.py [--pairs-per-band 1000] [--rows 20000] [--batch 4096]
     [--cluster-rows 2000000] [--bands-only]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import polars as pl
import psutil

from curate.dedup import DedupKeysStage, DedupParams, candidate_probability, find_clusters, shingle_hashes
from curate.schema import DROP_REASON, SOURCE_SCHEMA
from curate.stages.length import LengthStage
from curate.stages.rewrite import RewriteStage
from curate.stages.validate import ValidateStage

BAND_EDGES = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
RESULTS = Path(__file__).parent / "results" / "dedup_bands.json"


def planted_pairs(pairs_per_band: int, edges=BAND_EDGES, words: int = 200, seed: int = 0):
    """Prompts in pairs whose exact shingle Jaccard falls evenly in each band [edges[k], edges[k+1]).

    A pair shares one run of words (at a random place, so the edit is at the start, the end or both)
    and differs elsewhere; every word is fresh, so no two pairs share a shingle. Returns the texts
    (pair k is texts 2k and 2k+1) and each pair's similarity.
    """
    rng = np.random.default_rng(seed)
    texts, similarities = [], []

    def fresh(n: int) -> list[str]:
        codes = rng.integers(ord("a"), ord("z") + 1, size=(n, 8), dtype=np.uint8)
        return [row.tobytes().decode() for row in codes]

    shingles = words - 2
    for low, high in zip(edges, edges[1:]):
        for target in rng.uniform(low, high, size=pairs_per_band):
            # shared 3-grams s out of 2 * shingles - s in the union: s = 2 * shingles * J / (1 + J)
            shared_words = round(2 * shingles * target / (1 + target)) + 2
            base = fresh(words)
            start = int(rng.integers(0, words - shared_words + 1))
            other = fresh(start) + base[start : start + shared_words] + fresh(words - start - shared_words)
            texts += [" ".join(base), " ".join(other)]
            similarities.append(_jaccard(texts[-2], texts[-1]))
    return texts, np.array(similarities)


def _jaccard(a: str, b: str) -> float:
    hashes, offsets = shingle_hashes(pl.Series([a, b]), 3)
    x, y = set(hashes[: offsets[1]].tolist()), set(hashes[offsets[1] :].tolist())
    return len(x & y) / len(x | y)


def band_table(params: DedupParams, pairs_per_band: int, seed: int = 0) -> dict:
    """Per band of similarity: pairs, how many the build clusters, and what the S-curve predicts."""
    texts, similarity = planted_pairs(pairs_per_band, seed=seed)
    frame = pl.DataFrame({"source_index": range(len(texts)), "prompt": texts})
    survivors = find_clusters(DedupKeysStage(params).process(frame).select("source_index", "band_keys"))
    survivor = survivors["survivor_index"].to_numpy()
    flagged = survivor[0::2] == survivor[1::2]
    expected = candidate_probability(similarity, params.bands, params.rows)
    truth = similarity >= params.threshold
    bands = []
    for low, high in zip(BAND_EDGES, BAND_EDGES[1:]):
        inside = (similarity >= low) & (similarity < high)
        bands.append({
            "band": f"{low:.2f}-{high:.2f}",
            "pairs": int(inside.sum()),
            "flagged": int(flagged[inside].sum()),
            "flagged_share": float(flagged[inside].mean()),
            "expected_share": float(expected[inside].mean()),
        })
    return {
        "threshold": params.threshold,
        "bands_x_rows": f"{params.bands} x {params.rows}",
        "pairs": len(similarity),
        "bands": bands,
        "precision": float((flagged & truth).sum() / max(flagged.sum(), 1)),
        "recall": float((flagged & truth).sum() / max(truth.sum(), 1)),
        "recall_at_0.9": float(flagged[similarity >= 0.9].mean()),
    }


def print_band_table(table: dict) -> None:
    print(f"near-duplicate pairs by Jaccard similarity (threshold {table['threshold']}, "
          f"{table['bands_x_rows']} bands x rows, {table['pairs']:,} planted pairs)")
    print(f"{'similarity':>12} {'pairs':>6} {'clustered':>10} {'share':>7} {'S-curve':>8}")
    for band in table["bands"]:
        print(f"{band['band']:>12} {band['pairs']:>6} {band['flagged']:>10} "
              f"{band['flagged_share']:>7.1%} {band['expected_share']:>8.1%}")
    print(f"precision {table['precision']:.3f}, recall {table['recall']:.3f} against similarity >= "
          f"{table['threshold']} (pairs planted uniformly over 0.60-0.95); recall at >= 0.9: {table['recall_at_0.9']:.3f}")


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
    parser.add_argument("--pairs-per-band", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=4096)
    parser.add_argument("--cluster-rows", type=int, default=2_000_000)
    parser.add_argument("--bands-only", action="store_true", help="only the quality table")
    args = parser.parse_args()
    table = band_table(DedupParams.for_threshold(0.8), args.pairs_per_band)
    print_band_table(table)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({**table, "command": f"python bench/dedup_bench.py --pairs-per-band "
                                   f"{args.pairs_per_band}"}, indent=2) + "\n")
    print(f"saved {RESULTS}")
    if args.bands_only:
        return
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
