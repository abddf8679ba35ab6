"""The versioned store: DIR/NAME/vN/ folders that appear atomically and never change.

Layout of one version (see docs/ARCHITECTURE.md):
    vN/manifest.json            config, source, funnel, shards with sha256
    vN/data/train-0000K-of-0000M.parquet   kept rows, zstd, `schema.SHARD_COLUMNS`
    vN/dropped/dropped.parquet  every dropped row: id, source_index, stage, reason, preview
    vN/README.md, vN/card.json, vN/plots/   the data card (data_cards package)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from curate.errors import CurateError

MANIFEST = "manifest.json"
DATA_DIR = "data"
DROPPED_FILE = "dropped/dropped.parquet"
STORE_ENV = "CURATE_STORE"
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_REF = re.compile(rf"^(?P<name>{_NAME})(?:@v(?P<version>[1-9][0-9]*))?$")
_VERSION_DIR = re.compile(r"^v([1-9][0-9]*)$")


def default_store_root() -> Path:
    return Path(os.environ.get(STORE_ENV) or "curated")


def parse_ref(ref: str) -> tuple[str, int | None]:
    """'NAME' -> (NAME, None) meaning newest; 'NAME@v3' -> (NAME, 3)."""
    match = _REF.match(ref.strip())
    if not match:
        raise CurateError(
            f"malformed version reference {ref!r}: expected NAME or NAME@vN (e.g. writing-summary@v2)"
        )
    version = match["version"]
    return match["name"], int(version) if version else None


def check_name(name: str) -> str:
    if not re.fullmatch(_NAME, name):
        raise CurateError(f"invalid dataset name {name!r}: use letters, digits, '.', '_' and '-'")
    return name


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Version:
    name: str
    number: int
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.name}@v{self.number}"

    @cached_property
    def manifest(self) -> dict:
        path = self.path / MANIFEST
        try:
            return json.loads(path.read_text())
        except FileNotFoundError:
            raise CurateError(f"{self.ref}: manifest missing at {path}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CurateError(f"{self.ref}: manifest at {path} is corrupt ({e})") from None

    @property
    def shard_paths(self) -> list[Path]:
        return [self.path / shard["file"] for shard in self.manifest["shards"]]

    @property
    def dropped_path(self) -> Path:
        return self.path / DROPPED_FILE

    def verify(self) -> None:
        """Check every shard against the sha256 recorded in the manifest."""
        for shard in self.manifest["shards"]:
            path = self.path / shard["file"]
            if not path.is_file():
                raise CurateError(f"{self.ref}: shard {shard['file']} is missing")
            if sha256_file(path) != shard["sha256"]:
                raise CurateError(f"{self.ref}: shard {shard['file']} does not match its sha256 (corrupt)")

    def read(self, columns: list[str] | None = None, verify: bool = True) -> pl.DataFrame:
        """All kept rows, in source order."""
        if verify:
            self.verify()
        paths = self.shard_paths
        if not paths:
            raise CurateError(f"{self.ref} has no shards")
        return pl.read_parquet(paths, columns=columns)

    def read_dropped(self) -> pl.DataFrame:
        if not self.dropped_path.is_file():
            raise CurateError(f"{self.ref}: {DROPPED_FILE} is missing")
        return pl.read_parquet(self.dropped_path)


class Store:
    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_store_root()

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def versions(self, name: str) -> list[Version]:
        folder = self.root / name
        if not folder.is_dir():
            return []
        found = []
        for p in folder.iterdir():
            match = _VERSION_DIR.match(p.name)
            if match and p.is_dir():
                found.append(Version(name, int(match[1]), p))
        return sorted(found, key=lambda v: v.number)

    def all_versions(self) -> list[Version]:
        return [v for name in self.names() for v in self.versions(name)]

    def resolve(self, ref: str) -> Version:
        name, number = parse_ref(ref)
        versions = self.versions(name)
        if not versions:
            known = ", ".join(self.names()) or "none"
            raise CurateError(f"no dataset named {name!r} in store {self.root} (known: {known})")
        if number is None:
            return versions[-1]
        for v in versions:
            if v.number == number:
                return v
        have = ", ".join(f"v{v.number}" for v in versions)
        raise CurateError(f"{name} has no version v{number} in store {self.root} (have: {have})")

    def staging_dir(self, name: str) -> Path:
        """A private folder to write a version into before `publish` renames it into place."""
        check_name(name)
        path = self.root / name / f".staging-{uuid.uuid4().hex}"
        try:
            path.mkdir(parents=True)
        except OSError as e:
            raise CurateError(f"cannot write to store {self.root}: {e.strerror}") from None
        return path

    def publish(self, name: str, staging: Path, manifest: dict) -> Version:
        """Write the manifest and rename `staging` to the next free vN.

        rename() onto an existing non-empty folder fails, so two builds racing for the same number
        both succeed with different numbers, and a crash before the rename leaves no version.
        """
        (self.root / name).mkdir(parents=True, exist_ok=True)
        while True:
            number = (self.versions(name)[-1].number if self.versions(name) else 0) + 1
            manifest = {**manifest, "name": name, "version": number}
            (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
            target = self.root / name / f"v{number}"
            try:
                os.rename(staging, target)
            except OSError:
                if target.exists():
                    continue
                raise
            return Version(name, number, target)

    def discard(self, staging: Path) -> None:
        shutil.rmtree(staging, ignore_errors=True)
