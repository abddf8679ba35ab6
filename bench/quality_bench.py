"""Benchmark the quality stage and decontamination, and print the figures the README quotes.

- Recall per check on the embedded sample's planted failures, and false drops on its clean rows
  (the 3,200 rows and the clean near misses) and on a larger generated input: every topic and
  language, so that every planted row reaches the stage.
- Rows per second per core of the quality stage on the generated input's rows that reach it, in
  build-sized batches, pinned to one core with one polars thread (wall and CPU time: on a shared
  machine the CPU time says more).
- Decontamination: planted copies found and clean rows hit on the sample; an index of
  --eval-prompts generated prompts: build time, bytes, and lookup rate.
- The map stages of a build (as bench/curate_bench.py runs it) with and without the quality stage,
  CPU time side by side in one process, and the stage's own CPU time inside the run with it.
- The compiled loops' first call in a fresh process: compiling them (an empty numba cache, once per
  install) and loading them from the cache (every build worker), wall and CPU time.

usage: python bench/quality_bench.py [--rows 20000] [--eval-prompts 100000] [--out bench/results/quality_bench.json]

On a machine shared with other work, CPU time is the figure to read; `speed` and `map_stages`
take the best of several runs.
"""

from __future__ import annotations

import os

os.environ["POLARS_MAX_THREADS"] = "1"  # before polars loads: one core means one thread

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

from curate.build import make_stages
from curate.config import BuildConfig
from curate.dedup import DedupParams
from curate.pipeline import run_stages
from curate.sources import open_source
from curate.sources import sample as sample_module
from curate.stages.base import Stage
from curate.stages.decontaminate import EvalFile, EvalIndex, eval_files
from curate.stages.length import LengthLimits
from curate.stages.quality import REASONS, QualityStage, QualityThresholds, check, measure
from curate.topics import TopicClassifier

BATCH = 4096  # rows a build's map stages see at once


def rows_at_quality(source: str) -> pl.DataFrame:
    """Rows of `source` that pass validate .. language with every topic and language kept."""
    config = BuildConfig(topics=tuple(TopicClassifier.load(None).topic_ids), languages=None, limits=LengthLimits(),
                         dedup=DedupParams.for_threshold(0.8), language_backend="cld2")  # fmt: skip
    stages = make_stages(config)[:5]
    parts = [run_stages(batch, stages)[0] for batch in open_source(source).batches(BATCH)]
    return pl.concat(parts, how="diagonal_relaxed")


def flags_of(rows: pl.DataFrame) -> pl.DataFrame:
    thresholds = QualityThresholds()
    flags = check(measure(rows, thresholds), thresholds)
    return flags.with_columns(pl.any_horizontal(f"flag_{r}" for r in REASONS).alias("dropped"))


def sample_figures() -> dict:
    rows = rows_at_quality("sample")
    truth = sample_module.ground_truth().rename({"index": "source_index"}).drop("topic", "language")
    rows = rows.join(truth, on="source_index", how="left", maintain_order="left")
    flags = flags_of(rows).hstack(rows.select("planted", "near_miss"))
    recall = {}
    for reason in REASONS:
        planted = flags.filter(pl.col("planted") == reason)
        recall[reason] = {"planted": planted.height, "found": int(planted[f"flag_{reason}"].sum())}
    clean = flags.filter(pl.col("planted").is_null())
    near = clean.filter(pl.col("near_miss").is_not_null())
    index = EvalIndex(eval_files((str(sample_module.eval_prompts_file()),)))
    all_rows = pl.concat([pl.read_ndjson(f, schema={"prompt": pl.String}, ignore_errors=True)
                          for f in sample_module.sample_files()])  # fmt: skip
    found = index.match(all_rows["prompt"])
    planted_copies = sample_module.ground_truth()["planted"].str.starts_with("contaminated:").fill_null(False)
    return {
        "rows_at_quality": rows.height,
        "recall": recall,
        "min_recall": min(r["found"] / r["planted"] for r in recall.values()),
        "clean_rows": clean.height,
        "clean_dropped": int(clean["dropped"].sum()),
        "clean_dropped_by_check": {r: int(clean[f"flag_{r}"].sum()) for r in REASONS if clean[f"flag_{r}"].sum()},
        "near_misses": near.height,
        "near_misses_dropped": int(near["dropped"].sum()),
        "decontamination": {
            "planted_copies": int(planted_copies.sum()),
            "found": int((found.is_not_null() & planted_copies).sum()),
            "clean_rows_hit": int((found.is_not_null() & ~planted_copies).sum()),
        },
    }


def generated_figures(rows: pl.DataFrame) -> dict:
    flags = flags_of(rows)
    return {
        "rows_at_quality": rows.height,
        "dropped": int(flags["dropped"].sum()),
        "dropped_share": round(float(flags["dropped"].mean()), 4),
        "dropped_by_check": {r: int(flags[f"flag_{r}"].sum()) for r in REASONS if flags[f"flag_{r}"].sum()},
    }


def speed(rows: pl.DataFrame, repeats: int = 3) -> dict:
    """Quality stage over build-sized batches, best of `repeats`, pinned to one core."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    stage = QualityStage()
    batches = [rows.slice(i, BATCH) for i in range(0, rows.height, BATCH)]
    stage.process(batches[0].head(100))  # warm up
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            stage.process(batch)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return {
        "rows": rows.height,
        "mean_reasoning_chars": round(rows["reasoning"].str.len_chars().mean()),
        "mean_answer_chars": round(rows["answer"].str.len_chars().mean()),
        "wall_s": round(best_wall, 2),
        "cpu_s": round(best_cpu, 2),
        "rows_per_s_wall": round(rows.height / best_wall),
        "rows_per_s_cpu": round(rows.height / best_cpu),
    }


class _Timed(Stage):
    """A stage that counts the CPU seconds it spends."""

    def __init__(self, stage: Stage):
        self.stage, self.name, self.cpu = stage, stage.name, 0.0

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        started = time.process_time()
        out = self.stage.process(batch)
        self.cpu += time.process_time() - started
        return out


def map_cost(source: Path, repeats: int = 5) -> dict:
    """CPU seconds of a build's map stages over `source` (--topics writing,summary, as curate_bench
    builds), with and without the quality stage, alternated, best of `repeats`: the stage's cost
    end to end without the noise of separate processes on a shared machine. The stage's own CPU
    time inside the run with it is the steadier figure where other processes share the cores."""
    config = BuildConfig(topics=("writing", "summary"), languages=("en",), limits=LengthLimits(),
                         dedup=DedupParams.for_threshold(0.8), language_backend="cld2")  # fmt: skip
    batches = list(open_source(str(source)).batches(BATCH))
    with_quality = [_Timed(s) if s.name == "quality" else s for s in make_stages(config)]
    without = [s for s in with_quality if s.name != "quality"]
    best = {"with": float("inf"), "without": float("inf"), "quality": float("inf")}
    for _ in range(repeats):
        for name, stages in (("with", with_quality), ("without", without)):
            timed = [s for s in stages if isinstance(s, _Timed)]
            for s in timed:
                s.cpu = 0.0
            cpu = time.process_time()
            funnels = [run_stages(batch, stages)[2] for batch in batches]
            best[name] = min(best[name], time.process_time() - cpu)
            if timed:
                best["quality"] = min(best["quality"], timed[0].cpu)
                reached = sum(f.stages["quality"].input for f in funnels)
    rows = sum(b.height for b in batches)
    return {
        "input_rows": rows,
        "rows_at_quality": reached,
        "cpu_s_with_quality": round(best["with"], 2),
        "cpu_s_without_quality": round(best["without"], 2),
        "rows_per_s_with": round(rows / best["with"]),
        "rows_per_s_without": round(rows / best["without"]),
        "quality_cost": round(best["with"] / best["without"] - 1, 3),
        "quality_cpu_s": round(best["quality"], 3),
        "quality_cost_inside": round(best["quality"] / (best["with"] - best["quality"]), 3),
    }


_FIRST_CALL = """
import json, time
wall, cpu = time.perf_counter(), time.process_time()
import polars as pl
from curate.stages.quality import QualityStage
imported = time.perf_counter() - wall, time.process_time() - cpu
wall, cpu = time.perf_counter(), time.process_time()
QualityStage().process(pl.DataFrame({"prompt": ["Hi"], "reasoning": ["Okay. Let me think."], "answer": ["Hello (there)."],
                                     "reasoning_tokens": [5], "answer_tokens": [3], "language": ["en"], "topic": ["writing"]}))
print(json.dumps({"import_s": round(imported[0], 2), "first_batch_wall_s": round(time.perf_counter() - wall, 2),
                  "first_batch_cpu_s": round(time.process_time() - cpu, 2)}))
"""


def compile_figures(folder: Path) -> dict:
    """The quality stage's first batch in a fresh process: with an empty numba cache (it compiles,
    once per install) and again with that cache filled (what every build worker pays)."""
    env = {**os.environ, "NUMBA_CACHE_DIR": str(folder / "numba-cache")}
    run = [sys.executable, "-c", _FIRST_CALL]
    return {when: json.loads(subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout)
            for when in ("compiling", "from_cache")}  # fmt: skip


def eval_prompts(n: int, path: Path) -> Path:
    """n eval prompts of 8-60 words from a made-up vocabulary: realistic lengths, and no overlap with
    the generated input, so every lookup is the common case, a miss."""
    rng = random.Random(11)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                  for _ in range(30_000)]  # fmt: skip
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(n):
            f.write(json.dumps({"prompt": " ".join(rng.choices(vocabulary, k=rng.randint(8, 60)))}) + "\n")
    return path


def decontamination_figures(n: int, rows: pl.DataFrame, folder: Path) -> dict:
    path = eval_prompts(n, folder / "evals.jsonl")
    started = time.perf_counter()
    index = EvalIndex([EvalFile(path, path.name)])
    built = time.perf_counter() - started
    started = time.perf_counter()
    hits = index.match(rows["prompt"]).is_not_null().sum()
    matched = time.perf_counter() - started
    return {
        "eval_prompts": n,
        "index_build_s": round(built, 2),
        "index_mib": round(index.nbytes / 2**20, 1),
        "ngrams": sum(len(t[0]) for t in index.tables.values()),
        "lookup_rows": rows.height,
        "lookup_rows_per_s": round(rows.height / matched),
        "rows_hit": int(hits),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000, help="rows of generated input")
    parser.add_argument("--eval-prompts", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("bench/results/quality_bench.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("CURATE_CACHE", str(folder / "cache"))
        results = {"sample": sample_figures()}
        sample_module.write_sample(folder / "input", rows=args.rows)
        generated = rows_at_quality(str(folder / "input"))
        results["generated"] = {"input_rows": args.rows, **generated_figures(generated)}
        results["decontamination"] = decontamination_figures(args.eval_prompts, generated, folder)
        results["speed"] = speed(generated)
        results["map_stages"] = map_cost(folder / "input")
        results["first_call"] = compile_figures(folder)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
