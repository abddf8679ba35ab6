"""The stage runner: counting drops per stage and reason, so the funnel always sums."""

from typing import ClassVar

import polars as pl

from curate.pipeline import Funnel, run_stages
from curate.schema import DROP_REASON, DROPPED_COLUMNS
from curate.stages.base import Stage


class DropOdd(Stage):
    name: ClassVar[str] = "odd"

    def process(self, batch):
        return batch.with_columns(
            pl.when(pl.col("source_index") % 2 == 1).then(pl.lit("odd")).otherwise(None).alias(DROP_REASON)
        )


class DropBig(Stage):
    name: ClassVar[str] = "big"
    seen: ClassVar[list] = []

    def process(self, batch):
        DropBig.seen.extend(batch["source_index"].to_list())
        reason = pl.when(pl.col("source_index") >= 6).then(pl.lit("too_big:x")).otherwise(pl.col(DROP_REASON))
        return batch.with_columns(reason.alias(DROP_REASON), pl.lit(1).alias("added"))


def test_run_stages_counts_and_filters():
    batch = pl.DataFrame({"source_index": range(10), "prompt": [f"p{i}" for i in range(10)]})
    alive, dropped, funnel = run_stages(batch, [DropOdd(), DropBig()])
    assert alive["source_index"].to_list() == [0, 2, 4]
    assert "added" in alive.columns and DROP_REASON not in alive.columns
    assert DropBig.seen == [0, 2, 4, 6, 8]  # later stages never see dropped rows
    assert dropped.columns == DROPPED_COLUMNS
    assert sorted(dropped["source_index"].to_list()) == [1, 3, 5, 6, 7, 8, 9]
    assert dropped.filter(pl.col("reason") == "too_big:x")["stage"].to_list() == ["big", "big"]
    data = funnel.to_json()
    assert data["read"] == 10 and data["kept"] == 3
    assert [{k: v for k, v in s.items() if k != "seconds"} for s in data["stages"]] == [
        {"stage": "odd", "input": 10, "kept": 5, "dropped": {"odd": 5}},
        {"stage": "big", "input": 5, "kept": 3, "dropped": {"too_big:x": 2}},
    ]


def test_funnels_add_up_across_chunks_and_round_trip():
    total = Funnel()
    for start in (0, 10):
        batch = pl.DataFrame({"source_index": range(start, start + 10), "prompt": ["p"] * 10})
        total.add(run_stages(batch, [DropOdd()])[2])
    assert total.read == 20 and total.kept == 10
    assert Funnel.from_json(total.to_json()).to_json() == total.to_json()
