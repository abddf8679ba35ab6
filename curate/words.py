"""The words of a batch of texts as 64-bit hashes, with their n-grams, sentences and lines, in numpy.

Why not Python strings: the quality stage and decontamination need word statistics of every row
(~1,000 words per trace) at tens of thousands of rows per second per core. Splitting into strings,
even polars lists of strings, allocates per word and is several times slower. Here a batch stays one
UTF-8 buffer and every step is a whole-array numpy operation.

- A word is a run of bytes above 0x20: ASCII whitespace and control characters separate words, as
  `str.split()` does; texts never share a word.
- A word's hash is of its first 8 bytes and its length: exact for words up to 8 bytes; longer ones
  that share their first 8 bytes and length ("questions"/"question,") count as one word. The high
  bits are well spread; whatever is built from word hashes (n-grams, sentences) mixes once more.
- A sentence ends after a word ending in . ! ? 。！？ (also behind a closing quote, bracket or `*`),
  at a line break, and at the end of its text. A line is the run of sentences up to a line break;
  its bytes are its sentences' (the spaces between them not counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import polars as pl

_M1, _M2, _M3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9)
_LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(9)], np.uint64)  # the first k bytes of a uint64
_TERMINAL = np.zeros(256, bool)
_TERMINAL[[ord(c) for c in ".!?"]] = True
_CLOSER = np.zeros(256, bool)
_CLOSER[[ord(c) for c in "\"')]*_`"]] = True
_CJK_END = {0x82: 0x80, 0x81: 0xBC, 0x9F: 0xBC}  # last byte -> byte before it, of 。(E3 80 82) ！(EF BC 81) ？(EF BC 9F)


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: every input bit moves every output bit (wraps on purpose)."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def utf8_buffer(texts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """(bytes, offsets): the texts as one UTF-8 buffer; text i is bytes[offsets[i]:offsets[i+1]]. Null is ''."""
    arrow = texts.cast(pl.String).fill_null("").rechunk().to_arrow(compat_level=pl.CompatLevel.oldest())
    _, offsets, data = arrow.buffers()
    offsets = np.frombuffer(offsets, np.int64)[arrow.offset : arrow.offset + len(arrow) + 1]
    data = np.frombuffer(data, np.uint8) if data is not None else np.zeros(0, np.uint8)
    return data[offsets[0] : offsets[-1]], offsets - offsets[0]


@dataclass
class Segments:
    """Runs of consecutive words (sentences or lines), in order."""

    text: np.ndarray  # int64 per segment: which text it belongs to
    hashes: np.ndarray  # uint64 per segment
    nbytes: np.ndarray  # int64 per segment: from its first word's start to its last word's end
    line_end: np.ndarray  # bool per segment: a line break or the end of its text follows it


@dataclass
class Words:
    """Every word of a batch of texts, in order."""

    data: np.ndarray  # uint8: the texts' UTF-8 bytes, end to end
    offsets: np.ndarray  # int64, texts + 1: where each text starts in `data`
    starts: np.ndarray  # int64 per word: its first byte
    ends: np.ndarray  # int64 per word: one past its last byte
    hashes: np.ndarray  # uint64 per word

    @property
    def n_texts(self) -> int:
        return len(self.offsets) - 1

    @cached_property
    def first_word(self) -> np.ndarray:
        """int64, texts + 1: index of each text's first word (and the word count at the end)."""
        return np.searchsorted(self.starts, self.offsets)

    @cached_property
    def text_of_word(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_texts), np.diff(self.first_word))

    @cached_property
    def lengths(self) -> np.ndarray:
        return self.ends - self.starts

    def ngram_hashes(self, n: int, mixed: bool = True) -> np.ndarray:
        """Hash of the n-gram starting at each word but the last n - 1 (see `ngram_valid`).
        Unmixed hashes are cheaper; their high bits are still well spread."""
        return ngram_hashes(self.hashes, n, mixed)

    def ngram_valid(self, n: int) -> np.ndarray:
        """Per n-gram of `ngram_hashes`: False where it runs past the end of its text."""
        valid = np.ones(max(len(self.hashes) - n + 1, 0), bool)
        for j in range(1, n):
            last = self.first_word[1:] - j
            valid[last[(last >= 0) & (last < len(valid))]] = False
        return valid

    def ngram_bytes(self, n: int) -> np.ndarray:
        """Length of each n-gram's words joined by single spaces (as Gopher measures it)."""
        return ngram_bytes(self.lengths, n)

    def sentences(self) -> Segments:
        """Sentences; a sentence's hash is of its words as a multiset (order is not worth a pass)."""
        last_byte = self.data[self.ends - 1]
        ends = _TERMINAL[last_byte]
        closed = np.flatnonzero(_CLOSER[last_byte] & (self.lengths > 1))  # `done."`, `(see above.)`
        ends[closed] |= _TERMINAL[self.data[self.ends[closed] - 2]]
        wide = np.flatnonzero(last_byte >= 0x80)  # the end of a multi-byte character: 。！？ among them
        for end, before in _CJK_END.items():
            cjk = wide[(last_byte[wide] == end) & (self.lengths[wide] >= 3)]
            ends[cjk] |= self.data[self.ends[cjk] - 2] == before
        line_ends = self._line_ends()
        last = np.flatnonzero(ends | line_ends)
        first = np.concatenate([[0], last[:-1] + 1]) if len(last) else last
        hashes = np.add.reduceat(self.hashes, first) if len(first) else np.zeros(0, np.uint64)
        return Segments(
            text=self.text_of_word[first],
            hashes=fmix64(hashes ^ (last - first).astype(np.uint64)),
            nbytes=self.ends[last] - self.starts[first],
            line_end=line_ends[last],
        )

    def _line_ends(self) -> np.ndarray:
        """Per word: a line break or the end of its text follows it."""
        ends = np.zeros(len(self.starts), bool)
        after_newline = np.searchsorted(self.starts, np.flatnonzero(self.data == 10))
        ends[after_newline[after_newline > 0] - 1] = True
        last_words = self.first_word[1:] - 1
        ends[last_words[last_words >= 0]] = True
        return ends


def lines(sentences: Segments) -> Segments:
    """Lines, as runs of sentences up to one that ends a line; a line's hash is order-sensitive."""
    last = np.flatnonzero(sentences.line_end)
    first = np.concatenate([[0], last[:-1] + 1]) if len(last) else last
    line = np.repeat(np.arange(len(first)), last - first + 1)
    position = (np.arange(len(sentences.hashes)) - first[line]).astype(np.uint64)
    salted = fmix64(sentences.hashes ^ (position * _M3))
    hashes = np.add.reduceat(salted, first) if len(first) else np.zeros(0, np.uint64)
    return Segments(
        text=sentences.text[first],
        hashes=fmix64(hashes),
        nbytes=np.add.reduceat(sentences.nbytes, first) if len(first) else np.zeros(0, np.int64),
        line_end=np.ones(len(first), bool),
    )


def ngram_hashes(hashes: np.ndarray, n: int, mixed: bool = True) -> np.ndarray:
    """Hash of each run of n consecutive hashes, in order (n - 1 fewer than `hashes`)."""
    count = max(len(hashes) - n + 1, 0)
    h = hashes[:count]
    for j in range(1, n):
        h = (h * _M2) ^ hashes[j : j + count]
    return fmix64(h) if mixed else h


def ngram_bytes(lengths: np.ndarray, n: int) -> np.ndarray:
    """Joined length (with single spaces) of each run of n consecutive words."""
    count = max(len(lengths) - n + 1, 0)
    total = lengths[:count] + (n - 1)
    for j in range(1, n):
        total = total + lengths[j : j + count]
    return total


def split_words(texts: pl.Series) -> Words:
    """Words, with their hashes, of every text of `texts` (null: no words)."""
    return _words(*utf8_buffer(texts))


def _words(data: np.ndarray, offsets: np.ndarray) -> Words:
    word = data > 32
    begins = word.copy()
    begins[1:] &= ~word[:-1]
    ends = word.copy()
    ends[:-1] &= ~word[1:]
    text_starts = offsets[:-1][np.diff(offsets) > 0]
    begins[text_starts] = word[text_starts]  # texts are not joined: each begins and ends its words
    ends[text_starts[text_starts > 0] - 1] = word[text_starts[text_starts > 0] - 1]
    starts, stops = np.flatnonzero(begins), np.flatnonzero(ends) + 1
    length = stops - starts
    padded = np.zeros(len(data) + 8, np.uint8)
    padded[: len(data)] = data
    head = np.ndarray((len(data) + 1,), dtype="<u8", buffer=padded, strides=(1,))[starts]
    # one multiply spreads every bit upwards: sentence sums and n-grams mix again, so this is enough
    hashes = (head & _LOW_BYTES[np.minimum(length, 8)]) * _M1 ^ length.astype(np.uint64) * _M3
    return Words(data, offsets, starts, stops, hashes)
