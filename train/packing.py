"""Token rows for training: several examples per row (packed) or one per row (padded).

A packed row holds whole examples back to back. `segment_ids` numbers them 1, 2, ... (0 is padding)
and `positions` restart at 0 for each, so with the segment-aware causal mask built in
`trainer.model_inputs` every example attends only to itself, as if it were alone in its row.

Order is a pure function of (examples, seed): epoch e shuffles with the generator (seed, e), packs
best-fit, and cuts batches, so a resumed run that re-reads the stream gets the same batches.
Examples longer than the row follow the `overlong` policy: "drop" (default) leaves them out;
"truncate" keeps the first seq_len tokens (the prompt whole, the end of the completion cut), unless
the prompt alone fills the row, in which case the example is dropped. The row length defaults to
the smallest multiple of 128 that holds the longest example (`default_seq_len`), so by default
nothing is dropped; when more than 1% would be, `overlong_warning` says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import polars as pl

from curate.errors import CurateError
from train.formatting import ChatFormat

# Open rows the packer chooses among: a few % padding, still cheap in pure Python.
PACK_WINDOW = 64
SEQ_LEN_STEP = 128  # row lengths are multiples of this (what kernels and tp sharding like)
WARN_DROPPED = 0.01  # above this share of dropped examples, say so loudly


@dataclass
class Examples:
    """The tokenized examples of one split, every one at most seq_len long."""

    ids: list[np.ndarray]
    masks: list[np.ndarray]  # True where the token is a loss target
    topics: np.ndarray  # index into topic_names, per example
    topic_names: tuple[str, ...]
    dropped: int  # longer than seq_len and left out
    truncated: int  # longer than seq_len and cut

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def lengths(self) -> np.ndarray:
        return np.array([len(x) for x in self.ids], dtype=np.int64)


def encode_rows(rows: pl.DataFrame, chat: ChatFormat) -> list[tuple[np.ndarray, np.ndarray]]:
    """(ids, loss mask) of every row in the chat format, whatever its length."""
    return chat.examples(rows["prompt"].to_list(), rows["completion"].to_list())


def default_seq_len(lengths: np.ndarray, limit: int | None = None) -> int:
    """The smallest multiple of 128 that holds the longest example (at most `limit`, when the model has one)."""
    longest = int(lengths.max()) if len(lengths) else SEQ_LEN_STEP
    seq_len = -(-longest // SEQ_LEN_STEP) * SEQ_LEN_STEP
    return seq_len if limit is None else min(seq_len, limit // SEQ_LEN_STEP * SEQ_LEN_STEP)


def overlong_warning(lengths: np.ndarray, seq_len: int, overlong: str, what: str, limit: int | None = None) -> str | None:
    """One loud line when more than 1% of the examples would be dropped, naming the count and the fixes."""
    longer = int((lengths > seq_len).sum())
    if overlong == "truncate" or not len(lengths) or longer <= WARN_DROPPED * len(lengths):
        return None
    return (f"WARNING: {longer:,} of {len(lengths):,} {what} ({longer / len(lengths):.1%}) are longer than "
            f"--seq-len {seq_len} and will be dropped: --overlong truncate keeps them cut, "
            f"{keep_whole(int(lengths.max()), limit)}")


def keep_whole(longest: int, limit: int | None) -> str:
    """The advice that keeps every example whole: the --seq-len that holds the longest (and --no-pack
    when that is more than a packed row of the model allows)."""
    keep = default_seq_len(np.array([longest]))
    advice = f"--seq-len {keep} keeps them whole"
    return advice + (f" (above the {limit} a packed row of this model allows: add --no-pack)" if limit and keep > limit
                     else "")


def tokenize_rows(
    rows: pl.DataFrame, chat: ChatFormat, seq_len: int, overlong: str, topic_names: tuple[str, ...],
    pairs: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> Examples:
    """The rows' examples that fit `seq_len` under the overlong policy (`pairs`: already encoded)."""
    pairs = encode_rows(rows, chat) if pairs is None else pairs
    index = {name: i for i, name in enumerate(topic_names)}
    ids, masks, topics = [], [], []
    dropped = truncated = 0
    shortest = None
    for (x, m), topic in zip(pairs, rows["topic"].to_list()):
        shortest = len(x) if shortest is None else min(shortest, len(x))
        if len(x) > seq_len:
            prompt_len = int(np.argmax(m))
            if overlong == "drop" or prompt_len >= seq_len:
                dropped += 1
                continue
            x, m = x[:seq_len], m[:seq_len]
            truncated += 1
        ids.append(x)
        masks.append(m)
        topics.append(index[topic])
    if rows.height and not ids:
        raise CurateError(
            f"--seq-len {seq_len} is shorter than every example (the shortest is {shortest} tokens with the "
            f"chat template){'' if overlong == 'truncate' else '; raise --seq-len or pass --overlong truncate'}"
        )
    return Examples(ids, masks, np.array(topics, dtype=np.int32), topic_names, dropped, truncated)


def pack_rows(lengths: np.ndarray, order: np.ndarray, seq_len: int) -> list[list[int]]:
    """Group example indices into rows of at most seq_len tokens: best fit among recent open rows.

    Each example goes to the open row it fills most tightly (or opens a new one). Rows are emitted
    when they close: when nothing more could fit, when pushed out of the window, or at the end, so
    the output order is deterministic.
    """
    if not len(order):
        return []
    smallest = int(lengths.min())
    closed: list[list[int]] = []
    open_rows: list[list] = []  # [free tokens, example indices]
    for i in order:
        n = int(lengths[i])
        fits = [k for k, row in enumerate(open_rows) if row[0] >= n]
        if fits:
            k = min(fits, key=lambda k: open_rows[k][0])
            open_rows[k][0] -= n
            open_rows[k][1].append(int(i))
            if open_rows[k][0] < smallest:
                closed.append(open_rows.pop(k)[1])
        else:
            open_rows.append([seq_len - n, [int(i)]])
            if len(open_rows) > PACK_WINDOW:
                closed.append(open_rows.pop(0)[1])
    closed.extend(row[1] for row in open_rows)
    return closed


def assemble(examples: Examples, rows: list[list[int]], seq_len: int) -> dict[str, np.ndarray]:
    """Arrays [len(rows), seq_len] for rows of example indices: tokens, loss mask, segment ids
    (0 = padding), positions restarting per example, and each token's topic index."""
    shape = (len(rows), seq_len)
    out = {
        "input_tokens": np.zeros(shape, np.int32),
        "input_mask": np.zeros(shape, bool),
        "segment_ids": np.zeros(shape, np.int32),
        "positions": np.zeros(shape, np.int32),
        "token_topics": np.zeros(shape, np.int32),
    }
    for r, row in enumerate(rows):
        start = 0
        for segment, i in enumerate(row, 1):
            n = len(examples.ids[i])
            span = slice(start, start + n)
            out["input_tokens"][r, span] = examples.ids[i]
            out["input_mask"][r, span] = examples.masks[i]
            out["segment_ids"][r, span] = segment
            out["positions"][r, span] = np.arange(n)
            out["token_topics"][r, span] = examples.topics[i]
            start += n
    return out


@dataclass(frozen=True)
class BatchStats:
    real_tokens: int  # not padding
    loss_tokens: int
    topic_tokens: np.ndarray  # real tokens per topic


def batch_stats(batch: dict[str, np.ndarray], num_topics: int) -> BatchStats:
    real = batch["segment_ids"] > 0
    return BatchStats(
        int(real.sum()),
        int(batch["input_mask"].sum()),
        np.bincount(batch["token_topics"][real], minlength=num_topics),
    )


class BatchStream:
    """Endless training batches over epochs; `stats[i]` describes the i-th batch handed out."""

    def __init__(self, examples: Examples, batch_size: int, seq_len: int, pack: bool, seed: int):
        self.examples, self.batch_size, self.seq_len = examples, batch_size, seq_len
        self.pack, self.seed = pack, seed
        self.stats: list[BatchStats] = []

    def epoch_rows(self, epoch: int) -> list[list[int]]:
        order = np.random.default_rng([self.seed, epoch]).permutation(len(self.examples))
        if not self.pack:
            return [[int(i)] for i in order]
        return pack_rows(self.examples.lengths, order, self.seq_len)

    def __iter__(self) -> Iterator[dict[str, np.ndarray]]:
        self.stats = []
        pending: list[list[int]] = []
        epoch = 0
        while True:
            while len(pending) < self.batch_size:
                pending += self.epoch_rows(epoch)
                epoch += 1
            rows, pending = pending[: self.batch_size], pending[self.batch_size:]
            batch = assemble(self.examples, rows, self.seq_len)
            self.stats.append(batch_stats(batch, len(self.examples.topic_names)))
            yield batch


def fixed_batches(examples: Examples, batch_size: int, seq_len: int, pack: bool) -> list[dict[str, np.ndarray]]:
    """Every example once, in order, the last batch filled up with empty rows (for evaluation)."""
    order = np.arange(len(examples))
    rows = pack_rows(examples.lengths, order, seq_len) if pack else [[int(i)] for i in order]
    rows += [[] for _ in range(-len(rows) % batch_size)]
    return [assemble(examples, rows[i: i + batch_size], seq_len) for i in range(0, len(rows), batch_size)]


def padding_share(stats: list[BatchStats], batch_size: int, seq_len: int) -> float:
    if not stats:
        return 0.0
    return 1.0 - sum(s.real_tokens for s in stats) / (len(stats) * batch_size * seq_len)
