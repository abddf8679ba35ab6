"""Stream a source as polars batches of `schema.SOURCE_SCHEMA`, with `datasets` streaming.

The Hub dataset and local files share one reader, so what tests exercise on generated local files
is the code that streams the 22M-row Hub dataset.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import polars as pl
import pyarrow as pa

from curate.errors import CurateError
from curate.schema import SOURCE_SCHEMA

GLAIVE_DATASET = "glaiveai/reasoning-v1-20m"
GLAIVE_LICENSE = "apache-2.0"
_FORMATS = {".parquet": "parquet", ".jsonl": "json", ".json": "json"}
REQUIRED_FIELDS = ("prompt", "response")


@dataclass
class Source:
    """A named stream of rows plus what the manifest records about it."""

    name: str
    builder: str  # the `datasets` builder: a Hub repo id, "parquet" or "json"
    files: list[str] = field(default_factory=list)
    revision: str | None = None
    license: str | None = None
    dataset: str | None = None

    @cached_property
    def fingerprint(self) -> str:
        """Identity of the input: Hub revision, or each file's name, size, first and last MiB.

        Content-based (a copied file keeps its fingerprint) yet cheap on many-GB inputs.
        """
        digest = hashlib.sha256(f"{self.builder}\n{self.revision or ''}\n".encode())
        for f in self.files:
            size = Path(f).stat().st_size
            digest.update(f"{Path(f).name}:{size}\n".encode())
            with open(f, "rb") as fh:
                digest.update(fh.read(1 << 20))
                fh.seek(max(size - (1 << 20), 0))
                digest.update(fh.read(1 << 20))
        return digest.hexdigest()

    def describe(self) -> dict:
        return {
            "name": self.name,
            "dataset": self.dataset,
            "revision": self.revision,
            "files": self.files,
            "license": self.license,
            "fingerprint": self.fingerprint,
        }

    def batches(self, batch_size: int, prompt_only: bool = False) -> Iterator[pl.DataFrame]:
        """Yield consecutive batches; `source_index` counts rows from 0 across the whole stream.

        `prompt_only` accepts inputs without a `response` column (for `curate classify`).
        """
        import datasets

        start = 0
        try:
            if self.files:
                stream = datasets.load_dataset(self.builder, data_files=self.files, split="train", streaming=True)
            else:
                stream = _open_hub(self.builder, self.revision)
            for table in stream.with_format("arrow").iter(batch_size=batch_size):
                columns = table.column_names
                if prompt_only and "response" not in columns:
                    table = table.append_column("response", pa.nulls(table.num_rows, pa.string()))
                missing = [f for f in REQUIRED_FIELDS if f not in table.column_names]
                if missing:
                    raise CurateError(
                        f"source {self.name!r} has no {' or '.join(missing)} column "
                        f"(columns: {', '.join(columns) or 'none'}); expected the glaive schema prompt, response"
                    )
                batch = arrow_to_source_batch(table, start)
                start += batch.height
                yield batch
        except CurateError:
            raise
        except Exception as e:  # datasets/pyarrow raise many types for unreadable files
            raise CurateError(f"cannot read source {self.name!r}: {type(e).__name__}: {e}") from None

    def total_rows(self) -> int | None:
        """Rows in the source when cheap to know (parquet metadata, line counts), else None."""
        if not self.files:
            return None
        import pyarrow.parquet as pq

        total = 0
        for f in self.files:
            try:
                if f.endswith(".parquet"):
                    total += pq.ParquetFile(f).metadata.num_rows
                else:
                    with open(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
            except Exception as e:
                raise CurateError(f"cannot read {f}: {type(e).__name__}: {e}") from None
        return total


def arrow_to_source_batch(table: pa.Table, start: int) -> pl.DataFrame:
    """Typed string columns go straight to polars; anything else is checked value by value.

    JSON files whose fields mix types arrive as JSON-encoded text (`datasets`' Json feature):
    decoding it recovers the original values, so a number in `response` is reported, not stringified.
    """
    values = {}
    for name in REQUIRED_FIELDS:
        column = table.column(name)
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            values[name] = column
        elif pa.types.is_null(column.type):
            values[name] = pa.nulls(len(column), pa.string())
        else:
            values[name] = None
    if all(v is not None for v in values.values()):
        return pl.DataFrame(
            {
                "source_index": pl.int_range(start, start + table.num_rows, eager=True),
                "prompt": pl.from_arrow(values["prompt"]),
                "response": pl.from_arrow(values["response"]),
                "field_error": pl.Series([None] * table.num_rows, dtype=pl.String),
            }
        ).cast(SOURCE_SCHEMA)
    decoded = [
        table.column(name).to_pylist() if values[name] is not None else _decode_json(table.column(name))
        for name in REQUIRED_FIELDS
    ]
    return to_source_batch(*decoded, start)


def _decode_json(column: pa.ChunkedArray) -> list:
    if pa.types.is_string(column.type.storage_type if hasattr(column.type, "storage_type") else column.type):
        return [json.loads(v) if v is not None else None for v in column.to_pylist()]
    return column.to_pylist()  # e.g. an integer or list column: every value is a non-string


def to_source_batch(prompts: list, responses: list, start: int) -> pl.DataFrame:
    """Turn raw values into typed columns; a non-string value becomes null plus a `field_error`."""
    errors = []
    for p, r in zip(prompts, responses, strict=True):
        bad = [name for name, v in (("prompt", p), ("response", r)) if v is not None and not isinstance(v, str)]
        errors.append(f"{bad[0]}_not_string" if bad else None)
    return pl.DataFrame(
        {
            "source_index": range(start, start + len(prompts)),
            "prompt": [p if isinstance(p, str) else None for p in prompts],
            "response": [r if isinstance(r, str) else None for r in responses],
            "field_error": errors,
        },
        schema=SOURCE_SCHEMA,
    )


def _open_hub(dataset: str, revision: str | None):
    import datasets

    try:
        return datasets.load_dataset(dataset, split="train", streaming=True, revision=revision)
    except Exception as e:
        raise CurateError(
            f"cannot reach the Hugging Face Hub to stream {dataset} ({type(e).__name__}). "
            "Use --source sample for the embedded sample, or --source PATH for local parquet/JSONL files."
        ) from None


def _hub_revision(dataset: str) -> str:
    """The commit the stream reads, so a version names exactly what it was built from."""
    try:
        from huggingface_hub import HfApi

        return HfApi().dataset_info(dataset, timeout=15).sha
    except Exception as e:
        raise CurateError(
            f"cannot reach the Hugging Face Hub for {dataset} ({type(e).__name__}). "
            "Use --source sample for the embedded sample, or --source PATH for local parquet/JSONL files."
        ) from None


def expand_files(spec: str) -> list[str]:
    """A file, a folder (its parquet/JSONL files) or a glob -> sorted list of data files."""
    path = Path(spec)
    if path.is_dir():
        found = sorted(str(p) for p in path.rglob("*") if p.suffix in _FORMATS and p.is_file())
    elif any(ch in spec for ch in "*?["):
        found = sorted(p for p in glob.glob(spec, recursive=True) if Path(p).suffix in _FORMATS)
    elif path.is_file():
        if path.suffix not in _FORMATS:
            raise CurateError(f"unsupported file type {path.suffix!r} for {spec}: use .parquet, .jsonl or .json")
        found = [str(path)]
    else:
        raise CurateError(
            f"unknown source {spec!r}: not 'glaive', 'sample', or an existing file, folder or glob"
        )
    if not found:
        raise CurateError(f"source {spec!r} contains no .parquet, .jsonl or .json files")
    kinds = {_FORMATS[Path(f).suffix] for f in found}
    if len(kinds) > 1:
        raise CurateError(f"source {spec!r} mixes parquet and JSON files; point at one kind")
    return found


def open_source(spec: str) -> Source:
    """'glaive' (the Hub dataset), 'sample' (embedded), or local files/folders/globs."""
    if spec == "glaive":
        return Source(
            name="glaive",
            builder=GLAIVE_DATASET,
            revision=_hub_revision(GLAIVE_DATASET),
            license=GLAIVE_LICENSE,
            dataset=GLAIVE_DATASET,
        )
    if spec == "sample":
        from curate.sources.sample import sample_files

        files = [str(f) for f in sample_files()]
        return Source(name="sample", builder="json", files=files, license="apache-2.0")
    files = expand_files(spec)
    return Source(name="files", builder=_FORMATS[Path(files[0]).suffix], files=files)
