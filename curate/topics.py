"""Topic taxonomy, the topic classifier, and users' own topics on top of it.

The classifier is the learned model in `curate.topic_model` (logistic regression over hashed
n-grams, trained on the labeled corpus in bench/topic_corpus): it gives every prompt one of the
twelve topics and that topic's probability, `topic_confidence`.

Users add topics, or extra cues for a built-in topic, in a YAML file (see `load_topic_config`):
keywords and regexes matched on the lowercased prompt. They sit on top of the model: a prompt
that matches a user topic's rules gets that topic (confidence 1.0), whatever the model says.
Among user topics, higher priority wins, then the higher score.

Rules look at two zones of a prompt, because people put the request first or last and paste
material in between:
- "intent": the first 200 and the last 200 characters (the whole prompt when short);
- "body": the first 1,000 characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from curate.errors import CurateError

TOPIC_IDS: tuple[str, ...] = (
    "writing",  # creative writing, essays, letters/emails, rewriting, translation
    "summary",  # summarize / tl;dr / key points of given text
    "ideation",  # brainstorming, names, plans, itineraries, schedules
    "explanation",  # teaching, how/why questions, science/history Q&A
    "advice",  # personal advice, recommendations, "should I"
    "analysis",  # compare, critique, argue, evaluate
    "roleplay",  # act as / pretend / open-ended conversation and greetings
    "math",  # calculations, word problems, proofs
    "code",  # writing, fixing or explaining code; programming questions
    "logic",  # puzzles and riddles with one right answer
    "extraction",  # extract / classify / short verifiable factoid answers
    "other",  # meta, acknowledgements, gibberish, requests no text model can do
)
VERIFIABLE: frozenset[str] = frozenset({"math", "code", "logic", "extraction"})
DEFAULT_TOPICS: tuple[str, ...] = tuple(t for t in TOPIC_IDS if t not in VERIFIABLE and t != "other")

HEAD_CHARS = 1000  # body zone
INTENT_CHARS = 200  # intent zone: this many chars from the start and from the end
ZONES = ("intent", "body")
PRIORITY_STEP = 1000.0  # score offset per priority level; far above any reachable score
MIN_SCORE = 1.5  # user rules below this score do not decide (a keyword's default weight is 5)


@dataclass(frozen=True)
class Rule:
    """One weighted regex, matched case-insensitively (on lowercased text) in one zone."""

    pattern: str
    weight: float
    zone: str = "intent"


@dataclass
class TopicDef:
    id: str
    rules: list[Rule] = field(default_factory=list)
    priority: int = 0


_NON_ASCII = "[^\\x00-\\x7f]"


def fast_boundaries(pattern: str) -> str:
    """Rewrite `\\b` so the regex stays on Rust's fast DFA path.

    A Unicode `\\b` makes the regex engine fall back to a slow matcher on any non-ASCII text (10-20x
    slower here). ASCII `(?-u:\\b)` is equivalent next to ASCII letters. Next to a non-ASCII letter
    (e.g. Cyrillic words) a trailing boundary becomes "end or non-word character", and a leading one is
    dropped: a leading class would disable the literal prefilter, and matching a word's tail is harmless.
    """
    pattern = re.sub(r"(?<!\\)\\b(?=" + _NON_ASCII + ")", "", pattern)
    pattern = re.sub(r"(?<=" + _NON_ASCII + r")(?<!\\)\\b", lambda m: r"(?:$|\W)", pattern)
    return re.sub(r"(?<!\\)\\b", lambda m: r"(?-u:\b)", pattern)


def _keyword_regex(keyword: str) -> str:
    """A whole-word match for a user keyword; "c++" or "#tag" get no boundary on their symbol side."""
    k = keyword.strip().lower()
    start = r"\b" if re.match(r"\w", k) else ""
    end = r"\b" if re.search(r"\w$", k) else ""
    return start + re.escape(k) + end


def _check_regex(pattern: str, where: str) -> None:
    """Fail early, with the file and topic in the message, instead of deep inside polars."""
    try:
        pl.Series([""]).str.contains(pattern)
    except pl.exceptions.PolarsError as exc:  # ComputeError for a bad or too large regex
        detail = str(exc).split("\n\nThis error")[0].strip()
        raise CurateError(f"{where}: invalid regex {pattern!r}: {detail}") from None


def load_topic_config(path: Path) -> dict[str, TopicDef]:
    """The topics of a user YAML file, in file order (an id listed twice gets both entries' rules).

    Format:
        topics:
          - id: poetry              # new topic, or a built-in id to add rules to it
            priority: 1             # optional; decides between user topics that both match (default 0)
            weight: 5               # optional default weight for keywords/patterns (default 5)
            keywords: [poem, haiku] # whole words/phrases, case-insensitive
            patterns:               # regexes on lowercased text; str or {pattern, weight, zone}
              - '\\bsonnets?\\b'
              - {pattern: 'rhym\\w+', weight: 2, zone: body}
    """
    import yaml

    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CurateError(f"cannot read topics file {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise CurateError(f"topics file {path} is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("topics"), list):
        raise CurateError(f"topics file {path}: expected a mapping with a 'topics' list")
    merged: dict[str, TopicDef] = {}
    for i, entry in enumerate(doc["topics"]):
        where = f"topics file {path}, topics[{i}]"
        if not isinstance(entry, dict):
            raise CurateError(f"{where}: expected a mapping with 'id'")
        unknown = set(entry) - {"id", "priority", "weight", "keywords", "patterns"}
        if unknown:
            raise CurateError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: id, priority, weight, keywords, patterns")
        tid = entry.get("id")
        if not isinstance(tid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", tid):
            raise CurateError(f"{where}: 'id' must be a lowercase identifier like 'poetry', got {tid!r}")
        where = f"topics file {path}, topic {tid!r}"
        weight = entry.get("weight", 5)
        priority = entry.get("priority", merged[tid].priority if tid in merged else 0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise CurateError(f"{where}: 'weight' must be a positive number, got {weight!r}")
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise CurateError(f"{where}: 'priority' must be an integer, got {priority!r}")
        rules: list[Rule] = []
        keywords = entry.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise CurateError(f"{where}: 'keywords' must be a list of non-empty strings")
        if keywords:
            words = "|".join(_keyword_regex(k) for k in keywords)
            rules.append(Rule(fast_boundaries(f"(?:{words})"), float(weight), "intent"))
        patterns = entry.get("patterns", [])
        if not isinstance(patterns, list):
            raise CurateError(f"{where}: 'patterns' must be a list")
        for p in patterns:
            if isinstance(p, str):
                p = {"pattern": p}
            if not isinstance(p, dict) or not isinstance(p.get("pattern"), str) or set(p) - {"pattern", "weight", "zone"}:
                raise CurateError(f"{where}: each pattern is a regex string or {{pattern, weight, zone}}, got {p!r}")
            w = p.get("weight", weight)
            zone = p.get("zone", "intent")
            if isinstance(w, bool) or not isinstance(w, (int, float)) or w <= 0:
                raise CurateError(f"{where}: pattern weight must be a positive number, got {w!r}")
            if zone not in ZONES:
                raise CurateError(f"{where}: pattern zone must be one of {ZONES}, got {zone!r}")
            _check_regex(p["pattern"], where)
            rules.append(Rule(fast_boundaries(p["pattern"]), float(w), zone))
        if not rules:
            raise CurateError(f"{where}: a topic needs 'keywords' or 'patterns'")
        if tid in merged:
            merged[tid].rules.extend(rules)
            merged[tid].priority = priority
        else:
            merged[tid] = TopicDef(tid, rules, priority)
    return merged


class TopicClassifier:
    """The topic model, with the user's keyword topics on top."""

    def __init__(self, model, user_topics: dict[str, TopicDef] | None = None):
        self.model = model
        self.user_topics = user_topics or {}
        self.topic_ids: tuple[str, ...] = TOPIC_IDS + tuple(t for t in self.user_topics if t not in TOPIC_IDS)

    @classmethod
    def load(cls, config_path: Path | None = None) -> TopicClassifier:
        from curate.topic_model import TopicModel

        user = load_topic_config(Path(config_path)) if config_path is not None else {}
        return cls(TopicModel.load(), user)

    def rule_scores(self, prompts: pl.Series) -> pl.DataFrame:
        """One Float32 score column per user topic (priority excluded); useful for debugging."""
        df = pl.DataFrame({"p": prompts.cast(pl.String).fill_null("")})
        p, n = pl.col("p"), pl.col("p").str.len_chars()
        # intent = first 200 chars + last 200 chars; a short prompt comes out whole and unchanged
        tail_start = pl.max_horizontal(n - INTENT_CHARS, pl.lit(INTENT_CHARS))
        gap = pl.when(n > 2 * INTENT_CHARS).then(pl.lit("\n")).otherwise(pl.lit(""))
        zones = df.select(
            body=p.str.slice(0, HEAD_CHARS).str.to_lowercase(),
            intent=pl.concat_str([p.str.slice(0, INTENT_CHARS), gap, p.str.slice(tail_start)]).str.to_lowercase(),
        )
        return zones.select(
            pl.sum_horizontal(pl.col(r.zone).str.contains(r.pattern).cast(pl.Float32) * r.weight for r in t.rules).alias(tid)
            for tid, t in self.user_topics.items()
        )

    def predict(self, prompts: pl.Series, reasoning: pl.Series | None = None,
                answer: pl.Series | None = None) -> pl.DataFrame:
        """`topic` and `topic_confidence` per prompt. With `answer` (null where a row has none),
        the response counts too. Null prompts are classified as empty text."""
        topic, confidence = self.model.predict(prompts, reasoning, answer)
        out = pl.DataFrame([topic, confidence])
        if not self.user_topics or not len(prompts):
            return out
        order = list(self.user_topics)
        ranked = self.rule_scores(prompts).select(
            pl.when(pl.col(t) >= MIN_SCORE).then(pl.col(t) + self.user_topics[t].priority * PRIORITY_STEP)
            .otherwise(None).alias(t)
            for t in order
        )
        top = pl.max_horizontal(order)
        user = ranked.select(pl.coalesce(pl.when(pl.col(t) == top).then(pl.lit(t)) for t in order).alias("user"))
        return out.with_columns(user).select(
            pl.coalesce("user", "topic").alias("topic"),
            pl.when(pl.col("user").is_null()).then("topic_confidence").otherwise(pl.lit(1.0, pl.Float32))
            .alias("topic_confidence"),
        )

    def classify(self, prompts: pl.Series) -> pl.Series:
        """Topic id per prompt from the prompt alone (String, same length)."""
        return self.predict(prompts)["topic"].rename(prompts.name or "topic")


def parse_topics(spec: str | None, classifier: TopicClassifier) -> list[str]:
    """'writing,summary' -> sorted unique ids; None/'' -> DEFAULT_TOPICS; 'all' -> every topic."""
    if spec is None or not spec.strip():
        return sorted(DEFAULT_TOPICS)
    parts = [p.strip().lower() for p in spec.split(",") if p.strip()]
    if "all" in parts:
        return sorted(classifier.topic_ids)
    unknown = [p for p in parts if p not in classifier.topic_ids]
    if unknown:
        raise CurateError(
            f"unknown topic(s): {', '.join(unknown)}; valid topics: {', '.join(classifier.topic_ids)} (or 'all')"
        )
    return sorted(set(parts))
