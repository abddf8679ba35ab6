"""A source is a list of input shards with known row counts, wherever its files live.

`open_source` names the files and fetches nothing; `Source.plan()` resolves them (the Hub revision
to a commit sha, parquet footers, JSONL line ranges) into a `SourcePlan`: the files and shards a
build reads, picklable and saved in the work folder so that --resume needs no network. Any process
can read any shard on its own (`read_shard`), which is what lets workers read in parallel.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath

import polars as pl

from curate.errors import CurateError, ResumableError
from curate.sources.columns import GLAIVE_COLUMNS, ColumnMap
from curate.sources.formats import InputShard, RowsDigest, jsonl_layout, parquet_layout, read_shard_file
from curate.sources.hub import HubRepo
from curate.sources.local import FORMATS, LocalFiles, find_files

GLAIVE_DATASET = "glaiveai/reasoning-v1-20m"
GLAIVE_LICENSE = "apache-2.0"
SHARD_ROWS = 20_000  # rows per input shard, when row groups allow: the unit of parallel work and of resume

Location = LocalFiles | HubRepo


@dataclass(frozen=True)
class SourceFile:
    path: str  # relative to the source root (or the repo root)
    format: str
    size: int
    mtime_ns: int | None  # local files only: notices a file that changed under an interrupted build
    columns: tuple[str, ...]
    rows: int


@dataclass
class SourcePlan:
    """A source resolved into files and shards: what a build reads and what its manifest records."""

    name: str
    location: Location  # a Hub repo here is pinned to a commit sha
    files: list[SourceFile]
    shards: list[InputShard]
    dataset: str | None = None
    license: str | None = None

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def revision(self) -> str | None:
        return self.location.revision if isinstance(self.location, HubRepo) else None

    def check_columns(self, columns: ColumnMap = GLAIVE_COLUMNS, prompt_only: bool = False) -> None:
        """Every file with rows has the columns `columns` reads; the error names those it has."""
        for f in self.files:
            missing = [c for c in columns.required(prompt_only) if c not in f.columns]
            if missing and f.rows:
                raise CurateError(
                    f"source {self.name!r} has no {' or '.join(missing)} column in {f.path} "
                    f"(columns: {', '.join(f.columns) or 'none'}); name yours with --prompt-column and "
                    "--response-column, or --messages-column for chat turns"
                )

    def changed_files(self) -> list[str]:
        """Local files whose size or mtime differ from when the plan was made."""
        if not isinstance(self.location, LocalFiles):
            return []  # a pinned commit never changes
        changed = []
        for f in self.files:
            try:
                now = self.location.stat(f.path)
            except OSError:
                now = None
            if now != (f.size, f.mtime_ns):
                changed.append(f.path)
        return changed

    def describe(self, fingerprint: str) -> dict:
        """The manifest's `source`: names relative to the source root, never a path of this machine."""
        return {
            "name": self.name,
            "dataset": self.dataset,
            "revision": self.revision,
            "files": [f.path for f in self.files],
            "license": self.license,
            "rows": self.rows,
            "fingerprint": fingerprint,
        }

    def to_json(self) -> dict:
        location = (
            {"kind": "hub", "repo_id": self.location.repo_id, "revision": self.location.revision,
             "endpoint": self.location.endpoint}
            if isinstance(self.location, HubRepo)
            else {"kind": "local", "root": self.location.root}
        )
        return {
            "name": self.name, "dataset": self.dataset, "license": self.license, "location": location,
            "files": [asdict(f) for f in self.files], "shards": [asdict(s) for s in self.shards],
        }

    @classmethod
    def from_json(cls, data: dict) -> SourcePlan:
        where = data["location"]
        location = (
            HubRepo(where["repo_id"], where["revision"], where["endpoint"])
            if where["kind"] == "hub"
            else LocalFiles(where["root"])
        )
        files = [SourceFile(**{**f, "columns": tuple(f["columns"])}) for f in data["files"]]
        return cls(data["name"], location, files, [InputShard(**s) for s in data["shards"]],
                   data["dataset"], data["license"])


def read_shard(location: Location, shard: InputShard, batch_size: int, digest: RowsDigest | None = None,
               columns: ColumnMap = GLAIVE_COLUMNS) -> Iterator[pl.DataFrame]:
    """The shard's rows as SOURCE_SCHEMA batches, read by whichever process calls this (only the
    columns `columns` maps), and hashed into `digest` when one is given."""
    try:
        with location.open(shard.file, shard.size) as file:
            yield from read_shard_file(file, shard, batch_size, digest, columns)
    except CurateError:
        raise
    except OSError as e:
        if e.errno is None:  # pyarrow's own errors about the bytes it read
            raise CurateError(f"cannot read {shard.file}: {e}") from None
        raise ResumableError(f"cannot read {shard.file}: {e.strerror or e}; "
                             "run the same command with --resume once it is readable") from None
    except Exception as e:  # pyarrow raises several types for a corrupt file
        raise CurateError(f"cannot read {shard.file}: {type(e).__name__}: {e}") from None


@dataclass
class Source:
    """A source as the user named it; `plan()` is the first thing that reads or fetches anything."""

    name: str
    location: Location
    files: list[str] | None = None  # local files; a Hub repo's are listed by plan()
    dataset: str | None = None
    license: str | None = None

    @property
    def address(self) -> str:
        """Names this source on this machine (for the work folder's name; never published)."""
        return f"{self.location.address}\n" + "\n".join(self.files or [])

    def plan(self, shard_rows: int = SHARD_ROWS) -> SourcePlan:
        location, license = self.location, self.license
        if isinstance(location, HubRepo):
            location, card_license = location.resolve()
            license = license or card_license
            listed = location.parquet_files()
        else:
            listed = [(path, None) for path in self.files]
        files, shards, start = [], [], 0
        for path, size in listed:
            file_format = FORMATS[PurePosixPath(path).suffix]
            layout_of = parquet_layout if file_format == "parquet" else jsonl_layout
            try:
                mtime_ns = None
                if isinstance(location, LocalFiles):
                    size, mtime_ns = location.stat(path)
                with location.open(path, size) as file:
                    layout = layout_of(file, shard_rows)
            except CurateError:
                raise
            except Exception as e:
                raise CurateError(f"cannot read source {self.name!r}: {path}: {type(e).__name__}: {e}") from None
            for begin, end, rows in layout.pieces:
                shards.append(InputShard(len(shards), path, file_format, size, start, rows, begin, end))
                start += rows
            files.append(SourceFile(path, file_format, size, mtime_ns, layout.columns, sum(p[2] for p in layout.pieces)))
        if start == 0:
            raise CurateError(f"the source {self.name!r} holds no rows")
        return SourcePlan(self.name, location, files, shards, self.dataset, license)

    def batches(self, batch_size: int, prompt_only: bool = False,
                columns: ColumnMap = GLAIVE_COLUMNS) -> Iterator[pl.DataFrame]:
        """Every row in source order (for `curate classify`); `prompt_only` accepts files without a
        response column."""
        plan = self.plan()
        plan.check_columns(columns, prompt_only)
        for shard in plan.shards:
            yield from read_shard(plan.location, shard, batch_size, columns=columns)


def open_source(spec: str) -> Source:
    """'glaive', 'hf://datasets/OWNER/NAME[@REVISION]', 'sample', or local files, folders and globs."""
    if spec == "glaive":
        return Source("glaive", HubRepo(GLAIVE_DATASET), dataset=GLAIVE_DATASET, license=GLAIVE_LICENSE)
    if spec.startswith("hf://"):
        repo_id, _, revision = spec.removeprefix("hf://datasets/").partition("@")
        if not spec.startswith("hf://datasets/") or repo_id.count("/") != 1 or not all(repo_id.split("/")):
            raise CurateError(f"malformed Hub source {spec!r}: expected hf://datasets/OWNER/NAME[@REVISION]")
        return Source("hub", HubRepo(repo_id, revision or "main"), dataset=repo_id)
    if spec == "sample":
        from curate.sources.sample import sample_files

        files = sample_files()
        return Source("sample", LocalFiles(str(files[0].parent.resolve())), [f.name for f in files],
                      license="apache-2.0")
    location, files = find_files(spec)
    return Source("files", location, files)
