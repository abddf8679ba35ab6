"""The embedded sample's planted failures: rows the quality stage and decontamination must drop,
each with the reason it should get, and clean near misses they must keep.

They are their own part of the sample (`quality.jsonl`, after the 3,200 rows of `sample.jsonl`),
so those rows stay byte-identical. Each planted row starts as a clean generated row (a prompt unlike
every other, as sample.py writes them) and is then broken one way: a loop, repeated paragraphs, a
stuttered phrase, a sentence in another script, a cut-off end, an unclosed code fence or bracket, a
token-sized or far too short reasoning, a refusal or AI boilerplate. Contaminated rows copy an eval
prompt (the trainer's `train/prompts.jsonl` or the sample's own `eval_prompts.jsonl`) with changed
case, spacing or punctuation, or inside a longer prompt.
"""

from __future__ import annotations

import json
import random
import re
from functools import cache
from importlib import resources
from pathlib import Path

import polars as pl
import yaml

from curate.sources import sample
from curate.tokens import TokenCounter

# Planted failures: the reason each should be dropped with -> rows.
PLANTED = {
    reason: 20
    for reason in (
        "refusal", "boilerplate", "short_reasoning", "thin_reasoning",
        *(f"{check}:{part}" for check in ("repeat_loop", "repeated_lines", "top_ngram", "script_mix",
                                          "unbalanced", "truncated") for part in ("reasoning", "answer")),
    )
}  # fmt: skip
NEAR_MISSES = ("refrain", "same_start", "greek", "quoted", "list_end", "answer_end", "sorry", "cant_wait",
               "ai_people", "smiley")  # fmt: skip
NEAR_MISS_ROWS = 3  # of each kind
EVAL_PROMPTS = 30  # in the sample's eval set
CONTAMINATED = {"eval_prompts.jsonl": 24, "train/prompts.jsonl": 20}
DECONTAM_NEAR_MISSES = 12
TRAINER_PROMPTS = "train/prompts.jsonl"
TOPICS = ("writing", "explanation", "advice", "summary", "analysis", "ideation")
LONG_ANSWER_TOPICS = ("writing", "explanation", "advice", "analysis", "ideation")
OTHER_LANGUAGES = ("de", "fr", "es", "ru", "zh")
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]+[\"'”)]?\s*|[^.!?。！？\n]+$")
_ENDED = re.compile(r"[.!?。！？][\"'”)]?$")
_PROSE = re.compile(r"^(?![-*+#>|]|\d+[.)]\s|\*\*)")


@cache
def seed() -> dict:
    with open(sample.SEED_DIR / "failures.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def trainer_prompts() -> list[dict]:
    """The trainer's fixed eval prompts, which every build decontaminates against."""
    text = resources.files("train").joinpath("prompts.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def trainer_prompts_bytes() -> bytes:
    return resources.files("train").joinpath("prompts.jsonl").read_bytes()


def generate(seed_value: int, existing: list[str]) -> tuple[list[dict], list[dict], list[dict]]:
    """(rows, truth, eval prompts): rows are {'prompt', 'response'}, truth per row has topic, language,
    `planted` (the reason it should be dropped with, or null) and `near_miss` (what it nearly trips)."""
    rng = random.Random(seed_value * 7919 + 17)
    index = sample._PromptIndex()
    for p in existing:
        index.add(p)
    made: list[tuple[dict, str | None, str | None]] = []  # (row, planted, near_miss)
    for reason, count in PLANTED.items():
        for i in range(count):
            made.append(_planted(rng, index, reason, i))
    for kind in NEAR_MISSES:
        for i in range(NEAR_MISS_ROWS):
            made.append(_near_miss(rng, index, kind, i))
    evals = _eval_prompts(rng, index, existing + [r["prompt"] for r, _, _ in made])
    made += _contaminated(rng, index, evals)
    rng.shuffle(made)
    rows = [{"prompt": r["prompt"], "response": sample.wrap(r["trace"], r["answer"])} for r, _, _ in made]
    # copies of one eval prompt are near duplicates of each other: a dup group each (after sample.py's)
    copies = [r.get("copies") for r, _, _ in made]
    shared = sorted({c for c in copies if c is not None and copies.count(c) > 1})
    group = {c: sample.DUP_GROUPS + k for k, c in enumerate(shared)}
    truth = [{"topic": r["topic"], "language": r["lang"], "dup_group": group.get(c), "planted": planted,
              "near_miss": near} for (r, planted, near), c in zip(made, copies)]  # fmt: skip
    return rows, truth, [{"id": e["id"], "topic": e["topic"], "prompt": e["prompt"]} for e in evals]


def _clean(rng: random.Random, index, lang: str, topic: str, target: tuple[int, int] = (2500, 5500),
           min_answer: int = 400) -> dict:
    """A clean generated row (trace, answer) whose prompt is unlike every earlier prompt."""
    for _ in range(50):
        ctx = sample._distinct_prompt(rng, lang, topic, index)
        scale = sample.lang_seed(lang)["char_scale"]
        trace, answer = sample.make_response(rng, ctx, int(rng.randint(*target) * scale))
        if len(answer) >= min_answer * scale and len(trace) >= 1200 * scale:
            break
    index.add(ctx["prompt"])
    return {"prompt": ctx["prompt"], "trace": trace, "answer": answer, "topic": topic, "lang": lang, "ctx": ctx}


def _where(i: int, topics=TOPICS) -> tuple[str, str]:
    """Language and topic of the i-th row of a kind: mostly English, every fourth in another language."""
    lang = OTHER_LANGUAGES[(i // 4) % len(OTHER_LANGUAGES)] if i % 4 == 3 else "en"
    return lang, topics[i % len(topics)]


def _planted(rng: random.Random, index, reason: str, i: int) -> tuple[dict, str, None]:
    check, _, part = reason.partition(":")
    lang, topic = _where(i, LONG_ANSWER_TOPICS if part == "answer" else TOPICS)
    if check in ("refusal", "boilerplate"):
        lang = "zh" if i % 4 == 3 else "en"
    if reason == "unbalanced:answer":
        lang, topic = "en", ("code", "extraction")[i % 2]
    if check == "thin_reasoning":
        lang = "en" if lang == "zh" else lang  # Chinese answers here are too short to dwarf any reasoning
        topic = ("explanation", "advice", "analysis")[i % 3]
        row = _clean(rng, index, lang, topic, target=(12000, 14000), min_answer=3000)
    else:
        row = _clean(rng, index, lang, topic)
    key = "trace" if part == "reasoning" or check in ("short_reasoning", "thin_reasoning") else "answer"
    for _ in range(20):  # a breaker that finds nothing to break, or breaks past the length limits, gets another row
        broken = BREAKERS[check](rng, row, key)
        if broken is not None and _fits({**row, key: broken}):
            row[key] = broken
            return row, reason, None
        row = _clean(rng, index, lang, topic)
    raise AssertionError(f"could not plant {reason}")


def _fits(row: dict) -> bool:
    """Within the default length limits, with room to spare, so the row reaches the quality stage."""
    tokens = TokenCounter.estimate().count(pl.Series([row["prompt"], row["trace"], row["answer"]])).to_list()
    return tokens[1] <= 2800 and tokens[2] <= 1900 and sum(tokens) <= 3800


# --- breakers: (rng, row, key) -> the broken row[key] ("trace" or "answer"), or None when it cannot be ---

def _sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(paragraph) if s.strip()]


def _loop(rng, row, key):
    """A block of 1-3 sentences said again and again inside one line."""
    lines = row[key].split("\n")
    options = [k for k, line in enumerate(lines) if len(_sentences(line)) >= 2 and _ENDED.search(line.strip())]
    if not options:
        return None
    k = rng.choice(options)
    sents = _sentences(lines[k])
    block = sents[-rng.randint(1, min(3, len(sents) - 1)):]
    if not all(_ENDED.search(s) for s in block):
        block = block[-1:]
    repeats = 8 // len(block) + 2
    sep = sample.lang_seed(row["lang"])["sep"]
    lines[k] = sep.join(sents[: -len(block)] + block * repeats)
    return "\n".join(lines)


def _repeat_lines(rng, row, key):
    """Earlier lines copied to later places (not next to themselves) until most bytes repeat."""
    lines = row[key].split("\n")
    sources = [i for i, line in enumerate(lines) if line.strip()]
    if len(sources) < 3:
        return None
    out, added, total = list(lines), 0, len(row[key])
    while added < 0.9 * total:
        src = rng.choice(sources[:-1])
        dst = rng.randrange(src + 2, len(out) + 1)
        out[dst:dst] = ["", lines[src], ""]
        added += len(lines[src]) + 2
    return "\n".join(out)


def _stutter(rng, row, key):
    """A phrase repeated in one breathless line, as long as the rest of the text."""
    phrase = rng.choice(seed()["stutter"][row["lang"]])
    times = int(len(row[key].encode()) * 1.0 / (len(phrase.encode()) + 1)) + 1
    paras = row[key].split("\n\n")
    paras.insert(rng.randrange(1, len(paras) + 1), " ".join([phrase] * times))
    return "\n\n".join(paras)


def _mix_script(rng, row, key):
    """Two sentences of another script inside a paragraph (Chinese, or Russian in Chinese text)."""
    other = sample.lang_seed("ru" if row["lang"] == "zh" else "zh")["trace"]
    insert = sample._join(sample.lang_seed("ru" if row["lang"] == "zh" else "zh"),
                          rng.sample(other["sentence"], 2))  # fmt: skip
    paras = row[key].split("\n\n")
    k = rng.randrange(len(paras))
    sents = _sentences(paras[k])
    sep = sample.lang_seed(row["lang"])["sep"]
    at = rng.randint(1, max(1, len(sents)))
    paras[k] = sep.join(sents[:at] + [insert] + sents[at:])
    return "\n\n".join(paras)


def _cut(rng, row, key):
    """Stop where generation ran out: somewhere in the second half, inside a line, not after a
    sentence's end; all that followed is gone."""
    text = row[key]
    spaceless = not sample.lang_seed(row["lang"])["sep"]
    lo = len(text) // 2
    if spaceless:
        cuts = [j for j in range(lo, len(text) - 1) if "\u4e00" <= text[j - 1] <= "\u9fff"]
    else:
        cuts = [m.start() for m in re.finditer(r"(?<=[\w,]) (?=\w)", text[lo:])]
        cuts = [lo + j for j in cuts]
        if rng.random() < 0.4:  # inside the next word
            cuts = [j + 3 for j in cuts if text[j + 1 : j + 4].isalpha()]
    cuts = [j for j in cuts if len(text[text.rfind("\n", 0, j) + 1 : j].split()) >= (1 if spaceless else 4)]
    if not cuts:
        return None
    return text[: rng.choice(cuts)].rstrip()


def _unbalance(rng, row, key):
    """Reasoning: a code block opened and never closed. Answer: code or JSON cut off before it closes."""
    text = row[key]
    if key == "trace":
        paras = text.split("\n\n")
        paras.insert(rng.randrange(1, len(paras)), rng.choice(seed()["open_fence"]))
        return "\n\n".join(paras)
    opened = [m.end() for m in re.finditer(r"```\w*\n|[\[{]\n", text)]
    if not opened:
        return None
    start = opened[0]
    close = text.find("\n```", start)
    end = close if close > 0 else len(text)
    lines = [m.end() for m in re.finditer(r"\n", text[start:end])]
    if len(lines) < 2:
        return None
    return text[: start + rng.choice(lines[: len(lines) - 1])].rstrip()


def _short_reasoning(rng, row, key):
    pool = seed()["short_reasoning"]
    return rng.choice(pool.get(row["lang"], pool["default"]))


def _thin_reasoning(rng, row, key):
    """One short line of thinking before a long answer."""
    trace = sample.lang_seed(row["lang"])["trace"]["short"]
    return sample.fill(rng.choice(trace), rng, row["ctx"]["slots"])


def _refusal(rng, row, key):
    return rng.choice(seed()["refusal"][row["lang"]])


def _boilerplate(rng, row, key):
    line = rng.choice(seed()["boilerplate"][row["lang"]])
    return line + "\n\n" + row["answer"] if rng.random() < 0.6 else row["answer"] + "\n\n" + line


BREAKERS = {
    "repeat_loop": _loop, "repeated_lines": _repeat_lines, "top_ngram": _stutter, "script_mix": _mix_script,
    "truncated": _cut, "unbalanced": _unbalance, "short_reasoning": _short_reasoning,
    "thin_reasoning": _thin_reasoning, "refusal": _refusal, "boilerplate": _boilerplate,
}  # fmt: skip


# --- near misses: clean rows that look like a failure at first sight ------------------------------------

def _near_miss(rng: random.Random, index, kind: str, i: int) -> tuple[dict, None, str]:
    miss = seed()["near_miss"]
    row = _clean(rng, index, "en", TOPICS[i % len(TOPICS)] if kind != "refrain" else "writing")
    answer = row["answer"]
    if kind == "refrain":  # a line that comes back, apart, as refrains do
        paras = answer.split("\n\n")
        for k in sorted(rng.sample(range(1, len(paras) + 1), min(3, len(paras))), reverse=True):
            paras.insert(k, miss["refrain"])
        answer = "\n\n".join(paras)
    elif kind == "same_start":
        answer = answer + "\n\n" + "\n".join(f"- {s}." for s in miss["same_start"])
    elif kind == "greek":
        answer = answer + "\n\n" + miss["greek"]
    elif kind == "quoted":  # the prompt asks about Chinese words: the answer may use them
        row["prompt"], answer = miss["quoted"]["prompt"] + " " + row["prompt"], miss["quoted"]["answer"] + "\n\n" + answer
    elif kind in ("list_end", "answer_end"):
        answer = answer + "\n\n" + miss[kind]
    elif kind in ("sorry", "cant_wait", "ai_people"):
        answer = miss[kind] + "\n\n" + answer
    elif kind == "smiley":
        answer = answer + "\n\n" + miss["smiley"]
    row["answer"] = answer
    return row, None, kind


# --- decontamination: the sample's eval set, copies of eval prompts, and near copies --------------------

def _words(prompt: str) -> list[str]:
    """Words as decontamination compares them (close enough: a check, not the definition)."""
    return re.sub(r"[^\w\s]+", " ", re.sub(r"(\w)['’-](\w)", r"\1\2", prompt.lower())).split()


def _overlaps(prompt: str, grams: set, texts: list[str]) -> bool:
    """Would decontamination tie `prompt`, as an eval prompt, to any of the other prompts?"""
    words = _words(prompt)
    if len(words) >= 13:
        return any(tuple(words[i : i + 13]) in grams for i in range(len(words) - 12))
    needle = " " + " ".join(words) + " "
    return any(needle in t for t in texts)


def _eval_prompts(rng: random.Random, index, others: list[str]) -> list[dict]:
    """Short-kind prompts (no pasted text, which other prompts share), unlike every other prompt and
    sharing no 13 words in a row with one, so that only the planted copies are contaminated."""
    texts = [" " + " ".join(_words(p)) + " " for p in others]
    grams = {tuple(w[i : i + 13]) for w in (t.split() for t in texts) for i in range(len(w) - 12)}
    out, attempt = [], 0
    while len(out) < EVAL_PROMPTS:
        attempt += 1
        lang = ("en", "en", "en", "de", "fr")[len(out) % 5]
        topic = TOPICS[attempt % len(TOPICS)]  # a topic without short kinds (summary) moves on
        ctx = sample._distinct_prompt(rng, lang, topic, index)
        if sample._is_long(ctx["kind"]) or len(ctx["prompt"].split()) < 8 or _overlaps(ctx["prompt"], grams, texts):
            continue
        index.add(ctx["prompt"])
        out.append({"id": f"sample-eval-{len(out):02d}", "topic": topic, "lang": lang, "prompt": ctx["prompt"],
                    "ctx": ctx})  # fmt: skip
    return out


def _variant(rng: random.Random, prompt: str) -> str:
    """The same prompt as a user might paste it again: case, spacing, punctuation, or wrapped."""
    edits = rng.sample(["lower", "upper", "spaces", "newline", "strip_punct", "add_punct", "wrap"], 2)
    for edit in edits:
        if edit == "lower":
            prompt = prompt.lower()
        elif edit == "upper":
            prompt = prompt.upper()
        elif edit == "spaces":
            prompt = re.sub(r" ", lambda m: "  " if rng.random() < 0.3 else " ", prompt)
        elif edit == "newline":
            words = prompt.split(" ")
            k = rng.randrange(1, len(words))
            prompt = " ".join(words[:k]) + "\n" + " ".join(words[k:]) + "\n"
        elif edit == "strip_punct":
            prompt = re.sub(r"[^\w\s]", "", prompt)
        elif edit == "add_punct":
            prompt = prompt.rstrip(".?!") + rng.choice(["?!", "!!", " ...", "??"])
        else:
            prompt = rng.choice(["Quick question. ", "Hi! ", "Please help: "]) + prompt + rng.choice(
                [" Thanks!", " Thank you in advance.", ""]
            )
    return prompt


def _near_copy(rng: random.Random, prompt: str) -> str | None:
    """A prompt that shares a run of words with an eval prompt, but no 13 in a row and not all of
    them in order: a changed word every 6 words, or the first 10 words and then something else."""
    words = prompt.split()
    if len(words) < 8:
        return None
    if rng.random() < 0.5 or len(words) < 14:
        for j in range(3, len(words), 6):
            words[j] = rng.choice(["really", "honestly", "quite", "maybe", "perhaps"])
        return " ".join(words)
    return " ".join(words[:10]) + " but for a completely different situation, please."


def _contaminated(rng: random.Random, index, evals: list[dict]) -> list[tuple[dict, str | None, str | None]]:
    out = []
    ours = [e for e in evals if len(e["prompt"].split()) >= 6]
    trainer = [p for p in trainer_prompts() if len(p["prompt"].split()) >= 6]
    for label, count in CONTAMINATED.items():
        source = ours if label == "eval_prompts.jsonl" else trainer
        for i in range(count):
            e = source[i % len(source)]
            lang = e.get("lang", "en")
            row = _clean(rng, index, lang, e["topic"])
            row["prompt"], row["copies"] = _variant(rng, e["prompt"]), (label, e["prompt"])
            out.append((row, f"contaminated:{label}", None))
    for i in range(DECONTAM_NEAR_MISSES):
        e = (ours + trainer)[(i * 5) % len(ours + trainer)]
        copy = _near_copy(rng, e["prompt"])
        if copy is None:
            continue
        row = _clean(rng, index, e.get("lang", "en"), e["topic"])
        row["prompt"] = copy
        out.append((row, None, "decontaminate"))
    return out


def write(out_dir: Path, seed_value: int, existing: list[str]) -> tuple[list[dict], list[dict]]:
    """Write `eval_prompts.jsonl`; return (rows, truth) of the planted part for the caller to write."""
    rows, truth, evals = generate(seed_value, existing)
    with open(out_dir / "eval_prompts.jsonl", "w", encoding="utf-8", newline="\n") as f:
        f.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in evals)
    return rows, truth
