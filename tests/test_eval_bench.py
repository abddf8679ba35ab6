"""The classifier benchmark runs (at a small size) and reports the topic stage's speed."""

import importlib.util
from pathlib import Path

from curate.topic_model.train import training_rows

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_classifiers.py"


def test_topic_speed_benchmark_runs():
    spec = importlib.util.spec_from_file_location("eval_classifiers", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = {}
    bench.topic_speed(training_rows().head(400), results, n=800)
    speed = results["speed"]
    assert set(speed) == {"corpus prompts", "corpus prompts + responses", "prompts + 1,500 chars pasted"}
    assert all(v["prompts_per_s"] > 0 and v["n"] > 0 for v in speed.values())
    assert speed["prompts + 1,500 chars pasted"]["mean_chars"] > speed["corpus prompts"]["mean_chars"]
