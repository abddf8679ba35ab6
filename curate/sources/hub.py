"""A dataset repo on the Hugging Face Hub, read as files at one commit through `huggingface_hub`.

The revision is resolved to a commit sha once; every read after that names the sha, so a build
reads one consistent snapshot however long it runs. Files are read with HTTP range requests
(`_RangeFile`), so a worker fetches only its own shard's row groups, and a shard that was finished
before a crash is never fetched again. Transient failures (connection resets, timeouts, 429, 5xx)
are retried with exponential backoff, honouring `Retry-After`; a read that keeps failing stops the
build with one line, and the work so far can be resumed.

`HF_ENDPOINT` is read when a source is opened (not only when `huggingface_hub` is imported), so
tests and benchmarks can point a build at a local Hub.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pyarrow as pa

from curate.errors import CurateError, ResumableError

T = TypeVar("T")
RETRY_STATUS = {408, 429, 500, 502, 503, 504}
_TRAIN = re.compile(r"(^|[/_.-])train([/_.-]|$)")
_OFFLINE_HINT = "Use --source sample for the embedded sample, or --source PATH for local parquet/JSONL files."


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one request: `tries` attempts, waits doubling from `first_wait_s`.

    Defaults ride out a minute-long outage; CURATE_HUB_TRIES, CURATE_HUB_WAIT_S and
    CURATE_HUB_TIMEOUT_S override them (flaky networks, tests).
    """

    tries: int = 6
    first_wait_s: float = 1.0
    max_wait_s: float = 30.0
    timeout_s: float = 60.0

    @classmethod
    def from_env(cls) -> RetryPolicy:
        env = os.environ.get
        return cls(
            tries=int(env("CURATE_HUB_TRIES", cls.tries)),
            first_wait_s=float(env("CURATE_HUB_WAIT_S", cls.first_wait_s)),
            timeout_s=float(env("CURATE_HUB_TIMEOUT_S", cls.timeout_s)),
        )

    def call(self, request: Callable[[], T], what: str) -> T:
        """`request()`, retried while it fails transiently; raises `GaveUp` after the last try."""
        wait = self.first_wait_s
        for attempt in range(1, self.tries + 1):
            try:
                return request()
            except Exception as e:
                transient, retry_after = _transient(e)
                if not transient:
                    raise
                if attempt == self.tries:
                    raise GaveUp(f"{what} failed {self.tries} times, last: {_describe(e)}") from None
                pause = retry_after if retry_after is not None else wait
                print(f"{what}: {_describe(e)}; retry {attempt} of {self.tries - 1} in {pause:g} s",
                      file=sys.stderr, flush=True)
                time.sleep(pause)
                wait = min(wait * 2, self.max_wait_s)
        raise AssertionError("unreachable")


class GaveUp(Exception):
    """A request still failed after every retry."""


class _Truncated(Exception):
    """A response body shorter than the range asked for (the connection dropped mid-file)."""


def _transient(error: Exception) -> tuple[bool, float | None]:
    """(worth retrying?, seconds the server asked us to wait)."""
    import httpx
    from huggingface_hub.errors import HfHubHTTPError

    if isinstance(error, httpx.TransportError | _Truncated):
        return True, None
    if isinstance(error, HfHubHTTPError) and error.response is not None:
        status = error.response.status_code
        if status in RETRY_STATUS:
            try:
                return True, float(error.response.headers.get("Retry-After", ""))
            except ValueError:
                return True, None
    return False, None


def _describe(error: Exception) -> str:
    from huggingface_hub.errors import HfHubHTTPError

    if isinstance(error, HfHubHTTPError) and error.response is not None:
        return f"HTTP {error.response.status_code}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def endpoint() -> str:
    from huggingface_hub import constants

    return (os.environ.get("HF_ENDPOINT") or constants.ENDPOINT).rstrip("/")


def _offline() -> bool:
    from huggingface_hub import constants

    return constants.HF_HUB_OFFLINE or os.environ.get("HF_HUB_OFFLINE", "").upper() in {"1", "ON", "YES", "TRUE"}


@dataclass(frozen=True)
class HubRepo:
    """A dataset repo at a revision (a branch, tag or commit sha); picklable for worker processes."""

    repo_id: str
    revision: str = "main"
    endpoint: str = field(default_factory=endpoint)
    retry: RetryPolicy = field(default_factory=RetryPolicy.from_env, compare=False)

    @property
    def address(self) -> str:
        return f"hf://datasets/{self.repo_id}@{self.revision} ({self.endpoint})"

    def resolve(self) -> tuple[HubRepo, str | None]:
        """This repo pinned to the commit sha its revision names, and the license its card declares."""
        from huggingface_hub import HfApi

        info = self._api_call(
            lambda: HfApi(endpoint=self.endpoint).dataset_info(
                self.repo_id, revision=self.revision, timeout=self.retry.timeout_s
            ),
            f"resolving {self.repo_id}@{self.revision}",
        )
        license = getattr(info.card_data, "license", None) if info.card_data else None
        pinned = HubRepo(self.repo_id, info.sha, self.endpoint, self.retry)
        return pinned, license if isinstance(license, str) else None

    def parquet_files(self) -> list[tuple[str, int]]:
        """(path, size) of the repo's parquet files, sorted; only the train split's when it is named."""
        from huggingface_hub import HfApi
        from huggingface_hub.hf_api import RepoFile

        tree = self._api_call(
            lambda: list(
                HfApi(endpoint=self.endpoint).list_repo_tree(
                    self.repo_id, repo_type="dataset", revision=self.revision, recursive=True
                )
            ),
            f"listing the files of {self.repo_id}@{self.revision}",
        )
        files = sorted((f.path, f.size) for f in tree if isinstance(f, RepoFile) and f.path.endswith(".parquet"))
        train = [(path, size) for path, size in files if _TRAIN.search(path)]
        if not files:
            raise CurateError(f"dataset {self.repo_id}@{self.revision} has no parquet files")
        return train or files

    def open(self, path: str, size: int) -> pa.NativeFile:
        """A seekable file whose reads are HTTP range requests, each retried on its own."""
        from huggingface_hub import hf_hub_url

        url = hf_hub_url(self.repo_id, path, repo_type="dataset", revision=self.revision, endpoint=self.endpoint)
        return pa.PythonFile(_RangeFile(url, size, path, self.retry), mode="r")

    def _api_call(self, request: Callable[[], T], what: str) -> T:
        from huggingface_hub.errors import (
            GatedRepoError,
            HfHubHTTPError,
            RepositoryNotFoundError,
            RevisionNotFoundError,
        )

        if _offline():
            raise CurateError(f"cannot reach the Hugging Face Hub for {self.repo_id}: HF_HUB_OFFLINE is set. "
                              + _OFFLINE_HINT)
        try:
            return self.retry.call(request, what)
        except GaveUp as e:
            raise CurateError(f"cannot reach the Hugging Face Hub at {self.endpoint}: {e}. {_OFFLINE_HINT}") from None
        except GatedRepoError:
            raise CurateError(f"dataset {self.repo_id} is gated: accept its terms on the Hub and log in "
                              "(`hf auth login` or HF_TOKEN)") from None
        except RevisionNotFoundError:
            raise CurateError(f"dataset {self.repo_id} has no revision {self.revision!r}") from None
        except RepositoryNotFoundError:
            raise CurateError(f"dataset {self.repo_id} not found at {self.endpoint} (a private dataset needs "
                              "`hf auth login` or HF_TOKEN)") from None
        except HfHubHTTPError as e:
            raise CurateError(f"{what}: {_describe(e)}") from None


class _RangeFile(io.RawIOBase):
    """Reads of a Hub file as range requests at the pinned commit; pyarrow reads it via PythonFile."""

    def __init__(self, url: str, size: int, path: str, retry: RetryPolicy):
        self.url, self._size, self.path, self.retry = url, size, path, retry
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self._size}[whence]
        self.position = base + offset
        return self.position

    def readinto(self, buffer) -> int:
        n = max(0, min(len(buffer), self._size - self.position))
        if n:
            try:
                data = self.retry.call(lambda: self._fetch(self.position, self.position + n),
                                       f"reading {self.path} bytes {self.position}-{self.position + n}")
            except GaveUp as e:
                raise ResumableError(f"{e}; the finished shards are kept: run the same command with --resume") from None
            buffer[:n] = data
            self.position += n
        return n

    def _fetch(self, start: int, end: int) -> bytes:
        from huggingface_hub.utils import build_hf_headers, get_session, hf_raise_for_status

        headers = {**build_hf_headers(), "Range": f"bytes={start}-{end - 1}"}
        response = get_session().get(self.url, headers=headers, timeout=self.retry.timeout_s)
        hf_raise_for_status(response)
        data = response.content
        if response.status_code == 200 and len(data) == self._size:  # the server ignored the range
            data = data[start:end]
        if len(data) != end - start:
            raise _Truncated(f"got {len(data)} of {end - start} bytes")
        return data
