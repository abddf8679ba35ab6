"""Column mapping: other column names, chat turns and a separate reasoning column, for builds and classify."""

import json
import os
import re

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import HUB_ROW_GROUP_ROWS

from curate.cli import main
from curate.errors import CurateError
from curate.sources import open_source
from curate.sources.columns import ColumnMap
from curate.store import Store

BUILD = ["build", "--topics", "writing,summary", "--languages", "all", "--quiet", "--workers", "1"]


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _read(path, **flags) -> pl.DataFrame:
    return pl.concat(open_source(str(path)).batches(100, columns=ColumnMap.from_flags(**flags)))


def _renamed(parquet_dataset, folder, noise_bytes: int = 0):
    """The shared parquet files with instruction/output for prompt/response, plus an unused column."""
    folder.mkdir()
    for path in sorted(parquet_dataset.glob("*.parquet")):
        table = pq.read_table(path).rename_columns(["instruction", "output"])
        noise = [os.urandom(noise_bytes).hex() for _ in range(table.num_rows)]
        table = table.append_column("noise", pa.array(noise, pa.string()))
        pq.write_table(table, folder / path.name, row_group_size=HUB_ROW_GROUP_ROWS, compression="zstd")
    return folder


def test_renamed_columns_build_the_same_shards(parquet_dataset, tmp_path):
    renamed = _renamed(parquet_dataset, tmp_path / "renamed", noise_bytes=8)
    assert main([*BUILD, "--source", str(parquet_dataset), "--store", str(tmp_path / "a")]) == 0
    assert main([*BUILD, "--source", str(renamed), "--store", str(tmp_path / "b"),
                 "--prompt-column", "instruction", "--response-column", "output"]) == 0
    glaive, mapped = (Store(tmp_path / s).resolve("writing-summary").manifest for s in "ab")
    assert [s["sha256"] for s in mapped["shards"]] == [s["sha256"] for s in glaive["shards"]]
    assert mapped["source"]["fingerprint"] == glaive["source"]["fingerprint"]  # the same rows as read
    assert mapped["config"]["columns"] == {"prompt": "instruction", "response": "output"}
    assert glaive["config"]["columns"] == {"prompt": "prompt", "response": "response"}
    assert mapped["config_hash"] != glaive["config_hash"]  # the mapping decides content


def test_only_the_mapped_columns_are_fetched_from_the_hub(hub, parquet_dataset, tmp_path):
    """Column projection happens where the shard is read: a wide unused column costs no download."""
    renamed = _renamed(parquet_dataset, tmp_path / "renamed", noise_bytes=1500)
    files = {f"data/{p.name}": p.read_bytes() for p in sorted(renamed.glob("*.parquet"))}
    total = sum(map(len, files.values()))
    noise = 0
    for path in renamed.glob("*.parquet"):
        metadata = pq.ParquetFile(path).metadata
        noise += sum(metadata.row_group(g).column(2).total_compressed_size for g in range(metadata.num_row_groups))
    hub.add_dataset("test-org/wide", files)
    assert main([*BUILD, "--source", "hf://datasets/test-org/wide", "--store", str(tmp_path / "s"),
                 "--prompt-column", "instruction", "--response-column", "output"]) == 0
    fetched = sum(r.byte_range[1] - r.byte_range[0] for r in hub.downloads(".parquet") if r.byte_range)
    assert 0 < fetched < total - noise * 0.8  # reading the noise would fetch all of `total`


def test_reasoning_column_becomes_the_think_block(tmp_path):
    f = _jsonl(tmp_path / "split.jsonl", [
        {"question": "Write a haiku about rain.", "thinking": "Five, seven, five.", "answer": "Rain on the roof."},
        {"question": "Write a limerick.", "thinking": None, "answer": "There once was a cat."},
        {"question": "Write a poem.", "thinking": 7, "answer": "A poem."},
    ])
    expected = ["<think>\nFive, seven, five.\n</think>\n\nRain on the roof.", "There once was a cat.", "A poem."]
    batch = _read(f, prompt="question", response="answer", reasoning="thinking")
    assert batch["prompt"][0] == "Write a haiku about rain."
    assert batch["response"].to_list() == expected
    assert batch["field_error"].to_list() == [None, None, "reasoning_not_string"]
    # parquet, the trace as large_string beside plain strings (polars and pyarrow write different widths)
    table = pa.table({"question": pa.array(batch["prompt"].to_list()), "answer": ["Rain on the roof.",
                      "There once was a cat.", "A poem."], "thinking": pa.array(["Five, seven, five.", None, None],
                                                                                 pa.large_string())})
    pq.write_table(table, tmp_path / "split.parquet")
    batch = _read(tmp_path / "split.parquet", prompt="question", response="answer", reasoning="thinking")
    assert batch["response"].to_list() == expected


CHATS = [
    {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "q1"},
                  {"role": "assistant", "content": "a1"}, {"role": "user", "content": "q2"},
                  {"role": "assistant", "content": "<think>r2</think>a2", "name": "bot"}]},
    {"messages": [{"from": "human", "value": "hq"}, {"from": "gpt", "value": "<think>r</think>ha"}]},
    {"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"},
                  {"role": "user", "content": "unanswered"}]},
    {"messages": [{"role": "user", "content": "alone"}]},
    {"messages": [{"role": "assistant", "content": "no question"}]},
    {"messages": None},
    {"messages": "not a chat"},
    {"messages": [{"role": "user", "content": [{"type": "text", "text": "parts"}]}]},
]
EXPECTED = [
    ("q2", "<think>r2</think>a2", None),
    ("hq", "<think>r</think>ha", None),
    ("q", "a", None),
    (None, None, "no_turn:assistant"),
    (None, "no question", "no_turn:user"),
    (None, None, "null:messages"),
    (None, None, "not_chat:messages"),
    (None, None, "not_chat:messages"),
]


@pytest.mark.parametrize("clean_only", [True, False])  # pyarrow's block parser, and the line-by-line path
def test_chat_turns_give_the_last_exchange(tmp_path, clean_only):
    rows = CHATS[:6] if clean_only else CHATS
    f = _jsonl(tmp_path / "chats.jsonl", rows)
    batch = _read(f, messages="messages")
    got = list(zip(batch["prompt"], batch["response"], batch["field_error"]))
    assert [g[2] for g in got] == [e[2] for e in EXPECTED[:len(rows)]]
    assert [g[:2] for g, e in zip(got, EXPECTED) if e[2] is None] == [e[:2] for e in EXPECTED[:3]]


@pytest.mark.parametrize("writer", ["pyarrow", "polars"])  # list/string, or large_list/large_string
def test_chat_turns_in_parquet(tmp_path, writer):
    chats = [r["messages"] for r in CHATS[:3]]
    if writer == "pyarrow":
        pq.write_table(pa.table({"conversation": chats}), tmp_path / "chats.parquet")
    else:
        pl.from_arrow(pa.table({"conversation": chats})).write_parquet(tmp_path / "chats.parquet")
    batch = _read(tmp_path / "chats.parquet", messages="conversation")
    assert batch["prompt"].to_list() == ["q2", "hq", "q"]
    assert batch["response"].to_list() == ["<think>r2</think>a2", "<think>r</think>ha", "a"]
    assert batch["field_error"].to_list() == [None, None, None]
    sparse = [[{"role": "user", "content": "q", "from": None}, {"role": "assistant", "content": "a", "from": None}]]
    pq.write_table(pa.table({"conversation": sparse}), tmp_path / "sparse.parquet")  # `from` typed null
    assert _read(tmp_path / "sparse.parquet", messages="conversation")["response"].to_list() == ["a"]
    pq.write_table(pa.table({"conversation": ["a string, not turns"]}), tmp_path / "flat.parquet")
    with pytest.raises(CurateError, match="holds string, not lists of chat turns"):
        _read(tmp_path / "flat.parquet", messages="conversation")


def test_a_chat_build_drops_what_has_no_think_block(tmp_path):
    chats = [{"messages": [{"role": "user", "content": f"Write a short story about a lighthouse number {i}."},
                           {"role": "assistant", "content": f"<think>A keeper, a storm, number {i}.</think>"
                                                            f"The keeper of lighthouse {i} watched the storm roll in."}]}
             for i in range(3)]
    chats.append({"messages": [{"role": "user", "content": "Write a poem about the sea."},
                               {"role": "assistant", "content": "The sea, the sea."}]})
    f = _jsonl(tmp_path / "chats.jsonl", chats)
    assert main([*BUILD, "--source", str(f), "--store", str(tmp_path / "s"), "--messages-column", "messages",
                 "--no-quality", "--dedup-threshold", "0.99"]) == 0
    version = Store(tmp_path / "s").resolve("writing-summary")
    assert version.read()["prompt"].to_list()[0] == "Write a short story about a lighthouse number 0."
    assert version.read_dropped().filter(pl.col("source_index") == 3)["reason"].to_list() == ["no_think_block"]
    assert version.manifest["config"]["columns"] == {"messages": "messages"}


@pytest.mark.parametrize("flags, message", [
    (["--prompt-column", "instruction", "--response-column", "output"], r"no instruction column in in\.jsonl \(columns: question, output\)"),
    (["--messages-column", "chat"], r"no chat column in in\.jsonl \(columns: question, output\)"),
    (["--messages-column", "chat", "--prompt-column", "question"], "without --prompt-column"),
    (["--prompt-column", "question", "--response-column", "output", "--reasoning-column", "output"],
     "one source column named for two roles"),
])
def test_column_errors_name_the_columns_that_exist(tmp_path, capsys, flags, message):
    f = _jsonl(tmp_path / "in.jsonl", [{"question": "Write a poem", "output": "<think>r</think>a"}])
    assert main([*BUILD, "--source", str(f), "--store", str(tmp_path / "s"), *flags]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert re.search(message, err)


def test_classify_reads_mapped_columns(tmp_path, capsys):
    f = _jsonl(tmp_path / "in.jsonl", [
        {"instruction": "Write a short story about a lighthouse keeper who befriends a storm."},
        {"instruction": "Solve for x: 3x + 5 = 20"},
    ])
    assert main(["classify", str(f), "--topics", "writing", "--prompt-column", "instruction"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["topic"] for r in rows] == ["writing", "math"] and rows[0]["verdict"] == "kept"
