"""The versioned store: DIR/NAME/vN/ folders that appear atomically, never change, and check themselves.

Layout of one version (see docs/ARCHITECTURE.md):
    vN/manifest.json            config, source, funnel, shards and the dropped file with sha256 and rows
    vN/data/train-0000K-of-0000M.parquet   kept rows, zstd, `schema.SHARD_COLUMNS`
    vN/dropped/dropped.parquet  every dropped row: id, source_index, stage, reason, preview
    vN/README.md, vN/card.json, vN/plots/   the data card (data_cards package)
Unfinished builds live in DIR/.work/; a build killed after it published is finished by the next
command that opens the store (`Store.finish_interrupted`).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from curate.errors import CurateError

MANIFEST = "manifest.json"
DATA_DIR = "data"
DROPPED_FILE = "dropped/dropped.parquet"
CARD_FILES = ("README.md", "card.json")  # written last by data_cards: both present = card done
STORE_ENV = "CURATE_STORE"
WORK_DIR = ".work"
WORK_LOCK = ".lock"  # flock'ed by the build that owns a work folder
PUBLISH_MARK = "published.json"  # in a work folder: the version it is about to publish, or did
# What docs/CONTRACTS.md promises a manifest holds; `Version.manifest` needs only shards and rows.
MANIFEST_FIELDS = ("created", "code_version", "config", "config_hash", "source", "funnel", "shards", "rows")
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


def file_entry(folder: Path, relative: str) -> dict:
    """How a manifest lists a parquet file of a version: its path inside the folder, rows and sha256."""
    path = folder / relative
    return {"file": relative, "rows": pq.read_metadata(path).num_rows, "sha256": sha256_file(path)}


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
        """The parsed manifest, checked for the fields the store relies on (shards, rows, file paths)."""
        path = self.path / MANIFEST
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CurateError(f"{self.ref}: manifest missing at {path} (not a complete version: move the folder out of the store)") from None
        except OSError as e:
            raise CurateError(f"{self.ref}: cannot read the manifest at {path} ({e.strerror})") from None
        except ValueError as e:  # JSON and UTF-8 decoding
            raise CurateError(f"{self.ref}: manifest at {path} is corrupt ({e})") from None
        problem = _manifest_problem(manifest)
        if problem:
            raise CurateError(f"{self.ref}: manifest at {path} is corrupt ({problem})")
        return manifest

    def checked_manifest(self) -> dict:
        """The manifest with every field of the contract present and a funnel of the right shape."""
        manifest = self.manifest
        missing = [field for field in MANIFEST_FIELDS if field not in manifest]
        if missing:
            raise CurateError(f"{self.ref}: manifest.json is corrupt (missing {', '.join(missing)})")
        funnel = manifest["funnel"]
        if not isinstance(funnel, dict) or not {"read", "kept", "stages"} <= funnel.keys():
            raise CurateError(f"{self.ref}: manifest.json is corrupt (funnel needs read, kept and stages)")
        for stage in funnel["stages"]:
            if not isinstance(stage, dict) or not {"stage", "input", "kept", "dropped"} <= stage.keys():
                raise CurateError(f"{self.ref}: manifest.json is corrupt (a funnel stage lacks a field)")
        if not all(isinstance(manifest[key], dict) for key in ("config", "source")):
            raise CurateError(f"{self.ref}: manifest.json is corrupt (config and source must be objects)")
        return manifest

    @property
    def shard_paths(self) -> list[Path]:
        return [self.path / shard["file"] for shard in self.manifest["shards"]]

    @property
    def dropped_path(self) -> Path:
        return self.path / DROPPED_FILE

    @property
    def has_card(self) -> bool:
        return all((self.path / name).is_file() for name in CARD_FILES)

    def verify(self) -> None:
        """Check the files against the manifest: each shard and the dropped file exist, match their
        sha256 and row count, the shards add up to the version's rows, and data/ holds nothing else
        (`polars.read_parquet("vN/data/*.parquet")` would read a stray file)."""
        manifest = self.manifest
        entries = [*manifest["shards"], *([manifest["dropped"]] if "dropped" in manifest else [])]
        for entry in entries:
            if not (self.path / entry["file"]).is_file():
                raise CurateError(f"{self.ref}: {_kind(entry)} {entry['file']} is missing")
        listed = {PurePosixPath(shard["file"]) for shard in manifest["shards"]}
        data = self.path / DATA_DIR
        in_data = sorted(p.name for p in data.iterdir()) if data.is_dir() else []
        stray = [file for file in in_data if PurePosixPath(DATA_DIR, file) not in listed]
        if stray:
            raise CurateError(
                f"{self.ref}: {DATA_DIR}/{stray[0]} is not in the manifest"
                f"{f' (nor are {len(stray) - 1} more)' if len(stray) > 1 else ''}; readers of "
                f"{DATA_DIR}/*.parquet would take it for data: move it out of {data}"
            )
        for entry in entries:
            path = self.path / entry["file"]
            try:
                digest = sha256_file(path)
            except OSError as e:
                raise CurateError(f"{self.ref}: cannot read {_kind(entry)} {entry['file']} ({e.strerror})") from None
            if digest != entry["sha256"]:
                raise CurateError(f"{self.ref}: {_kind(entry)} {entry['file']} does not match its sha256 (corrupt)")
            rows = _parquet_rows(path, f"{self.ref}: {_kind(entry)} {entry['file']}")
            if rows != entry["rows"]:
                raise CurateError(
                    f"{self.ref}: {_kind(entry)} {entry['file']} holds {rows:,} rows, the manifest says {entry['rows']:,}"
                )
        total = sum(shard["rows"] for shard in manifest["shards"])
        if total != manifest["rows"]:
            raise CurateError(f"{self.ref}: the shards hold {total:,} rows, the manifest says {manifest['rows']:,}")

    def read(self, columns: list[str] | None = None, verify: bool = True) -> pl.DataFrame:
        """All kept rows, in source order."""
        if verify:
            self.verify()
        paths = self.shard_paths
        if not paths:
            raise CurateError(f"{self.ref} has no shards")
        try:
            return pl.read_parquet(paths, columns=columns)
        except (pl.exceptions.PolarsError, pa.ArrowException, OSError) as e:
            raise CurateError(f"{self.ref}: cannot read its shards ({_first_line(e)})") from None

    def read_dropped(self) -> pl.DataFrame:
        if not self.dropped_path.is_file():
            raise CurateError(f"{self.ref}: {DROPPED_FILE} is missing")
        try:
            return pl.read_parquet(self.dropped_path)
        except (pl.exceptions.PolarsError, pa.ArrowException, OSError) as e:
            raise CurateError(f"{self.ref}: {DROPPED_FILE} is corrupt ({_first_line(e)})") from None


def _manifest_problem(manifest) -> str | None:
    """What makes a parsed manifest unusable to the store, or None."""
    if not isinstance(manifest, dict):
        return "not a JSON object"
    shards = manifest.get("shards")
    if not isinstance(shards, list):
        return "no list of shards"
    if not isinstance(manifest.get("rows"), int):
        return "no row count"
    entries = [*shards, *([manifest["dropped"]] if "dropped" in manifest else [])]
    for entry in entries:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("file"), str)
            and isinstance(entry.get("rows"), int)
            and isinstance(entry.get("sha256"), str)
        ):
            return "a file entry lacks file, rows or sha256"
        relative = PurePosixPath(entry["file"])
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            return f"file {entry['file']!r} is outside the version folder"
    return None


def _kind(entry: dict) -> str:
    return "dropped file" if entry["file"] == DROPPED_FILE else "shard"


def _parquet_rows(path: Path, what: str) -> int:
    try:
        return pq.read_metadata(path).num_rows
    except (pa.ArrowException, OSError) as e:
        raise CurateError(f"{what} is not a readable parquet file ({_first_line(e)})") from None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


class Store:
    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else default_store_root()

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def versions(self, name: str) -> list[Version]:
        """Every vN folder of `name`, readable or not (a broken one still takes its number)."""
        folder = self.root / name
        if not folder.is_dir():
            return []
        found = []
        for p in folder.iterdir():
            match = _VERSION_DIR.match(p.name)
            if match and p.is_dir():
                found.append(Version(name, int(match[1]), p))
        return sorted(found, key=lambda v: v.number)

    def readable_versions(self, name: str) -> list[Version]:
        """The versions of `name` whose manifest loads: one broken folder must not hide the others."""
        return [v for v in self.versions(name) if _loads(v)]

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

    def empty_message(self) -> str:
        """What `curate list` and `data-cards list` say when there is nothing to list."""
        where = self.root.resolve()
        state = "" if self.root.is_dir() else " (the folder does not exist yet)"
        return f"no versions in store {where}{state}: build one with `curate build` or pass --store DIR"

    def staging_dir(self, name: str) -> Path:
        """A private folder to write a version into before `publish` renames it into place."""
        check_name(name)
        path = self.root / name / f".staging-{uuid.uuid4().hex}"
        try:
            path.mkdir(parents=True)
        except OSError as e:
            raise CurateError(f"cannot write to store {self.root}: {e.strerror}") from None
        return path

    def publish(self, name: str, staging: Path, manifest: dict, work: Path | None = None) -> Version:
        """Write the manifest and rename `staging` to the next free vN.

        rename() onto an existing non-empty folder fails, so two builds racing for the same number
        both succeed with different numbers, and a crash before the rename leaves no version. Before
        each rename, `work` (the build's work folder) is marked with the version and its manifest's
        hash, so that if the process dies after the rename, `finish_interrupted` knows what it published.
        """
        (self.root / name).mkdir(parents=True, exist_ok=True)
        while True:
            versions = self.versions(name)
            number = (versions[-1].number if versions else 0) + 1
            text = json.dumps({**manifest, "name": name, "version": number}, indent=2, sort_keys=True) + "\n"
            (staging / MANIFEST).write_text(text, encoding="utf-8")
            if work is not None:
                mark = {"version": f"{name}@v{number}", "manifest_sha256": hashlib.sha256(text.encode()).hexdigest()}
                _write_atomic(work / PUBLISH_MARK, json.dumps(mark) + "\n")
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

    def finish_interrupted(self, write_card: Callable[[Version], object]) -> list[str]:
        """Finish builds killed after they published: write the missing card, remove the work folder.

        A work folder whose mark names a version with exactly the marked manifest is done; one whose
        build is still running (its lock is held) or never got to publish is left alone (--resume
        continues it). Returns one line per finished build, for the user.
        """
        work_root = self.root / WORK_DIR
        if not work_root.is_dir():
            return []
        lines = []
        for work in sorted(p for p in work_root.iterdir() if (p / PUBLISH_MARK).is_file()):
            try:
                line = self._finish(work, write_card)
            except OSError:
                continue  # e.g. a store this user may read but not write: nothing to finish here
            if line:
                lines.append(line)
        return lines

    def _finish(self, work: Path, write_card: Callable[[Version], object]) -> str | None:
        with open(work / WORK_LOCK, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return None  # its build is still running
            version = self._published_by(work)
            if version is None:
                return None
            done = []
            if not version.has_card:
                try:
                    write_card(version)
                    done.append("wrote its data card")
                except CurateError as e:
                    done.append(f"could not write its data card ({e}; run `data-cards build {version.ref}`)")
            size = sum(f.stat().st_size for f in work.rglob("*") if f.is_file())
            remove_work(work)
            done.append(f"removed its work folder ({size / 1e6:,.1f} MB)")
        return f"finished the interrupted build of {version.ref}: {', '.join(done)}"

    def _published_by(self, work: Path) -> Version | None:
        """The version a work folder's mark names, if it exists with exactly the marked manifest."""
        try:
            mark = json.loads((work / PUBLISH_MARK).read_text(encoding="utf-8"))
            name, number = parse_ref(mark["version"])
            manifest = (self.root / name / f"v{number}" / MANIFEST).read_bytes()
        except (OSError, ValueError, KeyError, TypeError, CurateError):
            return None
        if hashlib.sha256(manifest).hexdigest() != mark.get("manifest_sha256"):
            return None
        return Version(name, number, self.root / name / f"v{number}")


def remove_work(work: Path) -> None:
    """Remove a finished build's work folder, and .work/ itself once no build uses it."""
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.parent.rmdir()
    except OSError:
        pass  # not empty (another build is using it) or already gone


def _loads(version: Version) -> bool:
    try:
        return isinstance(version.manifest, dict)
    except CurateError:
        return False


def _write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
