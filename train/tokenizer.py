"""Tokenizers: a SentencePiece model (Gemma's `tokenizer.model`, tiny's) or a Hugging Face
`tokenizer.json` (Llama 3, Qwen), behind one small interface.

Encoding never adds special tokens: the chat format (train/formatting.py) inserts them as ids, once.
We call sentencepiece and `tokenizers` directly because Tunix 0.1.7's own sentencepiece wrapper
crashes on sentencepiece >= 0.2.2 with its default add_bos/add_eos.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import sentencepiece as spm

from curate.errors import CurateError

# Single pieces in the tiny vocabulary: Gemma's chat control tokens and the answer format's tags.
TINY_SYMBOLS = ["<start_of_turn>", "<end_of_turn>", "<reasoning>", "</reasoning>", "<answer>", "</answer>", "\n"]
# Rows sampled to train the tiny tokenizer: plenty for a vocabulary of a few thousand pieces.
TINY_TRAIN_ROWS = 20_000


class Tokenizer:
    """Text <-> ids for one vocabulary; `data` is the file's bytes (kept with a run when needed)."""

    def __init__(self, data: bytes, source: str, kind: str):
        self.data, self.source, self.kind = data, source, kind
        if kind == "sentencepiece":
            self._sp = spm.SentencePieceProcessor(model_proto=data)
            self._unk = self._sp.unk_id()
        else:
            from tokenizers import Tokenizer as HFTokenizer

            self._hf = HFTokenizer.from_str(data.decode("utf-8"))

    @classmethod
    def load(cls, path: str | Path) -> Tokenizer:
        """`*.json`: a Hugging Face tokenizer; anything else: a SentencePiece model."""
        path = Path(path)
        if not path.is_file():
            raise CurateError(f"tokenizer {path} does not exist")
        kind = "hf" if path.suffix == ".json" else "sentencepiece"
        try:
            return cls(path.read_bytes(), str(path), kind)
        except Exception as e:  # noqa: BLE001 - both libraries raise their own kinds on a bad file
            what = "a tokenizer.json" if kind == "hf" else "a sentencepiece model"
            raise CurateError(f"tokenizer {path} is not {what} ({type(e).__name__}: {e})") from None

    @property
    def file_name(self) -> str:
        """The name a copy of this tokenizer takes in a folder (run, export)."""
        return "tokenizer.json" if self.kind == "hf" else "tokenizer.model"

    @property
    def vocab_size(self) -> int:
        return self._sp.vocab_size() if self.kind == "sentencepiece" else self._hf.get_vocab_size(with_added_tokens=True)

    def token_id(self, piece: str) -> int | None:
        """The id of a single piece (a special token), or None when the vocabulary lacks it."""
        if self.kind == "hf":
            return self._hf.token_to_id(piece)
        i = self._sp.piece_to_id(piece)
        return None if i == self._unk and piece != self._sp.id_to_piece(self._unk) else i

    def encode(self, text: str | list[str]) -> list[int] | list[list[int]]:
        """Ids of a text (or of each text of a list), without special tokens."""
        if self.kind == "sentencepiece":
            return self._sp.encode(text)
        if isinstance(text, str):
            return self._hf.encode(text, add_special_tokens=False).ids
        return [e.ids for e in self._hf.encode_batch(text, add_special_tokens=False)]

    def decode(self, ids) -> str:
        ids = [int(i) for i in ids]
        return self._sp.decode(ids) if self.kind == "sentencepiece" else self._hf.decode(ids, skip_special_tokens=True)


def train_tiny_tokenizer(rows: pl.DataFrame, vocab_size: int) -> Tokenizer:
    """A unigram model over the rows' prompts and completions, with Gemma's special pieces and ids.

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
        pad_id=0, eos_id=1, bos_id=2, unk_id=3,  # Gemma's layout and piece names
        pad_piece="<pad>", eos_piece="<eos>", bos_piece="<bos>", unk_piece="<unk>",
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
    return Tokenizer(out.getvalue(), "tiny (trained from the data)", "sentencepiece")
