"""Shared by the tests: loading a script of bench/, which plants the data the tests and benchmarks share."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

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
