"""Shared by the tests: loading a script of bench/, which plants the data the tests and benchmarks share;
and fast XLA compilation for the tiny models' tests.

Compilation dominates the tiny models' tests on CPU, so LLVM's costly passes are skipped (as the
subprocess runs in test_train_helpers do). Set before any test module imports jax; an XLA_FLAGS
already in the environment wins.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from test_train_helpers import FAST_COMPILE

os.environ.setdefault("XLA_FLAGS", FAST_COMPILE)
BENCH = Path(__file__).parents[1] / "bench"


@pytest.fixture(scope="session")
def bench_script():
    """bench_script("faults") -> bench/faults.py as a module (loaded once)."""

    def load(name: str):
        if name not in sys.modules:
            spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # dataclasses look their module up while it is being run
            spec.loader.exec_module(module)
        return sys.modules[name]

    return load
