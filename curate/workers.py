"""Run independent tasks in worker processes that never outlive the build that started them.

The local executor of a build. Each worker takes one task at a time over its own pipe, so nothing
queues up in memory, and the main process only hands out tasks and collects results. Workers:
- are spawned, not forked (a fork copies polars' thread-pool locks mid-use and can deadlock);
- ignore Ctrl-C: the terminal sends it to every process of the group, and the main process alone
  decides to stop them, so no worker prints a KeyboardInterrupt traceback;
- die with the main process, even when it is SIGKILLed (PR_SET_PDEATHSIG on Linux; elsewhere a
  worker notices the closed pipe when it asks for its next task).
A worker that dies (the OOM killer, a kill -9) stops the run with a ResumableError.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait

from curate.errors import CurateError, ResumableError

_PR_SET_PDEATHSIG = 1


class WorkerPool:
    """`with WorkerPool(n) as pool:` then `pool.run(tasks, on_result)` as often as needed.

    A task is `(function, *args)`; `on_result(function(*args))` runs in this process, in the order
    tasks finish. With one worker, tasks run in this process. Processes start at the first run that
    needs them and serve every later run, so a build pays for their start-up once.
    """

    def __init__(self, workers: int, environment: dict[str, str] | None = None):
        self.workers, self.environment = workers, environment or {}
        self.processes: dict[Connection, multiprocessing.Process] = {}

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, error_type, *_) -> None:
        for conn, process in self.processes.items():
            if error_type is None:
                conn.send(None)
            else:
                process.kill()  # stopped mid-task: a task leaves its result only when it completes
        for conn, process in self.processes.items():
            process.join()
            conn.close()

    def run(self, tasks: Sequence[tuple], on_result: Callable[[object], None]) -> None:
        if self.workers <= 1:
            for function, *args in tasks:
                on_result(function(*args))
            return
        self._start(min(self.workers, len(tasks)))
        todo, busy = list(reversed(tasks)), set()
        for conn in self.processes:
            if todo:
                conn.send(todo.pop())
                busy.add(conn)
        while busy:
            ready = wait([*busy, *(self.processes[c].sentinel for c in busy)])
            for conn in [c for c in busy if c in ready or self.processes[c].sentinel in ready]:
                try:
                    status, value = conn.recv()
                except (EOFError, ConnectionError):
                    raise ResumableError(_died(self.processes[conn])) from None
                if status == "error":
                    raise value
                if status == "crash":
                    raise RuntimeError(f"a worker process failed:\n{value}")
                on_result(value)
                if todo:
                    conn.send(todo.pop())
                else:
                    busy.discard(conn)

    def _start(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        with _environment(self.environment), _children_ignore_sigint():
            while len(self.processes) < count:
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
                process.start()
                theirs.close()
                self.processes[ours] = process


def _died(process: multiprocessing.Process) -> str:
    process.join(5)
    code = process.exitcode
    how = f"was killed by {signal.Signals(-code).name}" if code is not None and code < 0 else f"exited ({code})"
    hint = " (out of memory?)" if code == -signal.SIGKILL else ""
    return f"a worker process {how}{hint}; the finished shards are kept: run the same command with --resume"


def _serve(conn: Connection, parent: int) -> None:
    """A worker's loop: run tasks until told to stop or until the main process is gone."""
    _exit_with_parent(parent)
    while True:
        try:
            task = conn.recv()
        except (EOFError, ConnectionError):
            return
        if task is None:
            return
        function, *args = task
        try:
            reply = ("ok", function(*args))
        except (CurateError, OSError) as e:
            reply = ("error", e)
        except Exception:
            reply = ("crash", traceback.format_exc())
        conn.send(reply)


def _exit_with_parent(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the closed pipe ends the worker at its next task
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)


@contextmanager
def _children_ignore_sigint() -> Iterator[None]:
    """Start processes with SIGINT ignored: Python keeps an inherited SIG_IGN, so a Ctrl-C during a
    worker's start-up cannot raise KeyboardInterrupt there either."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for processes started inside the block."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k)
            else:
                os.environ[k] = v
