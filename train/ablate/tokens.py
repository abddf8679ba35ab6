"""Training tokens and steps, counted the way `train run` counts them, for equal per-arm budgets.

The curated `total_tokens` come from the curation tokenizer, not the model's, and leave out the
chat template; budgets counted with them would be off by a topic-dependent factor. So each row is
encoded exactly as the trainer does (train.packing.tokenize_rows) with the tokenizer every arm will
use, under the trainer's --overlong policy: a row the trainer would drop has no cost (null) and is
never drawn; a truncated one costs seq_len.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from train.config import RunConfig
from train.formatting import chat_examples
from train.packing import BatchStream, tokenize_rows
from train.tokenizer import train_tiny_tokenizer


class TrainerCounts:
    """What train.ablate.run.Backend.counts returns: the tokenizer to pin, row costs, steps per epoch."""

    def __init__(self, config: RunConfig, train_rows: pl.DataFrame):
        self.config = config
        # tiny trains its vocabulary from the data; trained per arm, each arm would get another
        # vocabulary and so another base model. One tokenizer from all arms' rows keeps one base.
        if config.model == "tiny" and not config.tokenizer:
            self.tok = train_tiny_tokenizer(train_rows, config.tiny_vocab)
            self.proto: bytes | None = self.tok.proto
        else:
            from train.models import load_tokenizer, resolve_files

            self.tok = load_tokenizer(config, resolve_files(config), train_rows, None)
            self.proto = None

    def tokens(self, rows: pl.DataFrame) -> pl.Series:
        """Tokens each row takes in training (Int64); null where the trainer would drop the row."""
        config = self.config
        pairs = chat_examples(
            self.tok, rows["prompt"].to_list(), rows["completion"].to_list(), config.instruction
        )
        costs = []
        for ids, mask in pairs:
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
        examples = tokenize_rows(rows, self.tok, config.instruction, config.seq_len, config.overlong, topics)
        packed = len(
            BatchStream(examples, config.batch_size, config.seq_len, config.pack, seed).epoch_rows(0)
        )
        return max(1, packed // (config.batch_size * config.grad_accum))
