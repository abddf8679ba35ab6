"""Benchmark `curate build` against the naive script a user writes first, on glaive-shaped input.

Prints one table and writes JSON: end-to-end input rows/s (per core), with and without the quality
stage (`quality_cost`: the share of the rate it takes), seconds per stage and phase,
peak RSS of the whole process tree at two input sizes (and the growth per input row), and the
naive baseline's rows/s on a slice of the same input, side by side in one run.

usage: python bench/curate_bench.py [--rows 100000] [--big-rows 1000000] [--naive-rows 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import polars as pl
import psutil

TOPICS = "writing,summary"


def generated_input(rows: int, cache: Path) -> Path:
    from curate.sources.sample import write_sample

    folder = cache / f"input-{rows}"
    if not (folder / ".done").exists():
        started = time.perf_counter()
        write_sample(folder, rows=rows)
        (folder / ".done").write_text(f"{time.perf_counter() - started:.1f}")
    return folder


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def run_build(source: Path, workers: int, store: Path, one_core: bool = False, extra: tuple[str, ...] = ()) -> dict:
    """One `curate build` in a subprocess; peak RSS is the sum over its process tree, polled.

    `one_core` pins the process to a single core (taskset), which is what "per core" means: a
    single worker otherwise still spreads polars' threads over every core.
    """
    pin = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if one_core else []
    cmd = [*pin, sys.executable, "-m", "curate", "build", "--topics", TOPICS, "--source", str(source),
           "--store", str(store), "--workers", str(workers), "--quiet", "--name", f"bench-w{workers}", *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps, peak, done = psutil.Process(proc.pid), 0, threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(ps))
            time.sleep(0.1)

    poller = threading.Thread(target=poll)
    poller.start()
    stdout, stderr = proc.communicate()
    done.set()
    poller.join()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {stderr}")
    manifest = json.loads(max((store / f"bench-w{workers}").glob("v*/manifest.json")).read_text())
    read = manifest["funnel"]["read"]
    return {
        "rows": read, "workers": workers, "cores": 1 if one_core else len(os.sched_getaffinity(0)),
        "seconds": round(seconds, 1), "rows_per_s": round(read / seconds), "kept": manifest["funnel"]["kept"],
        "peak_rss_mb": round(peak / 2**20), "phases_s": manifest["timings"],
        "stage_cpu_s": {s["stage"]: s["seconds"] for s in manifest["funnel"]["stages"]},
        "stage_input": {s["stage"]: s["input"] for s in manifest["funnel"]["stages"]},
    }


def naive_baseline(source: Path, rows: int) -> dict:
    """What people write first: per-row MinHash with per-token update into an in-memory LSH,
    langdetect on the full text, every stage on every row, no ordering."""
    from datasketch import MinHash, MinHashLSH
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    frame = pl.read_parquet(sorted(source.glob("*.parquet"))[0], n_rows=rows)
    started = time.perf_counter()
    lsh, kept = MinHashLSH(threshold=0.8, num_perm=128), 0
    for i, (prompt, response) in enumerate(frame.iter_rows()):
        if not prompt or not response or "</think>" not in response:
            continue
        m = MinHash(num_perm=128)
        for token in prompt.lower().split():
            m.update(token.encode())
        if lsh.query(m):
            continue
        lsh.insert(str(i), m)
        try:
            language = detect(prompt + "\n" + response)
        except Exception:
            continue
        reasoning, answer = response.split("</think>", 1)
        too_long = (len(prompt) + len(response)) / 4 > 4096
        on_topic = re.search(r"\b(write|essay|story|poem|letter|summar|rewrite)", prompt, re.I)
        if language == "en" and not too_long and on_topic and answer.strip():
            kept += 1
    seconds = time.perf_counter() - started
    return {"rows": rows, "seconds": round(seconds, 1), "rows_per_s": round(rows / seconds, 1), "kept": kept}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--big-rows", type=int, default=1_000_000, help="0 skips the memory-growth run")
    parser.add_argument("--naive-rows", type=int, default=2_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "curate-bench")
    parser.add_argument("--out", type=Path, default=Path("bench/results/curate_bench.json"))
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    small = generated_input(args.rows, args.cache)
    results = {"cores": cores, "input_rows": args.rows}
    with tempfile.TemporaryDirectory() as store:
        results["build_1_core"] = run_build(small, 1, Path(store) / "a", one_core=True)
        # the quality stage's cost end to end: the same build without it, side by side
        results["build_1_core_no_quality"] = run_build(small, 1, Path(store) / "q", True, ("--no-quality",))
        results["quality_cost"] = round(
            1 - results["build_1_core"]["rows_per_s"] / results["build_1_core_no_quality"]["rows_per_s"], 3
        )
        results[f"build_{cores}_workers"] = run_build(small, cores, Path(store) / "b")
        if args.big_rows:
            big = generated_input(args.big_rows, args.cache)
            results["build_big"] = run_build(big, cores, Path(store) / "c")
            grown = results["build_big"]["peak_rss_mb"] - results[f"build_{cores}_workers"]["peak_rss_mb"]
            results["rss_growth_bytes_per_row"] = round(grown * 2**20 / (args.big_rows - args.rows), 1)
    results["naive"] = naive_baseline(small, args.naive_rows)
    ours = results["build_1_core"]["rows_per_s"]
    results["speedup_vs_naive_per_core"] = round(ours / results["naive"]["rows_per_s"], 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
