"""Local files: a file, a folder or a glob, named relative to the root the user gave.

Manifests record the relative names only, so nothing published names a path of the machine that
built it.
"""

from __future__ import annotations

import glob
import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from curate.errors import CurateError

FORMATS = {".parquet": "parquet", ".jsonl": "jsonl", ".json": "jsonl"}


@dataclass(frozen=True)
class LocalFiles:
    """Files under `root`; picklable, so a worker process opens its own shards."""

    root: str  # absolute; used for reading and for the work folder's name, never published

    @property
    def address(self) -> str:
        return f"file://{self.root}"

    def open(self, path: str, size: int | None = None) -> pa.NativeFile:
        """A native file: pyarrow reads it without holding the GIL."""
        return pa.OSFile(os.path.join(self.root, path))

    def stat(self, path: str) -> tuple[int, int]:
        """(size, mtime_ns): enough to notice a file changed under an interrupted build."""
        st = os.stat(os.path.join(self.root, path))
        return st.st_size, st.st_mtime_ns


def find_files(spec: str) -> tuple[LocalFiles, list[str]]:
    """A file, a folder (its parquet/JSONL files, recursively) or a glob -> root + sorted relative names.

    The root is the folder itself, the file's folder, or the glob's folder before its first wildcard.
    """
    path = Path(spec)
    if path.is_dir():
        root = path
        found = [p for p in path.rglob("*") if p.suffix in FORMATS and p.is_file()]
    elif any(ch in spec for ch in "*?["):
        fixed = itertools.takewhile(lambda part: not any(ch in part for ch in "*?["), path.parts[:-1])
        root = Path(*fixed)
        found = [Path(p) for p in glob.glob(spec, recursive=True) if Path(p).suffix in FORMATS and Path(p).is_file()]
    elif path.is_file():
        if path.suffix not in FORMATS:
            raise CurateError(f"unsupported file type {path.suffix!r} for {spec}: use .parquet, .jsonl or .json")
        root, found = path.parent, [path]
    else:
        raise CurateError(
            f"unknown source {spec!r}: not 'glaive', 'sample', hf://datasets/OWNER/NAME, or an existing file, "
            "folder or glob"
        )
    if not found:
        raise CurateError(f"source {spec!r} contains no .parquet, .jsonl or .json files")
    kinds = {FORMATS[p.suffix] for p in found}
    if len(kinds) > 1:
        raise CurateError(f"source {spec!r} mixes parquet and JSON files; point at one kind")
    root = root.resolve()
    names = sorted(p.resolve().relative_to(root).as_posix() for p in found)
    return LocalFiles(str(root)), names
