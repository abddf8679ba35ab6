"""The `curate` and `data-cards` commands as a user meets them: help, 80 columns, pipes, a store that
finishes interrupted builds and marks broken versions."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from curate.build import BuildOptions, build
from curate.cli import _config_from_args, funnel_table, make_parser
from curate.cli import main as curate_main
from curate.language import DEFAULT_BACKEND
from curate.pipeline import Funnel, StageCount
from curate.progress import BuildProgress
from curate.sources import open_source
from curate.sources.sample import sample_files
from curate.store import WORK_DIR, Store
from curate.terminal import BROKEN_PIPE_EXIT
from data_cards.cli import _parser as data_cards_parser
from data_cards.cli import main as data_cards_main

NAME = "writing-summary"
BUILD = ["build", "--topics", "writing,summary", "--source", "sample", "--workers", "1"]


def _cli(*args: str, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """A command run as a user runs it: its own process, stdout and stderr not terminals."""
    module, *rest = args
    return subprocess.run([sys.executable, "-m", module, *rest], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The sample built by the CLI with stdout and stderr piped: the store and what stderr said."""
    store = tmp_path_factory.mktemp("built") / "store"
    done = _cli("curate", *BUILD, "--store", str(store))
    assert done.returncode == 0, done.stderr
    return store, done.stderr


@pytest.fixture
def store(built, tmp_path) -> Path:
    """A private copy of the built store, free to break."""
    return Path(shutil.copytree(built[0], tmp_path / "store"))


def _sample_rows() -> int:
    return sum(1 for f in sample_files() for line in f.read_text().splitlines() if line.strip())


# --- help -------------------------------------------------------------------------------------------


def _flags(parser: argparse.ArgumentParser):
    """(command, flag action) for every optional flag of every verb."""
    verbs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for verb, sub in verbs.choices.items():
        for action in sub._actions:
            if action.option_strings and not isinstance(action, argparse._HelpAction):
                yield f"{parser.prog} {verb} {action.option_strings[0]}", action


@pytest.mark.parametrize("parser", [make_parser(), data_cards_parser()], ids=["curate", "data-cards"])
def test_every_flag_has_a_help_line_with_its_default(parser):
    missing = [name for name, action in _flags(parser)
               if not action.help or not re.search(r"\(default: |\(required\)", action.help)]
    assert missing == []


def test_language_flags_name_their_defaults():
    flags = dict(_flags(make_parser()))
    assert f"(default: {DEFAULT_BACKEND})" in flags["curate build --language-backend"].help
    assert "(default: en)" in flags["curate build --languages"].help


# --- empty store ------------------------------------------------------------------------------------


@pytest.mark.parametrize("exists", [True, False], ids=["empty", "missing"])
def test_both_lists_treat_an_empty_store_alike(tmp_path, capsys, exists):
    root = tmp_path / "nothing"
    if exists:
        root.mkdir()
    said = []
    for main in (curate_main, data_cards_main):
        code = main(["list", "--store", str(root)])
        out, err = capsys.readouterr()
        said.append((code, " ".join(out.split()), err))
    assert said[0] == said[1]
    code, out, err = said[0]
    assert code == 0 and err == ""
    assert f"no versions in store {root.resolve()}" in out and "curate build" in out


# --- 80 columns and pipes ---------------------------------------------------------------------------


def _fits(text: str, width: int = 80) -> None:
    lines = text.splitlines()
    assert lines, "nothing printed"
    too_wide = [line for line in lines if cell_len(line) > width]
    assert too_wide == [], too_wide


def _cut(text: str) -> list[str]:
    """Lines where a table cell was cut off with an ellipsis, as rich does to text that does not fit."""
    return [line for line in text.splitlines() if re.search(r"…\s*[│┃]", line)]


@pytest.mark.parametrize(
    "args",
    [
        ["curate", "list"],
        ["curate", "list", "--verify"],
        ["curate", "show", NAME],
        ["data-cards", "list"],
        ["data-cards", "diff", f"{NAME}@v1", f"{NAME}@v1"],
    ],
    ids=" ".join,
)
def test_tables_fit_80_columns(built, args):
    module, *rest = args
    done = _cli(module.replace("-", "_"), *rest, "--store", str(built[0]), env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    _fits(done.stdout)
    assert _cut(done.stdout) == []
    assert f"{NAME}@v1" in done.stdout  # never folded: no column is narrower than its longest word
    if "show" in args:
        assert "data/train-00000-of-00001.parquet" in done.stdout


def test_card_tables_fit_80_columns(built):
    done = _cli("data_cards", "show", NAME, "--store", str(built[0]), env={"COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    _fits(done.stdout)
    lengths = next(line for line in done.stdout.splitlines() if line.startswith("│ reasoning"))
    assert "3,072" in lengths  # the limit column stays; percentiles go first
    header = next(line for line in done.stdout.splitlines() if re.search(r"┃ Part +┃", line))
    assert re.search(r"\bp50\b", header) and not re.search(r"\bp5\b", header)


def test_funnel_table_fits_80_columns(built):
    console = Console(file=io.StringIO(), width=80)
    console.print(funnel_table(Store(built[0]).resolve(NAME).manifest["funnel"], console))
    text = console.file.getvalue()
    _fits(text)
    assert "off_topic:explanation" in text and _cut(text) == []


def test_progress_is_plain_lines_when_piped(built):
    _, stderr = built
    lines = stderr.splitlines()
    assert lines and all(line.startswith("read ") for line in lines), lines
    read = f"{_sample_rows():,}"
    assert re.fullmatch(rf"read {read} of {read} rows \(100%\), kept [0-9,]+, [0-9,]+ rows/s, elapsed \d:\d\d:\d\d, "
                        r"ETA 0:00:00", lines[-1]), lines[-1]
    assert "\x1b" not in stderr and "\r" not in stderr  # no live bar, no colours


def test_plain_progress_prints_every_so_often():
    console = Console(file=io.StringIO(), force_terminal=False)
    funnel = Funnel(read=0, stages={"validate": StageCount()})
    with BuildProgress(10_000, quiet=False, console=console, every=0) as progress:
        for _ in range(3):
            funnel.read += 4096
            progress.update(funnel)
    lines = console.file.getvalue().splitlines()
    assert [line.split(", kept")[0] for line in lines] == [
        "read 4,096 of 10,000 rows (41%)", "read 8,192 of 10,000 rows (82%)", "read 12,288 of 10,000 rows (123%)"]


@pytest.mark.parametrize("total", [150_000, 22_000_000, None])
@pytest.mark.parametrize("width", [200, 80, 60, 40])
def test_live_progress_line_fits_the_terminal(total, width):
    funnel = Funnel(read=12_288, stages={
        "validate": StageCount(12_288, {"null:prompt": 40}), "topic": StageCount(12_248, {"off_topic:math": 9_000})})
    progress = BuildProgress(total, quiet=False, console=Console(file=io.StringIO(), force_terminal=True))
    progress.update(funnel)
    progress.live.stop()
    line = progress.live_line(width).plain
    assert cell_len(line) <= width
    assert line.lstrip("━ ").startswith("12,288" + (f"/{total:,}" if total else "") + " rows")
    if width >= 80:
        assert "kept 3,248" in line and "rows/s" in line and ("ETA" in line) == (total is not None)
    if width >= 200:
        assert "topic -9,000" in line


def _pipe_closed_by_the_reader() -> int:
    """A pipe whose reading end is already closed: every write to it fails."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize(
    "args",
    [["curate", "show", "--json", NAME], ["curate", "list"], ["data_cards", "show", NAME, "--format", "json"],
     ["data_cards", "show", NAME]],
    ids=" ".join,
)
def test_a_closed_pipe_is_one_line_not_a_traceback(built, args):
    pipe = _pipe_closed_by_the_reader()
    try:
        done = _cli(*args, "--store", str(built[0]), stdout=pipe)
    finally:
        os.close(pipe)
    assert done.returncode == BROKEN_PIPE_EXIT
    assert done.stderr == "error: output closed before it was all written (broken pipe)\n"


# --- broken versions and interrupted builds ---------------------------------------------------------


def test_a_broken_version_is_marked_and_hides_nothing(store, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    (store / NAME / "v2").mkdir()
    assert curate_main(["list", "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    rows = {line.split()[1]: line for line in out.splitlines() if f"{NAME}@" in line}
    assert f"{_sample_rows():,}" in rows[f"{NAME}@v1"] and "ok" in rows[f"{NAME}@v1"]
    assert "broken" in rows[f"{NAME}@v2"]
    assert err.startswith(f"error: {NAME}@v2: manifest missing") and err.count("\n") == 1
    # The broken folder must not stop a build from seeing the version it matches.
    assert curate_main([*BUILD, "--store", str(store), "--quiet"]) == 0
    assert f"matches existing version {NAME}@v1" in capsys.readouterr().out
    assert data_cards_main(["list", "--store", str(store)]) == 2
    assert "broken" in capsys.readouterr().out


def test_a_successful_build_leaves_no_work_folder(built):
    assert not (built[0] / WORK_DIR).exists()
    version = Store(built[0]).resolve(NAME)
    assert version.has_card and "dropped" in version.manifest
    version.verify()


class _Killed(BaseException):
    """Stands in for SIGKILL right after the version was published (bench/faults.py sends the real one)."""


def test_a_build_killed_right_after_publish_is_finished_by_the_next_command(tmp_path, capsys):
    store = Store(tmp_path / "store")

    def killed(version):
        raise _Killed

    args = make_parser().parse_args(BUILD)
    with pytest.raises(_Killed):
        build(_config_from_args(args), open_source("sample"),
              BuildOptions(name=NAME, store=store, workers=1, on_published=killed))
    version = store.resolve(NAME)
    assert not version.has_card and list((store.root / WORK_DIR).iterdir())

    assert curate_main(["show", NAME, "--json", "--store", str(store.root)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["version"] == 1
    assert re.fullmatch(rf"finished the interrupted build of {NAME}@v1: wrote its data card, removed its work "
                        r"folder \([0-9.,]+ MB\)\n", err), err
    assert version.has_card and not (store.root / WORK_DIR).exists()
    assert curate_main([*BUILD, "--store", str(store.root), "--resume", "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert f"matches existing version {NAME}@v1" in out and err == ""
