"""The Ray executor of a build: the same tasks as the local `WorkerPool`, scheduled on a Ray cluster.

`build.py` hands both executors the same `(function, *args)` tasks (map an input shard, one band
of the dedup, write an output shard) and the same `on_result` callback; only scheduling differs.
Every task leaves its files in the work folder, which every node must see (the store's, or
`--work-dir`), and returns a small result to the driver, which reports progress and runs the rest.

- Without an address, a local Ray is started for the build and stopped after it; a process that
  already has a Ray session (a notebook, the tests) keeps and reuses it.
- A worker that dies mid-task (a lost node, the OOM killer) is retried by Ray
  (`CURATE_RAY_TASK_RETRIES`, default 3); a task writes its files under temporary names and
  renames them when complete, so a retry leaves the same bytes. When the retries are spent the
  build stops with one line and the finished shards stay for --resume.
- Ray is imported only here, and only when a build asks for it.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Sequence

from curate.errors import CurateError, ResumableError
from curate.sources import InputShard

RETRIES_ENV = "CURATE_RAY_TASK_RETRIES"
DEFAULT_RETRIES = 3
CONNECT_TIMEOUT_S = 5.0
FORWARDED_PREFIXES = ("CURATE_", "HF_")  # Hub endpoint, token and retries; the build's own knobs
MISSING_EXTRA = "--executor ray needs the ray extra: pip install 'reasoning-curate[ray]' (or pip install ray)"


def import_ray():
    try:
        import ray
    except ImportError:
        raise CurateError(MISSING_EXTRA) from None
    return ray


class RayExecutor:
    """`with RayExecutor(address, workers) as pool:` then `pool.run(tasks, on_result)`, as `WorkerPool`.

    `workers` caps the tasks in flight (None: every CPU of the cluster); with no `address` it is
    also the number of CPUs of the local Ray started for the build.
    """

    def __init__(self, address: str | None, workers: int | None, environment: dict[str, str] | None = None):
        self.address, self.workers = address, workers
        # The build's own settings travel with its tasks: a node's workers do not share this environment.
        forwarded = {k: v for k, v in os.environ.items() if k.startswith(FORWARDED_PREFIXES)}
        self.environment = {**forwarded, **(environment or {})}
        self.ray = import_ray()
        self.started_here = False
        self.retries = _retries()

    def __enter__(self) -> RayExecutor:
        ray = self.ray
        if self.address and self.address != "auto":
            _check_reachable(self.address)
        if ray.is_initialized():
            return self  # this process's own session: reuse it, leave it running
        quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
        sigterm = signal.getsignal(signal.SIGTERM)
        try:
            if self.address:
                ray.init(address=self.address, **quiet)
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as e:
            where = f"the Ray cluster at {self.address}" if self.address else "a local Ray"
            raise CurateError(f"cannot start or reach {where}: {_first_line(e)}") from None
        finally:
            # Ray's core installs its own SIGTERM handler (a stack dump, then death): a build stops on
            # SIGTERM as on Ctrl-C, keeping its work for --resume.
            if threading.current_thread() is threading.main_thread() and sigterm is not None:
                signal.signal(signal.SIGTERM, sigterm)
        self.started_here = True
        return self

    def __exit__(self, error_type, *_) -> None:
        if self.started_here:
            self.ray.shutdown()

    def run(self, tasks: Sequence[tuple], on_result: Callable[[object], None]) -> None:
        """Run every task, at most `workers` (or the cluster's CPUs) at once; `on_result` runs here,
        in the order tasks finish. Stopping (an error, Ctrl-C) cancels what is still in flight."""
        ray = self.ray
        remote = ray.remote(_call).options(max_retries=self.retries, runtime_env={"env_vars": self.environment})
        limit = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        todo, pending = list(reversed(tasks)), {}
        try:
            while todo or pending:
                while todo and len(pending) < limit:
                    task = todo.pop()
                    pending[remote.remote(*task)] = task
                [ready], _ = ray.wait(list(pending), num_returns=1)
                task = pending.pop(ready)
                on_result(self._result(ready, task))
        finally:
            for ref in pending:
                ray.cancel(ref, force=True)

    def _result(self, ref, task: tuple):
        exceptions = self.ray.exceptions
        try:
            return self.ray.get(ref)
        except exceptions.RayTaskError as e:  # the task raised: ours to report as it is
            cause = e.cause
            if isinstance(cause, CurateError | OSError):
                raise cause from None
            raise RuntimeError(f"a Ray task failed: {e}") from None
        except (exceptions.WorkerCrashedError, exceptions.NodeDiedError, exceptions.ObjectLostError,
                exceptions.TaskUnschedulableError, exceptions.ActorDiedError) as e:
            raise ResumableError(
                f"a Ray worker died running {_describe(task)} and {self.retries} retries failed too "
                f"({type(e).__name__}); the finished shards are kept: run the same command with --resume"
            ) from None


def _call(function: Callable, *args):
    return function(*args)


def _describe(task: tuple) -> str:
    function, *args = task
    shard = next((a for a in args if isinstance(a, InputShard)), None)
    return f"input shard {shard.index} ({shard.file})" if shard is not None else function.__name__


def _retries() -> int:
    text = os.environ.get(RETRIES_ENV, str(DEFAULT_RETRIES))
    try:
        retries = int(text)
    except ValueError:
        retries = -1
    if retries < 0:
        raise CurateError(f"{RETRIES_ENV} must be a whole number of retries, 0 or more; got {text!r}")
    return retries


def _check_reachable(address: str) -> None:
    """Fail in seconds, with one line, where ray.init would retry an unreachable address for minutes."""
    host_port = address.removeprefix("ray://")
    host, _, port = host_port.rpartition(":")
    if not host or not port.isdigit():
        raise CurateError(f"--ray-address expects HOST:PORT (the head node's `ray start --head` address), "
                          f"ray://HOST:PORT or auto; got {address!r}")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise CurateError(f"cannot reach the Ray cluster at {address}: {reason}; start it with "
                          "`ray start --head` on the head node, or leave out --ray-address for a local Ray") from None


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
