"""SentencePiece tokenizers: Gemma's `tokenizer.model`, or a small one trained from the data for tiny.

We call sentencepiece directly: encoding never adds BOS/EOS (formatting adds them as ids, once), and
Tunix 0.1.7's own wrapper crashes on sentencepiece >= 0.2.2 with its default add_bos/add_eos.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import sentencepiece as spm

from curate.errors import CurateError

START_OF_TURN = "<start_of_turn>"
END_OF_TURN = "<end_of_turn>"
# Single pieces in the tiny vocabulary: the chat control tokens and the answer format's tags.
TINY_SYMBOLS = [START_OF_TURN, END_OF_TURN, "<reasoning>", "</reasoning>", "<answer>", "</answer>", "\n"]
# Rows sampled to train the tiny tokenizer: plenty for a vocabulary of a few thousand pieces.
TINY_TRAIN_ROWS = 20_000


class Tokenizer:
    """A SentencePiece model plus the ids of Gemma's control tokens, looked up once."""

    def __init__(self, proto: bytes, source: str):
        self.proto = proto
        self.source = source
        self.sp = spm.SentencePieceProcessor(model_proto=proto)
        self.pad, self.eos, self.bos = self.sp.pad_id(), self.sp.eos_id(), self.sp.bos_id()
        self.start_of_turn = self.sp.piece_to_id(START_OF_TURN)
        self.end_of_turn = self.sp.piece_to_id(END_OF_TURN)
        unk = self.sp.unk_id()
        missing = [p for p, i in ((START_OF_TURN, self.start_of_turn), (END_OF_TURN, self.end_of_turn)) if i == unk]
        if missing or min(self.pad, self.eos, self.bos) < 0:
            raise CurateError(
                f"tokenizer {source} is not a Gemma chat tokenizer: it lacks "
                f"{', '.join(missing) or 'a pad, bos or eos id'}"
            )

    @classmethod
    def load(cls, path: str | Path) -> Tokenizer:
        path = Path(path)
        if not path.is_file():
            raise CurateError(f"tokenizer {path} does not exist")
        try:
            return cls(path.read_bytes(), str(path))
        except RuntimeError as e:  # sentencepiece's answer to a file that is not a model
            raise CurateError(f"tokenizer {path} is not a sentencepiece model ({e})") from None

    @property
    def vocab_size(self) -> int:
        return self.sp.vocab_size()

    def encode(self, text: str | list[str]) -> list[int] | list[list[int]]:
        """Ids of a text (or of each text of a list), without BOS or EOS."""
        return self.sp.encode(text)

    def decode(self, ids) -> str:
        return self.sp.decode([int(i) for i in ids])


def train_tiny_tokenizer(rows: pl.DataFrame, vocab_size: int) -> Tokenizer:
    """A unigram model over the rows' prompts and completions, with Gemma's special ids.

    Deterministic for the same rows (sorted by id, one thread), so a resumed run or `train sample`
    gets the same ids. Call it once and pass its file as `tokenizer` when several runs must share one
    tiny base model (ablation arms): the tiny model's shape follows the vocabulary.
    """
    if rows.is_empty():
        raise CurateError("cannot build the tiny tokenizer: there are no rows")
    rows = rows.sort("id").head(TINY_TRAIN_ROWS)
    lines = [
        line
        for text in rows["prompt"].to_list() + rows["completion"].to_list()
        for line in (text or "").split("\n")
        if line.strip()
    ]
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # a small corpus yields fewer pieces instead of failing
        pad_id=0, eos_id=1, bos_id=2, unk_id=3,  # Gemma's layout
        user_defined_symbols=TINY_SYMBOLS,
        byte_fallback=True,  # any character encodes, none becomes <unk>
        split_digits=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=False,
        max_sentence_length=1 << 16,
        num_threads=1,
        minloglevel=2,
    )
    return Tokenizer(out.getvalue(), "tiny (trained from the data)")
