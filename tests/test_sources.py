"""Local files stream through the same `datasets` reader as the Hub dataset."""

import json

import polars as pl
import pytest

from curate.errors import CurateError
from curate.sources import open_source
from curate.sources.streaming import Source


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_jsonl_keeps_nulls_and_flags_non_strings(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", [
        {"prompt": "p0", "response": "<think>r</think>a"},
        {"prompt": None, "response": 12},
        {"prompt": ["x"], "response": "r"},
    ])
    batch = next(open_source(str(f)).batches(10))
    assert batch["source_index"].to_list() == [0, 1, 2]
    assert batch["prompt"].to_list() == ["p0", None, None]
    assert batch["field_error"].to_list() == [None, "response_not_string", "prompt_not_string"]


def test_parquet_folder_streams_in_order_across_files(tmp_path):
    for k in range(3):
        pl.DataFrame({"prompt": [f"p{k}-{i}" for i in range(5)], "response": ["r"] * 5}).write_parquet(
            tmp_path / f"part-{k}.parquet"
        )
    source = open_source(str(tmp_path))
    assert source.total_rows() == 15
    batches = list(source.batches(4))
    frame = pl.concat(batches)
    assert frame["source_index"].to_list() == list(range(15))
    assert frame["prompt"][5] == "p1-0"


def test_glob_and_fingerprint_follow_content(tmp_path):
    a = _jsonl(tmp_path / "x1.jsonl", [{"prompt": "a", "response": "b"}])
    source = open_source(str(tmp_path / "x*.jsonl"))
    assert source.files == [str(a)]
    before = source.fingerprint
    _jsonl(a, [{"prompt": "a", "response": "c"}])
    assert Source("files", "json", [str(a)]).fingerprint != before


@pytest.mark.parametrize(
    "spec, message",
    [
        ("does/not/exist.jsonl", "unknown source"),
        ("notes.txt", "unsupported file type"),
        ("empty_dir", "contains no .parquet"),
    ],
)
def test_bad_sources(tmp_path, spec, message):
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "empty_dir").mkdir()
    path = spec if spec.startswith("does") else str(tmp_path / spec)
    with pytest.raises(CurateError, match=message):
        open_source(path)


def test_schema_without_response_is_refused(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", [{"prompt": "p", "text": "t"}])
    with pytest.raises(CurateError, match="no response column"):
        list(open_source(str(f)).batches(10))


def test_unreadable_file_is_a_clear_error(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(CurateError, match="cannot read source"):
        list(open_source(str(f)).batches(10))
