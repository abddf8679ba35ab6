"""Benchmark `curate build` on generated glaive-shaped input: rate per core, scaling, memory, baselines.

Prints the figures and writes them as JSON. Every ratio is measured side by side in one run:
- one worker pinned to one core, against the same build without the quality stage (`quality_cost`:
  the share of the rate it takes), with the code of `--compare-ref` (an earlier rate), and against
  the naive script a user writes first (on a slice of the same input);
- one worker on one core against `--workers` = all cores (the scaling a projection rests on), in
  wall-clock time and in CPU seconds: on a shared machine only the second shows the cost of
  running in parallel;
- peak RSS of the whole process tree, and the peak of each process (VmHWM), at every size of
  `--memory-rows`, with the growth in bytes per input row between consecutive sizes;
- optionally (`--hub-rows`), the same build read through a local Hub server (tests/hub_server.py).

usage: python bench/curate_bench.py [--rows 100000] [--memory-rows 100000 1000000 2000000]
                                    [--scaling-rows 1000000] [--compare-ref REF] [--naive-rows 2000]
                                    [--hub-rows 0]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import polars as pl
import psutil

TOPICS = "writing,summary"
ROOT = Path(__file__).resolve().parent.parent


def generated_input(rows: int, cache: Path) -> Path:
    from curate.sources.sample import write_sample

    folder = cache / f"input-{rows}"
    if not (folder / ".done").exists():
        started = time.perf_counter()
        write_sample(folder, rows=rows)
        (folder / ".done").write_text(f"{time.perf_counter() - started:.1f}")
    return folder


class TreeMemory:
    """Polls a process tree: the peak of the summed RSS, and each process's own peak (VmHWM)."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.peak_total = 0
        self.peaks: dict[int, tuple[str, int]] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._poll)
        self.thread.start()

    def _poll(self) -> None:
        while not self.done.is_set():
            total = 0
            for p in [self.root, *self._children()]:
                try:
                    total += p.memory_info().rss
                    self.peaks[p.pid] = (self._role(p), max(self.peaks.get(p.pid, ("", 0))[1], _hwm(p.pid)))
                except (psutil.NoSuchProcess, FileNotFoundError, ProcessLookupError):
                    pass
            self.peak_total = max(self.peak_total, total)
            time.sleep(0.1)

    def _children(self) -> list[psutil.Process]:
        try:
            return self.root.children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def _role(self, p: psutil.Process) -> str:
        if p.pid == self.root.pid:
            return "main"
        command = " ".join(p.cmdline())
        return "resource_tracker" if "resource_tracker" in command else "worker"

    def stop(self) -> dict:
        self.done.set()
        self.thread.join()
        per_process = sorted(((role, round(peak / 2**20)) for role, peak in self.peaks.values() if peak),
                             key=lambda rp: (rp[0] != "main", rp[0]))
        return {"peak_rss_mb": round(self.peak_total / 2**20),
                "per_process_peak_mb": [f"{role} {mb}" for role, mb in per_process]}


def _hwm(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match[1]) * 1024 if match else 0


def run_build(source: str, workers: int, store: Path, one_core: bool = False, code: Path | None = None,
              env: dict | None = None, extra: tuple[str, ...] = ()) -> dict:
    """One `curate build` in a subprocess, of this checkout's code or of `code` (an extracted ref)."""
    pin = ["taskset", "-c", str(min(os.sched_getaffinity(0)))] if one_core else []
    name = f"bench-w{workers}"
    cmd = [*pin, sys.executable, "-m", "curate", "build", "--topics", TOPICS, "--source", source,
           "--store", str(store), "--workers", str(workers), "--quiet", "--name", name, *extra]
    environment = {**os.environ, **(env or {})}
    if code is not None:
        environment["PYTHONPATH"] = str(code)
    started, cpu_before = time.perf_counter(), _children_cpu_s()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment,
                            cwd=code or ROOT)
    memory = TreeMemory(proc.pid)
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    cpu_s = _children_cpu_s() - cpu_before
    figures = memory.stop()
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {stderr}")
    manifest = json.loads(max((store / name).glob("v*/manifest.json")).read_text())
    read = manifest["funnel"]["read"]
    return {
        "rows": read, "workers": workers, "cores": 1 if one_core else len(os.sched_getaffinity(0)),
        "seconds": round(seconds, 1), "rows_per_s": round(read / seconds), "cpu_s": round(cpu_s, 1),
        "kept": manifest["funnel"]["kept"],
        **figures, "phases_s": manifest["timings"],
        "stage_cpu_s": {s["stage"]: s["seconds"] for s in manifest["funnel"]["stages"]},
        "stage_input": {s["stage"]: s["input"] for s in manifest["funnel"]["stages"]},
        "shards": [s["sha256"] for s in manifest["shards"]],
    }


def _children_cpu_s() -> float:
    """CPU seconds of every finished process this one started (a build and the workers it reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def code_at(ref: str, into: Path) -> Path:
    """The `curate` package as of git `ref`, extracted into `into`, to run beside this checkout's."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "curate"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


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


def hub_build(source: Path, store: Path, workers: int) -> dict:
    """The same build, its input served by a local Hub (in this process) and read over HTTP."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hub_server import HubServer

    with HubServer() as hub:
        hub.add_dataset("bench/glaive-shaped", {f"data/{p.name}": p.read_bytes() for p in sorted(source.glob("*.parquet"))})
        result = run_build("hf://datasets/bench/glaive-shaped", workers, store, env={"HF_ENDPOINT": hub.url})
        result["requests"] = len(hub.log)
        result["bytes_requested"] = sum(r.byte_range[1] - r.byte_range[0] for r in hub.downloads() if r.byte_range)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000, help="input of the one-core runs")
    parser.add_argument("--memory-rows", type=int, nargs="*", default=[100_000, 1_000_000, 2_000_000])
    parser.add_argument("--scaling-rows", type=int, default=1_000_000, help="input of the 1 -> all cores run; 0 skips")
    parser.add_argument("--compare-ref", default="",
                        help="a git ref whose code runs beside this one, e.g. main before a change (default: none)")
    parser.add_argument("--naive-rows", type=int, default=2_000)
    parser.add_argument("--hub-rows", type=int, default=0, help="also build this input through a local Hub")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "curate-bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/curate_bench.json")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    results: dict = {"cores": cores, "machine": "shared" if os.getloadavg()[0] > 0.5 else "quiet",
                     "load_average_at_start": round(os.getloadavg()[0], 2)}

    def report(key: str, value) -> None:
        results[key] = value
        print(f"{key}: {json.dumps(value)}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = generated_input(args.rows, args.cache)
        report("build_1_core", run_build(str(small), 1, tmp / "a", one_core=True))
        # the quality stage's cost end to end: the same build without it, side by side
        no_quality = run_build(str(small), 1, tmp / "q", one_core=True, extra=("--no-quality",))
        report("build_1_core_no_quality", no_quality)
        report("quality_cost", round(1 - results["build_1_core"]["rows_per_s"] / no_quality["rows_per_s"], 3))
        if args.compare_ref:
            (tmp / "ref").mkdir()
            code = code_at(args.compare_ref, tmp / "ref")
            before = run_build(str(small), 1, tmp / "b", one_core=True, code=code)
            report(f"build_1_core_at_{args.compare_ref}", before)
            report("one_core_rate_vs_ref", round(results["build_1_core"]["rows_per_s"] / before["rows_per_s"], 3))
        if args.scaling_rows:
            big = str(generated_input(args.scaling_rows, args.cache))
            one = run_build(big, 1, tmp / "c", one_core=True)
            report(f"scaling_1_worker_1_core_{args.scaling_rows}", one)
            every = run_build(big, cores, tmp / "d")
            report(f"scaling_{cores}_workers_{args.scaling_rows}", every)
            report("scaling_speedup", round(every["rows_per_s"] / one["rows_per_s"], 3))
            # Wall-clock speedup needs idle cores; CPU seconds show the cost of parallelism on any machine.
            report("scaling_cpu_efficiency", round(one["cpu_s"] / every["cpu_s"], 3))
            report("scaling_same_bytes", one["shards"] == every["shards"])
        memory = {}
        for rows in sorted(args.memory_rows):
            run = run_build(str(generated_input(rows, args.cache)), cores, tmp / f"m{rows}")
            memory[rows] = run
            report(f"memory_{rows}", {k: run[k] for k in ("seconds", "rows_per_s", "peak_rss_mb", "per_process_peak_mb")})
        if len(memory) > 1:  # between consecutive sizes, and from the smallest to the largest
            sizes = sorted(memory)
            steps = [*zip(sizes, sizes[1:]), *([(sizes[0], sizes[-1])] if len(sizes) > 2 else [])]
            report("rss_growth_bytes_per_row", {
                f"{a}->{b}": round((memory[b]["peak_rss_mb"] - memory[a]["peak_rss_mb"]) * 2**20 / (b - a), 1)
                for a, b in steps})
        if args.hub_rows:
            source = generated_input(args.hub_rows, args.cache)
            report("hub_build", hub_build(source, tmp / "h", cores))
            report("local_build_same_input", run_build(str(source), cores, tmp / "l"))
    naive = naive_baseline(small, args.naive_rows)
    report("naive", naive)
    report("speedup_vs_naive_per_core", round(results["build_1_core"]["rows_per_s"] / naive["rows_per_s"], 1))
    for run in results.values():
        if isinstance(run, dict):
            run.pop("shards", None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
