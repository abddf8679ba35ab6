"""First stage: reject rows without usable text, normalize the text, give each row a content id."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import xxhash

from curate.schema import DROP_REASON
from curate.stages.base import Stage

# Control characters (keeping newline and tab), zero-width space, word joiner and BOM. ZWJ/ZWNJ stay:
# they carry meaning in emoji sequences and in Persian and Indic scripts.
_INVISIBLE = r"[\p{Cc}\x{200B}\x{2060}\x{FEFF}--[\n\t]]"
# Every character that NFC can change or combine with a neighbour (NFC_QC No/Maybe, nonzero
# combining class): marks, Hangul vowel/final jamo, and the singletons and composition exclusions.
# A text without any of them is already NFC. tests/test_validate.py checks this against unicodedata.
_NFC_UNSAFE = (
    r"[\p{M}\x{0340}-\x{0344}\x{0374}\x{037E}\x{0387}\x{0958}-\x{095F}\x{09DC}-\x{09DF}\x{0A33}\x{0A36}"
    r"\x{0A59}-\x{0A5E}\x{0B5C}\x{0B5D}\x{0F43}-\x{0F78}\x{1161}-\x{1175}\x{11A8}-\x{11C2}\x{1F71}-\x{1FFD}"
    r"\x{2000}\x{2001}\x{2126}\x{212A}\x{212B}\x{2329}\x{232A}\x{2ADC}\x{F900}-\x{FAFF}\x{FB1D}-\x{FB4E}"
    r"\x{1D15E}-\x{1D1C0}\x{2F800}-\x{2FA1F}]"
)
# Anything `_normalize_all` would change; most texts have none and skip it (NFC alone is slow).
_NEEDS_WORK = rf"\r|{_INVISIBLE}|{_NFC_UNSAFE}|[^\S\n]\n|\n\n\n|^\s|\s$"


def _normalize_all(texts: pl.Series) -> pl.Series:
    return pl.select(
        pl.lit(texts)
        .str.replace_all(r"\r\n?", "\n")
        .str.replace_all(_INVISIBLE, "")
        .str.normalize("NFC")
        .str.replace_all(r"[^\S\n]+\n", "\n")
        .str.replace_all(r"\n{3,}", "\n\n")
        .str.strip_chars()
    ).to_series()


def normalize_texts(texts: pl.Series) -> pl.Series:
    """NFC, LF line ends, no invisible characters or trailing blanks, at most one empty line in a row.

    Copies of one text that differ only in encoding noise then get the same id and the same tokens.
    One regex scan finds the texts that need any of it; only those go through the slow passes.
    """
    dirty = texts.str.contains(_NEEDS_WORK).fill_null(False).arg_true()
    if dirty.len() == 0:
        return texts
    return texts.clone().scatter(dirty, _normalize_all(texts.gather(dirty)))


def _utf8_views(texts: pl.Series) -> list[memoryview]:
    """Each text's UTF-8 bytes as a view into the Arrow buffer (null as empty): no Python strings."""
    array = texts.fill_null("").rechunk().to_arrow(compat_level=pl.CompatLevel.oldest())
    _, offsets, data = array.buffers()
    bounds = np.frombuffer(offsets, np.int64)[array.offset : array.offset + len(array) + 1].tolist()
    data = memoryview(data if data is not None else b"")
    return [data[start:end] for start, end in itertools.pairwise(bounds)]


def content_ids(prompts: pl.Series, responses: pl.Series) -> pl.Series:
    """16 hex chars of xxh64 (seed 0) over the UTF-8 of prompt + "\\0" + response (null as "").

    Stable across runs, processes and machines, unlike Python's `hash()`.
    """
    ids = []
    for prompt, response in zip(_utf8_views(prompts), _utf8_views(responses)):
        digest = xxhash.xxh64(prompt)
        digest.update(b"\0")
        digest.update(response)
        ids.append(digest.hexdigest())
    return pl.Series("id", ids, pl.String)


class ValidateStage(Stage):
    """Drops `not_string:FIELD`, `null:FIELD`, `empty:FIELD`; normalizes prompt/response; adds `id`."""

    name = "validate"

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        batch = batch.with_columns(normalize_texts(batch["prompt"]), normalize_texts(batch["response"]))
        reason = (
            # The source writes "<field>_not_string" when a value was not a string.
            pl.when(pl.col("field_error").is_not_null())
            .then(pl.col("field_error").str.replace(r"^(\w+?)_not_string$", "not_string:$1"))
            .when(pl.col("prompt").is_null())
            .then(pl.lit("null:prompt"))
            .when(pl.col("response").is_null())
            .then(pl.lit("null:response"))
            .when(pl.col("prompt") == "")
            .then(pl.lit("empty:prompt"))
            .when(pl.col("response") == "")
            .then(pl.lit("empty:response"))
        )
        return batch.with_columns(reason.alias(DROP_REASON), content_ids(batch["prompt"], batch["response"]))
