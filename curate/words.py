"""Words, sentences and lines of a batch of texts, as 64-bit hashes, in loops compiled with numba.

Why compiled: the quality stage reads every word of every trace (~1,100 words a row) and must do
so at tens of thousands of rows per second per core. Python strings allocate per word; numpy needs a
whole-array pass over every word per step (about twenty steps, measured at ~6,000 rows/s). Here a
batch stays one UTF-8 buffer, and one loop per text finds its words, sentences and lines and the
figures the stage needs, with its scratch small enough to stay in cache. `cache=True` keeps the
machine code beside this file, so a build's workers load it instead of compiling.

- A word is a run of bytes above 0x20: ASCII whitespace and control characters separate words
  (`bytes.split()`, with control characters splitting too); texts never share a word.
- A word's hash is of its first 8 bytes and its length: exact for words up to 8 bytes; longer ones
  that share their first 8 bytes and length ("questions"/"question,") count as one word. The high
  bits are well spread; whatever is built from word hashes (n-grams, sentences) mixes once more.
- A sentence ends after a word ending in . ! ? 。！？ (also behind a closing quote, bracket or `*`),
  at a line break, and at the end of its text. Its hash is of its words as a multiset.
- A line is the run of sentences up to a line break; its bytes are its sentences' (the spaces
  between them not counted); its hash is of its sentences in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import polars as pl
from numba import njit

_M1, _M2, _M3 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9)
_TERMINAL = np.zeros(256, np.bool_)
_TERMINAL[[ord(c) for c in ".!?"]] = True
_CLOSER = np.zeros(256, np.bool_)
_CLOSER[[ord(c) for c in "\"')]*_`"]] = True
# 。(E3 80 82) ！(EF BC 81) ？(EF BC 9F): a word ending in this byte, after this one, ends a sentence
_CJK_BEFORE = np.zeros(256, np.uint8)
_CJK_BEFORE[[0x82, 0x81, 0x9F]] = [0x80, 0xBC, 0xBC]
LOOP_PERIODS = 6  # a loop repeats a block of up to this many sentences; longer ones: repeated lines
NGRAMS = (2, 3, 4)
LOW_BYTES = np.array([(1 << (8 * k)) - 1 for k in range(9)], np.uint64)  # the first k bytes of a uint64
_NO_MARKS = np.zeros(256, np.bool_)
SKETCH_BUCKETS = 512  # per text and hash (9 of a 2-gram's top 18 bits each); a bucket's bytes bound its 2-grams


def fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer: every input bit moves every output bit (wraps on purpose)."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


_fmix = njit(cache=True)(fmix64)  # the same finalizer, compiled for one value inside the loops below


def utf8_buffer(texts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """(bytes, offsets): the texts as one UTF-8 buffer; text i is bytes[offsets[i]:offsets[i+1]]. Null is ''."""
    texts = texts.cast(pl.String) if texts.dtype != pl.String else texts
    texts = texts.fill_null("") if texts.null_count() else texts  # each a query of its own: only when needed
    arrow = texts.rechunk().to_arrow(compat_level=pl.CompatLevel.oldest())
    _, offsets, data = arrow.buffers()
    offsets = np.frombuffer(offsets, np.int64)[arrow.offset : arrow.offset + len(arrow) + 1]
    data = np.frombuffer(data if data is not None else b"", np.uint8)  # read-only either way: one compiled type
    return data[offsets[0] : offsets[-1]], offsets - offsets[0]


@dataclass
class Words:
    """Every word of a batch of texts, in order."""

    data: np.ndarray  # uint8: the texts' UTF-8 bytes, end to end
    offsets: np.ndarray  # int64, texts + 1: where each text starts in `data`
    first_word: np.ndarray  # int64, texts + 1: index of each text's first word (and the word count at the end)
    starts: np.ndarray  # int64 per word: its first byte
    ends: np.ndarray  # int64 per word: one past its last byte
    hashes: np.ndarray  # uint64 per word

    @property
    def n_texts(self) -> int:
        return len(self.offsets) - 1

    @cached_property
    def text_of_word(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_texts), np.diff(self.first_word))

    @cached_property
    def lengths(self) -> np.ndarray:
        return self.ends - self.starts


def split_words(texts: pl.Series) -> Words:
    """Words, with their hashes, of every text of `texts` (null: no words)."""
    data, offsets = utf8_buffer(texts)
    words64 = _as_words64(data)
    first_word = np.zeros(len(offsets), np.int64)
    np.cumsum(_count_words(words64.view(np.uint8), offsets), out=first_word[1:])
    starts, ends, hashes = _split(words64.view(np.uint8), words64, offsets, first_word[-1])
    return Words(data, offsets, first_word, starts, ends, hashes)


def _as_words64(data: np.ndarray) -> np.ndarray:
    """The bytes as little-endian 8-byte words, zero-padded by one word: what `_word_hash` reads.
    The loops read the bytes through this copy's byte view too: one array type, one compilation."""
    words64 = np.zeros(len(data) // 8 + 2, "<u8")
    words64.view(np.uint8)[: len(data)] = data
    return words64


@dataclass
class TextFigures:
    """What the quality stage measures of each text, one array entry per text."""

    words: np.ndarray  # int64
    loop_sentences: np.ndarray  # int64: longest run of sentences each equal to the one 1..LOOP_PERIODS before
    repeated_line_share: np.ndarray  # float64: bytes in lines that repeat an earlier line / the text's bytes
    top_ngram_share: dict[int, np.ndarray]  # n -> float64: bytes of the most frequent word n-gram / the text's bytes
    flagged: np.ndarray  # bool: the text has a byte that `marked` flags


def text_figures(texts: pl.Series, exact_from: float, marked: np.ndarray) -> TextFigures:
    """Per text: words, loops, repeated lines, top word n-grams (Gopher's measures), and whether it
    has a byte that `marked` (256 flags, in practice UTF-8 lead bytes of some scripts) flags.

    The top 2-gram goes through a count-min sketch: a text's 2-grams are hashed twice into
    SKETCH_BUCKETS buckets, and the smaller of a 2-gram's two buckets bounds its bytes from above.
    Only texts whose bound reaches a share of `exact_from` are counted exactly, for 2-, 3- and
    4-grams; the others keep the bound for 2-grams and 0 for 3- and 4-grams (a caller picks
    `exact_from` so that those could not reach its thresholds)."""
    data, offsets = utf8_buffer(texts)
    words64 = _as_words64(data)
    words, loops, repeated, tops, flagged = _text_figures(
        words64.view(np.uint8), words64, offsets, float(exact_from), marked.astype(np.bool_)
    )
    return TextFigures(words, loops, repeated, {n: tops[:, k] for k, n in enumerate(NGRAMS)}, flagged)


# --------------------------------------------------------------------------------------------------
# The compiled loops. Integers are cast to uint64 before they meet a hash: numba turns uint64 mixed
# with int64 into float64.
# --------------------------------------------------------------------------------------------------

@njit(cache=True)
def _word_hash(words64, start, end):
    """Hash of a word from its first 8 bytes (two aligned 8-byte loads) and its length."""
    shift = np.uint64(8 * (start & 7))
    low, high = words64[start >> 3], words64[(start >> 3) + 1]
    head = (low >> shift) | ((high << np.uint64(1)) << (np.uint64(63) - shift))  # shift 0: high drops out
    length = end - start
    return ((head & LOW_BYTES[min(length, 8)]) * _M1) ^ (np.uint64(length) * _M3)


@njit(cache=True)
def _count_words(data, offsets):
    counts = np.zeros(len(offsets) - 1, np.int64)
    for t in range(len(counts)):
        lo, hi = offsets[t], offsets[t + 1]
        if hi > lo:
            count = np.int64(data[lo] > 32)
            for i in range(lo + 1, hi):
                count += (data[i] > 32) > (data[i - 1] > 32)
            counts[t] = count
    return counts


@njit(cache=True)
def _split(data, words64, offsets, n_words):
    starts, ends = np.empty(n_words, np.int64), np.empty(n_words, np.int64)
    hashes, line_end = np.empty(n_words, np.uint64), np.empty(n_words, np.bool_)
    bounds = np.empty(_longest(offsets) + 2, np.int64)
    w = 0
    for t in range(len(offsets) - 1):
        w, _ = _words_of(data, words64, offsets[t], offsets[t + 1], _NO_MARKS, bounds, starts, ends, hashes, line_end, w)
    return starts, ends, hashes


@njit(cache=True)
def _longest(offsets):
    longest = 0
    for t in range(len(offsets) - 1):
        longest = max(longest, offsets[t + 1] - offsets[t])
    return longest


@njit(cache=True)
def _words_of(data, words64, lo, hi, marked, bounds, starts, ends, hashes, line_end, w):
    """Writes the words of data[lo:hi] from index w on, each with whether a line break or the end of
    the text follows it. Returns the index after the last, and whether a byte is flagged in
    `marked`. `bounds` is scratch of hi - lo + 2.

    Where words start and end is found without a branch per byte (word lengths vary too much to
    predict): every byte writes its position to the next slot of `bounds`, and moves on to the
    slot after only where a word starts or ends."""
    n, inside, flagged = 0, False, False
    for i in range(lo, hi):
        flagged |= marked[data[i]]
        word = data[i] > 32
        bounds[n] = i
        n += word != inside
        inside = word
    bounds[n], bounds[n + 1] = hi, hi  # a word running to the end ends there
    for k in range(0, n, 2):
        start, end = bounds[k], bounds[k + 1]
        newline = False
        for i in range(end, bounds[k + 2]):  # the spaces before the next word, or to the end
            newline |= data[i] == 10
        starts[w], ends[w], hashes[w], line_end[w] = start, end, _word_hash(words64, start, end), newline
        w += 1
    if n:
        line_end[w - 1] = True
    return w, flagged


@njit(cache=True)
def _text_figures(data, words64, offsets, exact_from, marked):
    n = len(offsets) - 1
    words, loops = np.zeros(n, np.int64), np.zeros(n, np.int64)
    repeated, tops, flagged = np.zeros(n), np.zeros((n, 3)), np.zeros(n, np.bool_)
    longest = _longest(offsets)
    bounds = np.empty(longest + 2, np.int64)
    capacity = longest // 2 + 1  # most words (sentences, lines) a text can have
    starts, ends = np.empty(capacity, np.int64), np.empty(capacity, np.int64)
    hashes, sentence_hashes = np.empty(capacity, np.uint64), np.empty(capacity, np.uint64)
    sentence_bytes, line_hashes = np.empty(capacity, np.int64), np.empty(capacity, np.uint64)
    line_bytes, line_end = np.empty(capacity, np.int64), np.empty(capacity, np.bool_)
    table_size = 1
    while table_size < 2 * capacity:
        table_size *= 2
    table = (np.empty(table_size, np.uint64), np.zeros(table_size, np.int64), np.empty(table_size, np.int64),
             np.empty(table_size, np.int64))  # fmt: skip
    stamp = 0
    sketch = np.empty((2, SKETCH_BUCKETS), np.int64)
    for t in range(n):
        lo, hi = offsets[t], offsets[t + 1]
        w, flagged[t] = _words_of(data, words64, lo, hi, marked, bounds, starts, ends, hashes, line_end, 0)
        words[t] = w
        if w == 0:
            continue
        s = _sentences(data, starts, ends, hashes, line_end, w, sentence_hashes, sentence_bytes)
        loops[t] = _loop_sentences(sentence_hashes, s)
        n_lines = _lines(sentence_hashes, sentence_bytes, line_end, s, line_hashes, line_bytes)
        stamp += 1
        repeated_bytes = 0
        for k in range(n_lines):
            slot = _count(line_hashes[k], 0, table, _table_size(n_lines), stamp)
            if table[2][slot] > 1:
                repeated_bytes += line_bytes[k]
        text_bytes = max(hi - lo, 1)
        repeated[t] = repeated_bytes / text_bytes
        bound = _top_2gram_bound(starts, ends, hashes, w, sketch)
        tops[t, 0] = bound / text_bytes
        if tops[t, 0] >= exact_from:
            for k in range(3):
                stamp += 1
                tops[t, k] = _top_ngram(starts, ends, hashes, w, k + 2, table, stamp) / text_bytes
    return words, loops, repeated, tops, flagged


@njit(cache=True)
def _sentences(data, starts, ends, hashes, line_end, w, sentence_hashes, sentence_bytes):
    """Writes each sentence's hash and bytes; turns line_end into a per-sentence flag; returns the count."""
    s, first, total = 0, 0, np.uint64(0)
    for k in range(w):
        total += hashes[k]
        last, length = data[ends[k] - 1], ends[k] - starts[k]
        done = _TERMINAL[last] or line_end[k]
        if not done and _CLOSER[last] and length > 1:
            done = _TERMINAL[data[ends[k] - 2]]
        if not done and _CJK_BEFORE[last] and length >= 3:
            done = data[ends[k] - 2] == _CJK_BEFORE[last]
        if done:
            sentence_hashes[s] = _fmix(total ^ np.uint64(k - first))
            sentence_bytes[s] = ends[k] - starts[first]
            line_end[s] = line_end[k]  # s <= k: this word's flag is not read again
            s, first, total = s + 1, k + 1, np.uint64(0)
    return s


@njit(cache=True)
def _loop_sentences(sentence_hashes, s):
    """The longest run of sentences that each equal the sentence p before them, for any period p up
    to LOOP_PERIODS (a block of p sentences said r times gives p * (r - 1))."""
    longest = 0
    for p in range(1, LOOP_PERIODS + 1):
        run = 0
        for k in range(p, s):
            if sentence_hashes[k] == sentence_hashes[k - p]:
                run += 1
                longest = max(longest, run)
            else:
                run = 0
    return longest


@njit(cache=True)
def _lines(sentence_hashes, sentence_bytes, line_end, s, line_hashes, line_bytes):
    """Writes each line's hash (of its sentences in order) and bytes; returns the count."""
    n_lines, position, total, size = 0, 0, np.uint64(0), 0
    for k in range(s):
        total += _fmix(sentence_hashes[k] ^ (np.uint64(position) * _M3))
        size += sentence_bytes[k]
        position += 1
        if line_end[k]:
            line_hashes[n_lines], line_bytes[n_lines] = _fmix(total), size
            n_lines, position, total, size = n_lines + 1, 0, np.uint64(0), 0
    return n_lines


@njit(cache=True)
def _table_size(keys):
    """Slots of a counting table for this many keys: a power of two, at least twice as many."""
    size = 2
    while size < 2 * keys:
        size *= 2
    return size


@njit(cache=True)
def _count(key, value, table, size, stamp):
    """Counts `key` in `table` = (keys, stamps, counts, values), in the first `size` slots (a power
    of two, open addressing); returns its slot. Slots of another stamp count as empty, so nothing is
    ever cleared. A new key's count is 1 and its value is kept; a seen key's count goes up."""
    keys, stamps, counts, values = table
    slot = np.int64(key >> np.uint64(32)) & (size - 1)
    while stamps[slot] == stamp:
        if keys[slot] == key:
            counts[slot] += 1
            return slot
        slot = (slot + 1) & (size - 1)
    keys[slot], stamps[slot], counts[slot], values[slot] = key, stamp, 1, value
    return slot


@njit(cache=True)
def _top_2gram_bound(starts, ends, hashes, w, sketch):
    """Count-min bound on the bytes (count x joined length) of the text's most frequent 2-gram."""
    sketch[:] = 0
    for k in range(w - 1):
        high = ((hashes[k] * _M2) ^ hashes[k + 1]) >> np.uint64(46)
        mass = ends[k] - starts[k] + ends[k + 1] - starts[k + 1] + 1
        sketch[0, np.int64(high >> np.uint64(9))] += mass
        sketch[1, np.int64(high & np.uint64(511))] += mass
    bound = 0
    for k in range(w - 1):
        high = ((hashes[k] * _M2) ^ hashes[k + 1]) >> np.uint64(46)
        bound = max(bound, min(sketch[0, np.int64(high >> np.uint64(9))], sketch[1, np.int64(high & np.uint64(511))]))
    return bound


@njit(cache=True)
def _top_ngram(starts, ends, hashes, w, n, table, stamp):
    """Bytes (count x length joined by single spaces) of the text's most frequent word n-gram."""
    size, best = _table_size(w), 0
    for k in range(w - n + 1):
        gram, joined = hashes[k], n - 1 + ends[k] - starts[k]
        for j in range(k + 1, k + n):
            gram = (gram * _M2) ^ hashes[j]
            joined += ends[j] - starts[j]
        slot = _count(gram, joined, table, size, stamp)
        best = max(best, table[2][slot] * table[3][slot])  # the length of its first occurrence
    return best
