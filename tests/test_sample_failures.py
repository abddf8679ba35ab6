"""The sample's planted part: every planted row is what its ground truth says, and reaches the stages."""

import json

import polars as pl
import pytest

from curate.sources import sample, sample_failures
from curate.stages.decontaminate import EvalIndex, eval_files
from curate.stages.quality import REASONS


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("CURATE_CACHE", str(tmp_path_factory.mktemp("cache")))
    with open(sample.sample_files()[1], encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    truth = sample.ground_truth().filter(pl.col("index") >= sample.SAMPLE_ROWS)
    yield rows, truth
    mp.undo()


def test_counts_and_indexes(planted):
    rows, truth = planted
    assert len(rows) == truth.height and truth["index"].to_list() == list(range(3200, 3200 + len(rows)))
    counts = truth.group_by("planted").len().drop_nulls("planted")
    assert dict(counts.iter_rows()) == {**sample_failures.PLANTED, **{
        f"contaminated:{label}": n for label, n in sample_failures.CONTAMINATED.items()}}
    assert set(sample_failures.PLANTED) == set(REASONS)
    assert truth.filter(pl.col("near_miss").is_not_null()).height >= 30
    assert truth["malformed"].null_count() == truth.height


def test_contaminated_rows_copy_an_eval_prompt_and_nothing_else_does(planted):
    rows, truth = planted
    index = EvalIndex(eval_files((str(sample.eval_prompts_file()),)))
    found = index.match(pl.Series([r["prompt"] for r in rows]))
    expected = truth["planted"].str.strip_prefix("contaminated:").filter(truth["planted"].str.starts_with("contaminated:"))
    assert found.filter(truth["planted"].str.starts_with("contaminated:").fill_null(False)).to_list() == expected.to_list()
    assert found.filter(~truth["planted"].str.starts_with("contaminated:").fill_null(False)).null_count() == \
        truth.height - expected.len()


def test_copies_are_never_verbatim(planted):
    """Finding them takes the normalization: each copy differs from every eval prompt as typed."""
    rows, truth = planted
    copies = [rows[i - 3200]["prompt"] for i in truth.filter(pl.col("planted").str.starts_with("contaminated"))["index"]]
    raw = [json.loads(line)["prompt"] for line in sample.eval_prompts_file().open()]
    raw += [p["prompt"] for p in sample_failures.trainer_prompts()]
    assert not set(copies) & set(raw)
    assert len(set(copies)) == len(copies)
