"""Topic taxonomy, classifier quality on our own dev set, user topics, parse_topics and the stage."""

import json
import re
from pathlib import Path

import polars as pl
import pytest

from curate.errors import CurateError
from curate.stages.topic import TopicStage
from curate.topics import (
    DEFAULT_TOPICS,
    TOPIC_IDS,
    VERIFIABLE,
    TopicClassifier,
    fast_boundaries,
    parse_topics,
)

DEVSET = Path(__file__).resolve().parents[1] / "bench" / "topic_devset.jsonl"


@pytest.fixture(scope="module")
def clf():
    return TopicClassifier.load()


def test_taxonomy_constants():
    assert TOPIC_IDS == ("writing", "summary", "ideation", "explanation", "advice", "analysis", "roleplay",
                         "math", "code", "logic", "extraction", "other")
    assert VERIFIABLE == {"math", "code", "logic", "extraction"}
    assert DEFAULT_TOPICS == ("writing", "summary", "ideation", "explanation", "advice", "analysis", "roleplay")


CLEAR = {
    "writing": ["Write a short story about a robot who learns to paint.", "please proofread my cover letter for typos"],
    "summary": [("Summarize this article in three bullet points:\n\nThe city council met on Monday to discuss "
                 "the new budget, which raises spending on parks by 12%."), "tl;dr of the Iliad please"],
    "ideation": ["Brainstorm 10 names for a vegan food truck", "Plan a 4-day itinerary for Rome"],
    "explanation": ["Explain how photosynthesis works", "Why do we have seasons?"],
    "advice": ["My manager keeps ignoring my ideas. Any advice?", "Should I buy or lease my next car?"],
    "analysis": ["Compare the pros and cons of solar and wind energy", "Critique this argument: taxes are theft."],
    "roleplay": ["Act as a Shakespearean actor and greet me.", "hi, how are you?"],
    "math": ["Solve for x: 5x - 3 = 12", "What is the derivative of x^3?"],
    "code": ["Write a Python function that reverses a linked list",
             "Why does this fail?\n```js\nconst x = undefined.map(y => y)\n```"],
    "logic": ["Riddle: what gets wetter the more it dries?",
              "Knights always tell the truth and knaves always lie. A says B is a knave. What is A?"],
    "extraction": ["Extract all the dates from this text: the meeting is on May 3 and the launch on June 9.",
                   "Classify the sentiment of this review: 'Terrible service, never again.'"],
    "other": ["test", "What model are you?"],
}


@pytest.mark.parametrize("topic", TOPIC_IDS)
def test_clear_examples(clf, topic):
    got = clf.classify(pl.Series(CLEAR[topic])).to_list()
    assert got == [topic] * len(CLEAR[topic])


def test_classify_shape_nulls_and_empty(clf):
    s = pl.Series("prompt", ["Why is the sky blue?", None, "", "   "], dtype=pl.String)
    out = clf.classify(s)
    assert out.dtype == pl.String and len(out) == 4 and out.null_count() == 0
    assert out.to_list()[1:] == ["other", "other", "other"]
    assert len(clf.classify(pl.Series([], dtype=pl.String))) == 0


def test_request_at_the_end_of_a_long_prompt_counts(clf):
    article = "The harbour was busy that morning. " * 60  # ~2,000 chars of pasted text
    assert clf.classify(pl.Series([article + "\n\nSummarize the above in two sentences."])).item() == "summary"


def test_everyday_words_alone_do_not_make_code_or_math(clf):
    prompts = ["How can a small rural library get more teenagers to visit, with a tiny budget?",
               "How can I integrate project-based learning into my 4th grade class?",
               "What makes a great public library?",  # "library" is the only hint: below MIN_SCORE
               "The history of the string quartet in Vienna"]
    assert not set(clf.classify(pl.Series(prompts)).to_list()) & VERIFIABLE


def _devset():
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()]


def _binary_macro_f1(gold, pred):
    f1s = []
    for positive in (True, False):
        g = [t in VERIFIABLE for t in gold]
        p = [t in VERIFIABLE for t in pred]
        tp = sum(a == positive and b == positive for a, b in zip(g, p))
        prec = tp / max(1, sum(b == positive for b in p))
        rec = tp / max(1, sum(a == positive for a in g))
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2


def test_devset_is_large_balanced_and_has_holdouts():
    rows = _devset()
    dev = [r for r in rows if r["split"] == "dev"]
    assert len(dev) >= 300 and sum(r["split"] != "dev" for r in rows) >= 100
    counts = {t: sum(r["topic"] == t for r in dev) for t in TOPIC_IDS}
    assert min(counts.values()) >= 20, counts
    assert len({r["prompt"] for r in rows}) == len(rows)


@pytest.mark.parametrize("split,min_acc", [("dev", 0.95), ("heldout", 0.9), ("heldout2", 0.9), ("heldout3", 0.85)])
def test_devset_thresholds(clf, split, min_acc):
    rows = [r for r in _devset() if r["split"] == split]
    gold = [r["topic"] for r in rows]
    pred = clf.classify(pl.Series([r["prompt"] for r in rows])).to_list()
    assert _binary_macro_f1(gold, pred) >= 0.85  # the contract: verifiable vs not
    assert sum(g == p for g, p in zip(gold, pred)) / len(rows) >= min_acc


def test_fast_boundaries_match_unicode_word_boundaries():
    texts = ["a poem.", "poems", "apoem", "poème", "über poem", "совет дня", "советник", "ok, идеи!", "идеино"]
    for pat in [r"\bpoem\b", r"\bсовет\w*", r"\bидеи\b", r"\bpoème\b"]:
        fast = fast_boundaries(pat)
        assert "\\b" not in fast.replace("(?-u:\\b)", "")
        want = [bool(re.search(pat, t)) for t in texts]
        got = pl.Series(texts).str.contains(fast).to_list()
        assert got == want, (pat, fast)


def write(tmp_path, text):
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_user_topic_wins_on_its_patterns(tmp_path):
    cfg = write(tmp_path, """
topics:
  - id: poetry
    priority: 1
    keywords: [poem, haiku, sonnet]
    patterns: ['\\bverses?\\b']
""")
    clf = TopicClassifier.load(cfg)
    assert clf.topic_ids == TOPIC_IDS + ("poetry",)
    got = clf.classify(pl.Series(["write a haiku about tea", "Write two verses for my song",
                                  "Write a cover letter", "Solve 2x + 1 = 5"])).to_list()
    assert got == ["poetry", "poetry", "writing", "math"]
    assert TopicClassifier.load().classify(pl.Series(["write a haiku about tea"])).item() == "writing"


def test_user_topic_without_priority_competes_on_score(tmp_path):
    cfg = write(tmp_path, "topics:\n  - id: cooking\n    keywords: [recipe]\n    weight: 2\n")
    clf = TopicClassifier.load(cfg)
    got = clf.classify(pl.Series(["any good recipe with lentils", "Write a poem about my favourite recipe"])).to_list()
    assert got == ["cooking", "writing"]


def test_user_config_adds_patterns_to_builtin_topic(tmp_path):
    prompt = "ghostwrite the intro of my memoir"
    assert TopicClassifier.load().classify(pl.Series([prompt])).item() != "writing"
    clf = TopicClassifier.load(write(tmp_path, "topics:\n  - id: writing\n    keywords: [ghostwrite]\n"))
    assert clf.classify(pl.Series([prompt])).item() == "writing"
    assert clf.topic_ids == TOPIC_IDS


@pytest.mark.parametrize("text,needle", [
    ("topics: [", "not valid YAML"),
    ("just: a mapping\n", "'topics' list"),
    ("topics:\n  - id: Poetry\n    keywords: [x]\n", "lowercase identifier"),
    ("topics:\n  - id: p\n    patterns: ['(']\n", "invalid regex"),
    ("topics:\n  - id: p\n", "needs 'keywords' or 'patterns'"),
    ("topics:\n  - id: p\n    keywords: [x]\n    colour: red\n", "unknown key"),
    ("topics:\n  - id: p\n    keywords: [x]\n    weight: -1\n", "positive number"),
    ("topics:\n  - id: p\n    patterns: [{pattern: x, zone: middle}]\n", "zone"),
])
def test_bad_user_config_is_a_curate_error(tmp_path, text, needle):
    with pytest.raises(CurateError, match=re.escape(needle)):
        TopicClassifier.load(write(tmp_path, text))


def test_missing_user_config_is_a_curate_error(tmp_path):
    with pytest.raises(CurateError, match="cannot read topics file"):
        TopicClassifier.load(tmp_path / "nope.yaml")


def test_parse_topics(clf):
    assert parse_topics("writing,summary", clf) == ["summary", "writing"]
    assert parse_topics(" Summary , writing,summary ", clf) == ["summary", "writing"]
    assert parse_topics(None, clf) == sorted(DEFAULT_TOPICS)
    assert parse_topics("", clf) == sorted(DEFAULT_TOPICS)
    assert parse_topics("all", clf) == sorted(TOPIC_IDS)


def test_parse_topics_unknown_names_it_and_lists_valid(clf):
    with pytest.raises(CurateError) as err:
        parse_topics("writing,poetry", clf)
    msg = str(err.value)
    assert "poetry" in msg and all(t in msg for t in TOPIC_IDS)


def test_parse_topics_knows_user_topics(tmp_path):
    clf = TopicClassifier.load(write(tmp_path, "topics:\n  - id: poetry\n    keywords: [poem]\n"))
    assert parse_topics("poetry,writing", clf) == ["poetry", "writing"]
    assert "poetry" in parse_topics("all", clf)


def test_stage_adds_topic_and_drop_reasons(clf):
    batch = pl.DataFrame({
        "source_index": [0, 1, 2],
        "prompt": ["Write a limerick about cheese", "Solve for x: 2x = 10", "Implement quicksort in Rust"],
    })
    out = TopicStage(["writing", "math"], clf).process(batch)
    assert out["source_index"].to_list() == [0, 1, 2]
    assert out["topic"].to_list() == ["writing", "math", "code"]
    assert out["drop_reason"].to_list() == [None, None, "off_topic:code"]
    assert TopicStage.name == "topic"


def test_stage_rejects_unknown_keep(clf):
    with pytest.raises(CurateError, match="poetry"):
        TopicStage(["poetry"], clf)
