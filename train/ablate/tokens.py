"""Training tokens and steps, counted the way `train run` counts them, for equal per-arm budgets.

The curated `total_tokens` come from the curation tokenizer, not the model's, and leave out the
chat template; budgets counted with them would be off by a topic-dependent factor. So each row is
encoded exactly as the trainer does (train.run.resolve_model, train.packing) with the tokenizer
every arm will use, under the trainer's --overlong policy: a row the trainer would drop has no cost
(null) and is never drawn; a truncated one costs seq_len. An unset --seq-len is resolved here, once
for every arm, from the longest training row, as `train run` resolves it.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from train.config import RunConfig
from train.packing import BatchStream, encode_rows, tokenize_rows


class TrainerCounts:
    """What train.ablate.run.Backend.counts returns: the config, the tokenizer to pin, row costs, steps."""

    def __init__(self, config: RunConfig, train_rows: pl.DataFrame):
        from train.models import packing_limit
        from train.run import resolve_model, resolve_seq_len

        # tiny trains its vocabulary from the data; trained per arm, each arm would get another
        # vocabulary and so another base model. One tokenizer from all arms' rows keeps one base.
        self.model = resolve_model(config, train_rows, None)
        self.proto: bytes | None = self.model.tok.data if self.model.source.tokenizer is None else None
        lengths = np.array([len(ids) for ids, _ in encode_rows(train_rows, self.model.chat)], dtype=np.int64)
        self.longest = int(lengths.max()) if len(lengths) else 0
        self.limit = packing_limit(self.model.source, config, self.model.base_cfg)
        self.config = resolve_seq_len(config, self.model, lengths)

    def tokens(self, rows: pl.DataFrame) -> pl.Series:
        """Tokens each row takes in training (Int64); null where the trainer would drop the row."""
        config = self.config
        costs = []
        for ids, mask in encode_rows(rows, self.model.chat):
            if len(ids) <= config.seq_len:
                costs.append(len(ids))
            elif config.overlong == "truncate" and int(np.argmax(mask)) < config.seq_len:
                costs.append(config.seq_len)
            else:
                costs.append(None)
        return pl.Series("tokens", costs, dtype=pl.Int64)

    def steps(self, rows: pl.DataFrame, seed: int) -> int:
        """Whole optimizer steps in one pass over `rows`, packed as train_on will pack them.

        Rounding down leaves out part of one batch rather than repeating rows to fill it.
        """
        config = self.config
        topics = tuple(sorted(set(rows["topic"])))
        examples = tokenize_rows(rows, self.model.chat, config.seq_len, config.overlong, topics)
        packed = len(
            BatchStream(examples, config.batch_size, config.seq_len, config.pack, seed).epoch_rows(0)
        )
        return max(1, packed // (config.batch_size * config.grad_accum))
