"""Fault injection: kill, interrupt, race and corrupt `curate build` and the store; feed every command
bad input. Repeatable (seeded), and black box: it runs `python -m curate|data_cards|train` as a user
would and looks only at exit codes, what they print and the documented store layout, so it keeps
working whatever happens inside build.py.

Campaigns (each prints one line per trial, then its figures):
  kill        SIGKILL of the process group, and of the main process alone, at seeded random points
              (times, chunks done, shards being written, just after publish, mid card), then
              `--resume`: byte-identical to a clean build? orphan processes? partial versions?
  signals     SIGTERM to the main process (what `kill PID` and schedulers send) and SIGINT to the
              group (Ctrl-C): a clear line, no traceback, no orphans, and a resume that matches
  concurrent  three identical builds at once into one store, and three different configs racing
              for version numbers of one name
  corruption  each file of a version flipped, truncated or deleted (and a few forged manifests),
              then checked by curate show, curate list --verify, data-cards show/list --verify and
              Version.read (what train run calls)
  bad-input   curate, data-cards and train given bad flags, files and stores: exit code and message

Run: python bench/faults.py [--points 30] [--rows 20000] [--workers 2] [--seed 0] [--only kill,signals]
Figures go to bench/results/faults.json and bench/results/faults.md. The machine it runs on matters
for times, not for the figures: those count outcomes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

NAME = "faults"
TOPICS = "writing,summary"
RESULTS = Path(__file__).parent / "results"
POLL_S = 0.01
CAMPAIGNS = ("kill", "signals", "concurrent", "corruption", "bad-input")


# --- running commands ---------------------------------------------------------------------------------


def command(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *map(str, args)]


def run(args: list[str], timeout: float = 600, env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run to completion: exit code, stdout, stderr (a timeout counts as exit code None)."""
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=cwd,
                              env={**os.environ, **(env or {})})
        return {"rc": done.returncode, "out": done.stdout, "err": done.stderr}
    except subprocess.TimeoutExpired as e:
        return {"rc": None, "out": _text(e.stdout), "err": _text(e.stderr) + f"\n(timed out after {timeout:.0f} s)"}


def _text(data) -> str:
    return data.decode(errors="replace") if isinstance(data, bytes) else (data or "")


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, _, pgrp = stat[stat.rindex(")") + 2 :].split()[:3]
        if int(pgrp) == pgid and state != "Z":
            members.append(int(entry))
    return members


def orphans_after(pgid: int, wait_s: float) -> int:
    """Processes of the group still alive `wait_s` after its main process ended; then ends them."""
    deadline = time.monotonic() + wait_s
    while group_members(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = len(group_members(pgid))
    if left:
        try:
            os.killpg(pgid, signal.SIGKILL)  # our own group: nothing of them may touch the next trial
        except ProcessLookupError:
            pass
        while group_members(pgid):
            time.sleep(0.05)
    return left


def is_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" in text


# --- the store, from its documented layout --------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_state(store: Path) -> dict:
    """What a store holds for NAME: versions, whether each is whole, its content, cards, leftovers."""
    folder = store / NAME
    versions = {}
    for path in sorted(folder.glob("v*")) if folder.is_dir() else []:
        manifest_path = path / "manifest.json"
        entry = {"whole": False, "content": None, "card": (path / "README.md").is_file() and (path / "card.json").is_file()}
        if manifest_path.is_file():
            try:
                manifest = json.loads(manifest_path.read_text())
                files = [*manifest["shards"], manifest["dropped"]]
                entry["whole"] = all((path / f["file"]).is_file() and sha256(path / f["file"]) == f["sha256"]
                                     for f in files)
                entry["content"] = [f["sha256"] for f in files]
            except (ValueError, KeyError, TypeError, OSError):
                pass
        versions[path.name] = entry
    work = store / ".work"
    return {
        "versions": versions,
        "staging_left": len(list(folder.glob(".staging-*"))) if folder.is_dir() else 0,
        "work_left": len(list(work.iterdir())) if work.is_dir() else 0,
        "empty_work_dir": work.is_dir() and not any(work.iterdir()),
    }


@dataclass
class Build:
    """`curate build` of the campaign's input, the same way every time."""

    source: Path
    workers: int

    def args(self, store: Path, *extra: str) -> list[str]:
        return command("curate", "build", "--topics", TOPICS, "--source", self.source, "--name", NAME,
                       "--store", store, "--workers", self.workers, "--quiet", *extra)

    def start(self, store: Path, log: Path, *extra: str) -> subprocess.Popen:
        """In a session of its own, so that its process group is exactly the build and its workers."""
        with open(log, "w") as stderr:
            return subprocess.Popen(self.args(store, *extra), stdout=subprocess.DEVNULL, stderr=stderr,
                                    start_new_session=True)


# --- kill points ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """When to strike: `kind` is time (seconds after start), chunks (that many done), staging (shards
    being written), published (the version folder exists), card (its plots are being drawn)."""

    kind: str
    value: float = 0

    def reached(self, store: Path, started: float) -> bool:
        if self.kind == "time":
            return time.monotonic() - started >= self.value
        if self.kind == "chunks":
            return len(list(store.glob(".work/*/done/*.json"))) >= self.value  # input shards done
        if self.kind == "staging":
            return any(store.glob(".work/*/staging/data"))
        if self.kind == "published":
            return (store / NAME / "v1").is_dir()
        if self.kind == "card":
            return (store / NAME / "v1" / "plots").is_dir()
        raise ValueError(self.kind)

    def __str__(self) -> str:
        return {"time": f"at {self.value:.2f} s", "chunks": f"after {self.value:.0f} chunks"}.get(self.kind, self.kind)


def kill_points(rng: random.Random, count: int, clean_seconds: float, chunks: int) -> list[Point]:
    """Every kind at least once (just after publish among them), the rest random times and chunk counts."""
    points = [Point("published"), Point("staging"), Point("card"), Point("chunks", chunks - 1)]
    while len(points) < count:
        if rng.random() < 0.5:
            points.append(Point("time", round(rng.uniform(0.3, 0.7 * clean_seconds), 2)))  # room for a slower run
        else:
            points.append(Point("chunks", rng.randint(0, chunks - 1)))
    rng.shuffle(points)
    return points[:count]


def strike(build: Build, store: Path, point: Point, send: Callable[[int], None], log: Path,
           timeout: float = 600) -> tuple[subprocess.Popen, bool]:
    """Start a build and `send` it a signal when `point` is reached; (process, whether it was struck)."""
    proc = build.start(store, log)
    started = time.monotonic()
    while proc.poll() is None:
        if point.reached(store, started):
            send(proc.pid)
            return proc, True
        if time.monotonic() - started > timeout:
            break
        time.sleep(POLL_S)
    return proc, False


@dataclass
class Trial:
    point: str
    struck: bool
    published_before: bool = False
    exit_code: int | None = None
    message: str = ""
    traceback: bool = False
    orphans: int = 0
    resume_rc: int | None = None
    resume_said: str = ""
    identical: bool = False
    versions: int = 0
    partial: int = 0
    work_left: int = 0
    empty_work_dir: bool = False
    no_card: int = 0
    notes: list = field(default_factory=list)


def resume_and_check(build: Build, store: Path, reference: list[str], trial: Trial) -> Trial:
    done = run(build.args(store, "--resume"))
    trial.resume_rc = done["rc"]
    trial.resume_said = (done["err"].strip().splitlines() or [""])[0] + " | " + (done["out"].strip().splitlines() or [""])[-1]
    if is_traceback(done["err"]):
        trial.notes.append("traceback on resume")
    state = store_state(store)
    trial.versions = len(state["versions"])
    trial.partial = sum(not v["whole"] for v in state["versions"].values()) + state["staging_left"]
    trial.no_card = sum(not v["card"] for v in state["versions"].values())
    trial.work_left, trial.empty_work_dir = state["work_left"], state["empty_work_dir"]
    trial.identical = [v["content"] for v in state["versions"].values()] == [reference]
    return trial


def kill_campaign(build: Build, reference: list[str], points: list[Point], mode: str, root: Path,
                  orphan_wait: float) -> dict:
    """SIGKILL the group or the main process alone at each point, then resume."""
    def send(pid: int) -> None:
        if mode == "group":
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGKILL)

    trials = []
    for k, point in enumerate(points):
        store, log = root / f"kill-{mode}-{k}", root / f"kill-{mode}-{k}.log"
        proc, struck = strike(build, store, point, send, log)
        published = (store / NAME / "v1" / "manifest.json").is_file()
        proc.wait()
        trial = Trial(str(point), struck, published_before=published and struck, exit_code=proc.returncode)
        trial.orphans = orphans_after(proc.pid, orphan_wait)
        trials.append(resume_and_check(build, store, reference, trial))
        _say_trial(f"kill -9 {mode:5s} {k + 1:>3}/{len(points)}", trials[-1])
        shutil.rmtree(store, ignore_errors=True)
    return {"mode": mode, "trials": [t.__dict__ for t in trials], "summary": _kill_summary(trials)}


def _say_trial(label: str, t: Trial) -> None:
    flags = [name for name, bad in (("NOT IDENTICAL", not t.identical), ("orphans", t.orphans),
                                   ("partial", t.partial), ("work left", t.work_left), ("no card", t.no_card),
                                   ("empty .work", t.empty_work_dir), ("traceback", t.traceback)) if bad]
    struck = t.point if t.struck else f"{t.point} (build ended first)"
    print(f"  {label} {struck:22s} exit {t.exit_code}, orphans {t.orphans}, resume exit {t.resume_rc}: "
          f"{'ok' if not flags else ', '.join(flags)}", flush=True)


def _kill_summary(trials: list[Trial]) -> dict:
    struck = [t for t in trials if t.struck]
    return {
        "trials": len(trials),
        "struck": len(struck),
        "after_publish": sum(t.published_before for t in struck),
        "identical": sum(t.identical for t in trials),
        "orphans": sum(t.orphans for t in trials),
        "trials_with_orphans": sum(bool(t.orphans) for t in trials),
        "partial_versions": sum(t.partial for t in trials),
        "duplicate_versions": sum(max(t.versions - 1, 0) for t in trials),
        "work_folders_left": sum(t.work_left for t in trials),
        "empty_work_dirs_left": sum(t.empty_work_dir for t in trials),
        "versions_without_card": sum(t.no_card for t in trials),
        "resume_failures": sum(t.resume_rc != 0 for t in trials),
    }


def kill_figure(summary: dict) -> str:
    s = summary
    return (f"{s['identical']}/{s['trials']} resumed byte-identical, {s['orphans']} orphans, "
            f"{s['partial_versions']} partial versions, {s['duplicate_versions']} duplicate versions, "
            f"{s['work_folders_left']} work folders left, {s['versions_without_card']} versions without a card "
            f"({s['struck']} struck, {s['after_publish']} of them just after publish)")


# --- signals -------------------------------------------------------------------------------------------


def signal_campaign(build: Build, reference: list[str], sig: signal.Signals, to_group: bool, points: list[Point],
                    root: Path, orphan_wait: float, stop_wait: float = 30) -> dict:
    """Send SIGTERM or SIGINT like a scheduler or Ctrl-C; the build should stop, say so, and resume."""
    def send(pid: int) -> None:
        (os.killpg if to_group else os.kill)(pid, sig)

    trials = []
    for k, point in enumerate(points):
        store, log = root / f"{sig.name}-{k}", root / f"{sig.name}-{k}.log"
        proc, struck = strike(build, store, point, send, log)
        try:
            proc.wait(timeout=stop_wait)
            stopped = True
        except subprocess.TimeoutExpired:
            stopped = False
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        err = log.read_text(errors="replace")
        lines = [line for line in err.splitlines() if line.strip()]
        trial = Trial(str(point), struck, exit_code=proc.returncode, message=lines[-1] if lines else "",
                      traceback=is_traceback(err))
        trial.notes.append(f"stderr lines: {len(lines)}")
        if not stopped:
            trial.notes.append(f"did not stop within {stop_wait:.0f} s")
        trial.orphans = orphans_after(proc.pid, orphan_wait)
        trials.append(resume_and_check(build, store, reference, trial))
        _say_trial(f"{sig.name:7s} {k + 1:>3}/{len(points)}", trials[-1])
        shutil.rmtree(store, ignore_errors=True)
    struck = [t for t in trials if t.struck]
    summary = {
        **_kill_summary(trials),
        "signal": sig.name,
        "to": "process group" if to_group else "main process",
        "clear_line": sum(bool(t.message) and not t.traceback and t.notes[0] == "stderr lines: 1" for t in struck),
        "tracebacks": sum(t.traceback for t in struck),
        "exit_codes": dict(Counter(str(t.exit_code) for t in struck)),
        "messages": dict(Counter(t.message for t in struck)),
        "did_not_stop": sum("did not stop" in " ".join(t.notes) for t in struck),
    }
    return {"trials": [t.__dict__ for t in trials], "summary": summary}


def signal_figure(s: dict) -> str:
    codes = ", ".join(f"{code} x{n}" for code, n in s["exit_codes"].items())
    return (f"{s['signal']} to the {s['to']}: {s['clear_line']}/{s['struck']} stopped with one clear line, "
            f"{s['tracebacks']} with a traceback, exit codes {codes}; {s['orphans']} orphans; "
            f"{s['identical']}/{s['trials']} resumed byte-identical, {s['partial_versions']} partial versions")


# --- concurrent builds ---------------------------------------------------------------------------------


def concurrent_campaign(build: Build, root: Path, rounds: int, twins: int = 3) -> dict:
    results = []
    for r in range(rounds):
        for kind in ("same config", "different configs"):
            store = root / f"race-{r}-{kind.replace(' ', '-')}"
            extras = [[] for _ in range(twins)] if kind == "same config" else [
                ["--dedup-threshold", str(t)] for t in (0.7, 0.8, 0.9)[:twins]]
            logs = [root / f"race-{r}-{k}.log" for k in range(twins)]
            procs = [build.start(store, log, *extra) for log, extra in zip(logs, extras)]
            codes = [p.wait() for p in procs]
            said = [(log.read_text(errors="replace").strip().splitlines() or [""])[-1] for log in logs]
            state = store_state(store)
            versions = state["versions"]
            expected = 1 if kind == "same config" else twins
            ok = (len(versions) == expected and all(v["whole"] and v["card"] for v in versions.values())
                  and state["work_left"] == 0 and state["staging_left"] == 0
                  and not any(is_traceback(log.read_text(errors="replace")) for log in logs))
            results.append({"round": r, "kind": kind, "exit_codes": codes, "messages": said,
                            "versions": sorted(versions), "ok": ok})
            print(f"  {kind:17s} round {r + 1}: exit codes {codes}, versions {sorted(versions)}: "
                  f"{'ok' if ok else 'NOT OK'}", flush=True)
            shutil.rmtree(store, ignore_errors=True)
    summary = {kind: {"rounds": sum(r["kind"] == kind for r in results), "ok": sum(r["ok"] for r in results if r["kind"] == kind)}
               for kind in ("same config", "different configs")}
    return {"rounds": results, "summary": summary}


def concurrent_figure(summary: dict, twins: int = 3) -> str:
    same, different = summary["same config"], summary["different configs"]
    return (f"{same['ok']}/{same['rounds']} rounds of {twins} identical builds at once left exactly one whole version; "
            f"{different['ok']}/{different['rounds']} rounds of {twins} configs racing for one name got "
            f"{twins} whole versions with distinct numbers")


# --- corruption of each store file ---------------------------------------------------------------------


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _manifest(version: Path, change: Callable[[dict], object]) -> None:
    path = version / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def _garbage_with_its_sha256(version: Path) -> None:
    shard = version / "data" / "train-00000-of-00001.parquet"
    shard.write_bytes(os.urandom(shard.stat().st_size))
    _manifest(version, lambda m: m["shards"][0].update(sha256=sha256(shard)))


def corruption_cases() -> dict[str, tuple[str, Callable[[Path], None]]]:
    """name -> (part of the version it breaks: data or card, how)."""
    files = {"manifest.json": "data", "data/train-00000-of-00001.parquet": "data",
             "dropped/dropped.parquet": "data", "card.json": "card", "README.md": "card", "plots/funnel.png": "card"}
    cases = {}
    for file, part in files.items():
        for how, breaker in (("flipped byte", _flip), ("truncated", _truncate), ("deleted", Path.unlink)):
            cases[f"{file} {how}"] = (part, lambda v, f=file, b=breaker: b(v / f))
    cases |= {
        "manifest.json a list": ("data", lambda v: (v / "manifest.json").write_text("[]")),
        "manifest.json without shards": ("data", lambda v: _manifest(v, lambda m: m.pop("shards"))),
        "manifest.json shard path ../../x.parquet": (
            "data", lambda v: _manifest(v, lambda m: m["shards"][0].update(file="../../x.parquet"))),
        "manifest.json row count off by one": (
            "data", lambda v: _manifest(v, lambda m: m["shards"][0].update(rows=m["shards"][0]["rows"] + 1))),
        "shard garbage with a matching sha256": ("data", _garbage_with_its_sha256),
        "stray file in data/": ("data", lambda v: shutil.copy(v / "data" / "train-00000-of-00001.parquet",
                                                               v / "data" / "extra.parquet")),
    }
    return cases


def corruption_checks(store: Path) -> dict[str, list[str]]:
    ref = f"{NAME}@v1"
    # What train run does before it trains, and how its CLI reports a CurateError.
    read = (f"import sys\nfrom curate.errors import CurateError\nfrom curate.store import Store\n"
            f"try:\n    Store({str(store)!r}).resolve({ref!r}).read()\n"
            f"except CurateError as e:\n    sys.exit(f'error: {{e}}')")
    return {
        "curate show": command("curate", "show", ref, "--store", store),
        "curate list --verify": command("curate", "list", "--verify", "--store", store),
        "data-cards show": command("data_cards", "show", ref, "--store", store),
        "data-cards list --verify": command("data_cards", "list", "--verify", "--store", store),
        "Version.read (train run)": [sys.executable, "-c", read],
    }


def corruption_campaign(reference_store: Path, root: Path, only: set[str] | None = None) -> dict:
    """Every case of `corruption_cases` (or those named in `only`), each checked by every command."""
    results = []
    for name, (part, breaker) in corruption_cases().items():
        if only is not None and name not in only:
            continue
        store = root / "corrupt"
        shutil.copytree(reference_store, store)
        breaker(store / NAME / "v1")
        outcome = {}
        for check, args in corruption_checks(store).items():
            done = run(args, timeout=300)
            lines = [line for line in done["err"].splitlines() if line.strip()]
            outcome[check] = {
                "rc": done["rc"],
                "caught": done["rc"] not in (0, None) and bool(lines) and lines[-1].startswith("error:"),
                "traceback": is_traceback(done["err"]),
                "message": lines[-1] if lines else "",
            }
        results.append({"case": name, "part": part, "checks": outcome})
        caught = [c for c, o in outcome.items() if o["caught"]]
        print(f"  {name:42s} caught by {len(caught)}/{len(outcome)}"
              f"{' (TRACEBACK)' if any(o['traceback'] for o in outcome.values()) else ''}", flush=True)
        shutil.rmtree(store)
    neighbour = neighbour_check(reference_store, root)
    summary = {"neighbour_ok": sum(o["ok"] for o in neighbour.values()), "neighbour_checks": len(neighbour)}
    for part in ("data", "card"):
        cases = [r for r in results if r["part"] == part]
        if not cases:
            continue
        summary[part] = {
            "cases": len(cases),
            "caught_by_every_check": sum(all(o["caught"] for o in r["checks"].values()) for r in cases),
            "caught_by": {check: sum(r["checks"][check]["caught"] for r in cases) for check in cases[0]["checks"]},
            "tracebacks": sum(o["traceback"] for r in cases for o in r["checks"].values()),
        }
    return {"cases": results, "neighbour": neighbour, "summary": summary}


def neighbour_check(reference_store: Path, root: Path) -> dict:
    """An empty v2/ beside v1 (a copy that never finished): v1 must still show and read, and both lists
    must show v1 and mark v2 broken."""
    store = root / "neighbour"
    shutil.copytree(reference_store, store)
    (store / NAME / "v2").mkdir()
    outcome = {}
    for check, args in corruption_checks(store).items():
        done = run(args, timeout=300)
        if "list" in check:
            ok = done["rc"] == 2 and f"{NAME}@v1" in done["out"] and "broken" in done["out"]
        else:
            ok = done["rc"] == 0
        outcome[check] = {"rc": done["rc"], "ok": ok and not is_traceback(done["err"])}
    shutil.rmtree(store)
    print(f"  empty v2/ beside v1: {sum(o['ok'] for o in outcome.values())}/{len(outcome)} as expected", flush=True)
    return outcome


def corruption_figure(summary: dict) -> str:
    data, card = summary["data"], summary["card"]
    by = ", ".join(f"{check} {n}" for check, n in card["caught_by"].items())
    return (f"{data['caught_by_every_check']}/{data['cases']} forgeries and corruptions of the manifest, shards, dropped file and "
            f"data/ caught by every one of {len(data['caught_by'])} checks, {data['tracebacks'] + card['tracebacks']} "
            f"tracebacks; card files (regenerable, not hashed): {card['cases']} corruptions, caught by {by}; "
            f"an empty v2/ beside v1: {summary['neighbour_ok']}/{summary['neighbour_checks']} checks still show and "
            f"read v1, the lists marking v2 broken")


# --- bad input -----------------------------------------------------------------------------------------


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(text, bytes) else path.write_text)(text)
    return path


def bad_input_cases(tmp: Path, store: Path) -> list[tuple[str, Callable[[], list[str]], dict]]:
    """(what, setup returning the command, environment): each must fail with a clear message."""
    good = f"{NAME}@v1"

    def broken(breaker: Callable[[Path], None]) -> Path:
        copy = tmp / f"store-{len(list(tmp.glob('store-*')))}"
        shutil.copytree(store, copy)
        breaker(copy / NAME / "v1")
        return copy

    def jsonl(name: str, rows: list[dict]) -> Path:
        return _write(tmp / name, "".join(json.dumps(r) + "\n" for r in rows))

    def run_folder(config: str) -> Path:
        folder = tmp / f"run-{len(list(tmp.glob('run-*')))}"
        _write(folder / "config.json", config)
        return folder

    def zero_row_parquet() -> Path:
        path = tmp / "zero.parquet"
        pl.DataFrame(schema={"prompt": pl.String, "response": pl.String}).write_parquet(path)
        return path

    def build(*args) -> list[str]:
        return command("curate", "build", "--store", tmp / "build-store", "--quiet", "--workers", 1, *args)

    poem = {"prompt": "Write a poem about rain.", "response": "<think>Rain, rhythm.</think>Rain falls."}
    cases = [
        ("curate build: unknown topic", lambda: build("--source", "sample", "--topics", "writing,poetry"), {}),
        ("curate build: source that does not exist", lambda: build("--source", "nowhere/at/all"), {}),
        ("curate build: --languages not ISO 639-1", lambda: build("--source", "sample", "--languages", "english"), {}),
        ("curate build: --max-tokens 0", lambda: build("--source", "sample", "--max-tokens", "0"), {}),
        ("curate build: --max-prompt-tokens -5", lambda: build("--source", "sample", "--max-prompt-tokens", "-5"), {}),
        ("curate build: --dedup-threshold 1.5", lambda: build("--source", "sample", "--dedup-threshold", "1.5"), {}),
        ("curate build: --dedup-threshold abc", lambda: build("--source", "sample", "--dedup-threshold", "abc"), {}),
        ("curate build: --workers 0", lambda: build("--source", "sample", "--workers", "0"), {}),
        ("curate build: --name with a space", lambda: build("--source", "sample", "--name", "bad name"), {}),
        ("curate build: --language-backend unknown", lambda: build("--source", "sample", "--language-backend", "nope"), {}),
        ("curate build: --topics-file missing", lambda: build("--source", "sample", "--topics-file", tmp / "no.yaml"), {}),
        ("curate build: --topics-file not YAML", lambda: build(
            "--source", "sample", "--topics-file", _write(tmp / "bad.yaml", "topics: [unclosed")), {}),
        ("curate build: --tokenizer missing", lambda: build("--source", "sample", "--tokenizer", tmp / "no.model"), {}),
        ("curate build: Hub unreachable", lambda: build("--topics", "writing"), {"HF_HUB_OFFLINE": "1"}),
        ("curate build: empty JSONL", lambda: build("--source", _write(tmp / "empty.jsonl", "")), {}),
        ("curate build: 0-row parquet", lambda: build("--source", zero_row_parquet()), {}),
        ("curate build: JSONL without a response column", lambda: build(
            "--source", jsonl("noresp.jsonl", [{"prompt": "Write a poem", "text": "x"}])), {}),
        ("curate build: JSONL that is not JSON", lambda: build("--source", _write(tmp / "text.jsonl", "hello\nworld\n")), {}),
        ("curate build: invalid UTF-8 in a prompt", lambda: build("--source", _write(
            tmp / "latin1.jsonl", json.dumps(poem).encode().replace(b"rain", b"r\xffin") + b"\n")), {}),
        ("curate build: folder without data files", lambda: build("--source", _write(tmp / "nodata" / "x.txt", "x").parent), {}),
        ("curate build: every row dropped", lambda: build("--source", jsonl(
            "math.jsonl", [{"prompt": "Solve 2x + 3 = 7 for x.", "response": "<think>x=2</think>2"}]), "--topics", "writing"), {}),
        ("curate build: --store is a file", lambda: command(
            "curate", "build", "--source", "sample", "--quiet", "--store", _write(tmp / "afile", "x")), {}),
        ("curate show: unknown dataset", lambda: command("curate", "show", "nosuch", "--store", store), {}),
        ("curate show: malformed reference", lambda: command("curate", "show", "bad ref@", "--store", store), {}),
        ("curate show: unknown version", lambda: command("curate", "show", f"{NAME}@v9", "--store", store), {}),
        ("curate show: manifest is a list", lambda: command(
            "curate", "show", good, "--store", broken(lambda v: (v / "manifest.json").write_text("[]"))), {}),
        ("curate show: manifest without shards", lambda: command(
            "curate", "show", good, "--store", broken(lambda v: _manifest(v, lambda m: m.pop("shards")))), {}),
        ("curate show: corrupt shard with a matching sha256", lambda: command(
            "curate", "show", good, "--store", broken(_garbage_with_its_sha256)), {}),
        ("curate show: shard path ../../x.parquet", lambda: command("curate", "show", good, "--store", broken(
            lambda v: _manifest(v, lambda m: m["shards"][0].update(file="../../x.parquet")))), {}),
        ("curate show: empty version folder", lambda: command(
            "curate", "show", f"{NAME}@v2", "--store", broken(lambda v: (v.parent / "v2").mkdir())), {}),
        ("curate list --verify: stray file in data/", lambda: command("curate", "list", "--verify", "--store", broken(
            lambda v: _write(v / "data" / "extra.parquet", b"x"))), {}),
        ("curate classify: file missing", lambda: command("curate", "classify", tmp / "none.jsonl"), {}),
        ("curate classify: no prompt column", lambda: command("curate", "classify", jsonl("np.jsonl", [{"text": "x"}])), {}),
        ("curate sample: --rows 0", lambda: command("curate", "sample", "--rows", "0", "--out", tmp / "s"), {}),
        ("curate sample: --out is a file", lambda: command("curate", "sample", "--out", _write(tmp / "f2", "x")), {}),
        ("curate: unknown command", lambda: command("curate", "frobnicate"), {}),
        ("data-cards show: unknown dataset", lambda: command("data_cards", "show", "nosuch", "--store", store), {}),
        ("data-cards show: card missing", lambda: command(
            "data_cards", "show", good, "--store", broken(lambda v: (v / "README.md").unlink())), {}),
        ("data-cards show --format json: corrupt card.json", lambda: command(
            "data_cards", "show", good, "--format", "json", "--store", broken(lambda v: (v / "card.json").write_text("{"))), {}),
        ("data-cards show: --format xml", lambda: command("data_cards", "show", good, "--format", "xml", "--store", store), {}),
        ("data-cards diff: one version unknown", lambda: command("data_cards", "diff", good, f"{NAME}@v7", "--store", store), {}),
        ("data-cards build: funnel does not add up", lambda: command("data_cards", "build", good, "--store", broken(
            lambda v: _manifest(v, lambda m: m["funnel"].update(read=m["funnel"]["read"] + 1)))), {}),
        ("data-cards list --verify: corrupt shard", lambda: command("data_cards", "list", "--verify", "--store", broken(
            lambda v: _flip(v / "data" / "train-00000-of-00001.parquet"))), {}),
        ("data-cards show: manifest is a list", lambda: command(
            "data_cards", "show", good, "--store", broken(lambda v: (v / "manifest.json").write_text("[]"))), {}),
        ("train run: no --data", lambda: command("train", "run", "--out", tmp / "r1"), {}),
        ("train run: unknown dataset", lambda: command(
            "train", "run", "--data", "nosuch", "--out", tmp / "r2", "--store", store, "--model", "tiny"), {}),
        ("train run: --out is an existing file", lambda: command(
            "train", "run", "--data", good, "--out", _write(tmp / "f3", "x"), "--store", store, "--model", "tiny",
            "--steps", "1"), {}),
        ("train run: --steps 0", lambda: command(
            "train", "run", "--data", good, "--out", tmp / "r3", "--store", store, "--model", "tiny", "--steps", "0"), {}),
        ("train run: unknown model", lambda: command(
            "train", "run", "--data", good, "--out", tmp / "r4", "--store", store, "--model", "nosuch"), {}),
        ("train run: --config missing", lambda: command("train", "run", "--config", tmp / "none.yaml"), {}),
        ("train run: version with a corrupt shard", lambda: command(
            "train", "run", "--data", good, "--out", tmp / "r5", "--model", "tiny", "--steps", "1", "--store",
            broken(lambda v: _flip(v / "data" / "train-00000-of-00001.parquet"))), {}),
        ("train run --resume: corrupt config.json", lambda: command(
            "train", "run", "--data", good, "--out", run_folder("{not json"), "--store", store, "--model", "tiny",
            "--steps", "1", "--resume"), {}),
        ("train sample: run folder missing", lambda: command("train", "sample", "--run", tmp / "none", "--prompt", "hi"), {}),
        ("train sample: corrupt config.json", lambda: command(
            "train", "sample", "--run", run_folder("{not json"), "--prompt", "hi"), {}),
    ]
    return cases


def bad_input_campaign(store: Path, root: Path, timeout: float, prefixes: tuple[str, ...] = ("",)) -> dict:
    """Every case of `bad_input_cases` whose name starts with one of `prefixes`."""
    tmp = root / "bad-input"
    tmp.mkdir()
    results = []
    for what, setup, env in bad_input_cases(tmp, store):
        if not what.startswith(prefixes):
            continue
        args = setup()
        done = run(args, timeout=timeout, env=env, cwd=tmp)
        lines = [line for line in done["err"].splitlines() if line.strip()]
        message = lines[-1] if lines else ""
        usage = bool(lines) and lines[0].startswith("usage:")  # argparse: the usage, then "prog: error: ..."
        result = {
            "case": what,
            "command": " ".join(["python", *map(str, args[1:])]).replace(str(root), "TMP"),
            "rc": done["rc"],
            "message": message.replace(str(root), "TMP"),
            "lines": len(lines),
            "traceback": is_traceback(done["err"]),
            "clean": done["rc"] not in (0, None) and not is_traceback(done["err"]) and "error" in message
            and (len(lines) == 1 or usage),
        }
        results.append(result)
        print(f"  {'ok ' if result['clean'] else 'BAD'} exit {str(done['rc']):>4}  {what:50s} {result['message'][:90]}",
              flush=True)
    summary = {"cases": len(results), "clean": sum(r["clean"] for r in results),
               "tracebacks": sum(r["traceback"] for r in results), "exit_0": sum(r["rc"] == 0 for r in results)}
    return {"cases": results, "summary": summary}


def bad_input_figure(s: dict) -> str:
    return (f"{s['clean']}/{s['cases']} bad inputs give a non-zero exit and one clear error line, "
            f"{s['tracebacks']} tracebacks, {s['exit_0']} exit 0")


# --- main ----------------------------------------------------------------------------------------------


def write_markdown(report: dict, path: Path) -> None:
    lines = ["# Fault injection: figures", "",
             f"`{report['command']}`, {report['when']} ({report['rows']:,} generated rows, {report['workers']} workers, "
             f"seed {report['seed']}).", ""]
    lines += [f"- {figure}" for figure in report["figures"].values()]
    if "bad-input" in report:
        lines += ["", "## Bad input", "", "| case | exit | message |", "| --- | --- | --- |"]
        for case in report["bad-input"]["cases"]:
            message = case["message"].replace("|", "\\|")
            lines.append(f"| {case['case']} | {case['rc']} | {'' if case['clean'] else '**not clean:** '}{message} |")
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=30, help="kill points per kill mode (default: 30)")
    parser.add_argument("--signal-points", type=int, default=5, help="trials per signal (default: 5)")
    parser.add_argument("--race-rounds", type=int, default=3, help="rounds of concurrent builds (default: 3)")
    parser.add_argument("--rows", type=int, default=20_000, help="rows of generated input (default: 20000)")
    parser.add_argument("--workers", type=int, default=2, help="build workers (default: 2)")
    parser.add_argument("--orphan-wait", type=float, default=10.0,
                        help="seconds a dead build's workers get to exit before they count as orphans (default: 10)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the kill points (default: 0)")
    parser.add_argument("--only", default=",".join(CAMPAIGNS), help=f"campaigns to run (default: {','.join(CAMPAIGNS)})")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for faults.json and faults.md (default: bench/results)")
    args = parser.parse_args()
    only = [c.strip() for c in args.only.split(",") if c.strip()]
    unknown = set(only) - set(CAMPAIGNS)
    if unknown:
        parser.error(f"unknown campaign(s): {', '.join(sorted(unknown))}")
    report = run_campaigns(only, args)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if set(only) == set(CAMPAIGNS) else "-" + "-".join(only)
    (args.out / f"faults{suffix}.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    write_markdown(report, args.out / f"faults{suffix}.md")
    print(f"\nsaved {args.out / f'faults{suffix}.json'} and .md")


def prepare(root: Path, rows: int, workers: int) -> tuple[Build, Path, float]:
    """Generated input and a clean build of it: the build, the reference store and its seconds."""
    source = root / "input"
    done = run(command("curate", "sample", "--rows", rows, "--out", source))
    if done["rc"] != 0:
        raise RuntimeError(done["err"])
    build = Build(source, workers)
    reference_store = root / "reference"
    started = time.monotonic()
    done = run(build.args(reference_store))
    if done["rc"] != 0:
        raise RuntimeError(done["err"])
    return build, reference_store, time.monotonic() - started


def run_campaigns(only: list[str], args: argparse.Namespace) -> dict:
    rng = random.Random(args.seed)
    report: dict = {"command": " ".join(["python bench/faults.py", *sys.argv[1:]]), "when": time.strftime("%Y-%m-%d"),
                    "rows": args.rows, "workers": args.workers, "seed": args.seed, "figures": {}}
    with tempfile.TemporaryDirectory(prefix="faults-") as folder:
        root = Path(folder)
        build, reference_store, clean_seconds = prepare(root, args.rows, args.workers)
        reference = store_state(reference_store)["versions"]["v1"]["content"]
        chunks = -(-args.rows // 20_000)  # input shards of a generated source (curate.sources.source.SHARD_ROWS)
        print(f"clean build of {args.rows:,} rows with {args.workers} workers: {clean_seconds:.1f} s", flush=True)
        report["clean_build_s"] = round(clean_seconds, 1)

        if "kill" in only:
            points = kill_points(rng, args.points, clean_seconds, chunks)
            for mode in ("group", "main"):
                print(f"kill -9 of the {'process group' if mode == 'group' else 'main process alone'}", flush=True)
                result = kill_campaign(build, reference, points, mode, root, args.orphan_wait)
                report[f"kill-{mode}"] = result
                figure = f"kill -9 of the {'process group' if mode == 'group' else 'main process alone'}: " + kill_figure(result["summary"])
                report["figures"][f"kill-{mode}"] = figure
                print(figure, flush=True)
        if "signals" in only:
            points = [Point("chunks", rng.randint(1, max(chunks - 2, 1))) for _ in range(args.signal_points)]  # mid-map
            for sig, to_group in ((signal.SIGTERM, False), (signal.SIGINT, True)):
                print(f"{sig.name} to the {'process group' if to_group else 'main process'}", flush=True)
                result = signal_campaign(build, reference, sig, to_group, points, root, args.orphan_wait)
                report[sig.name] = result
                report["figures"][sig.name] = signal_figure(result["summary"])
                print(report["figures"][sig.name], flush=True)
        if "concurrent" in only:
            print("concurrent builds", flush=True)
            result = concurrent_campaign(build, root, args.race_rounds)
            report["concurrent"] = result
            report["figures"]["concurrent"] = concurrent_figure(result["summary"])
            print(report["figures"]["concurrent"], flush=True)
        if "corruption" in only:
            print("corruption of each store file", flush=True)
            result = corruption_campaign(reference_store, root)
            report["corruption"] = result
            report["figures"]["corruption"] = corruption_figure(result["summary"])
            print(report["figures"]["corruption"], flush=True)
        if "bad-input" in only:
            print("bad input", flush=True)
            result = bad_input_campaign(reference_store, root, timeout=300)
            report["bad-input"] = result
            report["figures"]["bad-input"] = bad_input_figure(result["summary"])
            print(report["figures"]["bad-input"], flush=True)
        report = json.loads(json.dumps(report, default=str).replace(str(root), "TMP"))  # no machine paths
    print("\n" + "\n".join(report["figures"].values()))
    return report


if __name__ == "__main__":
    main()
