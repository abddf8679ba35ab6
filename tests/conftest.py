"""Shared by the tests: generated glaive-shaped parquet files, a local Hub serving them, a loader
for the scripts of bench/ (which plant the data the tests and benchmarks share), and fast XLA
compilation for the tiny models' tests.

Compilation dominates the tiny models' tests on CPU, so LLVM's costly passes are skipped (as the
subprocess runs in test_train_helpers do). Set before any test module imports jax; an XLA_FLAGS
already in the environment wins.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hub_server import HubServer
from test_train_helpers import FAST_COMPILE

os.environ.setdefault("XLA_FLAGS", FAST_COMPILE)
BENCH = Path(__file__).parents[1] / "bench"
HUB_REPO = "test-org/glaive-mini"
HUB_FILES = 3
HUB_ROWS = 6_000  # 2,000 rows per file
HUB_ROW_GROUP_ROWS = 500  # so a file is several input shards when a test asks for small ones


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


@pytest.fixture(scope="session")
def parquet_dataset(tmp_path_factory) -> Path:
    """A folder `data/` of HUB_FILES parquet files (row groups of HUB_ROW_GROUP_ROWS rows) cut from
    the project's generated glaive-shaped rows: the same bytes a Hub repo in these tests serves."""
    from curate.sources.sample import write_sample

    root = tmp_path_factory.mktemp("parquet-dataset")
    generated = pa.concat_tables(pq.read_table(p) for p in write_sample(root / "generated", rows=HUB_ROWS))
    per_file = HUB_ROWS // HUB_FILES
    (root / "data").mkdir()
    for k in range(HUB_FILES):
        pq.write_table(generated.slice(k * per_file, per_file), root / "data" / f"train-{k:05d}-of-{HUB_FILES:05d}.parquet",
                       row_group_size=HUB_ROW_GROUP_ROWS, compression="zstd")
    return root / "data"


@pytest.fixture
def hub(monkeypatch) -> HubServer:
    """A local Hub on 127.0.0.1 that builds reach through HF_ENDPOINT, with quick retries."""
    with HubServer() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        monkeypatch.setenv("CURATE_HUB_WAIT_S", "0.01")
        monkeypatch.setenv("CURATE_HUB_TRIES", "4")
        monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
        yield server


@pytest.fixture
def hub_dataset(hub, parquet_dataset) -> str:
    """The parquet dataset served as HUB_REPO (plus a README, which a build must skip)."""
    files = {f"data/{p.name}": p.read_bytes() for p in sorted(parquet_dataset.glob("*.parquet"))}
    files["README.md"] = b"---\nlicense: apache-2.0\n---\n# glaive-mini\n"
    hub.add_dataset(HUB_REPO, files, card={"license": "apache-2.0"})
    return HUB_REPO
