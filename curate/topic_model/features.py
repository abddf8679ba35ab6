"""Prompt (and response) -> hashed sparse features, vectorized over a whole batch with numpy.

One function serves training and inference, so the two can never disagree. Every feature is a
bucket in a 2**hash_bits space, computed with our own integer hashing (numpy uint64 arithmetic,
wrapping), so buckets never change with a library version.

What the model sees, and why:
- `chars`: byte 3-, 4- and 5-grams of the lowercased prompt (digits folded to 0, whitespace
  squeezed, a start and an end marker): robust to typos, inflections and the European languages,
  and they catch code and math notation (`){`, `=0`, `^0`).
- `words`: word unigrams and bigrams over the same text.
- `request`: byte 4-grams again, tagged apart, of the first and last `request_chars` characters
  only, where a request sits around pasted text. Held out by style it raised keep-vs-drop F1
  from 0.834 to 0.844, most on questions and requests over a passage (accuracy 0.58 -> 0.63 and
  0.49 -> 0.53) and list classification (0.28 -> 0.33).
- `intent`: the words of the first line (up to `intent_words` from its start) and of the last line
  (up to `intent_words` from its end) again, tagged, and the very first and last word. People put
  the request first or last and paste material in between; a word in the request says more than
  the same word inside a pasted article.
- `shape`: a few coarse facts about layout (length, lines, a closing question mark, a code fence,
  a colon before pasted text, share of digits and symbols).
- `response`: only when the row has one (the build's topic stage), and only signs that are present:
  a short answer, one that is a number, an option letter or yes/no, a short final line with a
  number or an "Answer:" label, a boxed result, code, equations or case-by-case reasoning. No
  response means a prompt-only verdict, which is what `curate classify` gives for bare prompts.

Long prompts are cut to their first `head_chars` and last `tail_chars` characters, which bounds the cost
per prompt. Each block is scaled by 1/sqrt(its feature count in the row), so a long pasted passage
does not drown the request.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import polars as pl
import scipy.sparse as sp

BLOCKS = ("chars", "words", "request", "intent", "shape", "response")
Part = tuple[np.ndarray, np.ndarray]  # (row of each feature occurrence, ascending; its bucket)
_MASK64 = (1 << 64) - 1


@dataclass(frozen=True)
class FeatureConfig:
    hash_bits: int = 20
    head_chars: int = 600
    tail_chars: int = 300
    char_ngrams: tuple[int, ...] = (3, 4, 5)
    intent_words: int = 12
    request_chars: int = 100  # the `request` block: byte n-grams starting this close to either end
    request_ngrams: tuple[int, ...] = (4,)
    blocks: tuple[str, ...] = BLOCKS

    def describe(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_description(cls, d: dict) -> FeatureConfig:
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in d.items()})


def _constants(seed: int, n: int) -> np.ndarray:
    """n odd 64-bit multipliers, fixed forever by `seed` (splitmix64 sequence in Python ints)."""
    out, x = [], seed
    for _ in range(n):
        x = (x + 0x9E3779B97F4A7C15) & _MASK64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=np.uint64)


_BYTE_MUL = _constants(1, 32)  # position-in-window multipliers for bytes
_SEEDS = _constants(2, 64)  # one per feature kind, xor-ed in before the final mix
_FIN = np.uint64(_constants(3, 1)[0])
_PAIR = np.uint64(_constants(4, 1)[0])

# Feature kinds (index into _SEEDS): n-gram sizes use their own n.
_K_WORD, _K_BIGRAM, _K_HEAD, _K_TAIL, _K_FIRST, _K_LAST = 10, 11, 12, 13, 14, 15
_K_SHAPE, _K_REQUEST, _K_RESPONSE = 20, 30, 40


def _mix(h: np.ndarray, kind: int, bits: int) -> np.ndarray:
    """A raw uint64 hash -> bucket: multiply-shift (the top bits of an odd multiple), seeded per kind."""
    out = h ^ _SEEDS[kind]
    out *= _FIN
    out >>= np.uint64(64 - bits)
    return out.view(np.int64)


def normalize(prompts: pl.Series, head_chars: int, tail_chars: int) -> pl.Series:
    """Lowercase, digits -> 0, control chars out, whitespace squeezed (newlines kept), long text cut."""
    t = (
        prompts.cast(pl.String)
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"\d", "0")
        .str.replace_all("[−–—]", "-")  # minus and dashes typed or pasted from documents
        .str.replace_all("[×·]", "*")
        .str.replace_all(r"[\x00-\x08\x0b-\x1f\x7f]", " ")
        .str.replace_all(r"[ \t\r]+", " ")
        .str.replace_all(r" ?\n\s*", "\n")
        .str.strip_chars()
    )
    n = t.str.len_chars()
    cut = pl.concat_str([t.str.slice(0, head_chars), pl.lit("\n"), t.str.slice(-tail_chars)])
    return pl.select(pl.when(n > head_chars + tail_chars).then(cut).otherwise(t)).to_series()


def _byte_buffer(texts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """All texts as one uint8 buffer, each wrapped as \\x02 text \\x03 and separated by \\x00;
    also the row of each byte."""
    joined = "\x00".join("\x02" + t + "\x03" for t in texts.to_list()).encode()
    buf = np.frombuffer(joined, dtype=np.uint8)
    lengths = texts.str.len_bytes().to_numpy().astype(np.int64) + 3  # markers + separator
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)[: len(buf)]
    return buf, rows


def _char_ngrams(buf: np.ndarray, rows: np.ndarray, ns: tuple[int, ...], bits: int,
                 zone: np.ndarray | None = None, zone_ns: tuple[int, ...] = ()) -> tuple[list[Part], list[Part]]:
    """(rows, buckets) of every byte n-gram that stays inside one text, for each n in `ns`; and,
    tagged apart, those of sizes `zone_ns` that start where `zone` (a mask over `buf`) is set."""
    b = buf.astype(np.uint64) + np.uint64(1)
    size = len(buf)
    inside = buf != 0  # the window starting here has no separator yet
    parts, zone_parts = [], []
    h = np.zeros(size, dtype=np.uint64)
    for k in range(min(max(ns + zone_ns, default=0), size)):  # h[i] = sum_j<=k (b[i+j] * M_j), grown one byte at a time
        h[: size - k] += b[k:] * _BYTE_MUL[k]
        inside[: size - k] &= buf[k:] != 0
        n = k + 1
        if n in ns:
            keep = inside[: size - k]
            parts.append((rows[: size - k][keep], _mix(h[: size - k][keep], n, bits)))
        if n in zone_ns:
            keep = inside[: size - k] & zone[: size - k]
            zone_parts.append((rows[: size - k][keep], _mix(h[: size - k][keep], n + _K_REQUEST, bits)))
    return parts, zone_parts


def _ends(rows: np.ndarray, n_rows: int, width: int) -> np.ndarray:
    """Mask over a byte buffer: the first and the last `width` bytes of each text."""
    counts = np.bincount(rows, minlength=n_rows)
    pos = np.arange(len(rows)) - (np.cumsum(counts) - counts)[rows]
    return (pos <= width) | (counts[rows] - pos <= width + 2)


def _words(buf: np.ndarray, rows: np.ndarray, n_rows: int):
    """Every word (maximal run of ASCII alphanumerics or non-ASCII bytes): its hash, first byte, row,
    index in its row; and the number of words per row."""
    is_word = ((buf >= 97) & (buf <= 122)) | ((buf >= 48) & (buf <= 57)) | (buf >= 128)
    pos = np.flatnonzero(is_word)
    if len(pos) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty.astype(np.uint64), empty, empty, empty, np.zeros(n_rows, dtype=np.int64)
    new = np.ones(len(pos), dtype=bool)
    new[1:] = pos[1:] != pos[:-1] + 1
    word_start = np.flatnonzero(new)  # index into pos
    offset = np.arange(len(pos)) - np.repeat(word_start, np.diff(np.append(word_start, len(pos))))
    terms = (buf[pos].astype(np.uint64) + np.uint64(1)) * _BYTE_MUL[np.minimum(offset, 31)]
    hashes = np.add.reduceat(terms, word_start)
    starts = pos[word_start]
    word_rows = rows[starts]
    per_row = np.bincount(word_rows, minlength=n_rows)
    first = np.concatenate(([0], np.cumsum(per_row)[:-1]))
    index = np.arange(len(hashes)) - first[word_rows]
    return hashes, starts, word_rows, index, per_row


def _shape_values(prompts: pl.Series) -> pl.DataFrame:
    """Small integer facts about a prompt's layout; each (fact, value) pair becomes one feature."""
    p = pl.col("p")
    n = p.str.len_chars()
    log2 = lambda e: e.cast(pl.Float64).add(1).log(2).floor().cast(pl.Int64)  # noqa: E731
    return pl.DataFrame({"p": prompts.cast(pl.String).fill_null("")}).select(
        length=log2(n),
        lines=log2(p.str.count_matches("\n")),
        question_end=p.str.strip_chars().str.ends_with("?").cast(pl.Int64),
        code_fence=p.str.contains("```", literal=True).cast(pl.Int64),
        colon_then_text=p.str.contains(r":\s*\n").cast(pl.Int64),
        digits=(p.str.count_matches(r"\d") * 10 // (n + 1)).clip(0, 3),
        symbols=(p.str.count_matches(r"[{}()\[\];=<>+*/^$|\\]") * 20 // (n + 1)).clip(0, 4),
        list_items=log2(p.str.count_matches(r"(?m)^\s*(?:[-*•]|\d+[.)])\s")),
    )


RESPONSE_CHARS = 1500
_ANSWER_NUMBER = r"^\W*(?:the answer is\W*)?[-+]?[\d.,/]+\s*%?\W*$"
_ANSWER_OPTION = r"^\W*(?:option\s*)?\(?[a-e]\)?\W*$"
_ANSWER_YESNO = r"^\W*(?:yes|no|true|false)\b"


def _response_values(reasoning: pl.Series, answer: pl.Series) -> pl.DataFrame:
    """Signs of a verifiable task in a response: a short checkable answer (or final line), \\boxed{},
    equations, code, case checks.

    Everything is coarse or per 1,000 characters: the corpus's responses are a few sentences,
    glaive's traces run to thousands of characters, and a raw count would learn their length.
    Zero means "no sign" and gives no feature (see `featurize`). Only the first RESPONSE_CHARS of
    the reasoning and the last RESPONSE_CHARS of the answer are read.
    """
    r, a = pl.col("r"), pl.col("a")
    n = a.str.len_chars()
    per_kchar = lambda e: (e * 1000 // (r.str.len_chars() + 200)).clip(0, 3).cast(pl.Int64)  # noqa: E731
    low_a = a.str.to_lowercase().str.strip_chars()
    last_line = a.str.strip_chars().str.slice(-200).str.split("\n").list.last().str.strip_chars()
    # bounded reads keep a glaive trace (thousands of characters) as cheap as a short one
    frame = pl.DataFrame({"r": reasoning.cast(pl.String).fill_null("").str.slice(0, RESPONSE_CHARS),
                          "a": answer.cast(pl.String).fill_null("").str.slice(-RESPONSE_CHARS)})
    return frame.select(
        short_answer=pl.when(n <= 20).then(2).when(n <= 80).then(1).otherwise(0),
        number=low_a.str.contains(_ANSWER_NUMBER).cast(pl.Int64),
        option=low_a.str.contains(_ANSWER_OPTION).cast(pl.Int64),
        yes_no=low_a.str.contains(_ANSWER_YESNO).cast(pl.Int64),
        boxed=(r.str.contains(r"\boxed{", literal=True) | a.str.contains(r"\boxed{", literal=True)).cast(pl.Int64),
        code=(a.str.contains("```", literal=True) | a.str.contains(r"(?m)^(?:def |class |import |SELECT |function )")).cast(pl.Int64),
        equations=per_kchar((r + "\n" + a).str.count_matches(r"[\d)]\s*[-−+*/×÷=]\s*[-−]?[\d(]")),
        # glaive answers often end on a line like "**Answer:** x = 14"
        final_number=last_line.str.contains(r"\d").and_(last_line.str.len_chars() <= 40).cast(pl.Int64),
        answer_label=a.str.slice(-300).str.contains(r"(?i)\b(?:final )?answer\W{0,3}\s*[:：]").cast(pl.Int64),
        case_checks=per_kchar(r.str.to_lowercase().str.count_matches(
            r"\bcase \d|\b(?:in|for) (?:this|that|each|either|both|the first|the second) case\b|\bcontradict\w*|"
            r"\bsuppose\b|\bif [^.]{1,40}, then\b")),
    )


def _dense_block(values: pl.DataFrame, kind: int, bits: int, rows: np.ndarray | None = None,
                 skip_zero: bool = False) -> list[Part]:
    """One part per column of small integers: one feature per (column, value) pair (none for 0 with
    `skip_zero`)."""
    rows = np.arange(values.height, dtype=np.int64) if rows is None else rows
    parts = []
    for j, c in enumerate(values.columns):
        v = values[c].to_numpy().astype(np.uint64)
        keep = v != 0 if skip_zero else np.ones(len(v), dtype=bool)
        parts.append((rows[keep], _mix(((np.uint64(j) << np.uint64(32)) + v[keep]) * _PAIR, kind, bits)))
    return parts


def featurize(
    prompts: pl.Series,
    config: FeatureConfig,
    reasoning: pl.Series | None = None,
    answer: pl.Series | None = None,
) -> dict[str, list[Part]]:
    """Per block, parts of (row, bucket) pairs, one pair per feature occurrence, rows ascending.

    `reasoning`/`answer` (the rewrite stage's columns) add the response block; rows where the
    answer is null get none, i.e. a prompt-only verdict.
    """
    n = len(prompts)
    bits = config.hash_bits
    texts = normalize(prompts, config.head_chars, config.tail_chars)
    buf, rows = _byte_buffer(texts)
    blocks: dict[str, list[Part]] = {}
    chars, request = _char_ngrams(buf, rows, config.char_ngrams if "chars" in config.blocks else (), bits,
                                  _ends(rows, n, config.request_chars), config.request_ngrams if "request" in config.blocks else ())
    if "chars" in config.blocks:
        blocks["chars"] = chars
    if "request" in config.blocks:
        blocks["request"] = request
    hashes, starts, word_rows, index, per_row = _words(buf, rows, n)
    if "words" in config.blocks:
        same = word_rows[1:] == word_rows[:-1]
        pairs = hashes[:-1][same] * _PAIR + hashes[1:][same]
        blocks["words"] = [(word_rows, _mix(hashes, _K_WORD, bits)), (word_rows[1:][same], _mix(pairs, _K_BIGRAM, bits))]
    if "intent" in config.blocks:
        k = config.intent_words
        from_end = per_row[word_rows] - 1 - index
        # the line of each word; a row's first and last lines are where requests sit
        line = np.cumsum(buf == 10)[starts]
        first_line = np.full(n, -1, dtype=np.int64)
        last_line = np.full(n, -1, dtype=np.int64)
        first_line[word_rows[::-1]] = line[::-1]
        last_line[word_rows] = line
        head = (line == first_line[word_rows]) & (index < k)
        tail = (line == last_line[word_rows]) & (from_end < k)
        blocks["intent"] = [
            (word_rows[m], _mix(hashes[m], kind, bits))
            for m, kind in ((head, _K_HEAD), (tail, _K_TAIL), (index == 0, _K_FIRST), (from_end == 0, _K_LAST))
        ]
    if "shape" in config.blocks:
        blocks["shape"] = _dense_block(_shape_values(prompts), _K_SHAPE, bits)
    if "response" in config.blocks and answer is not None:
        idx = np.flatnonzero(answer.is_not_null().to_numpy())
        if len(idx):
            r = reasoning.gather(idx) if reasoning is not None else pl.Series([None] * len(idx), dtype=pl.String)
            # Only signs that are present: writers attached responses to some topics more than
            # others, so a feature for "has a response" would learn that habit, not the task.
            blocks["response"] = _dense_block(_response_values(r, answer.gather(idx)), _K_RESPONSE, bits, idx,
                                              skip_zero=True)
    return blocks


def feature_matrices(blocks: dict[str, list[Part]], n_rows: int, lookup: np.ndarray,
                     n_cols: int) -> list[sp.csr_matrix]:
    """One CSR per part, columns = lookup[bucket]; each row of a block is scaled to 1/sqrt(its count
    in the block). The sum of them is the feature matrix.

    Duplicates are left in (a CSR product adds them up), so nothing is sorted here.
    """
    out = []
    for parts in blocks.values():
        counts = [np.bincount(r, minlength=n_rows) for r, _ in parts]
        scale = (1.0 / np.sqrt(np.maximum(sum(counts), 1))).astype(np.float32)
        out += [
            sp.csr_matrix((np.repeat(scale, c), lookup[b], np.concatenate(([0], np.cumsum(c)))), shape=(n_rows, n_cols))
            for (_, b), c in zip(parts, counts)
        ]
    return out
