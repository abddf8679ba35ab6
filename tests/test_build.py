"""`curate build` end to end on the embedded sample and on generated inputs."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from curate.cli import main
from curate.schema import VERSION_SCHEMA
from curate.sources.sample import write_sample
from curate.store import Store

BUILD = ["build", "--topics", "writing,summary", "--source", "sample", "--quiet"]


def _build(store: Path, *extra: str) -> int:
    return main([*BUILD, "--store", str(store), *extra])


def _shard_hashes(version) -> list[str]:
    return [s["sha256"] for s in version.manifest["shards"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample built twice, with one worker and with two, into separate stores."""
    stores = {w: tmp_path_factory.mktemp(f"store-w{w}") for w in (1, 2)}
    for workers, store in stores.items():
        assert _build(store, "--workers", str(workers)) == 0
    return {w: Store(s).resolve("writing-summary") for w, s in stores.items()}


def test_funnel_sums_to_rows_read(built):
    m = built[1].manifest
    funnel = m["funnel"]
    assert funnel["read"] >= 3000
    drops = sum(sum(s["dropped"].values()) for s in funnel["stages"])
    assert funnel["read"] == funnel["kept"] + drops
    previous = funnel["read"]
    for stage in funnel["stages"]:
        assert stage["input"] == previous, stage["stage"]
        previous = stage["kept"]
    assert [s["stage"] for s in funnel["stages"]] == [
        "validate", "rewrite", "length", "topic", "language", "decontaminate", "quality", "dedup_keys", "dedup"]
    dropped = built[1].read_dropped()
    assert dropped.height == drops
    assert dropped["source_index"].n_unique() == drops
    kept = built[1].read()
    assert kept.height == funnel["kept"] == m["rows"]
    assert set(kept["source_index"]).isdisjoint(set(dropped["source_index"]))


def test_every_kept_row_is_well_formed(built):
    rows = built[1].read()
    assert rows.columns == list(VERSION_SCHEMA)
    assert set(rows["topic"]) <= {"writing", "summary"} and set(rows["language"]) == {"en"}
    pattern = re.compile(r"<reasoning>(.+)</reasoning>\n<answer>(.+)</answer>", re.S)
    for completion, reasoning, answer in rows.select("completion", "reasoning", "answer").iter_rows():
        match = pattern.fullmatch(completion)
        assert match and match[1] == reasoning and match[2] == answer
        assert "<think>" not in completion and "</think>" not in completion
    assert rows["id"].n_unique() == rows.height
    assert rows["source_index"].is_sorted()
    assert (rows["total_tokens"] <= built[1].manifest["config"]["limits"]["total"]).all()


def test_planted_duplicates_are_removed(built):
    from curate.sources.sample import ground_truth

    truth = ground_truth().filter(pl.col("dup_group").is_not_null())
    kept = built[1].read().join(truth, left_on="source_index", right_on="index")
    assert kept["dup_group"].n_unique() == kept.height  # at most one survivor per planted group


def test_shards_are_identical_for_any_worker_count(built):
    assert _shard_hashes(built[1]) == _shard_hashes(built[2])
    assert built[1].manifest["funnel"]["kept"] == built[2].manifest["funnel"]["kept"]


def test_identical_rebuild_adds_no_version(built, capsys):
    store = built[1].path.parent.parent
    assert _build(store, "--workers", "1") == 0
    assert "matches existing version writing-summary@v1" in capsys.readouterr().out
    assert [v.number for v in Store(store).versions("writing-summary")] == [1]


def test_version_opens_with_datasets_and_polars(built):
    import datasets

    data_dir = built[1].path / "data"
    ds = datasets.load_dataset("parquet", data_dir=str(data_dir), split="train")
    assert ds.num_rows == built[1].manifest["rows"]
    assert pl.read_parquet(data_dir / "*.parquet").height == ds.num_rows
    assert (built[1].path / "README.md").is_file()


def _kill_midway(args: list[str], work_root: Path) -> None:
    """Start a build in a subprocess and SIGKILL it once a few chunks are done."""
    proc = subprocess.Popen([sys.executable, "-m", "curate", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if len(list(work_root.glob(".work/*/counts/*.json"))) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def test_killed_build_leaves_no_version_and_resume_matches(tmp_path):
    source = tmp_path / "input"
    write_sample(source, rows=30_000)
    args = ["build", "--topics", "writing,summary", "--source", str(source), "--quiet", "--workers", "1"]
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    _kill_midway([*args, "--store", str(killed)], killed)
    assert not list(killed.glob("*/v*")), "a killed build must not leave a version"
    done_before = len(list(killed.glob(".work/*/counts/*.json")))
    assert main([*args, "--store", str(killed), "--resume"]) == 0
    assert main([*args, "--store", str(clean)]) == 0
    resumed, fresh = Store(killed).resolve("writing-summary"), Store(clean).resolve("writing-summary")
    assert done_before >= 3
    assert _shard_hashes(resumed) == _shard_hashes(fresh)
    assert resumed.manifest["funnel"]["read"] == 30_000
    assert not list(killed.glob(".work/*")), "the work folder is removed once published"


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--topics", "writing,poetry"], "unknown topic"),
        (["--source", "nowhere/at/all"], "unknown source"),
        (["--languages", "english"], "ISO 639-1"),
        (["--max-tokens", "0"], "must be positive"),
        (["--dedup-threshold", "1.5"], "threshold"),
        (["--workers", "0"], "--workers"),
    ],
)
def test_bad_flags_fail_cleanly(tmp_path, capsys, argv, message):
    args = ["build", "--source", "sample", "--store", str(tmp_path / "s"), "--quiet", *argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert re.search(message, err, re.I) and "Traceback" not in err
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").glob("*/v*"))


def test_zero_rows_kept_is_an_error_and_leaves_nothing(tmp_path, capsys):
    f = _jsonl(tmp_path / "in.jsonl", [{"prompt": "Solve 2x + 3 = 7 for x.", "response": "<think>x=2</think>2"}])
    store = tmp_path / "s"
    assert main(["build", "--topics", "writing", "--source", str(f), "--store", str(store), "--quiet"]) == 2
    assert "no rows kept" in capsys.readouterr().err
    assert not list(store.glob("*/v*")) and not list(store.glob(".work/*"))


def test_schema_without_response_fails_and_leaves_nothing(tmp_path, capsys):
    f = _jsonl(tmp_path / "in.jsonl", [{"prompt": "Write a poem", "text": "x"}])
    store = tmp_path / "s"
    assert main(["build", "--source", str(f), "--store", str(store), "--quiet"]) == 2
    assert "no response column" in capsys.readouterr().err
    assert not list(store.glob("*/v*")) and not list(store.glob(".work/*"))


def test_unwritable_store(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert _build(blocker) == 2
    assert "cannot write to store" in capsys.readouterr().err


def test_show_and_list(built, capsys):
    store = str(built[1].path.parent.parent)
    assert main(["show", "writing-summary@v1", "--store", store]) == 0
    shown = capsys.readouterr().out
    assert "writing-summary@v1" in shown and "train-00000-of-00001.parquet" in shown
    assert main(["list", "--store", store]) == 0
    assert "writing-summary@v1" in capsys.readouterr().out
    assert main(["show", "writing-summary@x1", "--store", store]) == 2
    assert "malformed version reference" in capsys.readouterr().err


def test_classify_agrees_with_the_build(tmp_path, capsys):
    from curate.sources.sample import sample_files

    sample = sample_files()[0]
    out = tmp_path / "verdicts.jsonl"
    assert main(["classify", str(sample), "--topics", "writing,summary", "--output", str(out)]) == 0
    rows = pl.read_ndjson(out)
    store = tmp_path / "s"
    assert main(["build", "--topics", "writing,summary", "--source", str(sample), "--store", str(store),
                 "--quiet", "--workers", "1"]) == 0
    kept = Store(store).resolve("writing-summary").read()
    assert set(rows.filter(pl.col("verdict") == "kept")["index"]) == set(kept["source_index"])
    assert {"topic", "language", "prompt_tokens", "verdict"} <= set(rows.columns)
    assert rows["verdict"].str.starts_with("off_topic:").any()
    assert set(rows.filter(pl.col("verdict").str.starts_with("off_topic:"))["stage"]) == {"topic"}


def test_classify_prompt_only_file(tmp_path, capsys):
    f = _jsonl(tmp_path / "prompts.jsonl", [
        {"prompt": "Write a short story about a lighthouse keeper who befriends a storm."},
        {"prompt": "Solve for x: 3x + 5 = 20"},
        {"prompt": "Schreibe eine Geschichte über einen Leuchtturmwärter und einen Sturm."},
    ])
    assert main(["classify", str(f), "--topics", "writing"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["topic"] for r in rows] == ["writing", "math", "writing"]
    assert [r["language"] for r in rows] == ["en", "en", "de"]
    assert rows[0]["verdict"] == "kept"
    assert (rows[1]["stage"], rows[1]["verdict"]) == ("topic", "off_topic:math")
    assert (rows[2]["stage"], rows[2]["verdict"]) == ("language", "language:de")
    assert rows[0]["prompt_tokens"] > 5 and rows[0]["answer_tokens"] is None


def test_dropped_rows_keep_a_few_previews_per_reason(built):
    dropped = built[1].read_dropped()
    counts = dropped.group_by("stage", "reason").agg(
        pl.len().alias("rows"), pl.col("preview").is_not_null().sum().alias("previews")
    )
    for stage, reason, rows, previews in counts.iter_rows():
        if reason.endswith(":prompt"):  # a missing prompt has nothing to preview
            assert previews == 0, (stage, reason)
        else:
            assert previews == min(rows, 5), (stage, reason, rows, previews)
    assert dropped["source_index"].is_sorted()


def test_shards_have_the_configured_size(tmp_path):
    from curate.build import BuildOptions, build
    from curate.cli import _config_from_args, make_parser
    from curate.sources import open_source

    args = make_parser().parse_args(["build", "--topics", "writing,summary", "--languages", "all"])
    store = Store(tmp_path)
    result = build(_config_from_args(args), open_source("sample"),
                   BuildOptions(name="small-shards", store=store, workers=1, shard_rows=100, chunk_rows=700))
    shards = result.version.manifest["shards"]
    assert [s["rows"] for s in shards[:-1]] == [100] * (len(shards) - 1) and 0 < shards[-1]["rows"] <= 100
    assert [s["file"] for s in shards][-1] == f"data/train-{len(shards) - 1:05d}-of-{len(shards):05d}.parquet"
    assert result.version.read().height == result.funnel.kept


def test_classify_counts_tokens_of_dropped_rows(tmp_path, capsys):
    f = _jsonl(tmp_path / "in.jsonl", [
        {"prompt": "Solve 2x + 3 = 7 for x.", "response": "<think>Subtract 3, divide by 2.</think>x = 2"},
        {"prompt": "Write a haiku about rain.", "response": "<think>" + "word " * 20000 + "</think>Rain falls."},
    ])
    assert main(["classify", str(f), "--topics", "writing"]) == 0
    math, long = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert math["verdict"] == "off_topic:math" and math["reasoning_tokens"] > 0
    assert long["verdict"] == "too_long:reasoning" and long["reasoning_tokens"] > 3072


def test_unreachable_hub_points_at_the_sample(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["build", "--topics", "writing", "--store", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Hugging Face Hub" in err and "--source sample" in err


def test_sample_command_writes_generated_input(tmp_path):
    assert main(["sample", "--rows", "1200", "--out", str(tmp_path / "gen")]) == 0
    frame = pl.read_parquet(tmp_path / "gen" / "*.parquet")
    assert frame.height == 1200 and frame.columns == ["prompt", "response"]
    assert main(["sample", "--rows", "0", "--out", str(tmp_path / "x")]) == 2
