"""The embedded sample: a small glaive-shaped dataset written by this project, generated on first use.

Why generated and not shipped: the seed material (phrase pools in `sample_seed/*.yaml`, one file per
language plus `shared.yaml`) is a few hundred KB, the sample it expands to is ~20 MB. Generation is deterministic (one `random.Random(seed)`, no set or
hash-order dependence), so every machine gets byte-identical files and the cache folder is named after
a hash of the code and the seed material.

What it contains, and why each part exists:
- rows in the glaive schema (`prompt`, `response`), response = `<think>trace</think>` + answer, traces
  in the R1-distill style, so every stage sees realistic input;
- every topic of the taxonomy and 8 languages (~70% English), so topic and language filters have work;
- a realistic length spread with a very short head and a runaway tail (40-80k chars), for the length stage;
- planted exact and near duplicates (by prompt) with ground truth, for the dedup stage;
- malformed rows of every kind the validate stage must catch, with ground truth.

`ground_truth()` says, per row, what each stage should find. Rows of a duplicate group sit at scattered
positions; the first row of a group (by index) is the original.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import math
import os
import random
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import yaml

SEED_DIR = Path(__file__).with_name("sample_seed")
LANGS = ["en", "de", "fr", "es", "pt", "it", "ru", "zh"]  # the order of the cells: part of the sample

SAMPLE_ROWS = 3200

# Distinct (non-copy) rows per language; copies of duplicate groups inherit their original's language.
LANG_WEIGHTS = {"en": 70, "zh": 5.2, "es": 4.7, "de": 4.4, "fr": 4.4, "ru": 4.4, "pt": 3.45, "it": 3.45}

# Topic mix, roughly that of a real instruction dataset (lots of explanation/writing/code/math).
TOPIC_WEIGHTS = {
    "explanation": 17.5, "writing": 15, "code": 13, "math": 12.5, "advice": 8, "analysis": 8,
    "ideation": 6, "summary": 5, "logic": 4, "extraction": 4, "roleplay": 3.7, "other": 3.3,
}
TOPICS = list(TOPIC_WEIGHTS)

# Malformed rows: kind -> how many. Names are the ground truth's `malformed` values.
MALFORMED = {
    "unclosed_think": 20, "no_think": 18, "empty_answer": 14, "empty_think": 12, "nested_think": 10,
    "leftover_tags": 14, "null_prompt": 8, "null_response": 8, "prompt_not_string": 6,
    "response_not_string": 10,
}
# Kinds that survive a round trip through parquet string columns (used by the benchmark generator).
PARQUET_MALFORMED = ["null_prompt", "null_response", "no_think", "unclosed_think", "empty_answer"]

DUP_GROUPS = 120
DUP_MIN_GAP = 25  # rows of one group are at least this far apart

# Median response length (chars) per topic; lognormal spread around it.
MEDIAN_CHARS = {
    "explanation": 6200, "writing": 6600, "code": 7000, "math": 7000, "advice": 5600, "analysis": 6600,
    "ideation": 5600, "summary": 4600, "logic": 8000, "extraction": 2800, "roleplay": 4200, "other": 4200,
}
SHORT_SHARE, HUGE_SHARE = 0.03, 0.009  # very short rows, runaway rows (40-80k chars)
DISTINCT_MAX_JACCARD = 0.4  # generation bound; the contract is < 0.5, this leaves room for near copies
CHAR_MAX_JACCARD = 0.5  # extra bound on character 3-grams among prompts of languages without spaces
SHARD_ROWS = 50_000

_SLOT = re.compile(r"\{([^{}]+)\}")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"(?<=\S) {2,}|(?<=\S) +(?=\n)")


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def content_version() -> str:
    """Hash of the generator and its seed material: a new version gets a new cache folder."""
    from curate.sources import sample_failures

    h = hashlib.sha256()
    for f in [Path(__file__), Path(sample_failures.__file__), *sorted(SEED_DIR.glob("*.yaml"))]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(b"trainer prompts\0" + sample_failures.trainer_prompts_bytes())
    return h.hexdigest()[:12]


def sample_dir() -> Path:
    """Cache folder holding the embedded sample; generated (atomically) on first use."""
    base = Path(os.environ.get("CURATE_CACHE") or Path.home() / ".cache" / "reasoning-curate")
    target = base / f"sample-{content_version()}"
    if (target / "ground_truth.parquet").exists():
        return target
    base.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".sample-tmp-", dir=base))
    try:
        write_sample(tmp)
        try:
            os.rename(tmp, target)
        except OSError:  # another process won the race; its copy is byte-identical
            if not (target / "ground_truth.parquet").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def sample_files() -> list[Path]:
    """The embedded sample's data files (JSONL, so null and non-string fields survive): the 3,200 rows,
    then the planted quality failures and contaminated rows (sample_failures.py)."""
    return [sample_dir() / "sample.jsonl", sample_dir() / "quality.jsonl"]


def eval_prompts_file() -> Path:
    """The sample's own eval prompts, for `--decontaminate`: its contaminated rows copy them."""
    return sample_dir() / "eval_prompts.jsonl"


def ground_truth() -> pl.DataFrame:
    """Per row of both files: index (= source_index), topic, language, malformed kind (or null),
    dup_group (or null), planted (the reason the quality stage or decontamination should drop it
    with, or null) and near_miss (the check a clean row nearly trips, or null)."""
    first = pl.read_parquet(sample_dir() / "ground_truth.parquet").with_columns(
        pl.lit(None, pl.String).alias("planted"), pl.lit(None, pl.String).alias("near_miss")
    )
    return pl.concat([first, pl.read_parquet(sample_dir() / "quality_truth.parquet")])


def write_sample(out_dir: Path, rows: int | None = None, seed: int = 0) -> list[Path]:
    """rows=None: the embedded sample: sample.jsonl + ground_truth.parquet (3,200 rows), quality.jsonl +
    quality_truth.parquet (planted failures) and eval_prompts.jsonl; returns the two data files.
    rows=N: a benchmark input of the same shape as parquet shards part-NNNNN.parquet; returns them."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if rows is None:
        return _write_embedded(out_dir, seed)
    return _write_bench(out_dir, int(rows), seed)


# --------------------------------------------------------------------------------------------------
# Seed material
# --------------------------------------------------------------------------------------------------

def _read_yaml(name: str) -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster
    with open(SEED_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


@functools.cache
def shared_seed() -> dict:
    """What every language shares: number pools (`slots`) and the coding tasks (`code_tasks`)."""
    return _read_yaml("shared")


@functools.cache
def lang_seed(lang: str) -> dict:
    """One language's seed (format: the comments atop en.yaml); shared pools sit under its own."""
    data = _read_yaml(lang)
    data["slots"] = {**shared_seed()["slots"], **data["slots"]}
    return data


# --------------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------------

def norm_tokens(text: str, strip: bool = False) -> list[str]:
    """Words as the dedup stage sees them: lowercased, punctuation replaced by a space (or removed)."""
    return _PUNCT.sub("" if strip else " ", text.lower()).split()


def shingles(text: str, n: int = 3, strip: bool = False) -> frozenset:
    """Word n-grams of the normalized text; a text shorter than n words is one shingle."""
    toks = norm_tokens(text, strip)
    if len(toks) < n:
        return frozenset([" ".join(toks)])
    return frozenset(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class _Deck:
    """Draws from pools while avoiding the items drawn most recently from the same pool, so a long
    text does not repeat a sentence within a few lines (cheap: one or two random() calls)."""

    def __init__(self, rng: random.Random):
        self.rand, self.recent = rng.random, {}

    def pick(self, pool: list):
        n = len(pool)
        recent = self.recent.get(id(pool))
        if recent is None:
            recent = self.recent[id(pool)] = []
        i = int(self.rand() * n)
        if i in recent:
            i = int(self.rand() * n)
            if i in recent:
                i = int(self.rand() * n)
        recent.append(i)
        if len(recent) > n // 2:
            del recent[0]
        return pool[i]


class _Slots(dict):
    """Slot values of one row, drawn lazily from the pools the first time a template names them."""

    def __init__(self, rng: random.Random, pools: dict):
        super().__init__()
        self.rng, self.pools = rng, pools

    def __missing__(self, key):
        value = fill(self.rng.choice(self.pools[key]), self.rng, self)
        self[key] = value
        return value


def fill(template: str, rng: random.Random, slots) -> str:
    """Expand `{slot}` from `slots` and `{a|b|c}` to one of its alternatives."""
    if "{" not in template:
        return template

    def rep(m):
        key = m.group(1)
        if "|" in key:
            return rng.choice(key.split("|"))
        return slots[key]

    return _SLOT.sub(rep, template)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _join(L: dict, parts: list[str]) -> str:
    return L["sep"].join(p for p in parts if p)


def _num(L: dict, x) -> str:
    """Number in the language's convention (decimal comma outside en/zh)."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return str(x)
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",") if L["decimal_comma"] else s


# --------------------------------------------------------------------------------------------------
# Prompts
# --------------------------------------------------------------------------------------------------

def _pick_kind(rng: random.Random, kinds: list[dict]) -> dict:
    return rng.choices(kinds, weights=[k.get("weight", 1) for k in kinds])[0]


def make_prompt(rng: random.Random, lang: str, topic: str, kind: dict | None = None,
                prompt_only: bool = False) -> dict:
    """One prompt and the context its response needs (kind, slot values, generator results).
    prompt_only: skip computing answers (benchmark rows draw responses from a pool)."""
    L = lang_seed(lang)
    kind = kind or _pick_kind(rng, L["topics"][topic])
    slots = _Slots(rng, {**L["slots"], **kind.get("slots", {})})
    ctx = {"lang": lang, "topic": topic, "kind": kind, "slots": slots, "steps": [], "answer": None,
           "prompt_only": prompt_only}
    gen = kind.get("gen")
    if gen:
        GENERATORS[gen](rng, L, kind, ctx)
    frame = rng.choice(kind["frames"])
    body = _SPACES.sub(" ", fill(frame[0], rng, slots)).strip()  # empty optional slots leave gaps
    slots["task"] = fill(frame[1], rng, slots)
    p = L["prompt"]
    pre, post = [], []
    if rng.random() < p["p_open"]:
        pre.append(rng.choice(p["open"]))
    if rng.random() < p["p_context"]:
        pre.append(rng.choice(L["context"]))
    if kind.get("extra") and rng.random() < kind.get("p_extra", 0.5):
        post.append(fill(rng.choice(kind["extra"]), rng, slots))
    if rng.random() < p["p_close"]:
        post.append(rng.choice(p["close"]))
    if post and L["sep"] and body[-1:].isalnum():  # "... = 19" followed by a sentence gets a full stop
        body += "."
    text = _join(L, pre + [body])
    if post:  # after a pasted text, closing remarks go on their own paragraph
        text += ("\n\n" if "\n" in body else L["sep"]) + _join(L, post)
    ctx["prompt"] = text
    return ctx


# --------------------------------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------------------------------

def draw_length(rng: random.Random, lang: str, topic: str) -> int:
    """Target response length in chars: lognormal body, a very short head and a runaway tail."""
    u = rng.random()
    if u < SHORT_SHARE:
        n = rng.randint(180, 900)
    elif u < SHORT_SHARE + HUGE_SHARE:
        return rng.randint(42_000, 80_000)  # runaway: far over any limit in every language
    else:
        n = max(1200, int(MEDIAN_CHARS[topic] * math.exp(rng.gauss(0, 0.33))))
    return max(120, int(n * lang_seed(lang)["char_scale"]))


def _filler(rng: random.Random, deck: _Deck, L: dict, ctx: dict, looping: bool) -> str:
    """One sentence of thinking that is not a concrete step: kind-specific, hedges, checks."""
    tr, slots, kind = L["trace"], ctx["slots"], ctx["kind"]
    pool = kind.get("trace") or tr["sentence"]
    body = kind.get("answer", {}).get("body") or kind.get("answer", {}).get("lines")
    r = rng.random()
    if looping and r < 0.5:
        return fill(deck.pick(tr["loop"]), rng, slots)
    if r < min(0.3, 0.04 * len(pool)):  # small pools would repeat themselves all over the trace
        return fill(deck.pick(pool), rng, slots)
    if body and r > 0.85:  # drafting a line of the answer, as real traces do
        return fill(deck.pick(tr["drafting"]), rng, {"s": fill(deck.pick(body), rng, slots)})
    if r < 0.66:
        c = deck.pick(tr["connect"])
        s = fill(deck.pick(tr["clause"]), rng, slots)
        if c[-1] in ",，、" or c[-1].isalpha():  # "Hmm, ..." / "Maybe ..." go on in lower case
            return c + (" " if L["sep"] else "") + s
        return c + L["sep"] + _cap(s)
    if r < 0.8 or (r > 0.85 and not body):
        return fill(deck.pick(tr["sentence"]), rng, slots)
    return fill(deck.pick(tr["doubt"]), rng, slots)


def build_trace(rng: random.Random, L: dict, ctx: dict, target: int) -> str:
    """R1-style thinking: an opener, paragraphs mixing the concrete steps (in order) with hedges,
    re-checks and asides until the target length, then a wrap-up line."""
    tr, slots, steps = L["trace"], ctx["slots"], ctx["steps"]
    if target < 700:
        return fill(rng.choice(tr["short"]), rng, slots)
    deck = _Deck(rng)
    paras = [fill(rng.choice(tr["open"]), rng, slots)]
    size, i = len(paras[0]), 0
    looping = False
    while size < target or i < len(steps):
        if target > 30_000 and size > 12_000:
            looping = True
            if rng.random() < 0.6:  # runaway traces go round in circles: re-check an earlier paragraph
                earlier = paras[1 + int(rng.random() * (len(paras) - 1))]
                text = fill(deck.pick(tr["loop"]), rng, slots) + L["sep"] + earlier
                paras.append(text)
                size += len(text) + 2
                continue
        sents = []
        for _ in range(rng.randint(2, 5)):
            if i < len(steps) and rng.random() < 0.65:
                sents.append(steps[i])
                i += 1
            else:
                sents.append(_filler(rng, deck, L, ctx, looping))
        if i >= len(steps) and steps and rng.random() < 0.25:
            sents.append(fill(rng.choice(tr["verify"]), rng, slots) + L["sep"] + rng.choice(steps))
        text = _join(L, sents)
        paras.append(text)
        size += len(text) + 2
    paras.append(fill(rng.choice(tr["close"]), rng, slots))
    return "\n\n".join(paras)


def _sentences(rng: random.Random, deck: _Deck, L: dict, pool: list[str], slots, k: int) -> str:
    return _join(L, [fill(deck.pick(pool), rng, slots) for _ in range(min(k, len(pool)))])


def build_answer(rng: random.Random, L: dict, ctx: dict, target: int) -> str:
    """The final answer: computed for generated kinds, else composed in the kind's style."""
    if ctx["answer"] is not None:
        return ctx["answer"]
    kind, slots = ctx["kind"], ctx["slots"]
    a = kind["answer"]
    style = rng.choice(kind.get("styles", ["prose", "list", "sections"]))
    deck = _Deck(rng)
    out = []
    if style == "poem":
        out.append("**" + fill(rng.choice(a["title"]), rng, slots) + "**")
        size = 0
        couplets = [a["lines"][i:i + 2] for i in range(0, len(a["lines"]) - 1, 2)]
        rng.shuffle(couplets)  # stanzas of two couplets, none repeated
        while couplets[1:] and (size < target or len(out) < 3):
            stanza = "\n".join(fill(s, rng, slots) for c in (couplets.pop(), couplets.pop()) for s in c)
            out.append(stanza)
            size += len(stanza)
        return "\n\n".join(out)
    if style == "letter":
        out.append(fill(rng.choice(a["greeting"]), rng, slots))
    elif style == "rewrite":
        out.append(fill(rng.choice(a["intro"]), rng, slots))
        out.append(ctx["rewrite"])
        out.append(fill(rng.choice(a["outro"]), rng, slots))
        return "\n\n".join(out)
    elif style == "summary":
        out.append(fill(rng.choice(a["intro"]), rng, slots))
        pts = ctx["summary"]
        if rng.random() < 0.6:
            out.append("\n".join("- " + s for s in pts))
        else:
            out.append(_join(L, pts))
        if rng.random() < 0.5:
            out.append(fill(rng.choice(a["outro"]), rng, slots))
        return "\n\n".join(out)
    else:
        out.append(fill(rng.choice(a["intro"]), rng, slots))
    size = len(out[0])
    points = a.get("points", ["-"])
    if kind.get("shuffle_points"):
        points = rng.sample(points, len(points))
    n = 0
    while size < target or n < 2:
        body = _sentences(rng, deck, L, a["body"], slots, rng.randint(2, 4))
        if style == "list":
            p = fill(points[n % len(points)], rng, slots)
            body = f"{n + 1}. **{p}**: {body}"
        elif style == "sections":
            p = fill(points[n % len(points)], rng, slots)
            body = f"### {p}\n\n{body}"
        out.append(body)
        size += len(body)
        n += 1
        if n >= 14:
            break
    out.append(fill(rng.choice(a["outro"]), rng, slots))
    if style == "letter":
        out.append(fill(rng.choice(a["signoff"]), rng, slots))
    return "\n\n".join(out) if style != "list" else _list_join(out)


def _list_join(out: list[str]) -> str:
    """Numbered items sit on consecutive lines, intro and outro are their own paragraphs."""
    return out[0] + "\n\n" + "\n".join(out[1:-1]) + "\n\n" + out[-1]


def make_response(rng: random.Random, ctx: dict, target: int) -> tuple[str, str]:
    """(trace, answer) for a prompt context, together about `target` chars."""
    L = lang_seed(ctx["lang"])
    frac = ctx["kind"].get("answer_frac", 0.25)
    if target < 700:
        answer = ctx["answer"] if ctx["answer"] is not None else _short_answer(rng, ctx)
    else:
        answer = build_answer(rng, L, ctx, int(min(target, 12_000) * frac * rng.uniform(0.7, 1.3)))
    trace = build_trace(rng, L, ctx, max(0, target - len(answer) - 20))
    return trace, answer


def _short_answer(rng: random.Random, ctx: dict) -> str:
    """A complete but minimal answer for the very short rows: one line of the kind's answer."""
    a, slots = ctx["kind"]["answer"], ctx["slots"]
    if "rewrite" in ctx:
        return ctx["rewrite"]
    if "summary" in ctx:
        return ctx["summary"][0]
    if "lines" in a:
        return "\n".join(fill(x, rng, slots) for x in a["lines"][:4])
    head = fill(rng.choice(a.get("greeting") or a["intro"]), rng, slots)
    return head + "\n\n" + fill(rng.choice(a["body"]), rng, slots)


def wrap(trace: str, answer: str) -> str:
    return f"<think>\n{trace}\n</think>\n\n{answer}"


# --------------------------------------------------------------------------------------------------
# Generated kinds: math, logic, extraction, code, summaries and rewrites (answers we can compute)
# --------------------------------------------------------------------------------------------------

def _steps(rng, L, forms: list[str]) -> list[str]:
    m = L["math"]
    return [fill(rng.choice(m["step"]), rng, {"f": f}) for f in forms]


def _math_answer(rng, L, ctx, forms: list[str], result: str):
    m, slots = L["math"], ctx["slots"]
    slots["result"] = result
    if ctx["prompt_only"]:
        return
    ctx["steps"] = _steps(rng, L, forms) + [fill(rng.choice(m["check"]), rng, slots)]
    lines = [fill(rng.choice(m["intro"]), rng, slots), ""]
    lines += [f"{i + 1}. {f}" for i, f in enumerate(forms)]
    lines += ["", fill(ctx["kind"].get("final", m["final"]), rng, slots)]
    ctx["answer"] = "\n".join(lines)


def _g_speed(rng, L, kind, ctx):
    s = ctx["slots"]
    v, t = rng.randrange(40, 135, 5), rng.choice([2, 3, 4, 5, 1.5, 2.5, 6])
    d = v * t
    s.update(d=_num(L, d), t=_num(L, t), v=_num(L, v))
    _math_answer(rng, L, ctx, ["v = d / t", f"v = {s['d']} / {s['t']}", f"v = {s['v']} km/h"],
                 f"{s['v']} km/h")


def _g_percent(rng, L, kind, ctx):
    s = ctx["slots"]
    p, r = rng.randrange(20, 400, 5), rng.choice([10, 15, 20, 25, 30, 35, 40])
    cut = p * r / 100
    s.update(p=_num(L, p), r=str(r), cut=_num(L, cut), final=_num(L, p - cut))
    _math_answer(rng, L, ctx, [f"{s['p']} × {r}/100 = {s['cut']}", f"{s['p']} − {s['cut']} = {s['final']}"],
                 s["final"])


def _g_linear(rng, L, kind, ctx):
    s = ctx["slots"]
    a, x = rng.randint(2, 12), rng.randint(-15, 25)
    b = rng.choice([v for v in range(-40, 61) if v])
    c = a * x + b
    sign = "+" if b >= 0 else "−"
    s.update(a=str(a), b=str(abs(b)), sign=sign, c=str(c), x=str(x), eq=f"{a}x {sign} {abs(b)} = {c}")
    rhs = c - b
    _math_answer(rng, L, ctx, [s["eq"], f"{a}x = {c} {'−' if b >= 0 else '+'} {abs(b)} = {rhs}",
                               f"x = {rhs} / {a} = {x}"], f"x = {x}")


def _g_rectangle(rng, L, kind, ctx):
    s = ctx["slots"]
    w, h = rng.randint(3, 30), rng.randint(3, 30)
    s.update(w=str(w), h=str(h), per=str(2 * (w + h)), area=str(w * h))
    _math_answer(rng, L, ctx, [f"P = 2 × ({w} + {h}) = {2 * (w + h)} m", f"A = {w} × {h} = {w * h} m²"],
                 f"P = {2 * (w + h)} m, A = {w * h} m²")


def _g_average(rng, L, kind, ctx):
    s = ctx["slots"]
    n = rng.randint(4, 6)
    xs = [rng.randint(55, 100) for _ in range(n)]
    tot = sum(xs)
    s.update(scores=", ".join(map(str, xs)), n=str(n), total=str(tot), mean=_num(L, round(tot / n, 2)))
    _math_answer(rng, L, ctx, [" + ".join(map(str, xs)) + f" = {tot}", f"{tot} / {n} = {s['mean']}"],
                 s["mean"])


def _g_combination(rng, L, kind, ctx):
    s = ctx["slots"]
    n, k = rng.randint(6, 15), rng.randint(2, 4)
    c = math.comb(n, k)
    s.update(n=str(n), k=str(k), c=str(c))
    _math_answer(rng, L, ctx, [f"C({n}, {k}) = {n}! / ({k}! × {n - k}!)", f"C({n}, {k}) = {c}"], str(c))


def _g_interest(rng, L, kind, ctx):
    s = ctx["slots"]
    pr, r, n = rng.randrange(1000, 20000, 500), rng.choice([2, 3, 4, 5, 6]), rng.randint(2, 6)
    amt = round(pr * (1 + r / 100) ** n, 2)
    s.update(p=str(pr), r=str(r), years=str(n), amount=_num(L, amt))
    _math_answer(rng, L, ctx, ["A = P × (1 + r)^n", f"A = {pr} × (1 + {_num(L, r / 100)})^{n}",
                               f"A ≈ {s['amount']}"], s["amount"])


def _g_dice(rng, L, kind, ctx):
    s = ctx["slots"]
    t = rng.randint(3, 11)
    ways = sum(1 for a in range(1, 7) for b in range(1, 7) if a + b == t)
    g = math.gcd(ways, 36)
    s.update(total=str(t), ways=str(ways), prob=f"{ways // g}/{36 // g}")
    _math_answer(rng, L, ctx, ["6 × 6 = 36", f"#(a + b = {t}) = {ways}", f"P = {ways}/36 = {s['prob']}"],
                 s["prob"])


def _g_seqsum(rng, L, kind, ctx):
    s = ctx["slots"]
    a, d, n = rng.randint(1, 20), rng.randint(2, 9), rng.randint(8, 30)
    last = a + (n - 1) * d
    tot = n * (a + last) // 2
    s.update(a=str(a), d=str(d), n=str(n), last=str(last), total=str(tot))
    _math_answer(rng, L, ctx, [f"a_n = {a} + ({n} − 1) × {d} = {last}",
                               f"S = {n} × ({a} + {last}) / 2 = {tot}"],
                 str(tot))


def _g_quadratic(rng, L, kind, ctx):
    s = ctx["slots"]
    r1, r2 = rng.randint(-9, 9), rng.randint(-9, 9)
    b, c = -(r1 + r2), r1 * r2
    lo, hi = sorted((r1, r2))

    def term(v, x):
        return "" if v == 0 else (f" + {v}{x}" if v > 0 else f" − {-v}{x}")

    eq = f"x²{term(b, 'x')}{term(c, '')} = 0"
    s.update(eq=eq, r1=str(lo), r2=str(hi))
    _math_answer(rng, L, ctx, [eq, f"(x − ({lo}))(x − ({hi})) = 0", f"x = {lo}, x = {hi}"],
                 f"x = {lo}, x = {hi}" if lo != hi else f"x = {lo}")


def _g_gcd(rng, L, kind, ctx):
    s = ctx["slots"]
    g = rng.randint(3, 15)
    a, b = g * rng.randint(2, 9), g * rng.randint(2, 9)
    g = math.gcd(a, b)
    s.update(a=str(a), b=str(b), g=str(g), ga=str(a // g), gb=str(b // g))
    _math_answer(rng, L, ctx, [f"gcd({a}, {b}) = {g}", f"{a} / {g} = {a // g}, {b} / {g} = {b // g}"], str(g))


def _order_clues(rng, L, names):
    """True clues about a hidden finishing order until exactly one order fits them."""
    n = len(names)
    order = names[:]
    rng.shuffle(order)
    pos = {x: i for i, x in enumerate(order)}
    idx = {x: i for i, x in enumerate(names)}
    perms = _PERMS.setdefault(n, list(itertools.permutations(range(n))))  # p[i]: place of names[i]
    texts = []
    lo = L["logic"]
    while len(perms) > 1:
        a, b = rng.sample(names, 2)
        ia, ib = idx[a], idx[b]
        r = rng.random()
        if r < 0.4:
            if pos[a] > pos[b]:
                a, b, ia, ib = b, a, ib, ia
            test, tpl = (lambda p, a=ia, b=ib: p[a] < p[b]), "before"
        elif r < 0.6:
            if abs(pos[a] - pos[b]) == 1:
                if pos[a] > pos[b]:
                    a, b, ia, ib = b, a, ib, ia
                test, tpl = (lambda p, a=ia, b=ib: p[a] == p[b] - 1), "right_before"
            else:
                test, tpl = (lambda p, a=ia, b=ib: abs(p[a] - p[b]) != 1), "not_next"
        elif r < 0.8:
            k = rng.randrange(n)
            if pos[a] == k:
                continue
            test, tpl = (lambda p, a=ia, k=k: p[a] != k), "not_pos"
            b = lo["ordinal"][k]
        else:
            test, tpl = (lambda p, a=ia, k=pos[a]: p[a] == k), "pos"
            b = lo["ordinal"][pos[a]]
        left = [p for p in perms if test(p)]
        if len(left) == len(perms):
            continue
        perms = left
        texts.append(fill(rng.choice(lo["order_clue"][tpl]), rng, {"a": a, "b": b}))
    return order, texts


_PERMS: dict[int, list[tuple]] = {}


def _g_order(rng, L, kind, ctx):
    s, lo = ctx["slots"], L["logic"]
    names = rng.sample(L["slots"]["name"], rng.choice([4, 4, 5]))
    order, clues = _order_clues(rng, L, names)
    s["names"] = lo["list_sep"].join(names)
    s["n"] = str(len(names))
    s["clues"] = "\n".join(f"{i + 1}. {c}" for i, c in enumerate(clues))
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(lo["clue_step"]), rng, {"i": str(i + 1), "clue": c})
                    for i, c in enumerate(clues)]
    ctx["steps"].append(fill(rng.choice(lo["order_found"]), rng, {"order": lo["list_sep"].join(order)}))
    s["result"] = lo["list_sep"].join(order)
    lines = [fill(rng.choice(lo["order_intro"]), rng, s), ""]
    lines += [f"{i + 1}. {x}" for i, x in enumerate(order)]
    lines += ["", fill(L["math"]["final"], rng, s)]
    ctx["answer"] = "\n".join(lines)


def _g_knights(rng, L, kind, ctx):
    """Knights always tell the truth, knaves always lie; statements until one assignment fits."""
    s, lo = ctx["slots"], L["logic"]
    names = rng.sample(L["slots"]["name"], 3)
    while True:
        truth = {x: rng.random() < 0.5 for x in names}
        stmts = []
        for sp in names:
            others = [x for x in names if x != sp]
            t = rng.choice(["knight", "knave", "same", "diff"])
            o = rng.choice(others)
            o2 = rng.choice([x for x in names if x != o])
            stmts.append((sp, t, o, o2))

        def holds(assign, t, o, o2):
            if t == "knight":
                return assign[o]
            if t == "knave":
                return not assign[o]
            if t == "same":
                return assign[o] == assign[o2]
            return assign[o] != assign[o2]

        fits = []
        for bits in itertools.product([True, False], repeat=3):
            assign = dict(zip(names, bits))
            if all(holds(assign, t, o, o2) == assign[sp] for sp, t, o, o2 in stmts):
                fits.append(assign)
        if len(fits) == 1:
            truth = fits[0]
            break
    texts = [fill(rng.choice(lo["says"][t]), rng, {"a": sp, "b": o, "c": o2}) for sp, t, o, o2 in stmts]
    s["names"] = lo["list_sep"].join(names)
    s["statements"] = "\n".join(f"- {x}" for x in texts)
    if ctx["prompt_only"]:
        return
    role = {True: lo["knight"], False: lo["knave"]}
    ctx["steps"] = [fill(rng.choice(lo["suppose"]), rng, {"a": names[0], "role": role[True]})]
    ctx["steps"] += [fill(rng.choice(lo["clue_step"]), rng, {"i": str(i + 1), "clue": x})
                     for i, x in enumerate(texts)]
    res = lo["list_sep"].join(f"{x}: {role[truth[x]]}" for x in names)
    ctx["steps"].append(fill(rng.choice(lo["order_found"]), rng, {"order": res}))
    s["result"] = res
    lines = [fill(rng.choice(lo["knights_intro"]), rng, s), ""]
    lines += [f"- **{x}**: {role[truth[x]]}" for x in names]
    lines += ["", fill(L["math"]["final"], rng, s)]
    ctx["answer"] = "\n".join(lines)


def _g_sequence(rng, L, kind, ctx):
    s, lo = ctx["slots"], L["logic"]
    a, d = rng.randint(1, 9), rng.randint(2, 7)
    rule = rng.choice(["arith", "geom", "square", "fib", "tri"])
    if rule == "arith":
        xs = [a + i * d for i in range(7)]
    elif rule == "geom":
        xs = [a * d ** i for i in range(7)]
    elif rule == "square":
        xs = [(i + a) ** 2 + d for i in range(7)]
    elif rule == "fib":
        xs = [a, d]
        while len(xs) < 7:
            xs.append(xs[-1] + xs[-2])
    else:
        xs = [a]
        for i in range(6):
            xs.append(xs[-1] + d + i)
    shown = xs[:6]
    diffs = [y - x for x, y in itertools.pairwise(shown)]
    s.update(seq=", ".join(map(str, shown)), next=str(xs[6]), result=str(xs[6]))
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(lo["diffs"]), rng, {"d": ", ".join(map(str, diffs))}),
                    fill(rng.choice(lo["seq_found"]), rng, {"next": str(xs[6])})]
    ctx["answer"] = fill(rng.choice(lo["seq_answer"]), rng, s) + "\n\n" + fill(L["math"]["final"], rng, s)


def _g_sentiment(rng, L, kind, ctx):
    s, ex = ctx["slots"], L["extraction"]
    label = rng.choice(["positive", "negative", "mixed"])
    k = rng.randint(3, 5)
    if label == "mixed":
        n_pos = rng.randint(1, k - 1)
        picks = rng.sample(ex["pos"], n_pos) + rng.sample(ex["neg"], k - n_pos)
        rng.shuffle(picks)
    else:
        picks = rng.sample(ex["pos" if label == "positive" else "neg"], k)
    s["review"] = _join(L, [fill(x, rng, s) for x in picks])
    s["result"] = ex["labels"][label]
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(ex["judge"]), rng, {"s": fill(x, rng, s)}) for x in picks[:3]]
    ctx["steps"].append(fill(rng.choice(ex["decide"]), rng, s))
    ctx["answer"] = s["result"] if rng.random() < 0.5 else fill(rng.choice(ex["label_answer"]), rng, s)


def _g_entities(rng, L, kind, ctx):
    s, ex = ctx["slots"], L["extraction"]
    people = rng.sample(L["slots"]["name"], 3)
    found = []
    lines = []
    for p in people[: rng.randint(2, 3)]:
        user = re.sub(r"[^a-z]", "", p.lower().translate(_ASCII)) or rng.choice(ex["email_users"])
        email = f"{user}.{rng.randint(1, 99)}@{rng.choice(ex['domains'])}"
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        year = rng.choice([2023, 2024, 2025])
        date = ex["date_fmt"].format(d=day, m=month, mn=ex["months"][month - 1], y=year)
        lines.append(fill(rng.choice(ex["entity_lines"]), rng, {**s, "who": p, "email": email, "date": date}))
        found.append((p, email, date))
    filler = rng.sample(ex["entity_filler"], 2)
    parts = lines[:1] + [filler[0]] + lines[1:] + [filler[1]]
    s["text"] = _join(L, parts)
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(ex["found"]), rng, {"who": p, "email": e, "date": d})
                    for p, e, d in found]
    ctx["answer"] = json.dumps([{"name": p, "email": e, "date": d} for p, e, d in found],
                               ensure_ascii=False, indent=2)
    if rng.random() < 0.5:
        ctx["answer"] = "```json\n" + ctx["answer"] + "\n```"


def _g_category(rng, L, kind, ctx):
    s, ex = ctx["slots"], L["extraction"]
    cats = list(ex["tickets"])
    cat = rng.choice(cats)
    picks = rng.sample(ex["tickets"][cat], 2) + rng.sample(ex["ticket_filler"], 1)
    rng.shuffle(picks)
    s["ticket"] = _join(L, [fill(x, rng, s) for x in picks])
    s["labels"] = ", ".join(cats)
    s["result"] = cat
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(ex["judge_cat"]), rng, {"s": fill(picks[0], rng, s), "c": cat}),
                    fill(rng.choice(ex["decide"]), rng, s)]
    ctx["answer"] = cat


def _g_code(rng, L, kind, ctx):
    """A coding task from the shared task table, described in the row's language."""
    s, co = ctx["slots"], L["code"]
    tid = rng.choice(list(co["tasks"]))
    task = shared_seed()["code_tasks"][tid]
    desc = co["tasks"][tid]  # one description, or several phrasings
    s["desc"] = fill(rng.choice(desc) if isinstance(desc, list) else desc, rng, s)
    s["plang"] = task["lang_name"]
    s["unit"] = co["units"].get(task["fence"], co["units"]["default"])
    s["fname"] = task["name"]
    s["subject"] = s["desc"]
    if ctx["prompt_only"]:
        return
    ctx["steps"] = [fill(rng.choice(co["steps"]), rng, s) for _ in range(rng.randint(2, 4))]
    lines = task["code"].split("\n")
    first = next(x for x in lines if x.strip() and not x.startswith(("#", "import", "from")))
    ctx["steps"].append(fill(rng.choice(co["draft"]), rng, {"line": first.strip()}))
    ctx["steps"].append(fill(rng.choice(co["verify"]), rng, s))
    notes = [fill(x, rng, s) for x in rng.sample(co["notes"], 3)]
    ctx["answer"] = (fill(rng.choice(co["intro"]), rng, s) + "\n\n```" + task["fence"] + "\n" + task["code"]
                     + "\n```\n\n" + fill(rng.choice(co["how"]), rng, s) + "\n\n"
                     + "\n".join("- " + n for n in notes))


def _g_summary(rng, L, kind, ctx):
    """A pasted article from one theme's sentence pool; the answer summarises the sentences shown."""
    s = ctx["slots"]
    theme = rng.choice(kind["themes"])
    idx = sorted(rng.sample(range(len(theme["text"])), min(len(theme["text"]), rng.randint(5, 7))))
    s["passage"] = _join(L, [fill(theme["text"][i], rng, s) for i in idx])
    s["subject"] = fill(theme["title"], rng, s)
    ctx["summary"] = [fill(x, rng, s) for x in theme["summary"]]


def _g_rewrite(rng, L, kind, ctx):
    """A rough text from (rough, polished) sentence pairs; the answer is the polished version."""
    s = ctx["slots"]
    pairs = rng.sample(kind["pairs"], rng.randint(4, 6))
    s["passage"] = _join(L, [fill(a, rng, s) for a, _ in pairs])
    ctx["rewrite"] = _join(L, [fill(b, rng, s) for _, b in pairs])


GENERATORS = {
    "math.speed": _g_speed, "math.percent": _g_percent, "math.linear": _g_linear,
    "math.rectangle": _g_rectangle, "math.average": _g_average, "math.combination": _g_combination,
    "math.interest": _g_interest, "math.dice": _g_dice, "math.seqsum": _g_seqsum,
    "math.quadratic": _g_quadratic, "math.gcd": _g_gcd,
    "logic.order": _g_order, "logic.knights": _g_knights, "logic.sequence": _g_sequence,
    "extraction.sentiment": _g_sentiment, "extraction.entities": _g_entities,
    "extraction.category": _g_category, "code.task": _g_code,
    "summary.article": _g_summary, "writing.rewrite": _g_rewrite,
}

_ASCII = str.maketrans("äöüßéèêàâçñóòôíìúùãõ", "aouseeeaacnoooiiuuao")


# --------------------------------------------------------------------------------------------------
# The embedded sample
# --------------------------------------------------------------------------------------------------

def _allocate(total: int, weights: dict) -> dict:
    """Integer counts proportional to weights that sum to total (largest remainder, stable order)."""
    s = sum(weights.values())
    raw = {k: total * w / s for k, w in weights.items()}
    out = {k: int(v) for k, v in raw.items()}
    rest = sorted(weights, key=lambda k: (-(raw[k] - out[k]), list(weights).index(k)))
    for k in rest[: total - sum(out.values())]:
        out[k] += 1
    return out


def cell_counts(distinct: int) -> list[tuple[str, str, int]]:
    """(language, topic, rows) for the distinct rows; non-English rows favour the common topics."""
    per_lang = _allocate(distinct, {k: LANG_WEIGHTS[k] for k in LANGS})
    cells = []
    for lang in LANGS:
        w = dict(TOPIC_WEIGHTS) if lang == "en" else {t: max(1.5, v) for t, v in TOPIC_WEIGHTS.items()}
        for topic, n in _allocate(per_lang[lang], w).items():
            cells.append((lang, topic, n))
    return cells


def char_shingles(text: str, n: int = 3) -> frozenset:
    """Character n-grams, for languages written without spaces (word n-grams say little there)."""
    s = "".join(norm_tokens(text))
    return frozenset(s[i:i + n] for i in range(max(1, len(s) - n + 1)))


def _word_grams(text: str) -> tuple[frozenset, frozenset]:
    return shingles(text), shingles(text, strip=True)


def _char_grams(text: str) -> tuple[frozenset, frozenset]:
    g = char_shingles(text)
    return g, g


class _PromptIndex:
    """Inverted index over prompt shingles: finds the most similar earlier prompt cheaply."""

    def __init__(self, grams=_word_grams):
        self.grams = grams
        self.sets: list[tuple[frozenset, frozenset]] = []
        self.post: dict[str, list[int]] = {}

    def max_sim(self, text: str, stop: float = 1.0) -> float:
        a, a2 = self.grams(text)
        hits = Counter()
        for g in a:
            hits.update(self.post.get(g, ()))
        best = 0.0
        for j, inter in hits.items():
            b, b2 = self.sets[j]
            sim = inter / (len(a) + len(b) - inter)
            if sim > 0.25:  # the punctuation-stripped variant differs little; check it only when close
                sim = max(sim, jaccard(a2, b2))
            if sim > best:
                best = sim
                if best >= stop:
                    break
        return best

    def add(self, text: str):
        a, a2 = self.grams(text)
        self.sets.append((a, a2))
        for g in sorted(a):
            self.post.setdefault(g, []).append(len(self.sets) - 1)


def _distinct_prompt(rng, lang, topic, index: _PromptIndex, char_index: _PromptIndex | None = None,
                     bound=DISTINCT_MAX_JACCARD, tries=80) -> dict:
    """A prompt of the topic unlike every earlier one. The kind is drawn first, so kinds with fewer
    possible prompts keep their share; only when one is exhausted does another kind step in."""
    best, best_sim = None, 2.0
    kinds = lang_seed(lang)["topics"][topic]
    kind = _pick_kind(rng, kinds)
    for t in range(tries):
        if t and t % 20 == 0:
            kind = _pick_kind(rng, kinds)
        ctx = make_prompt(rng, lang, topic, kind)
        sim = index.max_sim(ctx["prompt"], stop=bound)
        if char_index is not None and sim < bound:  # and unlike other prompts written without spaces
            char_sim = char_index.max_sim(ctx["prompt"], stop=CHAR_MAX_JACCARD)
            sim = max(sim, char_sim * bound / CHAR_MAX_JACCARD)
        if sim < bound:
            return ctx
        if sim < best_sim:
            best, best_sim = ctx, sim
    return best  # the test on distinct prompts reports it


def near_edit(rng: random.Random, lang: str, prompt: str) -> str:
    """A near copy of a prompt: case/punctuation/whitespace changes, one word appended or swapped.
    Kept only when its word-3-gram Jaccard with the original is >= 0.9 (both normalizations)."""
    L = lang_seed(lang)
    words = prompt.split()
    edits = ["case", "punct", "space", "append", "swap"]
    rng.shuffle(edits)
    a, a2 = shingles(prompt), shingles(prompt, strip=True)
    for e in edits:
        p = prompt
        if e == "case":
            p = prompt.lower() if rng.random() < 0.5 else prompt[:1].swapcase() + prompt[1:]
        elif e == "punct":
            ends = "?.!。？！"
            p = prompt.rstrip(ends) if prompt[-1:] in ends else prompt + rng.choice(["?", "!", "."])
            p = p.replace(", ", " ", 1) if rng.random() < 0.5 else p
        elif e == "space":  # a trailing newline, a leading space, or one doubled space
            i = prompt.find(" ")
            doubled = prompt[:i] + "  " + prompt[i + 1:] if i > 0 else prompt + " "
            p = rng.choice([prompt + "\n", " " + prompt, doubled])
        elif e == "append" and len(words) >= 14:
            p = prompt.rstrip() + L["sep"] + rng.choice(L["near_append"])
        elif e == "swap" and len(words) >= 60:
            for w1, w2 in rng.sample(L["synonyms"], len(L["synonyms"])):
                m = re.search(r"\b" + re.escape(w1) + r"\b", prompt)
                if m:
                    p = prompt[: m.start()] + w2 + prompt[m.end():]
                    break
        if p != prompt and jaccard(a, shingles(p)) >= 0.9 and jaccard(a2, shingles(p, strip=True)) >= 0.9:
            return p
    return prompt + "\n"


def _malform(rng: random.Random, kind: str, row: dict):
    """Break a row the way real dumps break."""
    trace, answer = row["trace"], row["answer"]
    if kind == "unclosed_think":  # generation cut off mid-thought
        cut = trace[: max(50, int(len(trace) * rng.uniform(0.3, 0.9)))]
        row["response"] = "<think>\n" + cut
    elif kind == "no_think":
        row["response"] = answer
    elif kind == "empty_answer":
        row["response"] = wrap(trace, "") + rng.choice(["", "\n", " "])
    elif kind == "empty_think":
        row["response"] = f"<think>\n{rng.choice(['', chr(10)])}</think>\n\n{answer}"
    elif kind == "nested_think":
        paras = trace.split("\n\n")
        k = max(1, len(paras) // 3)
        inner = "\n\n".join(paras[k: 2 * k])
        row["response"] = ("<think>\n" + "\n\n".join(paras[:k]) + "\n<think>\n" + inner + "\n</think>\n"
                           + "\n\n".join(paras[2 * k:]) + "\n</think>\n\n" + answer)
    elif kind == "leftover_tags":
        row["response"] = wrap(trace, f"<answer>\n{answer}\n</answer>")
    elif kind == "null_prompt":
        row["prompt"] = None
    elif kind == "null_response":
        row["response"] = None
    elif kind == "prompt_not_string":
        row["prompt"] = rng.choice([[row["prompt"]], 404, {"text": row["prompt"]}])
    elif kind == "response_not_string":
        row["response"] = rng.choice([0, 3.5, True, [row["response"]], {"content": row["response"]}])


def generate(seed: int = 0) -> tuple[list[dict], list[dict]]:
    """(rows, truth) of the embedded sample: rows are {'prompt', 'response'} in source order."""
    rng = random.Random(seed)
    sizes = [rng.choices([2, 3, 4], weights=[70, 20, 10])[0] for _ in range(DUP_GROUPS)]
    distinct = SAMPLE_ROWS - sum(s - 1 for s in sizes)

    # 1. distinct rows, cell by cell, each prompt < DISTINCT_MAX_JACCARD from all earlier ones
    index, char_index = _PromptIndex(), _PromptIndex(_char_grams)
    base = []
    for lang, topic, n in cell_counts(distinct):
        spaceless = not lang_seed(lang)["sep"]
        for _ in range(n):
            ctx = _distinct_prompt(rng, lang, topic, index, char_index if spaceless else None)
            index.add(ctx["prompt"])
            if spaceless:
                char_index.add(ctx["prompt"])
            trace, answer = make_response(rng, ctx, draw_length(rng, lang, topic))
            base.append({"prompt": ctx["prompt"], "trace": trace, "answer": answer,
                         "response": wrap(trace, answer), "topic": topic, "lang": lang,
                         "malformed": None, "group": None, "ctx": ctx})

    # 2. order: shuffle, then pick originals early enough that their copies fit after them
    rng.shuffle(base)
    n = len(base)
    malformed_at = rng.sample(range(n), sum(MALFORMED.values()))
    kinds = [k for k, c in MALFORMED.items() for _ in range(c)]
    for i, k in zip(malformed_at, kinds):
        base[i]["malformed"] = k
        _malform(rng, k, base[i])
    taken = set(malformed_at)
    candidates = [i for i in range(int(n * 0.8)) if i not in taken]
    originals = rng.sample(candidates, DUP_GROUPS)

    # 3. copies: exact (same prompt and response) or near (edited prompt, response kept or redrawn)
    keyed = [(float(i), r) for i, r in enumerate(base)]
    for g, (oi, size) in enumerate(zip(sorted(originals), sizes)):
        orig = base[oi]
        orig["group"] = g
        spots = []
        while len(spots) < size - 1:
            k = rng.uniform(oi + DUP_MIN_GAP, n)
            if all(abs(k - x) >= DUP_MIN_GAP for x in spots):
                spots.append(k)
        for k in spots:
            copy = dict(orig)  # an exact duplicate, unless edited into a near one
            if rng.random() >= 0.4:
                copy["prompt"] = near_edit(rng, orig["lang"], orig["prompt"])
                if rng.random() < 0.5:
                    target = draw_length(rng, orig["lang"], orig["topic"])
                    trace, answer = make_response(rng, orig["ctx"], target)
                    copy.update(trace=trace, answer=answer, response=wrap(trace, answer))
            keyed.append((k, copy))
    keyed.sort(key=lambda kv: kv[0])

    rows = [{"prompt": r["prompt"], "response": r["response"]} for _, r in keyed]
    truth = [{"index": i, "topic": r["topic"], "language": r["lang"], "malformed": r["malformed"],
              "dup_group": r["group"]} for i, (_, r) in enumerate(keyed)]
    assert len(rows) == SAMPLE_ROWS
    return rows, truth


TRUTH_SCHEMA = {"index": pl.Int64, "topic": pl.String, "language": pl.String, "malformed": pl.String,
                "dup_group": pl.Int64}
PLANTED_SCHEMA = {**TRUTH_SCHEMA, "planted": pl.String, "near_miss": pl.String}


def _write_embedded(out_dir: Path, seed: int) -> list[Path]:
    from curate.sources import sample_failures

    rows, truth = generate(seed)
    planted, planted_truth = sample_failures.write(out_dir, seed, [r["prompt"] for r in rows if isinstance(r["prompt"], str)])
    planted_truth = [{"index": len(rows) + i, "malformed": None, **t} for i, t in enumerate(planted_truth)]
    files = [out_dir / "sample.jsonl", out_dir / "quality.jsonl"]
    for path, part in zip(files, (rows, planted)):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
    pl.DataFrame(truth, schema=TRUTH_SCHEMA).write_parquet(out_dir / "ground_truth.parquet",
                                                           compression="zstd", statistics=False)
    pl.DataFrame(planted_truth, schema=PLANTED_SCHEMA).write_parquet(out_dir / "quality_truth.parquet",
                                                                     compression="zstd", statistics=False)
    return files


# --------------------------------------------------------------------------------------------------
# Benchmark inputs: many rows of the same shape, shard by shard
# --------------------------------------------------------------------------------------------------

BENCH_RESPONSES = 1600  # responses generated per benchmark, reused (dedup keys on prompts, not responses)
BENCH_PROMPTS = 24_000  # short prompts generated per benchmark, each reused with different background tails
BENCH_DUP_SHARE, BENCH_MALFORMED_SHARE = 0.04, 0.015
BENCH_BATCH = 10_000  # rows per parquet row group: bounds memory
BENCH_RECENT = 5000  # duplicates copy one of the last rows kept here


def _is_long(kind: dict) -> bool:
    """Kinds whose prompt carries a pasted text or a puzzle. They are generated afresh for every
    benchmark row: two rows sharing a body that long would be near duplicates whatever else they say."""
    return any("\n" in f[0] for f in kind["frames"])


class _BenchCell:
    """Pools of one (language, topic) cell of a benchmark: short prompts, traces, answers."""

    def __init__(self, rng: random.Random, lang: str, topic: str, share: float):
        self.lang, self.topic, self.L = lang, topic, lang_seed(lang)
        kinds = self.L["topics"][topic]
        short = [k for k in kinds if not _is_long(k)]
        self.long = [k for k in kinds if _is_long(k)]
        self.long_w = [k.get("weight", 1) for k in self.long]
        self.p_long = sum(self.long_w) / sum(k.get("weight", 1) for k in kinds)
        n = max(400, round(BENCH_PROMPTS * share)) if short else 0
        self.prompts = [make_prompt(rng, lang, topic, _pick_kind(rng, short), prompt_only=True)["prompt"]
                        for _ in range(n)]
        self.traces, self.answers = [], []
        for _ in range(max(4, round(BENCH_RESPONSES * share))):
            ctx = make_prompt(rng, lang, topic)
            trace, answer = make_response(rng, ctx, draw_length(rng, lang, topic))
            self.traces.append(trace)
            self.answers.append(answer)
        self.t0 = self.a0 = 0  # offsets of this cell's pools in the benchmark-wide arrays

    def prompt(self, rng: random.Random) -> str:
        """A pooled short prompt plus 2-3 background sentences (ordered draws from the language's
        context pool: tens of thousands of tails), or a freshly generated long prompt."""
        L, rand = self.L, rng.random
        if not self.prompts or rand() < self.p_long:
            kind = rng.choices(self.long, self.long_w)[0]
            p = make_prompt(rng, self.lang, self.topic, kind, prompt_only=True)["prompt"]
            if rand() < 0.7:
                return p
            k = 1
        else:
            p = self.prompts[int(rand() * len(self.prompts))]
            k = 2 if rand() < 0.5 else 3
        pool = L["context"]
        picks = []
        while len(picks) < k:
            c = pool[int(rand() * len(pool))]
            if c not in picks and c not in p:
                picks.append(c)
        return p + ("\n\n" if "\n" in p else L["sep"]) + _join(L, picks)

    def response(self, rng: random.Random) -> tuple[int, int]:
        """Indices of a trace and an answer in the benchmark-wide pools."""
        rand = rng.random
        return self.t0 + int(rand() * len(self.traces)), self.a0 + int(rand() * len(self.answers))


def _write_bench(out_dir: Path, rows: int, seed: int) -> list[Path]:
    """Shard by shard, row group by row group, so memory stays bounded at any size. Topic and
    language shares follow the embedded sample; ~4% of rows copy a recent row (exact or near),
    ~1.5% are malformed in the ways parquet string columns allow. Responses are assembled in Arrow
    from pooled traces and answers (Python only draws indices): that keeps 1M rows in about a minute."""
    rng = random.Random(seed)
    counts = [(lang, topic, n) for lang, topic, n in cell_counts(SAMPLE_ROWS) if n]
    cells = [_BenchCell(rng, lang, topic, n / SAMPLE_ROWS) for lang, topic, n in counts]
    cum = list(itertools.accumulate(n for _, _, n in counts))
    traces, answers = [], []
    for c in cells:
        c.t0, c.a0 = len(traces), len(answers)
        traces += c.traces
        answers += c.answers
    heads = pa.array(["<think>\n" + t + "\n</think>\n\n" for t in traces], pa.large_string())
    tails = pa.array(answers, pa.large_string())
    schema = pa.schema([("prompt", pa.string()), ("response", pa.string())])
    paths, recent = [], []
    done = 0
    while done < rows:
        path = out_dir / f"part-{len(paths):05d}.parquet"
        shard_rows = min(SHARD_ROWS, rows - done)
        with pq.ParquetWriter(path, schema, compression="zstd", compression_level=1) as writer:
            left = shard_rows
            while left:
                m = min(BENCH_BATCH, left)
                batch = [_bench_row(rng, cells, cum, recent, traces, answers) for _ in range(m)]
                prompts, ti, ai, override = zip(*batch)
                head, tail = pc.take(heads, pa.array(ti)), pc.take(tails, pa.array(ai))
                joined = pc.binary_join_element_wise(head, tail, pa.scalar("", pa.large_string()))
                mask = pa.array([o is not False for o in override])
                alt = pa.array([o if o is not False else None for o in override], pa.large_string())
                response = pc.if_else(mask, alt, joined).cast(pa.string())
                writer.write_table(pa.table([pa.array(prompts, pa.string()), response], schema=schema))
                left -= m
        done += shard_rows
        paths.append(path)
    return paths


def _bench_row(rng, cells, cum, recent, traces, answers) -> tuple:
    """(prompt, trace index, answer index, override): override is False, or the malformed response
    (a string or None) that replaces the assembled one."""
    u = rng.random()
    if u < BENCH_DUP_SHARE and recent:
        lang, p, ti, ai = recent[int(rng.random() * len(recent))]
        return (near_edit(rng, lang, p) if rng.random() < 0.6 else p), ti, ai, False
    cell = cells[bisect.bisect_right(cum, rng.random() * cum[-1])]
    p = cell.prompt(rng)
    ti, ai = cell.response(rng)
    if u > 1 - BENCH_MALFORMED_SHARE:
        trace, answer = traces[ti], answers[ai]
        row = {"prompt": p, "response": wrap(trace, answer), "trace": trace, "answer": answer}
        _malform(rng, rng.choice(PARQUET_MALFORMED), row)
        return row["prompt"], ti, ai, row["response"]
    if len(recent) < BENCH_RECENT:
        recent.append((cell.lang, p, ti, ai))
    else:
        recent[int(rng.random() * BENCH_RECENT)] = (cell.lang, p, ti, ai)
    return p, ti, ai, False
