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


def run_tasks(
    function: Callable, tasks: Sequence[tuple], workers: int, on_result: Callable[[object], None],
    environment: dict[str, str] | None = None,
) -> None:
    """`on_result(function(*task))` for every task, in the order they finish.

    One worker runs the tasks in this process. `environment` is set in spawned workers only.
    """
    if workers <= 1 or len(tasks) <= 1:
        for task in tasks:
            on_result(function(*task))
        return
    todo = list(reversed(tasks))
    context = multiprocessing.get_context("spawn")
    pool: dict[Connection, multiprocessing.Process] = {}
    finished = False
    try:
        with _environment(environment or {}), _children_ignore_sigint():
            for _ in range(min(workers, len(tasks))):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, os.getpid(), function), daemon=True)
                process.start()
                theirs.close()
                pool[ours] = process
        for conn in pool:
            conn.send(todo.pop())
        busy = set(pool)
        while busy:
            ready = wait([*busy, *(pool[c].sentinel for c in busy)])
            for conn in [c for c in busy if c in ready or pool[c].sentinel in ready]:
                try:
                    status, value = conn.recv()
                except (EOFError, ConnectionError):
                    raise ResumableError(_died(pool[conn])) from None
                if status == "error":
                    raise value
                if status == "crash":
                    raise RuntimeError(f"a worker process failed:\n{value}")
                on_result(value)
                if todo:
                    conn.send(todo.pop())
                else:
                    conn.send(None)
                    busy.discard(conn)
        finished = True
    finally:
        for conn, process in pool.items():
            if not finished:
                process.kill()  # stopped mid-task: a task leaves its result only when it completes
            process.join()
            conn.close()


def _died(process: multiprocessing.Process) -> str:
    process.join(5)
    code = process.exitcode
    how = f"was killed by {signal.Signals(-code).name}" if code is not None and code < 0 else f"exited ({code})"
    hint = " (out of memory?)" if code == -signal.SIGKILL else ""
    return f"a worker process {how}{hint}; the finished shards are kept: run the same command with --resume"


def _serve(conn: Connection, parent: int, function: Callable) -> None:
    """A worker's loop: run tasks until told to stop or until the main process is gone."""
    _exit_with_parent(parent)
    while True:
        try:
            task = conn.recv()
        except (EOFError, ConnectionError):
            return
        if task is None:
            return
        try:
            reply = ("ok", function(*task))
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
