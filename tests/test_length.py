import hashlib
import random
from dataclasses import asdict

import polars as pl
import pytest
import sentencepiece as spm

from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.length import LengthLimits, LengthStage
from curate.tokens import TokenCounter


def rows(prompts, reasonings, answers):
    n = len(prompts)
    return pl.DataFrame(
        {
            "source_index": range(n),
            "prompt": prompts,
            "reasoning": reasonings,
            "answer": answers,
            DROP_REASON: [None] * n,
        },
        schema_overrides={DROP_REASON: pl.String},
    )


def test_estimate_formula():
    texts = pl.Series("t", ["", "abcd", "12345", "a" * 42, "我爱北京天安门", "x = 3.14", None])
    counts = TokenCounter.estimate().count(texts)
    assert counts.dtype == pl.Int32 and counts.name == "t"
    # ceil(digits + (bytes - digits) / 4.2)
    assert counts.to_list() == [0, 1, 5, 10, 5, 5, None]
    assert TokenCounter.estimate().describe() == {
        "kind": "estimate",
        "bytes_per_token": 4.2,
        "digit_tokens": 1,
    }


@pytest.fixture(scope="module")
def spm_model(tmp_path_factory):
    """A tiny SentencePiece model trained on generated text."""
    rng = random.Random(0)
    words = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 7))) for _ in range(300)]
    lines = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(2000)]
    prefix = tmp_path_factory.mktemp("spm") / "tiny"
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(prefix), vocab_size=200, minloglevel=2
    )
    return prefix.with_suffix(".model")


def test_sentencepiece_counts_exactly_without_bos_eos(spm_model):
    counter = TokenCounter.sentencepiece(spm_model)
    texts = ["abc defg hij", "", "aaaa bbbb cccc dddd", None]
    processor = spm.SentencePieceProcessor(model_file=str(spm_model))
    expected = [len(processor.encode(t)) for t in texts[:3]] + [None]
    assert counter.count(pl.Series(texts)).to_list() == expected
    assert expected[1] == 0  # nothing added around the text
    assert counter.count(pl.Series(texts)).dtype == pl.Int32
    assert counter.describe() == {
        "kind": "sentencepiece",
        "path": str(spm_model),
        "sha256": hashlib.sha256(spm_model.read_bytes()).hexdigest(),
    }


def test_sentencepiece_rejects_missing_or_bad_model(tmp_path):
    with pytest.raises(CurateError, match="not found"):
        TokenCounter.sentencepiece(tmp_path / "missing.model")
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a model")
    with pytest.raises(CurateError, match="not a SentencePiece model"):
        TokenCounter.sentencepiece(bad)


def test_adds_token_columns():
    out = LengthStage(LengthLimits(None, None, None, None)).process(rows(["abcd" * 10], ["12"], ["x" * 9]))
    assert out.select("prompt_tokens", "reasoning_tokens", "answer_tokens", "total_tokens").row(0) == (
        10,
        2,
        3,
        15,
    )
    assert all(
        out[c].dtype == pl.Int32
        for c in ("prompt_tokens", "reasoning_tokens", "answer_tokens", "total_tokens")
    )
    assert out[DROP_REASON].to_list() == [None]


def test_first_part_over_its_limit_is_the_reason():
    limits = LengthLimits(prompt=5, reasoning=5, answer=5, total=12)
    out = LengthStage(limits).process(
        rows(
            ["1" * 6, "1" * 5, "1", "1", "1" * 4, "1" * 5],
            ["1" * 6, "1" * 6, "1", "1", "1" * 4, "1" * 5],
            ["1", "1", "1" * 6, "1", "1" * 4, "1" * 5],
        )
    )
    assert out[DROP_REASON].to_list() == [
        "too_long:prompt",
        "too_long:reasoning",
        "too_long:answer",
        None,
        None,
        "too_long:total",
    ]


def test_none_means_no_limit():
    out = LengthStage(LengthLimits(prompt=None, reasoning=1, answer=None, total=None)).process(
        rows(["1" * 5000], ["1"], ["1" * 5000])
    )
    assert out[DROP_REASON].to_list() == [None]


def test_limits_defaults_and_validation():
    assert asdict(LengthLimits()) == {"prompt": 1024, "reasoning": 3072, "answer": 2048, "total": 4096}
    for bad in (0, -1, "10", True, 2.5):
        with pytest.raises(CurateError):
            LengthLimits(total=bad)
