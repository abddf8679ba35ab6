"""`curate build` end to end on the embedded sample and on generated inputs.

The tests that take the `executor` fixture run once per executor (local processes, a local Ray):
both must pass the same suite."""

import json
import os
import re
from pathlib import Path

import polars as pl
import pytest

from curate.cli import main
from curate.schema import VERSION_SCHEMA
from curate.store import Store

BUILD = ["build", "--topics", "writing,summary", "--source", "sample", "--quiet"]


def _build(store: Path, *extra: str) -> int:
    return main([*BUILD, "--store", str(store), *extra])


def _shard_hashes(version) -> list[str]:
    return [s["sha256"] for s in version.manifest["shards"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory, executor):
    """The sample built twice by `executor`, with one worker and with two, into separate stores."""
    stores = {w: tmp_path_factory.mktemp(f"store-w{w}") for w in (1, 2)}
    for workers, store in stores.items():
        assert _build(store, "--workers", str(workers), "--executor", executor) == 0
    return {w: Store(s).resolve("writing-summary") for w, s in stores.items()}


def test_funnel_sums_to_rows_read(built):
    from curate.sources.sample import sample_files

    m = built[1].manifest
    funnel = m["funnel"]
    lines = sum(1 for f in sample_files() for line in f.read_bytes().split(b"\n") if line.strip())
    assert funnel["read"] == lines == m["source"]["rows"]  # the source's own count, not kept + drops
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


def test_identical_rebuild_adds_no_version(built, capsys, executor):
    store = built[1].path.parent.parent
    assert _build(store, "--workers", "1", "--executor", executor) == 0
    assert "matches existing version writing-summary@v1" in capsys.readouterr().out
    assert [v.number for v in Store(store).versions("writing-summary")] == [1]


def test_version_opens_with_datasets_and_polars(built):
    import datasets

    data_dir = built[1].path / "data"
    ds = datasets.load_dataset("parquet", data_dir=str(data_dir), split="train")
    assert ds.num_rows == built[1].manifest["rows"]
    assert pl.read_parquet(data_dir / "*.parquet").height == ds.num_rows
    assert (built[1].path / "README.md").is_file()


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
        (["--ray-address", "10.0.0.1:6379"], "--ray-address needs --executor ray"),
        (["--executor", "ray", "--work-dir", "s3://bucket/work"], "URLs such as s3://bucket/work are not supported"),
    ],
)
def test_bad_flags_fail_cleanly(tmp_path, capsys, argv, message):
    args = ["build", "--source", "sample", "--store", str(tmp_path / "s"), "--quiet", *argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert re.search(message, err, re.I) and "Traceback" not in err
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").glob("*/v*"))


def test_zero_rows_kept_is_an_error_and_leaves_nothing(tmp_path, capsys, executor):
    f = _jsonl(tmp_path / "in.jsonl", [{"prompt": "Solve 2x + 3 = 7 for x.", "response": "<think>x=2</think>2"}])
    store = tmp_path / "s"
    assert main(["build", "--topics", "writing", "--source", str(f), "--store", str(store), "--quiet",
                 "--executor", executor]) == 2
    assert "no rows kept" in capsys.readouterr().err
    assert not list(store.glob("*/v*")) and not list(store.glob(".work/*"))


def test_schema_without_response_fails_and_leaves_nothing(tmp_path, capsys, executor):
    f = _jsonl(tmp_path / "in.jsonl", [{"prompt": "Write a poem", "text": "x"}])
    store = tmp_path / "s"
    assert main(["build", "--source", str(f), "--store", str(store), "--quiet", "--executor", executor]) == 2
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


def test_shards_have_the_configured_size(tmp_path, executor):
    from curate.build import BuildOptions, build
    from curate.cli import _config_from_args, make_parser
    from curate.sources import open_source

    args = make_parser().parse_args(["build", "--topics", "writing,summary", "--languages", "all"])
    store = Store(tmp_path)
    result = build(_config_from_args(args), open_source("sample"),
                   BuildOptions(name="small-shards", store=store, workers=1, shard_rows=100, input_shard_rows=700,
                                executor=executor))
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


def test_offline_hub_points_at_the_sample(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["build", "--topics", "writing", "--store", str(tmp_path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Hugging Face Hub" in err and "--source sample" in err


def test_sample_command_writes_generated_input(tmp_path):
    assert main(["sample", "--rows", "1200", "--out", str(tmp_path / "gen")]) == 0
    frame = pl.read_parquet(tmp_path / "gen" / "*.parquet")
    assert frame.height == 1200 and frame.columns == ["prompt", "response"]
    assert main(["sample", "--rows", "0", "--out", str(tmp_path / "x")]) == 2


def _config(*flags: str):
    from curate.cli import _config_from_args, make_parser

    return _config_from_args(make_parser().parse_args(["build", "--topics", "writing,summary", *flags]))


def _build_api(store: Path, source: str, **options):
    """build() with small input and output shards, so a few thousand rows make many of both."""
    from curate.build import BuildOptions, build
    from curate.sources import open_source

    options = {"input_shard_rows": 500, "batch_rows": 200, "shard_rows": 300, "workers": 1, **options}
    return build(_config("--languages", "all"), open_source(source), BuildOptions(name="t", store=Store(store), **options))


def _version_hashes(version) -> list[str]:
    from curate.store import sha256_file

    return _shard_hashes(version) + [sha256_file(version.dropped_path)]


def _counts(version) -> list[tuple]:
    """The funnel without its timings."""
    return [(s["stage"], s["input"], s["dropped"]) for s in version.manifest["funnel"]["stages"]]


@pytest.fixture(scope="module")
def reference(parquet_dataset, tmp_path_factory):
    """The parquet dataset built once with one worker: what every other way of building it must equal."""
    return _build_api(tmp_path_factory.mktemp("reference"), str(parquet_dataset)).version


@pytest.mark.parametrize("workers", [2, 3])
def test_any_worker_count_gives_the_same_bytes(parquet_dataset, reference, tmp_path, workers, executor):
    result = _build_api(tmp_path, str(parquet_dataset), workers=workers, executor=executor)
    assert len(result.version.manifest["shards"]) == -(-result.funnel.kept // 300) > 1  # output shards of 300 rows
    assert _version_hashes(result.version) == _version_hashes(reference)
    assert _counts(result.version) == _counts(reference)
    assert result.version.manifest["source"]["fingerprint"] == reference.manifest["source"]["fingerprint"]


def test_resume_from_a_gapped_work_folder_redoes_only_the_gaps(parquet_dataset, reference, tmp_path, monkeypatch):
    import curate.build

    real_map_shard, mapped = curate.build.map_shard, []

    def stop_at_shard_5(location, shard, *args):
        if shard.index == 5:
            raise KeyboardInterrupt  # a kill: shards 0-4 are done
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", stop_at_shard_5)
    with pytest.raises(KeyboardInterrupt):
        _build_api(tmp_path, str(parquet_dataset))
    [work] = tmp_path.glob(".work/t-*")
    for folder, suffix in (("done", "json"), ("parts", "parquet"), ("dropped", "parquet")):
        (work / folder / f"00000001.{suffix}").unlink()  # as a kill with 2 workers leaves: 0, 2, 3, 4 done
    assert sorted(p.stem for p in (work / "done").glob("*.json")) == ["00000000", "00000002", "00000003", "00000004"]

    def record(location, shard, *args):
        mapped.append(shard.index)
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", record)
    result = _build_api(tmp_path, str(parquet_dataset), resume=True)
    assert mapped == [1, *range(5, 12)]
    assert _version_hashes(result.version) == _version_hashes(reference)
    assert result.version.manifest["funnel"]["read"] == 6_000


def test_an_edit_that_keeps_size_and_mtime_is_a_new_version(tmp_path, capsys, executor):
    rows = [{"prompt": f"Write a poem titled q{i:03d}x.", "response": "<think>r</think>a"} for i in range(300)]
    f = _jsonl(tmp_path / "in.jsonl", rows)
    args = ["build", "--topics", "writing", "--no-quality", "--source", str(f), "--store", str(tmp_path / "s"), "--quiet",
            "--workers", "1", "--executor", executor]
    assert main(args) == 0
    assert main(args) == 0 and "matches existing version writing@v1" in capsys.readouterr().out
    stat = f.stat()
    rows[150]["prompt"] = "Write a poem titled q999x."  # same length
    _jsonl(f, rows)
    os.utime(f, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert f.stat().st_size == stat.st_size and f.stat().st_mtime_ns == stat.st_mtime_ns
    assert main(args) == 0
    assert "matches existing" not in capsys.readouterr().out
    v1, v2 = Store(tmp_path / "s").versions("writing")
    assert v1.manifest["source"]["fingerprint"] != v2.manifest["source"]["fingerprint"]
    assert "Write a poem titled q999x." in v2.read()["prompt"].to_list()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_invalid_utf8_rows_are_dropped_and_counted(tmp_path, capsys, workers, executor):
    good = [json.dumps({"prompt": f"Write a story about a lighthouse, part {i}.", "response": "<think>plan</think>story"})
            for i in range(20)]
    f = tmp_path / "in.jsonl"
    f.write_bytes("\n".join(good[:10]).encode() + b'\n{"prompt": "Write \xff", "response": "x"}\n' + "\n".join(good[10:]).encode())
    store = tmp_path / "s"
    assert main(["build", "--topics", "writing", "--no-quality", "--source", str(f), "--store", str(store), "--quiet",
                 "--workers", workers, "--executor", executor]) == 0
    funnel = Store(store).resolve("writing").manifest["funnel"]
    assert funnel["read"] == 21 and funnel["stages"][0]["dropped"] == {"invalid_utf8": 1}
    capsys.readouterr()
    assert main(["classify", str(f), "--topics", "writing", "--no-quality"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (rows[10]["stage"], rows[10]["verdict"]) == ("validate", "invalid_utf8")
    assert [r["verdict"] for r in rows].count("kept") >= 1


@pytest.mark.parametrize("kind", ["empty.jsonl", "empty.parquet"])
def test_a_source_without_rows_says_so(tmp_path, capsys, kind, executor):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / kind
    if kind.endswith(".parquet"):
        pq.write_table(pa.table({"prompt": pa.array([], pa.string()), "response": pa.array([], pa.string())}), path)
    else:
        path.write_text("")
    assert main(["build", "--source", str(path), "--store", str(tmp_path / "s"), "--quiet", "--executor", executor]) == 2
    err = capsys.readouterr().err
    assert "holds no rows" in err and "Traceback" not in err
    assert not list((tmp_path / "s").glob(".work/*"))


def test_a_full_disk_keeps_the_work_and_says_resume(parquet_dataset, tmp_path, monkeypatch, capsys):
    import errno

    import curate.build

    real_write, writes = curate.build._PartFile.write, []

    def write_until_the_disk_fills(self, frame):
        writes.append(1)
        if len(writes) > 3:  # the first input shard (2 writes) finishes, the second does not
            raise OSError(errno.ENOSPC, "No space left on device", str(self.tmp))
        return real_write(self, frame)

    monkeypatch.setattr(curate.build._PartFile, "write", write_until_the_disk_fills)
    base = ["build", "--topics", "writing,summary", "--languages", "all", "--source", str(parquet_dataset),
            "--quiet", "--name", "t"]
    args = [*base, "--store", str(tmp_path), "--workers", "1"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "no space left" in err and "--resume" in err and "Traceback" not in err
    [work] = tmp_path.glob(".work/t-*")
    assert list((work / "done").glob("*.json")), "finished shards are kept"
    monkeypatch.setattr(curate.build._PartFile, "write", real_write)
    assert main([*args, "--resume"]) == 0
    clean = tmp_path / "clean"
    assert main([*base, "--store", str(clean), "--workers", "2"]) == 0
    assert _version_hashes(Store(tmp_path).resolve("t")) == _version_hashes(Store(clean).resolve("t"))


def test_nothing_published_names_a_path_of_this_machine(tmp_path, executor):
    source = tmp_path / "my-data"
    source.mkdir()
    _jsonl(source / "a.jsonl", [{"prompt": f"Write a letter to my friend number {i}.",
                                 "response": "<think>plan</think>Dear friend"} for i in range(30)])
    store = tmp_path / "s"
    assert main(["build", "--topics", "writing", "--no-quality", "--source", str(source), "--store", str(store),
                 "--quiet", "--executor", executor]) == 0
    version = Store(store).resolve("writing")
    assert version.manifest["source"]["files"] == ["a.jsonl"]
    for published in ("manifest.json", "card.json", "README.md"):
        text = (version.path / published).read_text()
        assert str(tmp_path) not in text and str(Path.home()) not in text, published


def test_resume_refuses_a_source_that_changed_since_the_interrupted_build(parquet_dataset, tmp_path, monkeypatch,
                                                                           capsys):
    import shutil

    import curate.build

    source = tmp_path / "in"
    shutil.copytree(parquet_dataset, source)
    real_map_shard = curate.build.map_shard

    def stop_at_shard_2(location, shard, *args):
        if shard.index == 2:
            raise KeyboardInterrupt
        return real_map_shard(location, shard, *args)

    monkeypatch.setattr(curate.build, "map_shard", stop_at_shard_2)
    with pytest.raises(KeyboardInterrupt):
        _build_api(tmp_path / "s", str(source))
    monkeypatch.setattr(curate.build, "map_shard", real_map_shard)
    first = sorted(source.glob("*.parquet"))[0]
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    from curate.errors import CurateError

    with pytest.raises(CurateError, match=f"{first.name} changed since the interrupted build started"):
        _build_api(tmp_path / "s", str(source), resume=True)
    assert _build_api(tmp_path / "s", str(source)).version.manifest["funnel"]["read"] == 6_000
