import random
import re
import unicodedata

import polars as pl
import pytest
import xxhash

from curate.schema import DROP_REASON, SOURCE_SCHEMA
from curate.stages.validate import _NFC_UNSAFE, ValidateStage, normalize_texts


def batch(prompts, responses, errors=None):
    n = len(prompts)
    return pl.DataFrame(
        {
            "source_index": range(n),
            "prompt": prompts,
            "response": responses,
            "field_error": errors or [None] * n,
        },
        schema=SOURCE_SCHEMA,
    ).with_columns(pl.lit(None, pl.String).alias(DROP_REASON))


def reference_normalize(text: str) -> str:
    """The contract, written plainly with the standard library."""
    text = re.sub(r"\r\n?", "\n", text)
    text = "".join(
        c
        for c in text
        if not ((unicodedata.category(c) == "Cc" and c not in "\n\t") or c in "\u200b\u2060\ufeff")
    )
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[^\S\n]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def test_normalization_rules():
    out = normalize_texts(
        pl.Series(
            [
                "  a\r\nb\rc  \n\n\n\n\nd\t \n",
                "x\u200by\ufeffz\x00\x07\x85w\u2060",
                "cafe\u0301 \u212b",
                "tab\tkept\nline",
                "emoji \U0001f469\u200d\U0001f4bb and zwnj \u200c",
                None,
            ]
        )
    ).to_list()
    assert out == [
        "a\nb\nc\n\nd",
        "xyzw",
        "caf\u00e9 \u00c5",
        "tab\tkept\nline",
        "emoji \U0001f469\u200d\U0001f4bb and zwnj \u200c",
        None,
    ]


def test_normalization_matches_reference_on_random_text():
    # Mixes clean and dirty texts, so this also proves the fast path skips nothing it should fix.
    pieces = [
        "a",
        "b",
        "word",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n\n",
        "\r",
        "\r\n",
        "\u200b",
        "\ufeff",
        "\x00",
        "\x1b",
        "\x85",
        "e\u0301",
        "\u0301",
        "\u00e9",
        "\u212b",
        "\u1100\u1161",
        "\u1161",
        "\u00a0",
        "\u3000",
        "\u200d",
        "\u2060",
        "\u0958",
        "\uf900",
        "x\u0323\u0307",
        "\u1e0b\u0323",
    ]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    texts += ["clean ascii text", "naïve café — “quoted”"]
    out = normalize_texts(pl.Series(texts)).to_list()
    assert out == [reference_normalize(t) for t in texts]
    assert normalize_texts(pl.Series(out)).to_list() == out  # idempotent


def test_nfc_gate_covers_every_character_nfc_can_change():
    """Any character that NFC may change or compose with must send its text through NFC."""
    unsafe = set()
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if unicodedata.combining(c) or unicodedata.normalize("NFC", c) != c:
            unsafe.add(c)
        decomposition = unicodedata.decomposition(c)
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            unsafe.add(chr(int(decomposition.split()[1], 16)))  # may compose with what precedes it
    unsafe |= {chr(cp) for cp in range(0x1161, 0x1176)} | {chr(cp) for cp in range(0x11A8, 0x11C3)}  # Hangul
    flagged = pl.Series(sorted(unsafe)).str.contains(_NFC_UNSAFE)
    missed = [f"U+{ord(c):04X}" for c, hit in zip(sorted(unsafe), flagged) if not hit]
    assert missed == []


def test_drop_reasons_in_order():
    out = ValidateStage().process(
        batch(
            ["p", None, None, "p", " \u200b\n\t", "p", "ok", None],
            ["r", "r", None, None, "r", "\r\n \ufeff", "fine", "r"],
            ["prompt_not_string", None, None, None, None, None, None, "response_not_string"],
        )
    )
    assert out[DROP_REASON].to_list() == [
        "not_string:prompt",
        "null:prompt",
        "null:prompt",
        "null:response",
        "empty:prompt",
        "empty:response",
        None,
        "not_string:response",
    ]


def test_keeps_rows_order_and_columns():
    b = batch(["b", "a", "c"], ["1", "2", "3"])
    out = ValidateStage().process(b)
    assert out["source_index"].to_list() == [0, 1, 2]
    assert out.columns[: len(b.columns)] == b.columns and "id" in out.columns
    assert out["prompt"].to_list() == ["b", "a", "c"]


def test_id_is_a_stable_content_hash_of_normalized_text():
    out = ValidateStage().process(
        batch(
            ["Hello", "Hello\r\n", "Hello", "Hell", None],
            ["world", "world  ", "world!", "oworld", "x"],
        )
    )
    ids = out["id"].to_list()
    assert ids[0] == ids[1]  # same text once normalized
    assert len(set(ids[:4])) == 3  # "\0" separates the fields: Hell|oworld != Hello|world
    assert ids[0] == xxhash.xxh64_hexdigest(b"Hello\0world") == "4496ff6b7c999496"
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n", "\u200b\ufeff"])
def test_blank_text_is_empty(text):
    out = ValidateStage().process(batch(["p"], [text]))
    assert out[DROP_REASON].to_list() == ["empty:response"]
