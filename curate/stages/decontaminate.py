"""Decontamination: drop rows whose prompt copies an eval prompt, so that an eval measures skill, not memory.

A prompt is contaminated by an eval prompt when, both normalized (NFKC, lowercase, punctuation
dropped, each CJK character a word, spaces squeezed):
- they are equal;
- they share a run of `ngram` words (13 by default, the overlap test of the GPT-3 and Llama 2
  reports); or
- the eval prompt has MIN_CONTAINED_WORDS to ngram - 1 words and appears whole inside the prompt.

The reason is `contaminated:<label>`: the eval file's name, or `train/prompts.jsonl` for the
trainer's own eval prompts, which every build checks against. The index holds, per n-gram length, a
sorted array of 64-bit n-gram hashes and the file each came from (10 bytes an n-gram), a bitmap of
32 bits per n-gram in front of them (a one-hash Bloom filter: a miss costs one bit), plus the
normalized eval prompts. A batch is looked up with numpy, one pass per n-gram length.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import polars as pl

from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.base import Stage
from curate.words import fmix64, split_words

DEFAULT_NGRAM = 13
MIN_CONTAINED_WORDS = 6  # shorter eval prompts ("Summarize this text") match only when equal
TRAINER_LABEL = "train/prompts.jsonl"
_M = np.uint64(0xC2B2AE3D27D4EB4F)


@dataclass(frozen=True)
class EvalFile:
    """One file of eval prompts: `label` names it in drop reasons and on the card."""

    path: Path
    label: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()

    def describe(self) -> dict:
        return {"label": self.label, "path": str(self.path), "sha256": self.sha256, "prompts": len(self.prompts())}

    def prompts(self) -> pl.Series:
        """The file's non-null `prompt` values (JSONL or parquet)."""
        try:
            if self.path.suffix == ".parquet":
                frame = pl.read_parquet(self.path)
            else:
                frame = pl.read_ndjson(self.path, infer_schema_length=None)
        except FileNotFoundError:
            raise CurateError(f"eval prompts file not found: {self.path}") from None
        except (pl.exceptions.PolarsError, OSError, ValueError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise CurateError(f"cannot read eval prompts from {self.path}: {first}") from None
        if "prompt" not in frame.columns:
            raise CurateError(f"{self.path} has no 'prompt' field (it has: {', '.join(frame.columns) or 'nothing'})")
        if frame.schema["prompt"] != pl.String:
            raise CurateError(f"{self.path}: 'prompt' must be text, got {frame.schema['prompt']}")
        return frame["prompt"].drop_nulls()


def trainer_eval_file() -> EvalFile:
    """The trainer's fixed generation prompts (read as data: curate never imports the trainer)."""
    return EvalFile(Path(str(resources.files("train").joinpath("prompts.jsonl"))), TRAINER_LABEL)


def eval_files(paths: tuple[str, ...]) -> list[EvalFile]:
    """The user's files, labelled by name, then the trainer's; names must tell the files apart."""
    files = [EvalFile(Path(p), Path(p).name) for p in paths]
    labels = [f.label for f in files]
    twice = sorted({label for label in labels if labels.count(label) > 1} | ({TRAINER_LABEL} & set(labels)))
    if twice:
        raise CurateError(f"--decontaminate files need distinct names (they label drop reasons): {', '.join(twice)}")
    return [*files, trainer_eval_file()]


def normalize(prompts: pl.Series) -> pl.Series:
    """Case, punctuation, width and spacing removed (a hyphen or apostrophe inside a word joins its
    halves); CJK characters spaced out as words."""
    return (
        prompts.cast(pl.String).fill_null("")
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"(\w)['’‐-](\w)", "$1$2")  # "two-week", "n'ai": as if typed without the mark
        .str.replace_all(r"(\w)['’‐-](\w)", "$1$2")  # "side-by-side": twice, matches do not overlap
        .str.replace_all(r"[^\p{L}\p{N}\s]+", " ")
        .str.replace_all(r"([\p{Han}\p{Hiragana}\p{Katakana}])", " $1 ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )  # fmt: skip


def _runs(hashes: np.ndarray, lengths: list[int]):
    """(n, hash of every run of n consecutive words) for each n in `lengths`, shortest first; one
    pass builds all of them."""
    h = hashes
    for n in range(1, max(lengths, default=0) + 1):
        if n > 1:
            h = h[:-1] * _M ^ hashes[n - 1 :]
        if n in lengths:
            yield n, fmix64(h ^ np.uint64(n))


class EvalIndex:
    """Eval prompts of several files, ready to be matched against batches of prompts."""

    def __init__(self, files: list[EvalFile], ngram: int = DEFAULT_NGRAM):
        if ngram < 1:
            raise CurateError(f"decontamination n-gram must be at least 1 word, got {ngram}")
        self.ngram, self.labels = ngram, [f.label for f in files]
        texts, owners = [], []
        for i, f in enumerate(files):
            prompts = normalize(f.prompts())
            texts.append(prompts)
            owners.append(np.full(len(prompts), i, np.int16))
        texts = pl.concat(texts) if texts else pl.Series(dtype=pl.String)
        owner = np.concatenate(owners) if owners else np.zeros(0, np.int16)
        self.whole = pl.DataFrame({"text": texts, "file": owner}).unique("text", keep="first", maintain_order=True)
        words = split_words(texts)
        counts = np.diff(words.first_word)
        # n-grams of long prompts; whole short prompts, as one "n-gram" of their own length
        short = sorted({int(c) for c in counts if MIN_CONTAINED_WORDS <= c < ngram})
        self.tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        text_of_word = words.text_of_word
        for n, hashes in _runs(words.hashes, [*short, ngram]):
            start = np.arange(len(hashes))
            whose = text_of_word[: len(hashes)]
            inside = start + n <= words.first_word[whose + 1]
            keep = inside & ((counts[whose] >= ngram) if n == ngram else (start == words.first_word[whose]) & (counts[whose] == n))
            self.tables[n] = _table(hashes[keep], owner[whose[keep]])
        # One bit per slot, 32 slots per n-gram: most lookups (misses) end at one bit, 3% go on to
        # the binary search in their table.
        stored = np.concatenate([h for h, _ in self.tables.values()]) if self.tables else np.zeros(0, np.uint64)
        self.bits = max(16, int(32 * max(len(stored), 1) - 1).bit_length())
        self.bitmap = np.zeros(1 << (self.bits - 3), np.uint8)
        slot = stored >> np.uint64(64 - self.bits)
        np.bitwise_or.at(self.bitmap, (slot >> np.uint64(3)).astype(np.int64), (1 << (slot & np.uint64(7))).astype(np.uint8))

    @property
    def nbytes(self) -> int:
        """Memory the index takes beside the normalized prompts: n-gram tables and bitmap."""
        return sum(h.nbytes + f.nbytes for h, f in self.tables.values()) + self.bitmap.nbytes

    def _maybe(self, hashes: np.ndarray) -> np.ndarray:
        """False where `hashes` are certainly not in any table (their bit is clear)."""
        slot = hashes >> np.uint64(64 - self.bits)
        return (self.bitmap[(slot >> np.uint64(3)).astype(np.int64)] >> (slot & np.uint64(7)).astype(np.uint8)) & 1 == 1

    def match(self, prompts: pl.Series) -> pl.Series:
        """Per prompt: the label of the first file with an eval prompt it copies, or null."""
        normalized = normalize(prompts)
        best = (
            pl.DataFrame({"text": normalized})
            .join(self.whole, on="text", how="left", maintain_order="left")["file"]
            .fill_null(len(self.labels))
            .to_numpy()
            .astype(np.int64)
        )
        words = split_words(normalized)
        text_of_word = words.text_of_word
        for n, hashes in _runs(words.hashes, list(self.tables)):
            table, files = self.tables[n]
            if not len(table):
                continue
            start = np.flatnonzero(self._maybe(hashes))
            at = np.minimum(np.searchsorted(table, hashes[start]), len(table) - 1)
            whose = text_of_word[start]
            hit = (table[at] == hashes[start]) & (start + n <= words.first_word[whose + 1])
            np.minimum.at(best, whose[hit], files[at[hit]])
        return pl.Series("contaminated", [*self.labels, None], pl.String).gather(best)


def _table(hashes: np.ndarray, files: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique hashes, each with the first file (lowest number) it occurs in."""
    order = np.lexsort((files, hashes))
    hashes, files = hashes[order], files[order]
    first = np.ones(len(hashes), bool)
    first[1:] = hashes[1:] != hashes[:-1]
    return hashes[first], files[first]


class DecontaminateStage(Stage):
    """Drops rows whose prompt copies an eval prompt: reason `contaminated:<label>` (see module)."""

    name = "decontaminate"

    def __init__(self, files: list[EvalFile], ngram: int = DEFAULT_NGRAM):
        self.index = EvalIndex(files, ngram)

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        found = self.index.match(batch["prompt"])
        reason = pl.when(found.is_not_null()).then(pl.lit("contaminated:") + found)
        previous = batch[DROP_REASON] if DROP_REASON in batch.columns else None
        verdict = batch.select(reason.alias(DROP_REASON)).to_series()
        return batch.with_columns(verdict if previous is None else previous.fill_null(verdict))
