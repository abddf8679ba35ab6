"""Shared by the tests that kill builds: which processes of a session are still alive."""

from __future__ import annotations

import os

import psutil


def session_processes(session: int) -> list[psutil.Process]:
    """Live (not zombie) processes whose session id is `session`: a build started in a session of
    its own, with its workers and whatever they started."""
    alive = []
    for p in psutil.process_iter():
        try:
            if os.getsid(p.pid) == session and p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p)
        except (ProcessLookupError, psutil.NoSuchProcess):
            pass
    return alive
