"""The embedded sample: shape, ground truth, duplicates, languages, determinism, benchmark inputs.
(Its planted quality failures and contaminated rows: tests/test_sample_failures.py.)

Similarity is recomputed here with its own normalization (lowercase, punctuation replaced by a space
or removed, word 3-grams), independent of the generator's code.
"""

import hashlib
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl
import pytest

from curate.sources import sample

TOPICS = ["writing", "summary", "ideation", "explanation", "advice", "analysis", "roleplay", "math", "code",
          "logic", "extraction", "other"]
MALFORMED = ["unclosed_think", "no_think", "empty_answer", "empty_think", "nested_think", "leftover_tags",
             "null_prompt", "null_response", "prompt_not_string", "response_not_string"]


@pytest.fixture(scope="session")
def cache(tmp_path_factory):
    """Point the sample cache at a fresh folder for the whole session."""
    mp = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("cache")
    mp.setenv("CURATE_CACHE", str(path))
    yield path
    mp.undo()


@pytest.fixture(scope="session")
def rows(cache):
    """The 3,200 rows of the first file (the planted part has tests of its own)."""
    with open(sample.sample_files()[0], encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="session")
def truth(cache):
    return sample.ground_truth().filter(pl.col("index") < sample.SAMPLE_ROWS).drop("planted", "near_miss")


def words(text: str, strip: bool) -> list[str]:
    return re.sub(r"[^\w\s]", "" if strip else " ", text.lower()).split()


def grams(text: str, strip: bool = False) -> frozenset:
    w = words(text, strip)
    if len(w) < 3:
        return frozenset([" ".join(w)])
    return frozenset(" ".join(w[i:i + 3]) for i in range(len(w) - 2))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def split_response(r: str) -> tuple[str, str]:
    think, _, answer = r.partition("</think>")
    return think.removeprefix("<think>"), answer


# --- API and shape -----------------------------------------------------------------------------------

def test_api_and_cache(cache, rows, truth):
    d = sample.sample_dir()
    assert d.parent == cache and d.name.startswith("sample-")
    files = sample.sample_files()
    assert files == [d / "sample.jsonl", d / "quality.jsonl"] and all(f.exists() for f in files)
    assert (d / "ground_truth.parquet").exists() and (d / "quality_truth.parquet").exists()
    assert sample.eval_prompts_file() == d / "eval_prompts.jsonl" and sample.eval_prompts_file().exists()
    mtime = files[0].stat().st_mtime_ns
    assert sample.sample_files()[0].stat().st_mtime_ns == mtime  # cached, not regenerated
    assert sample.SAMPLE_ROWS >= 3000
    assert len(rows) == sample.SAMPLE_ROWS == truth.height
    assert all(set(r) == {"prompt", "response"} for r in rows)


def test_ground_truth_schema(truth):
    assert truth.schema == pl.Schema({"index": pl.Int64, "topic": pl.String, "language": pl.String,
                                      "malformed": pl.String, "dup_group": pl.Int64})
    assert truth["index"].to_list() == list(range(truth.height))
    assert truth["topic"].null_count() == 0 and truth["language"].null_count() == 0


def test_topics_and_languages(truth):
    topics = Counter(truth["topic"].to_list())
    assert set(topics) == set(TOPICS)
    assert min(topics.values()) >= 40, topics
    # a real instruction mix: the big four dominate
    assert sum(topics[t] for t in ["explanation", "writing", "code", "math"]) > 0.5 * truth.height
    langs = Counter(truth["language"].to_list())
    assert len(langs) >= 7 and sum(1 for n in langs.values() if n >= 100) >= 7, langs
    assert 0.65 <= langs["en"] / truth.height <= 0.75


def test_lengths(rows):
    lengths = sorted(len(r["response"]) for r in rows if isinstance(r["response"], str))
    assert 5000 <= statistics.median(lengths) <= 7000
    assert lengths[int(0.95 * len(lengths))] < 16_000  # a realistic body ...
    assert sum(n > 40_000 for n in lengths) >= 10  # ... with a runaway tail
    assert sum(n < 1000 for n in lengths) >= 30  # and very short ones


# --- malformed rows ------------------------------------------------------------------------------------

def check_malformed(kind: str, p, r) -> bool:
    if kind == "null_prompt":
        return p is None
    if kind == "null_response":
        return r is None
    if kind == "prompt_not_string":
        return p is not None and not isinstance(p, str)
    if kind == "response_not_string":
        return r is not None and not isinstance(r, str)
    if not isinstance(r, str):
        return False
    if kind == "unclosed_think":
        return r.startswith("<think>") and "</think>" not in r
    if kind == "no_think":
        return "<think>" not in r and "</think>" not in r and r.strip() != ""
    think, answer = split_response(r)
    if kind == "empty_answer":
        return "</think>" in r and think.strip() != "" and answer.strip() == ""
    if kind == "empty_think":
        return think.strip() == "" and answer.strip() != ""
    if kind == "nested_think":
        return r.count("<think>") >= 2 and r.count("</think>") >= 2
    if kind == "leftover_tags":
        return "<answer>" in r.rpartition("</think>")[2]
    raise AssertionError(kind)


def test_malformed_rows_are_what_ground_truth_says(rows, truth):
    kinds = Counter(k for k in truth["malformed"].to_list() if k)
    assert set(kinds) == set(MALFORMED), kinds
    assert all(n >= 5 for n in kinds.values())
    for r, kind in zip(rows, truth["malformed"].to_list()):
        if kind:
            assert check_malformed(kind, r["prompt"], r["response"]), (kind, str(r)[:300])
        else:  # well formed: one think block, non-empty, then a non-empty answer without tags
            p, resp = r["prompt"], r["response"]
            assert isinstance(p, str) and p.strip() and isinstance(resp, str)
            assert resp.startswith("<think>\n") and resp.count("<think>") == 1 and resp.count("</think>") == 1
            think, answer = split_response(resp)
            assert think.strip() and answer.strip() and "<answer>" not in answer


# --- duplicates -----------------------------------------------------------------------------------------

def test_duplicate_groups(rows, truth):
    groups = defaultdict(list)
    for i, g in enumerate(truth["dup_group"].to_list()):
        if g is not None:
            groups[g].append(i)
    assert 100 <= len(groups) <= 150
    exact = near = 0
    for members in groups.values():
        assert 2 <= len(members) <= 4
        assert min(b - a for a, b in itertools.pairwise(members)) > 1  # scattered, never adjacent
        orig = rows[members[0]]["prompt"]
        for i in members[1:]:
            p = rows[i]["prompt"]
            assert truth["malformed"][i] is None
            for strip in (False, True):
                assert jaccard(grams(orig, strip), grams(p, strip)) >= 0.9, (orig, p)
            if p == orig and rows[i]["response"] == rows[members[0]]["response"]:
                exact += 1
            else:
                near += 1
    assert exact >= 30 and near >= 60, (exact, near)


def test_distinct_prompts_are_genuinely_different(rows, truth):
    """Prompts of different groups (a row outside any group is its own group) have word-3-gram Jaccard
    < 0.5, under both normalizations. Candidates come from an inverted index on 3-grams."""
    unit = [g if g is not None else -1 - i for i, g in enumerate(truth["dup_group"].to_list())]
    prompts = [(i, r["prompt"]) for i, r in enumerate(rows) if isinstance(r["prompt"], str)]
    worst = []
    for strip in (False, True):
        sets = {i: grams(p, strip) for i, p in prompts}
        postings = defaultdict(list)
        for i, s in sets.items():
            for g in s:
                postings[g].append(i)
        for i, s in sets.items():
            shared = Counter(j for g in s for j in postings[g] if j > i)
            for j, inter in shared.items():
                if unit[i] != unit[j]:
                    sim = inter / (len(s) + len(sets[j]) - inter)
                    if sim >= 0.5:
                        worst.append((round(sim, 2), rows[i]["prompt"][:80], rows[j]["prompt"][:80]))
    assert not worst, worst[:5]


# --- languages ------------------------------------------------------------------------------------------

def test_langdetect_agrees_with_ground_truth(rows, truth):
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    agree = total = 0
    misses = Counter()
    for r, lang in zip(rows, truth["language"].to_list()):
        if not isinstance(r["prompt"], str):
            continue
        try:
            got = detect(r["prompt"][:500])
        except LangDetectException:
            got = "unknown"
        got = "zh" if got.startswith("zh") else got
        total += 1
        agree += got == lang
        if got != lang:
            misses[lang] += 1
    assert agree / total >= 0.98, misses
    assert all(n <= 0.05 * Counter(truth["language"].to_list())[lang] for lang, n in misses.items()), misses


# --- determinism ----------------------------------------------------------------------------------------

def digest(folder: Path) -> dict:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def test_deterministic(tmp_path, cache):
    """Same bytes every time, also under another hash seed (no set or dict-order dependence)."""
    a, b = tmp_path / "a", tmp_path / "b"
    assert sample.write_sample(a) == [a / "sample.jsonl", a / "quality.jsonl"]
    code = ("import sys; from pathlib import Path; from curate.sources import sample; "
            "sample.write_sample(Path(sys.argv[1]))")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(b)], check=True, env=env, cwd=Path(__file__).parents[1])
    assert digest(a) == digest(b) == digest(sample.sample_dir())
    assert set(digest(a)) == {"sample.jsonl", "ground_truth.parquet", "quality.jsonl", "quality_truth.parquet",
                              "eval_prompts.jsonl"}


# --- benchmark inputs -----------------------------------------------------------------------------------

def test_bench_shards(tmp_path, monkeypatch):
    monkeypatch.setattr(sample, "SHARD_ROWS", 8000)
    files = sample.write_sample(tmp_path, rows=20_000, seed=1)
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    dfs = [pl.read_parquet(f) for f in files]
    assert [d.height for d in dfs] == [8000, 8000, 4000]
    df = pl.concat(dfs)
    assert df.schema == pl.Schema({"prompt": pl.String, "response": pl.String})
    resp = [r for r in df["response"].to_list() if r is not None]
    assert 5000 <= statistics.median(len(r) for r in resp) <= 7000
    assert 0.005 < (df["prompt"].null_count() + df["response"].null_count()) / df.height < 0.02
    assert sum("</think>" not in r for r in resp) > 20  # unclosed and no-think rows
    # planted duplicates: prompts seen before, after the normalization the dedup stage uses
    norm = [" ".join(words(p, False)) for p in df["prompt"].to_list() if p is not None]
    dup_share = 1 - len(set(norm)) / len(norm)
    assert 0.02 <= dup_share <= 0.06, dup_share
    # languages roughly as in the embedded sample (~5% Chinese, ~4-5% Cyrillic)
    prompts = [p for p in df["prompt"].to_list() if p]
    zh = sum(bool(re.search(r"[\u4e00-\u9fff]", p)) for p in prompts) / len(prompts)
    ru = sum(bool(re.search(r"[\u0400-\u04ff]", p)) for p in prompts) / len(prompts)
    assert 0.03 < zh < 0.08 and 0.025 < ru < 0.07, (zh, ru)


@pytest.fixture(scope="module")
def bench_1500(tmp_path_factory):
    return sample.write_sample(tmp_path_factory.mktemp("bench"), rows=1500)


def test_bench_default_shard_size(bench_1500):
    assert [f.name for f in bench_1500] == ["part-00000.parquet"]
    assert pl.read_parquet(bench_1500[0]).height == 1500


# --- unchanged output ------------------------------------------------------------------------------------

# What the generator wrote before its seed material moved from Python modules to YAML files (commit
# ee1b17b): any change to the seed or the generator that alters the sample shows up here. Parquet files
# are hashed by content (rows as JSON lines), since their bytes also carry the writer library's version.
EMBEDDED_SHA256 = {
    "sample.jsonl": "fd943cd27c7a5892737b7f76c0fc1d4e6d7b5c2c5e21ec2c5e35d0f36c05fe4f",
    "ground_truth.parquet": "e807a6108272d7187687b184c8423e761e722432c0d87d8374df9c4ee06c3fdb",
}
BENCH_1500_SHA256 = {"part-00000.parquet": "007b5e8ded2343ca40a0dc3ab36ab397831a8bc9e3be41576e032757f842d0a1"}
# The planted part (sample_failures.py): it follows that module, sample_seed/failures.yaml and the
# trainer's train/prompts.jsonl (whose prompts it copies), so a change to any of them shows up here.
PLANTED_SHA256 = {
    "quality.jsonl": "6fd1e6358c39335f9cc251ae6e7a5d48b87a0a0fce6573be90fb09dac3205b59",
    "quality_truth.parquet": "a612365a4e17aca3da273423eca28ad801df8821d5e0be2388cf8fb26373511e",
    "eval_prompts.jsonl": "749ba7df2186a3f3cd9ad12a3ad7995bea5d57cf4334e167587bdff96fe25d26",
}


def content_sha256(path: Path) -> str:
    if path.suffix != ".parquet":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    h = hashlib.sha256()
    for row in pl.read_parquet(path).iter_rows():
        h.update(json.dumps(row, ensure_ascii=False).encode() + b"\n")
    return h.hexdigest()


def test_embedded_sample_unchanged(cache):
    folder = sample.sample_dir()
    assert {name: content_sha256(folder / name) for name in EMBEDDED_SHA256} == EMBEDDED_SHA256
    assert {name: content_sha256(folder / name) for name in PLANTED_SHA256} == PLANTED_SHA256


def test_generated_input_unchanged(bench_1500):
    assert {f.name: content_sha256(f) for f in bench_1500} == BENCH_1500_SHA256
