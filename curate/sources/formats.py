"""Parquet and JSON Lines files: how one is cut into input shards, and how a shard is read.

A shard is a run of consecutive parquet row groups, or a byte range of whole JSONL lines, with its
row count known before it is read (from the parquet footer, or from one pass over the JSONL lines),
so every shard knows the `source_index` of its first row without reading the shards before it.

Reading projects the columns a `ColumnMap` names, renames them to their roles and yields polars
batches of `schema.SOURCE_SCHEMA`. A value that is not a string becomes null plus a `field_error`
(`prompt_not_string`); a row whose bytes are not valid UTF-8 gets `invalid_utf8`, a JSONL line that
is not a JSON object gets `invalid_json`, a chat that is not a list of turns `not_chat:messages`.
The validate stage turns these into drop reasons, so no bad row stops a build or goes uncounted.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json
import pyarrow.parquet as pq
import xxhash

from curate.errors import CurateError
from curate.schema import SOURCE_SCHEMA
from curate.sources.columns import GLAIVE_COLUMNS, TEXT_ROLES, ColumnMap, is_turns, last_exchange, turns_array

FIELDS = ("prompt", "response")  # what a batch holds, whatever the source's layout
JSONL_BLOCK_BYTES = 24 << 20  # a JSONL shard is parsed this many bytes at a time (whole lines)
_JSON_SPACE = b" \t\r\n"
NOT_UTF8 = object()  # a value whose bytes are not UTF-8


@dataclass(frozen=True)
class InputShard:
    """Rows `start .. start + rows - 1` of the source: row groups or bytes `[begin, end)` of `file`."""

    index: int
    file: str
    format: str  # "parquet" | "jsonl"
    size: int  # of the file, in bytes
    start: int
    rows: int
    begin: int
    end: int


@dataclass(frozen=True)
class FileLayout:
    """What planning learned about one file: its columns and its pieces (row groups or line ranges)."""

    columns: tuple[str, ...]
    pieces: list[tuple[int, int, int]]  # (begin, end, rows)


def parquet_layout(file: pa.NativeFile, shard_rows: int) -> FileLayout:
    """Consecutive row groups joined until they hold `shard_rows` rows (a bigger row group stays whole)."""
    metadata = pq.ParquetFile(file).metadata
    pieces, begin, rows = [], 0, 0
    for group in range(metadata.num_row_groups):
        rows += metadata.row_group(group).num_rows
        if rows >= shard_rows or group == metadata.num_row_groups - 1:
            if rows:
                pieces.append((begin, group + 1, rows))
            begin, rows = group + 1, 0
    return FileLayout(tuple(metadata.schema.to_arrow_schema().names), pieces)


def jsonl_layout(file: pa.NativeFile, shard_rows: int) -> FileLayout:
    """Byte ranges of `shard_rows` non-blank lines each; columns are the keys of the first object."""
    pieces, begin, offset, rows = [], 0, 0, 0
    columns: tuple[str, ...] | None = None
    for line in _lines(file):
        offset += len(line)
        if not line.strip(_JSON_SPACE):
            continue
        if columns is None:
            if line.lstrip(_JSON_SPACE).startswith(b"["):
                raise ValueError("the file holds a JSON array; curate reads JSON Lines (one object per line)")
            columns = _keys(line)
        rows += 1
        if rows == shard_rows:
            pieces.append((begin, offset, rows))
            begin, rows = offset, 0
    if rows:
        pieces.append((begin, offset, rows))
    return FileLayout(columns or (), pieces)


def _lines(file: pa.NativeFile) -> Iterator[bytes]:
    """The file's lines, each with its newline (the last one may lack it)."""
    carry = b""
    while chunk := file.read(1 << 20):
        lines = (carry + chunk).split(b"\n")
        carry = lines.pop()
        for line in lines:
            yield line + b"\n"
    if carry:
        yield carry


def _keys(line: bytes) -> tuple[str, ...] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return tuple(value) if isinstance(value, dict) else None


def read_shard_file(file: pa.NativeFile, shard: InputShard, batch_size: int, digest: RowsDigest | None = None,
                    columns: ColumnMap = GLAIVE_COLUMNS) -> Iterator[pl.DataFrame]:
    """The shard's rows as SOURCE_SCHEMA batches; a field missing from the file reads as null."""
    reader = _parquet_batches if shard.format == "parquet" else _jsonl_batches
    start = shard.start
    for table in reader(file, shard, batch_size, columns):
        batch = source_batch(table, start, digest)
        start += batch.height
        yield batch
    if start != shard.start + shard.rows:
        raise CurateError(f"{shard.file} changed while it was read: {start - shard.start} rows where its "
                          f"shard had {shard.rows}; run the build again without --resume")


def _parquet_batches(file: pa.NativeFile, shard: InputShard, batch_size: int,
                     columns: ColumnMap) -> Iterator[pa.Table]:
    """Only the mapped columns are read (column projection): a wide file costs what its two columns do."""
    parquet = pq.ParquetFile(file)
    names = [c for c in columns.sources.values() if c in parquet.schema_arrow.names]
    for batch in parquet.iter_batches(batch_size, row_groups=range(shard.begin, shard.end), columns=names,
                                      use_threads=False):
        yield columns.to_roles(pa.Table.from_batches([batch]))


def _jsonl_batches(file: pa.NativeFile, shard: InputShard, batch_size: int,
                   columns: ColumnMap) -> Iterator[pa.Table]:
    """Whole lines, about JSONL_BLOCK_BYTES at a time: pyarrow parses a block in one go; a block it
    rejects (a non-string value, invalid UTF-8, a broken line) is parsed line by line instead."""
    file.seek(shard.begin)
    left, carry = shard.end - shard.begin, b""
    while left or carry:
        chunk = file.read(min(JSONL_BLOCK_BYTES, left)) if left else b""
        left -= len(chunk)
        data = carry + chunk
        cut = data.rfind(b"\n") + 1 if left else len(data)
        block, carry = data[:cut], data[cut:]
        if block:
            yield _parse_jsonl(block, columns)


def _parse_jsonl(block: bytes, columns: ColumnMap) -> pa.Table:
    try:
        return columns.to_roles(pa_json.read_json(
            io.BytesIO(block),
            read_options=pa_json.ReadOptions(block_size=len(block) + 1, use_threads=False),
            parse_options=pa_json.ParseOptions(explicit_schema=columns.jsonl_schema(),
                                               unexpected_field_behavior="ignore"),
        ))
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return _parse_lines(block, columns)


def _parse_lines(block: bytes, columns: ColumnMap) -> pa.Table:
    """The slow path: each line on its own, so one bad line costs only its own row."""
    values: dict[str, list] = {role: [] for role in columns.sources}
    errors: list[str | None] = []
    for line in block.split(b"\n"):
        if not line.strip(_JSON_SPACE):
            continue
        row, error = {}, None
        try:
            parsed = json.loads(line.decode("utf-8"))
            if isinstance(parsed, dict):
                row = parsed
            else:
                error = "invalid_json"
        except UnicodeDecodeError:
            error = "invalid_utf8"
        except ValueError:
            error = "invalid_json"
        for role, column in columns.sources.items():
            values[role].append(row.get(column))
        errors.append(error)
    typed, errors = _typed(values, errors)
    return pa.table({**typed, "field_error": errors})


def _typed(columns: dict[str, list], errors: list) -> tuple[dict[str, pa.Array], pa.Array]:
    """Python values of each role -> typed columns and field errors; a value that is not text (or
    not a chat, for `messages`) becomes null, and its row gets a `field_error` (the first one found)."""
    for role, values in columns.items():
        for i, value in enumerate(values):
            if role == "messages":
                if value is not None and not is_turns(value):
                    errors[i], values[i] = errors[i] or "not_chat:messages", None
            elif value is NOT_UTF8 or isinstance(value, str) and not _encodable(value):  # "\ud800" is no text
                errors[i], values[i] = errors[i] or "invalid_utf8", None
            elif value is not None and not isinstance(value, str):
                errors[i], values[i] = errors[i] or f"{role}_not_string", None
    typed = {role: turns_array(values) if role == "messages" else pa.array(values, pa.string())
             for role, values in columns.items()}
    return typed, pa.array(errors, pa.string())


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def source_batch(table: pa.Table, start: int, digest: RowsDigest | None = None) -> pl.DataFrame:
    """An Arrow table of roles (prompt/response or messages, maybe reasoning; any types, any may be
    missing) -> SOURCE_SCHEMA rows numbered from `start`, hashed into `digest` on the way. String
    columns with valid UTF-8, the usual case, go through untouched. A reasoning column goes into the
    response as `<think>` + reasoning + `</think>` + response, so the rewrite stage splits it as usual."""
    n = table.num_rows
    roles = [r for r in TEXT_ROLES if r in table.column_names or r in FIELDS]
    columns = {role: _string_or_nulls(table, role, n) for role in roles}
    errors = table.column("field_error").combine_chunks() if "field_error" in table.column_names else None
    if "messages" in table.column_names:
        columns["prompt"], columns["response"], chat_errors = last_exchange(table.column("messages"))
        errors = chat_errors if errors is None else pc.coalesce(errors, chat_errors)
    if not all(_valid_strings(c) for c in columns.values()):
        columns, errors = _typed({r: _python_values(c) for r, c in columns.items()},
                                 errors.to_pylist() if errors is not None else [None] * n)
    if errors is None:
        errors = pa.nulls(n, pa.string())
    if "reasoning" in columns:
        columns["response"] = with_reasoning(columns.pop("reasoning"), columns["response"])
    if digest is not None:
        digest.update(columns["prompt"], columns["response"], errors)
    return pl.DataFrame(
        {
            "source_index": pl.int_range(start, start + n, eager=True),
            "prompt": pl.from_arrow(columns["prompt"]),
            "response": pl.from_arrow(columns["response"]),
            "field_error": pl.from_arrow(errors),
        }
    ).cast(SOURCE_SCHEMA)


def _string_or_nulls(table: pa.Table, role: str, n: int) -> pa.Array:
    column = table.column(role) if role in table.column_names else pa.nulls(n, pa.string())
    if pa.types.is_null(column.type):
        return pa.nulls(n, pa.string())
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def with_reasoning(reasoning: pa.Array, response: pa.Array) -> pa.Array:
    """`<think>` reasoning `</think>` answer where a row has reasoning; its response as is where not
    (without a think block of its own the rewrite stage drops it as `no_think_block`)."""
    text = pa.large_string()  # one type for every piece, whichever width each column was read with
    response = response.cast(text)
    joined = pc.binary_join_element_wise(pa.scalar("<think>\n", text), reasoning.cast(text),
                                         pa.scalar("\n</think>\n\n", text), response, pa.scalar("", text))
    return pc.if_else(reasoning.is_null(), response, joined)


def _valid_strings(column: pa.Array) -> bool:
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return False
    try:
        column.validate(full=True)  # checks the UTF-8, which neither pyarrow nor polars does on read
    except pa.ArrowInvalid:
        return False
    return True


def _python_values(column: pa.Array) -> list:
    """Values as Python objects; string bytes that are not UTF-8 come back as NOT_UTF8."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column.to_pylist()
    values = []
    for raw in column.cast(pa.large_binary()).to_pylist():
        try:
            values.append(raw.decode("utf-8") if raw is not None else None)
        except UnicodeDecodeError:
            values.append(NOT_UTF8)
    return values


class RowsDigest:
    """Hash of rows as read (prompt, response, field_error), whatever file format they came from.

    Per column, three running hashes (null flags, value lengths, value bytes) make the digest
    independent of how the rows were cut into batches. They are 128-bit xxh3, which hashes at memory
    speed where sha256 would cost 5% of a build; identity needs no defence against forged inputs,
    and an accidental collision is as likely as 2^-64 after 2^32 different inputs.
    """

    def __init__(self):
        self.parts = [xxhash.xxh3_128() for _ in range(9)]

    def update(self, *columns: pa.Array) -> None:
        for k, column in enumerate(columns):
            valid, offsets = self._layout(column)
            if not valid.all() and np.diff(offsets)[~valid].any():  # null slots that still hold bytes
                column = pc.fill_null(column, "")
                valid, offsets = self._layout(column)
            self.parts[3 * k].update(valid.astype(np.uint8).tobytes())
            self.parts[3 * k + 1].update(np.diff(offsets).astype("<i8").tobytes())
            data = column.buffers()[2]
            if data is not None and len(column):
                self.parts[3 * k + 2].update(memoryview(data)[offsets[0] : offsets[-1]])

    @staticmethod
    def _layout(column: pa.Array) -> tuple[np.ndarray, np.ndarray]:
        """Null flags and value offsets of a string array, read from its buffers."""
        valid = column.is_valid().to_numpy(zero_copy_only=False)
        offsets_buffer = column.buffers()[1]
        width = np.int64 if pa.types.is_large_string(column.type) else np.int32
        if offsets_buffer is None:
            return valid, np.zeros(len(column) + 1, width)
        return valid, np.frombuffer(offsets_buffer, width)[column.offset : column.offset + len(column) + 1]

    def hexdigest(self) -> str:
        return hashlib.sha256(b"".join(p.digest() for p in self.parts)).hexdigest()
