"""Quality stage: drop the ways distilled reasoning traces fail, and keep each row's figures.

R1-style traces loop, switch script mid-thought, get cut off, think for one token before a long
answer, or answer with a refusal. Each check has its own drop reason and threshold
(`QualityThresholds`); the first failing check names the reason:

- `refusal`, `boilerplate`: the answer opens with a refusal, or carries AI-assistant boilerplate;
- `short_reasoning`, `thin_reasoning`: reasoning under a minimum, or far shorter than the answer;
- `repeat_loop:PART`, `repeated_lines:PART`, `top_ngram:PART` (PART = reasoning or answer): the
  longest run of sentences that repeat the ones just before, the share of bytes in lines that
  repeat an earlier line, and Gopher's share of bytes in the most frequent word 2-, 3- or 4-gram;
- `script_mix:PART`: letters outside the scripts of the prompt's language;
- `truncated:PART`: ends mid-sentence; `unbalanced:PART`: an unclosed code fence or brackets.

It runs after `language` (it needs the language and sees few rows) and works on the whole batch:
word, sentence and line statistics come from `curate.words` (one loop per text compiled with numba
over the UTF-8 bytes), open brackets from a loop of its own, the rest from a few polars queries on
short tails and prefixes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np
import polars as pl
from numba import njit

from curate.errors import CurateError
from curate.schema import DROP_REASON, QUALITY_SCHEMA
from curate.stages.base import Stage
from curate.words import NGRAMS, text_figures, utf8_buffer

PARTS = ("reasoning", "answer")
DETAIL_CHARS = 200  # excerpt kept as a dropped row's preview

# Every check's reasons, in the order they are tried.
REASONS = (
    "refusal", "boilerplate", "short_reasoning", "thin_reasoning",
    *(f"{check}:{part}" for check in ("repeat_loop", "repeated_lines", "top_ngram", "script_mix", "unbalanced",
                                      "truncated") for part in PARTS),
)  # fmt: skip


@dataclass(frozen=True)
class QualityThresholds:
    """Where each check starts to drop: a figure above its maximum (below its minimum) fails.

    Defaults were set on the embedded sample, to find its planted failures and keep its clean rows
    (bench/quality_bench.py prints both). The n-gram shares are 1.5x Gopher's web-text values
    (0.20, 0.18, 0.16), which dropped 1.4% of the sample's clean answers: lists with a recurring
    phrase per item."""

    max_loop_sentences: int = 6  # sentences in a row that repeat the block just before them
    max_repeated_line_share: float = 0.3  # share of a part's bytes in lines that repeat an earlier line
    max_top_2gram_share: float = 0.30  # share of bytes in the most frequent word 2-gram
    max_top_3gram_share: float = 0.27
    max_top_4gram_share: float = 0.24
    repetition_min_words: int = 50  # shorter parts skip the repetition checks: a few words prove nothing
    max_foreign_share: float = 0.002  # letters outside the language's scripts, per character
    truncation_min_words: int = 5  # a last prose line of this many words without end punctuation was cut off
    max_unclosed_brackets: int = 0  # ( [ { opened and never closed in the answer, net (code and :( aside)
    min_reasoning_tokens: int = 8
    min_reasoning_ratio: float = 0.05  # reasoning tokens per answer token
    reasoning_ratio_by_topic: tuple[tuple[str, float], ...] = ()  # (topic, ratio) overrides
    refusal_chars: int = 300  # a refusal must start within this many characters of the answer

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "reasoning_ratio_by_topic":
                if not all(isinstance(r, float | int) and not isinstance(r, bool) and r >= 0 for _, r in value):
                    raise CurateError(f"quality {f.name}: ratios must be non-negative numbers, got {value!r}")
            elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise CurateError(f"quality threshold {f.name} must be a non-negative number, got {value!r}")
            elif f.type == "int" and not isinstance(value, int):
                raise CurateError(f"quality threshold {f.name} must be a whole number, got {value!r}")

    @property
    def exact_ngram_from(self) -> float:
        """Top 2-gram share from which a text's 2-, 3- and 4-gram shares are counted exactly: a 3-gram
        covers at most twice the bytes of one of its 2-grams, a 4-gram 7/3 times."""
        return min(self.max_top_2gram_share, self.max_top_3gram_share / 2, self.max_top_4gram_share * 3 / 7)

    def describe(self) -> dict:
        described = asdict(self)
        described["reasoning_ratio_by_topic"] = dict(self.reasoning_ratio_by_topic)
        return described

    @classmethod
    def parse(cls, spec: str) -> QualityThresholds:
        """'max_loop_sentences=6,min_reasoning_ratio.writing=0.02' -> thresholds (defaults elsewhere)."""
        values, by_topic = {}, {}
        kinds = {f.name: f.type for f in fields(cls) if f.name != "reasoning_ratio_by_topic"}
        for item in filter(None, (s.strip() for s in spec.split(","))):
            key, eq, raw = (x.strip() for x in item.partition("="))
            topic = None
            if key.startswith("min_reasoning_ratio."):
                key, topic = "min_reasoning_ratio", key.split(".", 1)[1]
            if not eq or key not in kinds:
                raise CurateError(f"--quality expects KEY=VALUE with KEY one of {', '.join(kinds)} "
                                  f"(or min_reasoning_ratio.TOPIC); got {item!r}")
            try:
                value = int(raw) if kinds[key] == "int" else float(raw)
            except ValueError:
                raise CurateError(f"--quality {key} needs a {kinds[key]}, got {raw!r}") from None
            if topic is None:
                values[key] = value
            else:
                by_topic[topic] = value
        return cls(**values, reasoning_ratio_by_topic=tuple(sorted(by_topic.items())))


# The threshold each kept figure (schema.QUALITY_SCHEMA) is checked against; the data card shows both.
FIGURE_THRESHOLDS = {
    **{f"{part}_loop_sentences": "max_loop_sentences" for part in PARTS},
    **{f"{part}_repeated_line_share": "max_repeated_line_share" for part in PARTS},
    **{f"{part}_top_2gram_share": "max_top_2gram_share" for part in PARTS},
    **{f"{part}_foreign_share": "max_foreign_share" for part in PARTS},
    "reasoning_to_answer": "min_reasoning_ratio",
}


# Scripts each language is written in, beyond Latin (always allowed: code, names, units) and Greek
# (math letters). Languages in neither table are not checked.
LATIN_LANGUAGES = frozenset(
    "af az bs ca cs cy da de en eo es et eu fi fr ga gl ha hr hu id ig is it jv la lb lt lv mg ms mt nl "
    "no oc pl pt ro sk sl so sq su sv sw tl tr uz vi yo zu".split()
)
SCRIPTS = {
    "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic", "sr": "Cyrillic", "mk": "Cyrillic",
    "be": "Cyrillic", "kk": "Cyrillic", "ky": "Cyrillic", "mn": "Cyrillic", "tg": "Cyrillic",
    "zh": "Han Bopomofo", "ja": "Han Hiragana Katakana", "ko": "Hangul Han",
    "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "ps": "Arabic", "he": "Hebrew", "yi": "Hebrew",
    "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari", "bn": "Bengali", "pa": "Gurmukhi",
    "gu": "Gujarati", "ta": "Tamil", "te": "Telugu", "kn": "Kannada", "ml": "Malayalam", "si": "Sinhala",
    "th": "Thai", "lo": "Lao", "km": "Khmer", "my": "Myanmar", "ka": "Georgian", "hy": "Armenian",
    "am": "Ethiopic", "el": "Greek",
}  # fmt: skip
SPACELESS = frozenset({"zh", "ja"})  # sentences end at 。！？ with no space after
_KNOWN_LANGUAGES = frozenset({*LATIN_LANGUAGES, *SCRIPTS})
# UTF-8 lead bytes of letters outside Latin and Greek: a cheap screen before the exact regex.
_FOREIGN_LEAD = np.zeros(256, bool)
_FOREIGN_LEAD[0xD0:0xE2] = True
_FOREIGN_LEAD[0xE3:0xEE] = True
_FOREIGN_LEAD[0xF0:0xF5] = True


_NOT = r"(?:can(?:no|['’])t|can not|won['’]t|will not|am unable to|['’]m unable to|am not able to)"
REFUSAL = (
    r"(?i)^\W*(?:(?:i['’]?m|i am)\s+(?:really\s+|so\s+)?sorry|sorry|i apologi[sz]e|unfortunately)\b[^.!?\n]{0,80}?"
    r"\b(?:can(?:no|['’])t|can not|unable|not able|won['’]t|will not)\b"
    rf"|(?i)^\W*i\s+{_NOT}\s+(?:help|assist|provide|comply|fulfill|create|write|do|answer|support|generate|share|"
    r"engage|continue|produce|give|complete|offer)\b"
    r"|(?i)^\W*i\s+must\s+(?:decline|refuse)\b"
    r"|^\W*(?:抱歉|对不起|很抱歉)[，,]?\s*(?:我)?(?:不能|无法)"
)  # fmt: skip
BOILERPLATE = (
    r"(?i)\bas an? (?:ai|artificial intelligence)(?:(?: language)? (?:model|assistant|chatbot)|,)"
    r"|(?i)\bas a (?:large )?language model\b"
    r"|(?i)\bi(?:['’]m| am) (?:(?:just|only) an? (?:ai|artificial intelligence)|an? (?:ai|artificial intelligence)"
    r"(?: language)? (?:model|assistant|chatbot)|an? ai[,.])"
    r"|(?i)\bi (?:do not|don['’]t) have personal (?:opinions|feelings|emotions|beliefs|preferences|experiences)\b"
    r"|(?i)\b(?:my (?:knowledge|training)(?:-| )?cut-?off|as of my last (?:knowledge )?update)\b"
    r"|作为(?:一个|一名)?(?:人工智能|AI)(?:语言模型|助手)?"
)  # fmt: skip
# How the last line of a part can stop mid-sentence (trailing closers stripped first).
_CLOSERS = r"[\s\"'”’»」』)\]}*_`~]+$"
_OPEN_END = (
    r"(?i)(?:[,;:(\[{\-–—]|\b(?:and|or|but|the|a|an|to|of|with|for|in|on|that|which|because|so|if|is|are|was|were))$"
)
_LIST_LINE = r"^\s*(?:[-*+•>#|]|\d+[.)]\s|\*\*[^*]+\*\*)"
# Bytes the bracket count looks at: 1 opens, -1 closes, 2 is a backtick (code)
_BRACKET = np.zeros(256, np.int64)
_BRACKET[[ord(c) for c in "([{"]], _BRACKET[[ord(c) for c in ")]}"]] = 1, -1
_BRACKET[ord("`")] = 2
_SMILEY_EYES = (ord(":"), ord(";"), ord("="))
_NUMPY_TYPES = {pl.Int32: np.int32, pl.Float32: np.float32}
TAIL_CHARS = 600
HEAD_CHARS = 600


class QualityStage(Stage):
    """Adds the quality figures of `schema.QUALITY_SCHEMA`; drops rows a check rejects (see module)."""

    name = "quality"

    def __init__(self, thresholds: QualityThresholds | None = None):
        self.thresholds = thresholds or QualityThresholds()

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        measured = measure(batch, self.thresholds)
        flags = check(measured, self.thresholds)
        failing = np.column_stack([flags[f"flag_{name}"].to_numpy() for name in REASONS])
        first = np.where(failing.any(axis=1), failing.argmax(axis=1), len(REASONS))  # the first failing check
        reasons = pl.Series(DROP_REASON, [*REASONS, None], pl.String).gather(first)
        figures = [measured[c] for c in QUALITY_SCHEMA]
        return batch.with_columns(*figures, reasons, _detail(batch, reasons, first < len(REASONS)))


# Every eager polars call runs a query of its own (~0.1 ms on a busy core), which a batch of a few
# hundred rows feels: `measure` asks polars for its text figures in a handful of queries.

def measure(batch: pl.DataFrame, thresholds: QualityThresholds) -> pl.DataFrame:
    """Every quality figure of every row: the QUALITY_SCHEMA columns and what the checks read.
    Needs `prompt`, `reasoning`, `answer`, `reasoning_tokens`, `answer_tokens`; `language` and `topic`
    when present."""
    n = batch.height
    if "language" not in batch.columns:
        batch = batch.with_columns(language=pl.lit("unknown", pl.String))
    parts = batch.select(  # a row per text: the reasoning of every row, then the answer of every row
        pl.col("reasoning").append(pl.col("answer")).fill_null("").alias("text"),
        pl.col("language").append(pl.col("language")),
        pl.col("language").append(pl.col("language")).is_in(list(SPACELESS)).alias("spaceless"),
    )
    texts, languages = parts["text"], parts["language"]
    spaceless = np.flatnonzero(parts["spaceless"].to_numpy())
    if len(spaceless):  # 。！？ end sentences with no space after: add one, so that words split there
        texts = texts.scatter(spaceless, texts.gather(spaceless).str.replace_all(r"([。！？])", "$1 "))
    figures = text_figures(texts, thresholds.exact_ngram_from, _FOREIGN_LEAD)
    endings = _endings(texts)
    n_bytes = endings["bytes"]
    units = figures.words.copy()  # what sentences and lines are made of
    units[spaceless] = n_bytes[spaceless] // 6  # no spaces: a unit per two characters (6 bytes)
    foreign, exempt = _foreign_share(texts, languages, figures.flagged, batch["prompt"])
    # brackets in the answer's prose only: code quotes them in strings (its fences are checked), and
    # reasoning quotes half-written lines
    unclosed = _unclosed_brackets(*utf8_buffer(batch["answer"]))
    fences = np.zeros(len(texts), np.int64)
    fenced = np.flatnonzero(endings["fenced"])  # few: count only those
    if len(fenced):
        fences[fenced] = texts.gather(fenced).str.count_matches("```", literal=True).to_numpy()
    per_text = {
        "words": figures.words,
        "units": units,
        "loop_sentences": figures.loop_sentences,
        "repeated_line_share": figures.repeated_line_share,
        **{f"top_{k}gram_share": figures.top_ngram_share[k] for k in NGRAMS},
        "foreign_share": foreign,
        "foreign_exempt": exempt,
        "unclosed_brackets": np.concatenate([np.zeros(n, np.int64), unclosed]),
        "open_fence": fences % 2 == 1,
        **{name: endings[name] for name in _ENDING_FIGURES},
    }
    columns = {f"{part}_{name}": values[k * n : (k + 1) * n] for name, values in per_text.items()
               for k, part in enumerate(PARTS)}  # fmt: skip
    answer = pl.col("answer").fill_null("")
    rows = batch.select(
        (pl.col("reasoning_tokens") / pl.col("answer_tokens").clip(lower_bound=1))
        .cast(QUALITY_SCHEMA["reasoning_to_answer"])
        .alias("reasoning_to_answer"),
        "reasoning_tokens",
        pl.col("topic") if "topic" in batch.columns else pl.lit(None, pl.String).alias("topic"),
        answer.str.slice(0, HEAD_CHARS).str.find(REFUSAL).alias("refusal_at"),
        answer.str.contains(BOILERPLATE).alias("boilerplate"),
    )
    return pl.DataFrame(
        {name: values.astype(_NUMPY_TYPES[QUALITY_SCHEMA[name]]) if name in QUALITY_SCHEMA else values
         for name, values in columns.items()}  # fmt: skip
    ).hstack(rows)


@njit(cache=True)
def _unclosed_brackets(data, offsets):
    """Per text: ( [ { opened minus ) ] } closed, outside code (fenced blocks, to the end when left
    open; `inline` spans on one line) and smileys (:( ;-[ =), read left to right as a regex would."""
    unclosed = np.zeros(len(offsets) - 1, np.int64)
    for t in range(len(unclosed)):
        i, hi, before, before_that = offsets[t], offsets[t + 1], 0, 0  # the last two bytes outside code
        while i < hi:
            kind = _BRACKET[data[i]]
            if kind == 2:  # a backtick: skip the code it opens, if any
                if i + 2 < hi and data[i + 1] == 96 and data[i + 2] == 96:
                    i = _after_fence(data, i + 3, hi)
                    continue
                end = i + 1
                while end < hi and data[end] != 96 and data[end] != 10:
                    end += 1
                if end < hi and data[end] == 96:
                    i = end + 1
                    continue
            elif kind == 1:
                smiley = before in _SMILEY_EYES or (before == 45 and before_that in _SMILEY_EYES)  # :( :-(
                unclosed[t] += not smiley
            elif kind == -1:
                unclosed[t] -= 1
            before_that, before, i = before, data[i], i + 1
    return unclosed


@njit(cache=True)
def _after_fence(data, i, hi):
    """Where the fenced block whose body starts at i ends: after its closing ``` or at hi."""
    while i + 2 < hi:
        if data[i] == 96 and data[i + 1] == 96 and data[i + 2] == 96:
            return i + 3
        i += 1
    return hi


def check(measured: pl.DataFrame, t: QualityThresholds) -> pl.DataFrame:
    """One boolean column `flag_<reason>` per reason of `REASONS`, from `measure`'s figures."""
    ratio = pl.col("topic").replace_strict(
        dict(t.reasoning_ratio_by_topic), default=t.min_reasoning_ratio, return_dtype=pl.Float64
    )
    flags = {
        "refusal": pl.col("refusal_at") < t.refusal_chars,
        "boilerplate": pl.col("boilerplate"),
        "short_reasoning": pl.col("reasoning_tokens") < t.min_reasoning_tokens,
        "thin_reasoning": pl.col("reasoning_to_answer") < ratio,
    }
    for part in PARTS:
        long_enough = pl.col(f"{part}_units") >= t.repetition_min_words
        flags[f"repeat_loop:{part}"] = long_enough & (pl.col(f"{part}_loop_sentences") > t.max_loop_sentences)
        flags[f"repeated_lines:{part}"] = long_enough & (
            pl.col(f"{part}_repeated_line_share") > t.max_repeated_line_share
        )
        # word n-grams need words: text without spaces (Chinese, Japanese) is left to the two above
        flags[f"top_ngram:{part}"] = (pl.col(f"{part}_words") >= t.repetition_min_words) & (
            (pl.col(f"{part}_top_2gram_share") > t.max_top_2gram_share)
            | (pl.col(f"{part}_top_3gram_share") > t.max_top_3gram_share)
            | (pl.col(f"{part}_top_4gram_share") > t.max_top_4gram_share)
        )
        flags[f"script_mix:{part}"] = ~pl.col(f"{part}_foreign_exempt") & (
            pl.col(f"{part}_foreign_share") > t.max_foreign_share
        )
        words = pl.col(f"{part}_end_words")
        flags[f"truncated:{part}"] = pl.col(f"{part}_end_open") | (
            pl.col(f"{part}_end_bare")
            & (
                (~pl.col(f"{part}_end_listed") & (words >= t.truncation_min_words))
                | (pl.col(f"{part}_after_punctuated") & (words >= 3))  # a list item or verse cut short
            )
        )
        flags[f"unbalanced:{part}"] = pl.col(f"{part}_open_fence")
    flags["unbalanced:answer"] |= pl.col("answer_unclosed_brackets") > t.max_unclosed_brackets
    return measured.select(expr.fill_null(False).alias(f"flag_{name}") for name, expr in flags.items())


def _foreign_share(texts: pl.Series, languages: pl.Series, screened: np.ndarray, prompts: pl.Series):
    """Per text: (letters outside its language's scripts per character, exempt). Exempt: a language
    outside our tables, or a prompt (of the row: texts are the reasoning of every row, then the
    answers) that itself has such letters (it asked for them). Only `screened` texts (with a UTF-8
    lead byte of another script) run the exact regex."""
    share = np.zeros(len(texts))
    codes = languages.to_numpy()
    known = np.array([code in _KNOWN_LANGUAGES for code in codes], bool)
    exempt = ~known
    screened = screened & known
    for code in set(codes[screened]):
        rows = np.flatnonzero(screened & (codes == code))
        pattern = _foreign_letters(code)
        found = pl.DataFrame({"text": texts.gather(rows), "prompt": prompts.gather(rows % len(prompts))}).select(
            pl.col("text").str.count_matches(pattern).alias("letters"),
            pl.col("text").str.len_chars().alias("chars"),
            pl.col("prompt").fill_null("").str.contains(pattern).alias("asked"),
        )
        share[rows] = found["letters"].to_numpy() / np.maximum(found["chars"].to_numpy(), 1)
        exempt[rows[found["asked"].to_numpy()]] = True
    return share, exempt


def _foreign_letters(language: str) -> str:
    scripts = ["Latin", "Greek", *SCRIPTS.get(language, "").split()]
    return "[\\p{L}--[" + "".join(f"\\p{{{s}}}" for s in scripts) + "]]"


_ENDING_FIGURES = ("end_open", "end_bare", "end_words", "end_listed", "after_punctuated")


def _endings(texts: pl.Series) -> dict[str, np.ndarray]:
    """How each text ends, from its last TAIL_CHARS: whether its last line stops on a comma, colon,
    dash, article or conjunction (`end_open`) or on a letter or digit (`end_bare`). Where it ends
    bare (the only rows where the rest is read: elsewhere 0 and False), that line's words (runs of
    two letters or more; 10 Han characters count 5), whether it is a list item or a heading, and
    whether the line before it ends in punctuation (`after_punctuated`: a comma only after four
    words, so "Best regards," before a name does not count). Also each text's `bytes` and whether
    it has a code fence (`fenced`), which cost nothing in the same query."""
    lines = pl.col("text").str.slice(-TAIL_CHARS).str.split("\n").list.eval(
        pl.element().filter(pl.element().str.strip_chars() != "")
    )
    ends = (
        pl.LazyFrame({"text": texts})
        .select(
            pl.col("text").str.len_bytes().cast(pl.Int64).alias("bytes"),
            pl.col("text").str.contains("```", literal=True).alias("fenced"),
            lines.alias("lines"),
        )
        .select(
            "bytes",
            "fenced",
            pl.col("lines").list.last().fill_null("").alias("line"),
            pl.col("lines").list.get(-2, null_on_oob=True).fill_null("").alias("before"),
        )
        .with_columns(pl.col("line").str.replace(_CLOSERS, "").alias("stripped"))
        .with_columns(
            pl.col("stripped").str.contains(_OPEN_END).alias("end_open"),
            pl.col("stripped").str.contains(r"[\p{L}\p{N}]$").alias("end_bare"),
        )
        .collect()
    )
    bare = ends.lazy().filter("end_bare").select(
        (pl.col("line").str.count_matches(r"\p{L}{2,}") + pl.col("line").str.count_matches(r"\p{Han}") // 2)
        .alias("end_words"),
        pl.col("line").str.contains(_LIST_LINE).alias("end_listed"),
        (
            pl.col("before").str.replace(_CLOSERS, "").str.contains(r"[.!?;:。！？；：]$")
            | (pl.col("before").str.contains(r"[,，]$") & (pl.col("before").str.count_matches(r"\S+") >= 4))
        ).alias("after_punctuated"),
    ).collect()
    rows = np.flatnonzero(ends["end_bare"].to_numpy())
    figures = {name: ends[name].to_numpy() for name in ("bytes", "fenced", "end_open", "end_bare")}
    for name, values in bare.to_dict().items():
        figures[name] = np.zeros(len(texts), values.to_numpy().dtype)
        figures[name][rows] = values.to_numpy()
    return figures


def _detail(batch: pl.DataFrame, reasons: pl.Series, dropped: np.ndarray) -> pl.Series:
    """What a dropped row shows in dropped.parquet instead of its prompt: the failing part, where it
    fails (its end when cut off or looping, the first foreign letter, else its start)."""
    detail = pl.Series("drop_detail", [None] * len(reasons), pl.String)
    rows = np.flatnonzero(dropped)
    if not len(rows):
        return detail
    frame = pl.DataFrame({"reason": reasons.gather(rows)}).with_columns(
        batch.select("reasoning", "answer")[rows]
    )
    reason = pl.col("reason")
    in_reasoning = reason.str.ends_with(":reasoning") | reason.is_in(["short_reasoning", "thin_reasoning"])
    part = pl.when(in_reasoning).then(pl.col("reasoning")).otherwise(pl.col("answer"))
    foreign_at = part.str.find(_foreign_letters("en"))
    excerpt = (
        pl.when(reason.str.contains(r"^(?:truncated|unbalanced|repeat_loop|repeated_lines|top_ngram)"))
        .then(pl.lit("…") + part.str.slice(-DETAIL_CHARS))
        .when(reason.str.starts_with("script_mix") & foreign_at.is_not_null())
        .then(pl.lit("…") + part.str.slice((foreign_at - 60).clip(lower_bound=0), DETAIL_CHARS))
        .otherwise(part.str.slice(0, DETAIL_CHARS))
    )
    label = pl.when(in_reasoning).then(pl.lit("reasoning: ")).otherwise(pl.lit("answer: "))
    return detail.scatter(rows, frame.select(label + excerpt).to_series())
