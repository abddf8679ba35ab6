"""Topic taxonomy, the classifier seam, user topics on top of the model, parse_topics and the stage."""

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


def test_request_at_either_end_of_a_long_prompt_counts(clf):
    sentences = ["The harbour was busy that morning.", "Fishermen unloaded crates of cod while gulls circled.",
                 "A ferry from the island arrived late because of fog.", "Prices for mackerel rose at the market.",
                 "By noon the fog had lifted and tourists filled the quay."]
    article = " ".join(sentences * 8)  # ~2,000 chars of pasted text
    prompts = [article + "\n\nSummarize the above in two sentences.", "Summarize this in two sentences:\n\n" + article]
    assert clf.classify(pl.Series(prompts)).to_list() == ["summary", "summary"]


def _devset():
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()]


def test_devset_is_large_balanced_and_has_holdouts():
    rows = _devset()
    dev = [r for r in rows if r["split"] == "dev"]
    assert len(dev) >= 300 and sum(r["split"] != "dev" for r in rows) >= 100
    counts = {t: sum(r["topic"] == t for r in dev) for t in TOPIC_IDS}
    assert min(counts.values()) >= 20, counts
    assert len({r["prompt"] for r in rows}) == len(rows)


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
    out = clf.predict(pl.Series(["write a haiku about tea", "Write two verses for my song",
                                 "Write a cover letter", "Solve 2x + 1 = 5"]))
    assert out["topic"].to_list() == ["poetry", "poetry", "writing", "math"]
    assert out["topic_confidence"].to_list()[:2] == [1.0, 1.0]
    assert TopicClassifier.load().classify(pl.Series(["write a haiku about tea"])).item() == "writing"


def test_user_keywords_sit_on_top_of_the_model(tmp_path):
    """Any match of a user topic's rules decides, whatever the model says; no match leaves the model's verdict."""
    cfg = write(tmp_path, "topics:\n  - id: cooking\n    keywords: [recipe]\n    weight: 2\n")
    clf = TopicClassifier.load(cfg)
    prompts = pl.Series(["any good recipe with lentils", "Write a poem about my favourite recipe", "Write a poem about lentils"])
    assert clf.classify(prompts).to_list() == ["cooking", "cooking", "writing"]


def test_higher_priority_user_topic_wins_then_score(tmp_path):
    cfg = write(tmp_path, """
topics:
  - id: baking
    keywords: [bread, oven]
  - id: sourdough
    priority: 2
    keywords: [starter]
    weight: 2
""")
    clf = TopicClassifier.load(cfg)
    got = clf.classify(pl.Series(["my bread oven starter died", "bread in a cold oven", "feed the starter"])).to_list()
    assert got == ["sourdough", "baking", "sourdough"]


def test_user_config_adds_patterns_to_builtin_topic(tmp_path):
    prompt = "flux-o-matic 3000 status"  # the model alone does not call it writing
    assert TopicClassifier.load().classify(pl.Series([prompt])).item() != "writing"
    clf = TopicClassifier.load(write(tmp_path, "topics:\n  - id: writing\n    keywords: [flux-o-matic]\n"))
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


def test_stage_adds_topic_confidence_and_drop_reasons(clf):
    batch = pl.DataFrame({
        "source_index": [0, 1, 2],
        "prompt": ["Write a limerick about cheese", "Solve for x: 2x = 10", "Implement quicksort in Rust"],
    })
    out = TopicStage(["writing", "math"], clf).process(batch)
    assert out["source_index"].to_list() == [0, 1, 2]
    assert out["topic"].to_list() == ["writing", "math", "code"]
    assert out["drop_reason"].to_list() == [None, None, "off_topic:code"]
    assert out["topic_confidence"].dtype == pl.Float32
    assert TopicStage.name == "topic"


def test_stage_confidence_floor_has_its_own_reason(clf):
    prompts = pl.Series(["Write a limerick about cheese", "hmm the thing about it", "Solve for x: 2x = 10"])
    conf = clf.predict(prompts)["topic_confidence"].to_list()
    floor = (conf[0] + conf[1]) / 2
    assert conf[1] < floor < conf[0], "the second prompt must be the unsure one"
    batch = pl.DataFrame({"source_index": [0, 1, 2], "prompt": prompts})
    keep = set(TOPIC_IDS) - {"math"}
    out = TopicStage(keep, clf, min_confidence=floor).process(batch)
    topic = out["topic"][1]
    assert out["drop_reason"].to_list() == [None, f"low_confidence:{topic}", "off_topic:math"]
    assert TopicStage(keep, clf, min_confidence=0.0).process(batch)["drop_reason"].to_list()[:2] == [None, None]


def test_stage_rejects_unknown_keep_and_bad_floor(clf):
    with pytest.raises(CurateError, match="poetry"):
        TopicStage(["poetry"], clf)
    with pytest.raises(CurateError, match="between 0 and 1"):
        TopicStage(["writing"], clf, min_confidence=1.5)


def test_stage_uses_the_response_after_rewrite_and_not_when_prompt_only(clf):
    """The same prompt with two different answers: the build's stage reads them, prompt_only() does not."""
    prompt = "Tom has some apples and gives away a third of them, keeping 8. How many did he have?"
    batch = pl.DataFrame({
        "source_index": [0, 1],
        "prompt": [prompt, prompt],
        "reasoning": ["x - x/3 = 8 so x = 12. Check: 12 - 4 = 8.", "Think about generosity and sharing."],
        "answer": ["\\boxed{12}", "Sharing what we have makes communities stronger, as this story shows in many ways."],
    })
    stage = TopicStage(TOPIC_IDS, clf)
    with_response = stage.process(batch)["topic_confidence"].to_list()
    assert with_response[0] != with_response[1]
    alone = stage.prompt_only().process(batch)["topic_confidence"].to_list()
    assert alone[0] == alone[1]
