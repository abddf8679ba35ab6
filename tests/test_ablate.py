"""`train ablate` with a fake trainer: mixes, sampling, equal budgets, the shared eval set, resume,
refusals, bad inputs, report and search. The real trainer runs in test_ablate_real.py (slow)."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from curate.errors import CurateError
from curate.schema import SHARD_SCHEMA
from curate.store import Store, sha256_file
from train.ablate import cli as ablate_cli
from train.ablate import report as ablate_report
from train.ablate import run as ablate
from train.ablate import search as ablate_search
from train.ablate.mix import Arm, MixError, parse_arm, parse_mix, sample_arm
from train.ablate.run import AblationError, AblationSpec, Backend, run_ablation
from train.config import RunConfig

TOPICS = {"writing": 60, "summary": 60, "ideation": 40}
TEMPLATE = 12  # tokens the fake chat template adds to a row


def Config(**kw) -> RunConfig:
    """Budget 6 x 2 x 512 = 6,144 tokens unless told otherwise; no row is longer than seq_len."""
    return RunConfig(
        **{"model": "tiny", "steps": 6, "batch_size": 2, "seq_len": 512, "eval_fraction": 0.1, **kw}
    )


def _rows(topics: dict[str, int], salt: str) -> pl.DataFrame:
    rng = np.random.default_rng(len(salt))
    records = []
    for topic, n in topics.items():
        for i in range(n):
            prompt = f"{topic} prompt {i} {salt}"
            reasoning, answer = f"think about {topic} {i}", f"answer {i}"
            tokens = int(rng.integers(40, 300))
            records.append(
                {
                    "id": hashlib.sha256(f"{prompt}\0{answer}".encode()).hexdigest()[:16],
                    "source_index": len(records),
                    "prompt": prompt,
                    "reasoning": reasoning,
                    "answer": answer,
                    "completion": f"<reasoning>{reasoning}</reasoning>\n<answer>{answer}</answer>",
                    "topic": topic,
                    "language": "en",
                    "prompt_tokens": 10,
                    "reasoning_tokens": tokens - 15,
                    "answer_tokens": 5,
                    "total_tokens": tokens,
                    "dup_cluster_size": 1,
                }
            )
    return pl.DataFrame(records, schema=SHARD_SCHEMA)


def _publish(store: Store, name: str, rows: pl.DataFrame, topics: list[str]):
    staging = store.staging_dir(name)
    (staging / "data").mkdir()
    path = staging / "data" / "train-00000-of-00001.parquet"
    rows.write_parquet(path, compression="zstd")
    shards = [{"file": "data/train-00000-of-00001.parquet", "rows": rows.height, "sha256": sha256_file(path)}]
    manifest = {"config": {"topics": topics}, "shards": shards, "rows": rows.height}
    return store.publish(name, staging, manifest)


@pytest.fixture
def store(tmp_path) -> Store:
    """ws@v1 (writing, summary, ideation; 'advice' declared but empty), ws@v2 (more rows), idea@v1."""
    store = Store(tmp_path / "store")
    _publish(store, "ws", _rows(TOPICS, "a"), [*TOPICS, "advice"])
    _publish(store, "ws", pl.concat([_rows(TOPICS, "a"), _rows({"writing": 30}, "b")]), list(TOPICS))
    _publish(store, "idea", _rows({"ideation": 50}, "c"), ["ideation"])
    return store


def fake_split(rows: pl.DataFrame, eval_fraction: float, seed: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Deterministic by id hash, like train.run.split_rows."""
    held = [
        int(hashlib.sha256(f"{seed}:{i}".encode()).hexdigest(), 16) % 1000 < eval_fraction * 1000
        for i in rows["id"]
    ]
    mask = pl.Series(held)
    return rows.filter(~mask), rows.filter(mask)


class FakeCounts:
    """A row costs total_tokens + TEMPLATE; longer than seq_len: dropped (null), as --overlong drop.
    Packing is taken to leave 20% padding."""

    proto = b"fake tokenizer"

    def __init__(self, config, train_rows: pl.DataFrame):
        # an unset --seq-len is resolved as the trainer does: the smallest multiple of 128 holding every row
        longest = self.longest = int(train_rows["total_tokens"].max()) + TEMPLATE
        self.limit = None
        self.config = config if config.seq_len else dataclasses.replace(config, seq_len=-(-longest // 128) * 128)

    def tokens(self, rows: pl.DataFrame) -> pl.Series:
        costs = rows["total_tokens"].cast(pl.Int64) + TEMPLATE
        return costs.set(costs > self.config.seq_len, None).alias("tokens")

    def steps(self, rows: pl.DataFrame, seed: int) -> int:
        """As if packing left 20% padding: one pass takes more steps than the budget's --steps."""
        return max(1, int(cost(rows) / 0.8) // (self.config.batch_size * self.config.seq_len))


def cost(rows: pl.DataFrame) -> int:
    return int(rows["total_tokens"].sum()) + TEMPLATE * rows.height


class FakeTrain:
    """Records every call; eval loss per topic falls with the share of that topic in training."""

    def __init__(self, fail_on: str | None = None):
        self.calls: list[dict] = []
        self.fail_on = fail_on

    def __call__(
        self, config, train_rows, eval_rows, out: Path, *, data_info: dict, resume: bool = False
    ) -> dict:
        if self.fail_on == data_info["arm"]:
            raise KeyboardInterrupt  # a crash half-way through the ablation
        self.calls.append(
            {
                "config": config,
                "train": train_rows,
                "eval": eval_rows,
                "out": out,
                "info": data_info,
                "resume": resume,
            }
        )
        assert (
            config.steps == FakeCounts(config, train_rows).steps(train_rows, config.seed)
            and config.epochs is None
        )
        assert Path(config.tokenizer).read_bytes() == FakeCounts.proto
        (out / "run.json").write_text(json.dumps({"seed": config.seed}))
        share = train_rows.group_by("topic").agg(pl.col("total_tokens").sum())
        total = share["total_tokens"].sum()
        shares = dict(zip(share["topic"], (share["total_tokens"] / total).to_list()))
        noise = 0.01 * config.seed
        by_topic = {
            t: 3.0 - shares.get(t, 0.0) + 0.8 * shares.get(t, 0.0) ** 2 + noise
            for t in sorted(set(eval_rows["topic"]))
        }
        return {
            "eval_loss": float(np.mean([by_topic[t] for t in eval_rows["topic"]])),
            "eval_loss_by_topic": by_topic,
            "tokens_seen": cost(train_rows),
            "train_tokens_by_topic": {t: int(v) for t, v in zip(share["topic"], share["total_tokens"])},
            "compliance": 0.5 + 0.1 * shares.get("writing", 0.0),
            "mean_answer_len": 40.0,
            "steps": config.steps,
            "padding_share": 0.125,
        }


def _spec(*arms: str, data: str | None = "ws@v1", **kwargs) -> AblationSpec:
    config = kwargs.pop("config", Config())
    return AblationSpec(
        config=config, arms=tuple(parse_arm(a, f"arm{i}") for i, a in enumerate(arms, 1)), data=data, **kwargs
    )


def _run(spec, out, store, train=None):
    return run_ablation(
        spec, out, store, Backend(train or FakeTrain(), fake_split, FakeCounts), log=lambda m: None
    )


THREE_ARMS = ("writing=1", "writing=0.5,summary=0.5", "summary=1")


# ---------------------------------------------------------------- mixes


def test_parse_mix_normalizes_and_names():
    assert parse_mix("writing=1, summary=3") == {"writing": 0.25, "summary": 0.75}
    assert parse_mix("ws@v2=0.7,idea@v1=0.3") == {"ws@v2": 0.7, "idea@v1": 0.3}
    assert parse_mix("writing=1,summary=0") == {"writing": 1.0}
    assert parse_arm("both: writing=1,summary=1", "arm1") == Arm("both", {"writing": 0.5, "summary": 0.5})
    assert parse_arm("writing=2", "arm3").name == "arm3"


@pytest.mark.parametrize(
    "text, message",
    [
        ("writing=-1", "negative"),
        ("writing=abc", "not a number"),
        ("writing=nan", "not a finite number"),
        ("writing=inf", "not a finite number"),
        ("writing=0,summary=0", "all weights are zero"),
        ("writing", "expected TOPIC=WEIGHT"),
        ("writing=1,writing=2", "appears twice"),
        ("", "empty mix"),
    ],
)
def test_parse_mix_rejects(text, message):
    with pytest.raises(MixError, match=message):
        parse_mix(text)


def _pools() -> dict[str, pl.DataFrame]:
    rows = _rows(TOPICS, "pool").with_columns(pl.col("total_tokens").cast(pl.Int64).alias("tokens"))
    return {t: rows.filter(pl.col("topic") == t) for t in TOPICS}


@pytest.mark.parametrize(
    "mix", ["writing=1", "writing=0.5,summary=0.5", "writing=0.2,summary=0.3,ideation=0.5"]
)
def test_sampling_realizes_the_asked_mix_to_the_budget(mix):
    asked = parse_mix(mix)
    sample = sample_arm(_pools(), asked, budget=6000, seed=0, allow_repeat=False)
    assert 6000 <= sample.tokens < 6000 + 300  # overshoot below one row
    for key, share in asked.items():
        assert sample.realized[key] == pytest.approx(share, abs=300 / 6000)
    assert not sample.ran_out
    assert sample.rows["id"].is_unique().all()


def test_sampling_is_deterministic_per_seed_and_shares_rows_across_arms():
    pools = _pools()
    a = sample_arm(pools, {"writing": 1.0}, 3000, seed=1, allow_repeat=False)
    assert a.rows.equals(sample_arm(pools, {"writing": 1.0}, 3000, seed=1, allow_repeat=False).rows)
    assert not a.rows["id"].equals(
        sample_arm(pools, {"writing": 1.0}, 3000, seed=2, allow_repeat=False).rows["id"]
    )
    half = sample_arm(pools, {"writing": 0.5, "summary": 0.5}, 3000, seed=1, allow_repeat=False)
    writing = half.rows.filter(pl.col("component") == "writing")["id"]
    assert writing.to_list() == a.rows["id"].head(writing.len()).to_list()  # common random numbers


def test_sampling_records_a_topic_that_runs_out():
    pools = _pools()
    ideation_tokens = int(pools["ideation"]["tokens"].sum())
    budget = int(2.2 * ideation_tokens)
    sample = sample_arm(pools, {"ideation": 0.5, "writing": 0.5}, budget, seed=0, allow_repeat=False)
    assert sample.ran_out == ["ideation"]
    assert sample.tokens_by_component["ideation"] == ideation_tokens
    assert sample.realized["ideation"] == pytest.approx(1 / 2.2, abs=0.02)
    assert budget <= sample.tokens < budget + 300


def test_sampling_with_repeat_keeps_the_mix_and_counts_epochs():
    pools = _pools()
    ideation_tokens = int(pools["ideation"]["tokens"].sum())
    sample = sample_arm(
        pools, {"ideation": 0.5, "writing": 0.5}, 5 * ideation_tokens, seed=0, allow_repeat=True
    )
    assert sample.realized["ideation"] == pytest.approx(0.5, abs=0.02)
    assert sample.epochs_by_component["ideation"] == pytest.approx(2.5, abs=0.1)
    assert not sample.ran_out


# ---------------------------------------------------------------- the ablation runner


def test_three_arms_equal_budgets_shared_eval_report(store, tmp_path):
    out = tmp_path / "abl"
    train = FakeTrain()
    results = _run(_spec(*THREE_ARMS), out, store, train)

    budget = 6 * 2 * 512
    assert [a["name"] for a in results["arms"]] == ["arm1", "arm2", "arm3"]
    for call in train.calls:
        assert budget <= cost(call["train"]) < budget + 312  # equal within one row
        assert call["config"].seed == 0 and call["config"].lr == 3e-3
    first_eval = train.calls[0]["eval"]
    assert set(first_eval["topic"]) == {"writing", "summary"}  # every topic involved, held out
    rows = store.resolve("ws@v1").read()
    heldout = pl.concat(
        [fake_split(rows.filter(pl.col("topic") == t), 0.1, 0)[1] for t in ("writing", "summary")]
    )
    for call in train.calls:
        assert call["eval"].equals(first_eval)
        assert not set(call["train"]["id"]) & set(heldout["id"])
        assert not set(call["train"]["prompt"]) & set(heldout["prompt"])
    arm2 = results["arms"][1]
    assert arm2["asked"] == {"writing": 0.5, "summary": 0.5}
    assert arm2["realized"]["writing"] == pytest.approx(0.5, abs=0.03)
    assert set(arm2["summary"]) >= {"eval_loss", "eval_loss/writing", "eval_loss/summary", "compliance"}

    saved = json.loads((out / "results.json").read_text())
    assert saved["budget_tokens"] == budget and len(saved["arms"]) == 3
    for arm in saved["arms"]:  # --steps is honoured, or a note says why not, for every arm
        for run in arm["runs"]:
            steps = run["metrics"]["steps"]
            explained = [n for n in saved["notes"] if n.startswith(f"{arm['name']} seed {run['seed']}: {steps} steps, "
                                                                   "not --steps 6")]
            assert (steps == 6) != bool(explained), (arm["name"], steps, saved["notes"])
    assert any(r["metrics"]["steps"] != 6 for a in saved["arms"] for r in a["runs"])  # the note is exercised
    report = (out / "report.md").read_text()
    assert "| arm1 | writing 100%" in report and "## Verdict" in report
    assert "eval_loss: best is" in report and "single seed" in report
    assert (out / "plots" / "eval_loss.png").stat().st_size > 0
    assert (out / "plots" / "eval_loss_by_topic.png").stat().st_size > 0
    assert pl.read_parquet(out / "eval.parquet")["id"].to_list() == first_eval["id"].to_list()
    assert [r["tokens"] for a in results["arms"] for r in a["runs"]] == [
        cost(c["train"]) for c in train.calls
    ]


def test_no_arm_trains_on_a_held_out_prompt_under_another_id(tmp_path):
    """Prompts repeat with different answers (so different ids): holding out a row must hold out its
    prompt's twins too, or the eval set leaks into training."""
    rows = _rows({"writing": 90, "summary": 90}, "a")
    prompts = pl.format("{} prompt {}", "topic", pl.int_range(pl.len()).over("topic") // 3)  # 3 answers each
    rows = rows.with_columns(prompts.alias("prompt")).with_columns(
        pl.concat_str("prompt", "answer", separator="\0").map_elements(
            lambda text: hashlib.sha256(text.encode()).hexdigest()[:16], return_dtype=pl.String).alias("id"))
    assert rows["id"].n_unique() == rows.height and rows["prompt"].n_unique() == rows.height // 3
    store = Store(tmp_path / "store")
    _publish(store, "rep", rows, ["writing", "summary"])
    heldout = pl.concat([fake_split(rows.filter(pl.col("topic") == t), 0.1, 0)[1] for t in ("writing", "summary")])
    twins = rows.filter(pl.col("prompt").is_in(heldout["prompt"].implode()) & ~pl.col("id").is_in(heldout["id"].implode()))
    assert twins.height > 0  # the split left twins of held-out rows on the training side: the case to guard
    train = FakeTrain()
    _run(_spec(*THREE_ARMS, data="rep@v1"), tmp_path / "abl", store, train)
    assert len(train.calls) == 3
    for call in train.calls:
        assert not set(call["train"]["prompt"]) & set(heldout["prompt"])
        assert not set(call["train"]["id"]) & set(twins["id"])


def test_plots_have_titles_mix_labels_and_a_marked_axis_break(store, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    results = _run(_spec(*THREE_ARMS), tmp_path / "abl", store)
    arms = results["arms"]
    fig = ablate_report.eval_loss_figure(arms)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Eval loss per arm")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert re.fullmatch(r"arm2: writing \d+%, summary \d+%", labels[1])  # the mix, not just "arm2"
    low = ax.get_xlim()[0]
    assert low == 0 or f"starts at {low:.3g}, not 0" in ax.get_xlabel()  # from zero, or the break is said
    assert low > 0  # the losses differ by a few %: zoomed here, so the break mark is exercised
    topic_ax = ablate_report.by_topic_figure(arms).axes[0]
    assert topic_ax.get_title() == "Eval loss per topic and arm" and topic_ax.get_xlabel()
    assert [t.get_text() for t in topic_ax.get_legend().get_texts()][0] == labels[0]
    assert topic_ax.get_ylim()[0] == 0 or "axis broken" in topic_ax.get_ylabel()


def test_an_unset_seq_len_is_resolved_once_for_every_arm(store, tmp_path):
    train = FakeTrain()
    results = _run(_spec(*THREE_ARMS, config=Config(seq_len=None)), tmp_path / "abl", store, train)
    assert {call["config"].seq_len for call in train.calls} == {384}  # rows cost at most 299 + 12 tokens
    assert results["budget_tokens"] == 6 * 2 * 384 and results["config"]["seq_len"] == 384


def test_rows_lost_to_a_short_seq_len_are_said_loudly(store, tmp_path):
    logged = []
    spec = _spec(*THREE_ARMS, config=Config(seq_len=200))
    results = run_ablation(spec, tmp_path / "abl", store, Backend(FakeTrain(), fake_split, FakeCounts), log=logged.append)
    warnings = [line for line in logged if line.startswith("WARNING: writing loses ")]
    assert len(warnings) == 1 and "longer than --seq-len 200: --overlong truncate keeps them cut" in warnings[0]
    assert "--seq-len 384 keeps them whole" in warnings[0] and warnings[0] in results["notes"]
    assert "> **Note**: the model is `tiny`" in (tmp_path / "abl" / "report.md").read_text()


def test_arms_over_several_versions(store, tmp_path):
    train = FakeTrain()
    results = _run(
        _spec("ws@v2=0.7,idea@v1=0.3", "idea=1", "ws@v1=0.5,ws@v2=0.5", data=None),
        tmp_path / "abl",
        store,
        train,
    )
    assert results["arms"][0]["asked"] == {"ws@v2": 0.7, "idea@v1": 0.3}
    assert results["arms"][1]["asked"] == {"idea@v1": 1.0}  # NAME resolves to its newest version
    assert set(train.calls[0]["eval"]["topic"]) == {"writing", "summary", "ideation"}
    assert train.calls[0]["info"]["versions"] == ["idea@v1", "ws@v2"]
    overlapping = train.calls[2]["train"]  # v2 holds every row of v1: each is drawn at most once
    assert overlapping["id"].is_unique().all() and cost(overlapping) >= 6 * 2 * 512


def test_seeds_give_mean_and_spread_and_a_verdict(store, tmp_path):
    results = _run(_spec(*THREE_ARMS, seeds=3), tmp_path / "abl", store)
    summary = results["arms"][0]["summary"]["eval_loss"]
    assert summary["n"] == 3 and summary["std"] > 0
    verdict = next(v for v in results["verdicts"] if v["metric"] == "eval_loss")
    assert verdict["best"] == "arm2" and verdict["exceeds_spread"] in (True, False)
    assert "seed spread" in verdict["text"]
    assert " ± " in ablate_report.table(results)


def test_resume_skips_finished_runs_and_resumes_the_interrupted_one(store, tmp_path):
    out = tmp_path / "abl"
    with pytest.raises(KeyboardInterrupt):
        _run(_spec(*THREE_ARMS), out, store, FakeTrain(fail_on="arm2"))
    assert (out / "runs" / "arm1" / "seed-0" / "result.json").exists()
    assert not (out / "runs" / "arm2" / "seed-0" / "result.json").exists()

    train = FakeTrain()
    results = _run(_spec(*THREE_ARMS), out, store, train)
    assert [(c["info"]["arm"], c["resume"]) for c in train.calls] == [("arm2", True), ("arm3", False)]
    assert len(results["arms"]) == 3

    again = FakeTrain()
    assert _run(_spec(*THREE_ARMS), out, store, again)["arms"] == results["arms"]
    assert again.calls == []


def test_adding_arms_and_seeds_trains_only_what_is_new(store, tmp_path):
    out = tmp_path / "abl"
    _run(_spec(*THREE_ARMS), out, store)
    train = FakeTrain()
    results = _run(_spec(*THREE_ARMS, "writing=0.8,summary=0.2", seeds=2), out, store, train)
    trained = [(c["info"]["arm"], c["config"].seed) for c in train.calls]
    assert trained == [("arm1", 1), ("arm2", 1), ("arm3", 1), ("arm4", 0), ("arm4", 1)]
    assert [len(a["seeds"]) for a in results["arms"]] == [2, 2, 2, 2]


def test_changed_arm_or_setup_is_refused(store, tmp_path):
    out = tmp_path / "abl"
    _run(_spec(*THREE_ARMS), out, store)
    with pytest.raises(
        AblationError, match="arm 'arm2' .* was summary=0.5,writing=0.5|arm 'arm2'.*changing an arm"
    ):
        _run(_spec("writing=1", "writing=0.7,summary=0.3", "summary=1"), out, store)
    with pytest.raises(AblationError, match="different setup .*lr: 0.003 -> 0.002"):
        _run(_spec(*THREE_ARMS, config=Config(lr=2e-3)), out, store)
    with pytest.raises(AblationError, match="different setup .*arm 'arm4' \\(ideation=1\\) brings ideation, which "
                                            "changes the shared eval set"):
        _run(_spec(*THREE_ARMS, "ideation=1"), out, store)  # a new topic would change the eval set


@pytest.mark.parametrize(
    "arms, kwargs, message",
    [
        (
            ["poetry=1"],
            {},
            "unknown topic or version 'poetry': ws@v1 has topics advice, ideation, summary, writing",
        ),
        (["nope@v1=1"], {}, "no dataset named 'nope'"),
        (["ws@v9=1"], {}, "ws has no version v9"),
        (["advice=1"], {}, "topic 'advice' in ws@v1 has no rows"),
        (
            ["writing=1"],
            {"config": Config(steps=100)},
            r"writing=1\) has [\d,]+ training tokens but the budget is 102,400: that is [\d.]+ epochs.*--allow-repeat",
        ),
        (["writing=1"], {"config": Config(steps=None)}, "give --steps"),
        (
            ["writing=1"],
            {"config": Config(seq_len=50)},
            "no usable held-out rows for topic.s. writing at --eval-fraction 0.1 and --seq-len 50",
        ),
        (["writing=1"], {"data": None}, "no --data given"),
        ([], {}, "nothing to compare"),
        (["search-01: writing=1"], {}, "arm names must be unique"),
    ],
)
def test_bad_input_is_a_clear_error(store, tmp_path, arms, kwargs, message):
    with pytest.raises(CurateError, match=message):
        _run(_spec(*arms, **kwargs), tmp_path / "abl", store)
    assert not (tmp_path / "abl").exists()  # refused before anything is written


def test_allow_repeat_runs_and_notes_the_epochs(store, tmp_path):
    results = _run(_spec("ideation=1", config=Config(steps=10), allow_repeat=True), tmp_path / "abl", store)
    assert results["arms"][0]["runs"][0]["epochs_by_component"]["ideation"] > 1
    assert any("rows repeated" in note for note in results["notes"])


def test_a_topic_running_out_is_said(store, tmp_path):
    # ideation has ~36 training rows; a 50/50 mix at this budget exhausts it
    results = _run(_spec("ideation=0.5,writing=0.5", config=Config(steps=15)), tmp_path / "abl", store)
    assert results["arms"][0]["runs"][0]["ran_out"] == ["ideation"]
    assert any("ideation ran out" in note for note in results["notes"])
    assert "(ran out)" in (tmp_path / "abl" / "report.md").read_text()


# ---------------------------------------------------------------- search


def test_regression_recovers_a_log_mixture_law():
    components = ["a", "b", "c"]
    rng = np.random.default_rng(0)
    mixes = [dict(zip(components, w)) for w in rng.dirichlet([1, 1, 1], size=12)]
    benefit = {"a": 0.3, "b": 0.1, "c": 0.2}

    def truth(mix):
        return 3 - sum(b * np.log(mix.get(c, 0) + ablate_search.EPS) for c, b in benefit.items())

    model = ablate_search.fit(components, mixes, [truth(m) for m in mixes])
    assert model.loo_rmse < 0.01
    best, predicted = ablate_search.best_mix(model, seed=0)
    # optimum of the law: w + EPS proportional to the benefit
    expected = {c: b / 0.6 * (1 + 3 * ablate_search.EPS) - ablate_search.EPS for c, b in benefit.items()}
    assert best == pytest.approx(expected, abs=0.03)
    assert predicted == pytest.approx(truth(best), abs=0.01)


def test_search_needs_enough_proxies(store, tmp_path):
    with pytest.raises(AblationError, match="--search 2 is too few .* use --search 5 or more"):
        _run(_spec(search=2), tmp_path / "abl", store)
    with pytest.raises(AblationError, match="at least two topics"):
        _run(_spec("writing=1", search=3), tmp_path / "abl", store)


def test_search_trains_proxies_then_the_predicted_best(store, tmp_path):
    out = tmp_path / "abl"
    train = FakeTrain()
    results = _run(_spec(search=6, config=Config(steps=5)), out, store, train)
    names = [a["name"] for a in results["arms"]]
    assert names == [f"search-{i:02d}" for i in range(1, 7)] + ["predicted-best"]
    search = results["search"]
    assert set(search["mix"]) <= {"writing", "summary", "ideation"}
    assert search["measured_eval_loss"]["n"] == 1 and np.isfinite(search["predicted_eval_loss"])
    assert "## Mix search" in (out / "report.md").read_text()
    again = FakeTrain()
    assert _run(_spec(search=6, config=Config(steps=5)), out, store, again)["search"]["mix"] == search["mix"]
    assert again.calls == []


# ---------------------------------------------------------------- command line


@pytest.fixture
def cli(monkeypatch, store):
    """The `train` parser with `ablate` registered, and the fake trainer."""
    train = FakeTrain()
    monkeypatch.setattr(ablate, "default_backend", lambda: Backend(train, fake_split, FakeCounts))
    monkeypatch.setenv("CURATE_STORE", str(store.root))
    parser = argparse.ArgumentParser(prog="train")
    ablate_cli.register(parser.add_subparsers(dest="verb"))

    def call(*argv: str) -> int:
        args = parser.parse_args(list(argv))
        return args.func(args)

    call.train = train
    return call


def test_cli_runs_shows_and_resumes(cli, tmp_path, capsys):
    out = str(tmp_path / "abl")
    argv = [
        "ablate",
        "--data",
        "ws@v1",
        "--model",
        "tiny",
        "--steps",
        "5",
        "--batch-size",
        "2",
        "--seq-len",
        "512",
        "--out",
        out,
    ]
    argv += [x for arm in THREE_ARMS for x in ("--arm", arm)]
    assert cli(*argv) == 0
    assert "| arm2 | writing 50%, summary 50%" in capsys.readouterr().out
    assert cli("ablate", "show", out) == 0
    printed = capsys.readouterr().out
    assert (
        printed.startswith(
            "| arm | asked mix | realized mix | tokens drawn | tokens trained | steps | seeds |"
        )
        and "eval_loss: best is" in printed
    )
    assert cli(*argv) == 0 and len(cli.train.calls) == 3


def test_cli_reads_a_yaml_spec_and_options_override_it(cli, tmp_path):
    spec = tmp_path / "ablation.yaml"
    spec.write_text(
        "data: ws@v1\nsteps: 5\nbatch-size: 2\nseq-len: 512\nseeds: 2\nout: " + str(tmp_path / "abl") + "\n"
        "arms:\n  writing-only: writing=1\n  balanced: {writing: 1, summary: 1}\n"
    )
    assert cli("ablate", "--spec", str(spec), "--seeds", "1") == 0
    assert [(c["info"]["arm"], c["info"]["mix"]) for c in cli.train.calls] == [
        ("writing-only", {"writing": 1.0}),
        ("balanced", {"writing": 0.5, "summary": 0.5}),
    ]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--arm", "writing=-0.5"], "negative"),
        (["--arm", "writing=lots"], "not a number"),
        (["--arm", "writing=0,summary=0"], "all weights are zero"),
        (["--arm", "poetry=1"], "unknown topic or version 'poetry'"),
        (["--arm", "nope@v2=1"], "no dataset named 'nope'"),
        (["--arm", "advice=1"], "has no rows"),
        (["--arm", "writing=1", "--steps", "500"], "epochs over its data. Pass --allow-repeat"),
        (["--arm", "writing=1", "--seeds", "0"], "--seeds must be at least 1"),
        (["--arm", "writing=1", "--eval-fraction", "1.5"], "--eval-fraction must be in (0, 1)"),
    ],
)
def test_cli_bad_input_exits_2_with_a_message(cli, tmp_path, capsys, argv, message):
    assert (
        cli(
            "ablate",
            "--data",
            "ws@v1",
            "--steps",
            "3",
            "--batch-size",
            "2",
            "--seq-len",
            "512",
            "--out",
            str(tmp_path / "abl"),
            *argv,
        )
        == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_cli_bad_spec_and_show_without_results(cli, tmp_path, capsys):
    spec = tmp_path / "bad.yaml"
    spec.write_text("data: ws@v1\nout: x\nstepz: 5\narms: [writing=1]\n")
    assert cli("ablate", "--spec", str(spec)) == 2
    assert "unknown spec key(s) stepz" in capsys.readouterr().err
    spec.write_text("data: ws@v1\nout: x\nepochs: 2\narms: [writing=1]\n")
    assert cli("ablate", "--spec", str(spec)) == 2
    assert "--epochs does not apply" in capsys.readouterr().err
    assert cli("ablate", "--data", "ws@v1", "--arm", "writing=1") == 2
    assert "--out DIR is required" in capsys.readouterr().err
    assert cli("ablate", "show", str(tmp_path / "none")) == 2
    assert "results.json not found" in capsys.readouterr().err


# ---------------------------------------------------------------- the real trainer (slow)

VOCAB = {
    "writing": "story poem character scene draft verse chapter voice narrator plot dialogue metaphor",
    "summary": "summary article report key points main finding paragraph condense brief overview length",
    "ideation": "ideas brainstorm options list creative names concepts possible angles themes pitch",
}


def text_rows(per_topic: int, seed: int = 0) -> pl.DataFrame:
    """Rows with topic-specific words, so a topic's share in training shows in its eval loss."""
    rng = np.random.default_rng(seed)
    records = []
    for topic, vocab in VOCAB.items():
        words = vocab.split()
        for i in range(per_topic):
            prompt = f"Task {i}: " + " ".join(rng.choice(words, rng.integers(8, 20)))
            reasoning = " ".join(rng.choice(words, rng.integers(20, 60)))
            answer = " ".join(rng.choice(words, rng.integers(10, 30)))
            records.append({"prompt": prompt, "reasoning": reasoning, "answer": answer, "topic": topic})
    frame = pl.DataFrame(records)
    return (
        frame.with_columns(
            pl.concat_str("prompt", "answer")
            .hash(7)
            .cast(pl.String)
            .str.zfill(20)
            .str.slice(0, 16)
            .alias("id"),
            pl.int_range(pl.len(), dtype=pl.Int64).alias("source_index"),
            pl.format("<reasoning>{}</reasoning>\n<answer>{}</answer>", "reasoning", "answer").alias(
                "completion"
            ),
            pl.lit("en").alias("language"),
            *(
                pl.col(c).str.split(" ").list.len().cast(pl.Int32).alias(f"{c}_tokens")
                for c in ("prompt", "reasoning", "answer")
            ),
            pl.lit(1, pl.Int32).alias("dup_cluster_size"),
        )
        .with_columns(
            (pl.col("prompt_tokens") + pl.col("reasoning_tokens") + pl.col("answer_tokens")).alias(
                "total_tokens"
            )
        )
        .select(list(SHARD_SCHEMA))
    )


@pytest.mark.slow
def test_real_tiny_ablation_on_cpu(tmp_path):
    store = Store(tmp_path / "store")
    _publish(store, "wsi", text_rows(100), list(VOCAB))
    parser = argparse.ArgumentParser(prog="train")
    ablate_cli.register(parser.add_subparsers(dest="verb"))
    out = tmp_path / "abl"
    argv = [
        "ablate",
        "--store",
        str(store.root),
        "--data",
        "wsi",
        "--out",
        str(out),
        "--model",
        "tiny",
        "--steps",
        "4",
        "--batch-size",
        "4",
        "--seq-len",
        "512",
        "--eval-fraction",
        "0.1",
        "--eval-per-topic",
        "4",
        "--max-new-tokens",
        "8",
        "--eval-every",
        "100",
    ]
    argv += [x for arm in ("writing=1", "writing=0.5,summary=0.5", "summary=1") for x in ("--arm", arm)]
    args = parser.parse_args(argv)
    assert args.func(args) == 0
    results = json.loads((out / "results.json").read_text())
    tokens = [run["tokens"] for arm in results["arms"] for run in arm["runs"]]
    assert max(tokens) - min(tokens) < 512
    for arm in results["arms"]:
        metrics = arm["runs"][0]["metrics"]
        assert np.isfinite(metrics["eval_loss"]) and set(metrics["eval_loss_by_topic"]) == {
            "writing",
            "summary",
        }
    writing_only, _, summary_only = (arm["summary"] for arm in results["arms"])
    assert writing_only["eval_loss/writing"]["mean"] < summary_only["eval_loss/writing"]["mean"]
    assert (out / "report.md").is_file() and (out / "plots" / "eval_loss.png").is_file()
    args = parser.parse_args(argv)  # a rerun trains nothing
    assert args.func(args) == 0
