"""The quality stage: each check on rows written to fail it (and near misses that must pass), its
thresholds, its figures against plain-Python references, and its recall on the sample's planted rows."""

import hashlib
import json
import random
import re
from collections import Counter

import numpy as np
import polars as pl
import pytest

from curate.errors import CurateError
from curate.schema import DROP_REASON, QUALITY_SCHEMA
from curate.stages.quality import (
    REASONS,
    SPACELESS,
    QualityStage,
    QualityThresholds,
    _unclosed_brackets,
    check,
    measure,
)
from curate.tokens import TokenCounter
from curate.words import split_words, utf8_buffer

CLEAN_REASONING = (
    "Okay, the user wants a way to learn a new topic quickly. Let me think about what actually works. "
    "Reading alone tends to feel productive but fades fast, so some kind of active recall should be part "
    "of it.\n\nMaybe the plan has three parts: find out what they already know, fill the gaps from one "
    "good source, and then test the understanding by explaining it. Hmm, is explaining really a test? "
    "Yes, because gaps show up the moment you try to say something simply.\n\nI should keep it short and "
    "practical, with no jargon, since the question sounds casual. A friendly close would help too.\n\n"
    "Okay, I think I have what I need. Let me write the answer."
)
CLEAN_ANSWER = (
    "Here is a short plan.\n\nFirst, list what you already know about the topic and mark the gaps. Then pick "
    "one reliable source for each gap and read it with a question in mind. Finally, explain the idea aloud "
    "to a friend, which shows quickly where your understanding is thin.\n\nGood luck with it!"
)


def batch(*rows: dict) -> pl.DataFrame:
    """Rows as the quality stage sees them: reasoning, answer, tokens, topic, language."""
    frame = pl.DataFrame(
        [{"prompt": "Explain something.", "reasoning": CLEAN_REASONING, "answer": CLEAN_ANSWER, "topic": "explanation",
          "language": "en", **row} for row in rows]  # fmt: skip
    )
    counter = TokenCounter.estimate()
    return frame.with_columns(
        counter.count(frame["reasoning"]).alias("reasoning_tokens"),
        counter.count(frame["answer"]).alias("answer_tokens"),
    )


def reasons(frame: pl.DataFrame, thresholds: QualityThresholds | None = None) -> list:
    return QualityStage(thresholds).process(frame)[DROP_REASON].to_list()


def test_clean_row_is_kept_with_its_figures():
    out = QualityStage().process(batch({}))
    assert out[DROP_REASON].to_list() == [None]
    assert set(QUALITY_SCHEMA) <= set(out.columns)
    assert out.schema["reasoning_loop_sentences"] == pl.Int32 and out.schema["answer_foreign_share"] == pl.Float32
    assert out["reasoning_foreign_share"][0] == 0 and out["answer_loop_sentences"][0] <= 1


LOOP = "Wait, let me check that again. Is the sum right? "
CASES = {
    "refusal": {"answer": "I'm sorry, but I can't help with that request."},
    "boilerplate": {"answer": "As an AI language model, I don't have opinions. " + CLEAN_ANSWER},
    "short_reasoning": {"reasoning": "Okay."},
    "thin_reasoning": {"reasoning": "Quick one, I will just write it out now.", "answer": CLEAN_ANSWER * 12},
    "repeat_loop:reasoning": {"reasoning": CLEAN_REASONING + "\n\n" + LOOP * 6},
    "repeat_loop:answer": {"answer": CLEAN_ANSWER + "\n\n" + LOOP * 6},
    "repeated_lines:reasoning": {"reasoning": (CLEAN_REASONING + "\n\nOkay, fine.\n\n") * 3},
    "top_ngram:answer": {"answer": CLEAN_ANSWER + "\n\n" + "I think " * 120},
    "script_mix:reasoning": {"reasoning": CLEAN_REASONING.replace("Okay,", "我需要再检查一下这个部分。Okay,")},
    "script_mix:answer": {"answer": CLEAN_ANSWER.replace("Finally,", "然后我们总结一下。Finally,")},
    "unbalanced:reasoning": {"reasoning": CLEAN_REASONING + "\n\n```python\nx = f(1)\n\nSo that is the idea."},
    "unbalanced:answer": {"answer": CLEAN_ANSWER + '\n\n[\n  {"name": "Ana",\n  "email": "ana@example.com"'},
    "truncated:reasoning": {"reasoning": CLEAN_REASONING + "\n\nNow the last thing I want to check is whether the"},
    "truncated:answer": {"answer": CLEAN_ANSWER + "\n\nOne more thing: when you explain it to your friend, try to avo"},
}


@pytest.mark.parametrize("reason", sorted(CASES))
def test_each_check_drops_what_it_is_for(reason):
    assert reasons(batch(CASES[reason])) == [reason]


def test_every_reason_has_a_case_here():
    covered = set(CASES) | {"repeated_lines:answer", "top_ngram:reasoning"}  # twins of the other part
    assert covered == set(REASONS)


NEAR_MISSES = {
    "an apology that is no refusal": {"answer": "I'm sorry to hear that. " + CLEAN_ANSWER},
    "'I can't wait'": {"answer": "I can't wait to hear how it goes! " + CLEAN_ANSWER},
    "AI as a subject": {"answer": "As an AI researcher once told me, start small. " + CLEAN_ANSWER},
    "Greek letters in math": {"answer": CLEAN_ANSWER + "\n\nWith angle θ and slope α, Δy/Δx = tan θ."},
    "Chinese the prompt asked about": {"prompt": "What does 谢谢 mean?", "answer": "谢谢 means thank you. " + CLEAN_ANSWER},
    "a list without full stops": {"answer": "Try these:\n\n- Drink water\n- Stand up every hour\n- Sleep eight hours"},
    "a closed code block with brackets in strings": {
        "answer": "Here:\n\n```python\nOPEN = '([{'\nprint(OPEN)\n```\n\nThat prints the three."},
    "a smiley": {"answer": CLEAN_ANSWER + " It ends there :( but that is fine."},
    "a refrain that comes back apart": {
        "answer": "\n\n".join(["The sea is calm tonight.", "Stars hang low.", "The sea is calm tonight.",
                               "Boats sleep in rows.", "The sea is calm tonight."] * 1) + "\n\n" + CLEAN_ANSWER},
    "a short answer after short reasoning": {"reasoning": "Easy: two plus two is four, so the answer is 4.",
                                             "answer": "It is 4."},
    "a letter signed by a name": {"answer": CLEAN_ANSWER + "\n\nBest regards,\nMaria Lopez"},
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_misses_are_kept(case):
    assert reasons(batch(NEAR_MISSES[case])) == [None]


def test_thresholds_move_the_line():
    looping = batch({"reasoning": CLEAN_REASONING + "\n\n" + LOOP * 4})  # a 2-sentence block said 4 times: 6
    assert reasons(looping) == [None]
    assert reasons(looping, QualityThresholds(max_loop_sentences=5)) == ["repeat_loop:reasoning"]
    thin = batch({"reasoning": "Quick one, I will just write it out now.", "answer": CLEAN_ANSWER})
    assert reasons(thin) == [None]
    strict = QualityThresholds.parse("min_reasoning_ratio.explanation=0.5")
    assert reasons(thin, strict) == ["thin_reasoning"]
    assert reasons(thin.with_columns(topic=pl.lit("writing")), strict) == [None]  # other topics keep the default
    mixed = batch(CASES["script_mix:answer"])
    assert reasons(mixed, QualityThresholds(max_foreign_share=0.05)) == [None]
    assert reasons(batch(CASES["refusal"]), QualityThresholds(refusal_chars=0)) == [None]


def test_first_failing_check_names_the_reason():
    both = batch({"answer": "I'm sorry, but I can't help with that request.", "reasoning": "Okay."})
    assert reasons(both) == ["refusal"]
    flags = check(measure(both, QualityThresholds()), QualityThresholds())
    assert flags["flag_refusal"][0] and flags["flag_short_reasoning"][0]


def test_thresholds_parse_and_check():
    t = QualityThresholds.parse("max_loop_sentences=9, max_foreign_share=0.01,min_reasoning_ratio.writing=0.02")
    assert (t.max_loop_sentences, t.max_foreign_share, t.reasoning_ratio_by_topic) == (9, 0.01, (("writing", 0.02),))
    assert t.describe()["reasoning_ratio_by_topic"] == {"writing": 0.02}
    assert QualityThresholds.parse("") == QualityThresholds()
    for bad, says in (("max_loop=3", "KEY=VALUE"), ("max_loop_sentences", "KEY=VALUE"),
                      ("max_loop_sentences=2.5", "needs a int"), ("max_foreign_share=-1", "non-negative")):
        with pytest.raises(CurateError, match=says):
            QualityThresholds.parse(bad)


# --- figures against plain-Python references ------------------------------------------------------------

def test_words_split_on_spaces_and_controls_and_hash_as_documented():
    """Words as runs of bytes above 0x20 (`bytes.split()`, control characters splitting too); a
    word's hash of its first 8 bytes and its length, as
    decontamination's n-gram index and the pinned verdicts expect (texts end anywhere in the 8-byte
    words the hash reads, the last one included)."""
    rng = random.Random(3)
    alphabet = ["a", "bc", "déf", "中文", ".", " ", "  ", "\n", "\t", "x!", "longerwordthanmost", "\x01"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(300)] + ["", None, "z"]
    words = split_words(pl.Series(texts))
    m1, m3 = 0x9E3779B97F4A7C15, 0x165667B19E3779F9
    for i, text in enumerate(texts):
        lo, hi = words.first_word[i], words.first_word[i + 1]
        got = [bytes(words.data[a:b]) for a, b in zip(words.starts[lo:hi], words.ends[lo:hi])]
        expected = [w for w in re.split(rb"[\x00-\x20]+", (text or "").encode()) if w]
        assert got == expected, text
        hashes = [(int.from_bytes(w[:8], "little") * m1 ^ len(w) * m3) % 2**64 for w in expected]
        assert words.hashes[lo:hi].tolist() == hashes, text


def test_top_2gram_share_bounds_the_exact_one_closely(sample_batch):
    """The sketch never reports less than Gopher's count; on texts over 1 KB it is within 0.03."""
    measured = measure(sample_batch, QualityThresholds())
    for part in ("reasoning", "answer"):
        for k, (text, language) in enumerate(sample_batch.select(part, "language").rows()[:300]):
            if language in SPACELESS:  # the stage splits their sentences first
                continue
            words = text.split()
            counts = Counter(zip(words, words[1:]))
            top = max((c * len(f"{a} {b}".encode()) for (a, b), c in counts.items()), default=0)
            exact, size = top / max(len(text.encode()), 1), len(text.encode())
            got = measured[f"{part}_top_2gram_share"][k]
            assert exact - 1e-6 <= got <= exact + (0.03 if size > 1000 else 1), (part, k, exact, got)


def test_unclosed_brackets_match_the_regexes_they_replace():
    """The compiled count of ( [ { left open reads the answer as these regexes did: code removed
    (fenced blocks, to the end when unclosed, and inline spans), then smileys."""
    code, smiley = r"(?s)```.*?(?:```|$)|`[^`\n]*`", r"[:;=]-?[(\[{]"
    rng = random.Random(5)
    alphabet = ["`", "```", "``", "(", ")", "[", "]", "{", "}", ":", ";", "=", "-", ":(", ":-(", "\n", " ", "a", "é"]
    texts = pl.Series(["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)])
    prose = texts.str.replace_all(code, "").str.replace_all(smiley, "")
    expected = sum(prose.str.count_matches(c, literal=True).to_numpy().astype(np.int64) for c in "([{")
    expected -= sum(prose.str.count_matches(c, literal=True).to_numpy().astype(np.int64) for c in ")]}")
    assert _unclosed_brackets(*utf8_buffer(texts)).tolist() == expected.tolist()


def test_loops_and_repeated_lines_count_what_they_say():
    a, b, c = "One thing.", "Another thing.", "A third thing here."
    looping = batch({"reasoning": f"{c} {a} {b} {a} {b} {a} {b} {c}\n\nNew line.\n\nNew line."})
    m = measure(looping, QualityThresholds())
    assert m["reasoning_loop_sentences"][0] == 4  # the block "a b" said three times: 2 x 2 repeats
    text = looping["reasoning"][0]
    assert m["reasoning_repeated_line_share"][0] == pytest.approx(len("New line.") / len(text.encode()))


# --- the embedded sample's planted failures -------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_batch(sample_rows_at_quality):
    return sample_rows_at_quality.filter(pl.col("planted").is_null() & pl.col("near_miss").is_null())


@pytest.fixture(scope="module")
def quality_cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("CURATE_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def rows_at_quality(source: str) -> pl.DataFrame:
    """Every row of `source` that reaches the quality stage when all topics and languages are kept."""
    from curate.build import make_stages
    from curate.config import BuildConfig
    from curate.dedup import DedupParams
    from curate.pipeline import run_stages
    from curate.sources import open_source
    from curate.stages.length import LengthLimits
    from curate.topics import TopicClassifier

    config = BuildConfig(topics=tuple(TopicClassifier.load(None).topic_ids), languages=None, limits=LengthLimits(),
                         dedup=DedupParams.for_threshold(0.8), language_backend="cld2")  # fmt: skip
    source = pl.concat(list(open_source(source).batches(50_000)))
    return run_stages(source, make_stages(config)[:5])[0]


@pytest.fixture(scope="module")
def sample_rows_at_quality(quality_cache):
    """Every row of the embedded sample that reaches the quality stage, with its ground truth."""
    from curate.sources.sample import ground_truth

    truth = ground_truth().rename({"index": "source_index"}).drop("topic", "language")
    return rows_at_quality("sample").join(truth, on="source_index")


def test_planted_failures_are_found_and_clean_rows_kept(sample_rows_at_quality):
    rows = sample_rows_at_quality
    flags = check(measure(rows, QualityThresholds()), QualityThresholds()).hstack(rows.select("planted", "near_miss"))
    for reason in REASONS:
        planted = flags.filter(pl.col("planted") == reason)
        assert planted.height >= 15, reason  # they reach the stage
        recall = planted[f"flag_{reason}"].mean()
        assert recall >= 0.95, (reason, recall)
    clean = flags.filter(pl.col("planted").is_null())
    dropped = clean.select(pl.any_horizontal(f"flag_{r}" for r in REASONS)).to_series()
    assert dropped.mean() <= 0.01, {r: clean[f"flag_{r}"].sum() for r in REASONS}
    assert not dropped.filter(clean["near_miss"].is_not_null()).any()


def test_dropped_rows_show_the_failing_part(sample_rows_at_quality):
    out = QualityStage().process(sample_rows_at_quality.filter(pl.col("planted") == "refusal"))
    assert out[DROP_REASON].to_list() == ["refusal"] * out.height
    assert all(re.match(r"answer: (I|Unfortunately|抱歉|很抱歉)", d) for d in out["drop_detail"].to_list())


# --- verdicts pinned: a faster stage must decide exactly as the first one did ------------------------------

def verdict_digest(rows: pl.DataFrame) -> str:
    """sha256 of the sorted (source_index, drop reason) pairs the stage gives `rows`."""
    out = QualityStage().process(rows)
    pairs = out.select("source_index", DROP_REASON).sort("source_index").rows()
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()


def test_verdicts_on_the_sample_are_pinned(sample_rows_at_quality):
    assert verdict_digest(sample_rows_at_quality) == "0b2d4fc2d069a866a39138707792bbeaa3af5c03783546459683d23be4400234"


def test_verdicts_on_generated_rows_are_pinned(quality_cache, tmp_path):
    from curate.sources.sample import write_sample

    write_sample(tmp_path, rows=4000)  # 3,791 reach the stage, 33 are dropped
    assert verdict_digest(rows_at_quality(str(tmp_path))) == (
        "8142a2d146bae4673aa399465a3dc72ba7173a7a78ac50af802c2ff1cd1aa012"
    )


# --- in a build ---------------------------------------------------------------------------------------------

def test_a_build_runs_the_stage_and_no_quality_skips_it(tmp_path, capsys):
    from curate.cli import main
    from curate.store import Store

    def response(answer):
        return f"<think>\n{CLEAN_REASONING}\n</think>\n\n{answer}"

    rows = [{"prompt": "How do I learn a new topic quickly?", "response": response(CLEAN_ANSWER)},
            {"prompt": "Can you write my essay on tides?", "response": response(CASES["refusal"]["answer"])}]
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    common = ["build", "--source", str(source), "--topics", "all", "--languages", "all", "--workers", "1", "--quiet"]
    assert main([*common, "--store", str(tmp_path / "a"), "--name", "q"]) == 0, capsys.readouterr()
    version = Store(tmp_path / "a").resolve("q")
    stages = {s["stage"]: s for s in version.manifest["funnel"]["stages"]}
    assert stages["quality"]["dropped"] == {"refusal": 1}
    assert version.manifest["config"]["quality"]["max_loop_sentences"] == QualityThresholds().max_loop_sentences
    kept = version.read()
    assert kept["reasoning_loop_sentences"].null_count() == 0 and kept.height == 1
    card = (version.path / "README.md").read_text()
    assert "## Quality" in card and "| `refusal` | 1 |" in card and "`reasoning_to_answer`" in card
    dropped = version.read_dropped().filter(pl.col("stage") == "quality")
    assert dropped["preview"].to_list() == ["answer: " + CASES["refusal"]["answer"]]

    assert main([*common, "--store", str(tmp_path / "b"), "--name", "q", "--no-quality"]) == 0
    version = Store(tmp_path / "b").resolve("q")
    assert "quality" not in [s["stage"] for s in version.manifest["funnel"]["stages"]]
    assert version.manifest["config"]["quality"] is None
    kept = version.read()
    assert kept.height == 2 and all(kept[c].null_count() == 2 for c in QUALITY_SCHEMA)
    assert "Built with `--no-quality`" in (version.path / "README.md").read_text()

    assert main([*common, "--store", str(tmp_path / "c"), "--no-quality", "--quality", "max_loop_sentences=3"]) == 2
    assert "give one of them" in " ".join(capsys.readouterr().err.split())
