"""Sources as input shards: local JSONL and parquet, the Hub through a local server, bad bytes."""

import json

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import HUB_REPO, HUB_ROWS
from hub_server import Fault

from curate.errors import CurateError, ResumableError
from curate.sources import RowsDigest, open_source, read_shard


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _read_all(plan, batch_size=1000):
    return pl.concat([b for s in plan.shards for b in read_shard(plan.location, s, batch_size)])


def test_jsonl_keeps_nulls_and_flags_bad_values(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_bytes(
        b'{"prompt": "p0", "response": "<think>r</think>a"}\n'
        b"\n"  # blank lines are not rows
        b'{"prompt": null, "response": 12}\n'
        b'{"prompt": ["x"], "response": "r"}\n'
        b'{"prompt": "caf\xe9", "response": "r"}\n'  # latin-1, not UTF-8
        b"not json at all\n"
        b'["an", "array"]\n'
        b'{"prompt": "\\ud800", "response": "a lone surrogate escape is no text"}\n'
        b'{"prompt": "last", "response": "no newline at the end"}'
    )
    batch = pl.concat(open_source(str(f)).batches(10))
    assert batch["source_index"].to_list() == list(range(8))
    assert batch["prompt"].to_list() == ["p0", None, None, None, None, None, None, "last"]
    assert batch["field_error"].to_list() == [
        None, "response_not_string", "prompt_not_string", "invalid_utf8", "invalid_json", "invalid_json",
        "invalid_utf8", None]


def test_invalid_utf8_in_parquet_is_flagged_per_row(tmp_path):
    prompts = pa.array([b"fine", b"bad \xff byte", None], pa.binary()).view(pa.string())
    pq.write_table(pa.table({"prompt": prompts, "response": ["r1", "r2", "r3"]}), tmp_path / "x.parquet")
    batch = pl.concat(open_source(str(tmp_path / "x.parquet")).batches(10))
    assert batch["prompt"].to_list() == ["fine", None, None]
    assert batch["field_error"].to_list() == [None, "invalid_utf8", None]


def test_jsonl_shards_are_line_ranges_with_known_starts(tmp_path):
    rows = [{"prompt": f"p{i}", "response": "r"} for i in range(10)]
    f = tmp_path / "a.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" + ("\n" if i == 4 else "") for i, r in enumerate(rows)))
    plan = open_source(str(f)).plan(shard_rows=3)
    assert [(s.start, s.rows) for s in plan.shards] == [(0, 3), (3, 3), (6, 3), (9, 1)]
    assert plan.shards[-1].end == f.stat().st_size and plan.rows == 10
    frame = _read_all(plan)
    assert frame["source_index"].to_list() == list(range(10))
    assert frame["prompt"].to_list() == [f"p{i}" for i in range(10)]


def test_parquet_shards_join_row_groups_across_files_in_order(tmp_path):
    for k in range(3):
        frame = pl.DataFrame({"prompt": [f"p{k}-{i}" for i in range(5)], "response": ["r"] * 5})
        pq.write_table(frame.to_arrow(), tmp_path / f"part-{k}.parquet", row_group_size=2)
    plan = open_source(str(tmp_path)).plan(shard_rows=3)
    # row groups of 2, 2, 1 rows per file: joined until a shard holds 3 rows, never across files
    assert [(s.file, s.start, s.rows) for s in plan.shards] == [
        ("part-0.parquet", 0, 4), ("part-0.parquet", 4, 1), ("part-1.parquet", 5, 4), ("part-1.parquet", 9, 1),
        ("part-2.parquet", 10, 4), ("part-2.parquet", 14, 1)]
    frame = _read_all(plan, batch_size=2)
    assert frame["source_index"].to_list() == list(range(15))
    assert frame["prompt"][5] == "p1-0"


def test_rows_digest_follows_content_not_format_or_batching(tmp_path):
    rows = [{"prompt": f"p{i}" if i % 7 else None, "response": "r" * (i % 5)} for i in range(50)]
    jsonl = _jsonl(tmp_path / "a.jsonl", rows)
    parquet = tmp_path / "b.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=8)

    def digest(path, batch_size):
        plan = open_source(str(path)).plan(shard_rows=16)
        d = RowsDigest()
        for shard in plan.shards:
            for _ in read_shard(plan.location, shard, batch_size, d):
                pass
        return d.hexdigest()

    before, size = digest(jsonl, 1000), jsonl.stat().st_size
    assert digest(parquet, 3) == digest(parquet, 50) == before
    rows[31]["response"] = "R"  # was "r"
    _jsonl(jsonl, rows)
    assert jsonl.stat().st_size == size and digest(jsonl, 1000) != before


def test_sources_record_paths_relative_to_their_root(tmp_path):
    (tmp_path / "sub").mkdir()
    _jsonl(tmp_path / "sub" / "b.jsonl", [{"prompt": "a", "response": "b"}])
    _jsonl(tmp_path / "a.jsonl", [{"prompt": "a", "response": "b"}])
    assert open_source(str(tmp_path)).plan().describe("x")["files"] == ["a.jsonl", "sub/b.jsonl"]
    assert open_source(str(tmp_path / "sub" / "b.jsonl")).plan().describe("x")["files"] == ["b.jsonl"]
    assert open_source(str(tmp_path / "*.jsonl")).plan().describe("x")["files"] == ["a.jsonl"]
    sample = open_source("sample").plan().describe("x")
    assert sample["files"] == ["sample.jsonl", "quality.jsonl"] and str(tmp_path) not in json.dumps(sample)


@pytest.mark.parametrize(
    "spec, message",
    [
        ("does/not/exist.jsonl", "unknown source"),
        ("notes.txt", "unsupported file type"),
        ("empty_dir", "contains no .parquet"),
        ("hf://glaive", "malformed Hub source"),
    ],
)
def test_bad_sources(tmp_path, spec, message):
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "empty_dir").mkdir()
    path = spec if spec.startswith(("does", "hf:")) else str(tmp_path / spec)
    with pytest.raises(CurateError, match=message):
        open_source(path)


@pytest.mark.parametrize("kind", ["empty.jsonl", "blank.jsonl", "empty.parquet"])
def test_a_source_without_rows_says_so(tmp_path, kind):
    path = tmp_path / kind
    if kind == "empty.parquet":
        pq.write_table(pa.table({"prompt": pa.array([], pa.string()), "response": pa.array([], pa.string())}), path)
    else:
        path.write_text("" if kind == "empty.jsonl" else "\n  \n")
    with pytest.raises(CurateError, match="holds no rows"):
        open_source(str(path)).plan()


def test_schema_without_response_is_refused(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", [{"prompt": "p", "text": "t"}])
    with pytest.raises(CurateError, match="no response column"):
        list(open_source(str(f)).batches(10))
    assert pl.concat(open_source(str(f)).batches(10, prompt_only=True))["prompt"].to_list() == ["p"]


def test_a_json_array_file_asks_for_json_lines(tmp_path):
    f = tmp_path / "rows.json"
    f.write_text(json.dumps([{"prompt": "p", "response": "r"}], indent=1))
    with pytest.raises(CurateError, match="JSON array; curate reads JSON Lines"):
        open_source(str(f)).plan()


def test_unreadable_file_is_a_clear_error(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(CurateError, match="cannot read source"):
        open_source(str(f)).plan()


def test_hub_source_reads_the_files_at_the_resolved_commit(hub, hub_dataset, parquet_dataset):
    plan = open_source(f"hf://datasets/{HUB_REPO}").plan()
    assert plan.revision == hub.repos[HUB_REPO].branches["main"]
    assert [f.path for f in plan.files] == [f"data/{p.name}" for p in sorted(parquet_dataset.glob("*.parquet"))]
    assert plan.rows == HUB_ROWS and plan.license == "apache-2.0"
    local = open_source(str(parquet_dataset)).plan()
    assert [(s.start, s.rows, s.begin, s.end) for s in plan.shards] == [
        (s.start, s.rows, s.begin, s.end) for s in local.shards]
    assert _read_all(plan).equals(_read_all(local))
    # A new commit on main does not move a plan that is already pinned.
    hub.add_dataset(HUB_REPO, {"data/other.parquet": (parquet_dataset / plan.files[0].path[5:]).read_bytes()})
    assert _read_all(plan).height == HUB_ROWS


def test_hub_reads_retry_through_resets_and_503s(hub, hub_dataset):
    plan = open_source(f"hf://datasets/{HUB_REPO}").plan()
    expected = _read_all(plan)
    hub.log.clear()
    hub.faults += [Fault("reset", path="train-00001", after_bytes=1000), Fault("status", path="train-00002", times=2),
                   Fault("status", path="train-00000", status=429, retry_after="0")]
    assert _read_all(plan).equals(expected)
    assert all(f.times == 0 for f in hub.faults)
    assert sum(r.status is None for r in hub.log) == 1 and sum(r.status in (429, 503) for r in hub.log) == 3


def test_hub_read_that_keeps_failing_stops_with_one_resumable_error(hub, hub_dataset):
    plan = open_source(f"hf://datasets/{HUB_REPO}").plan()
    hub.faults.append(Fault("status", path="train-00001", times=-1, status=502))
    shard = next(s for s in plan.shards if "train-00001" in s.file)
    with pytest.raises(ResumableError, match=r"failed 4 times, last: HTTP 502.*--resume"):
        list(read_shard(plan.location, shard, 100))


@pytest.mark.parametrize(
    "spec, message",
    [
        ("hf://datasets/test-org/missing", "dataset test-org/missing not found"),
        (f"hf://datasets/{HUB_REPO}@v9", "has no revision 'v9'"),
    ],
)
def test_unknown_hub_repo_or_revision_is_a_clear_error(hub, hub_dataset, spec, message):
    with pytest.raises(CurateError, match=message):
        open_source(spec).plan()


def test_hub_revision_can_be_a_branch_or_a_sha(hub, hub_dataset):
    first = hub.repos[HUB_REPO].branches["main"]
    hub.add_dataset(HUB_REPO, {"data/train.parquet": hub.repos[HUB_REPO].commits[first]["data/train-00000-of-00003.parquet"]})
    assert open_source(f"hf://datasets/{HUB_REPO}").plan().rows == HUB_ROWS // 3
    assert open_source(f"hf://datasets/{HUB_REPO}@{first}").plan().rows == HUB_ROWS


def test_offline_hub_points_at_the_sample(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(CurateError, match="cannot reach the Hugging Face Hub.*--source sample"):
        open_source("glaive").plan()
