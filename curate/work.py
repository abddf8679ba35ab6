"""The work folder of an unfinished build: STORE/.work/NAME-<key>/, what --resume continues from.

    plan.json              the source's files and input shards (a Hub source pinned to its commit)
    parts/SSSSSSSS.parquet live rows of input shard S with their dedup band keys
    dropped/SSSSSSSS.parquet   rows of shard S that a map stage dropped
    done/SSSSSSSS.json     shard S's funnel and content digest, written last: the shard is finished
    staging/               the version being written, renamed into the store by publish

The key hashes the config and the source's address, so a build of another config or source never
picks up these files, and a lock stops a twin build from writing them at the same time.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from curate.errors import CurateError
from curate.pipeline import Funnel
from curate.sources import SourcePlan
from curate.store import WORK_DIR, WORK_LOCK, Store, remove_work

PLAN = "plan.json"
SUBFOLDERS = ("parts", "dropped", "done")


@dataclass
class ShardResult:
    """What the map step reports for one input shard, and what its done marker holds."""

    index: int
    funnel: Funnel
    digest: str  # sha256 of the shard's rows as read (RowsDigest)

    def to_json(self) -> dict:
        return {"index": self.index, "funnel": self.funnel.to_json(), "digest": self.digest}

    @classmethod
    def from_json(cls, data: dict) -> ShardResult:
        return cls(data["index"], Funnel.from_json(data["funnel"]), data["digest"])


def shard_name(index: int) -> str:
    return f"{index:08d}"


class WorkFolder:
    def __init__(self, store: Store, name: str, key: str):
        self.path = store.root / WORK_DIR / f"{name}-{key[:16]}"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise CurateError(f"cannot write to store {store.root}: {e.strerror}") from None
        self._lock = open(self.path / WORK_LOCK, "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CurateError(f"another build with the same config is running (lock on {self.path})") from None
        shutil.rmtree(self.path / "staging", ignore_errors=True)
        for sub in SUBFOLDERS:
            (self.path / sub).mkdir(exist_ok=True)

    def clear(self) -> None:
        """Forget an earlier attempt: a build without --resume starts from nothing."""
        (self.path / PLAN).unlink(missing_ok=True)
        for sub in SUBFOLDERS:
            shutil.rmtree(self.path / sub, ignore_errors=True)
            (self.path / sub).mkdir()

    def load_plan(self) -> SourcePlan | None:
        try:
            return SourcePlan.from_json(json.loads((self.path / PLAN).read_text()))
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None  # no plan, or one cut short by a crash: plan again

    def save_plan(self, plan: SourcePlan) -> None:
        write_atomically(self.path / PLAN, json.dumps(plan.to_json()))

    def done(self) -> dict[int, ShardResult]:
        results = (ShardResult.from_json(json.loads(p.read_text())) for p in (self.path / "done").glob("*.json"))
        return {r.index: r for r in results}

    def remove(self) -> None:
        self._lock.close()
        remove_work(self.path)


def write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
