"""The learned topic model: a multinomial logistic regression over hashed features.

Inference is a sparse matrix product (scipy) of the batch's features with the weight table, so a
batch costs a few numpy passes over its bytes and no Python work per prompt. Weights are a
safetensors file: the hash buckets the model uses, their weights (float16) per topic, the intercept,
and in the metadata the feature config and what it was trained on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import polars as pl

from curate.errors import CurateError
from curate.topic_model.features import FeatureConfig, feature_matrices, featurize

WEIGHTS = Path(__file__).with_name("weights.safetensors")


@dataclass
class TopicModel:
    topics: tuple[str, ...]
    config: FeatureConfig
    buckets: np.ndarray  # (K,) ascending: the hash buckets that carry weight (int32 on disk)
    weights: np.ndarray  # (K, C) float16
    intercept: np.ndarray  # (C,) float32
    metadata: dict = field(default_factory=dict)  # what it was trained on, for people

    def __post_init__(self):
        # bucket -> row of the weight table; every unused bucket points at a final row of zeros
        self._lookup = np.full(1 << self.config.hash_bits, len(self.buckets), dtype=np.int32)
        self._lookup[self.buckets] = np.arange(len(self.buckets), dtype=np.int32)
        self._table = np.vstack([self.weights.astype(np.float32), np.zeros((1, len(self.topics)), np.float32)])

    def logits(self, prompts: pl.Series, reasoning: pl.Series | None = None,
               answer: pl.Series | None = None) -> np.ndarray:
        """(N, C) float32 scores; rows with an answer also use the response features."""
        blocks = featurize(prompts, self.config, reasoning, answer)
        out = np.broadcast_to(self.intercept, (len(prompts), len(self.topics))).astype(np.float32)
        for m in feature_matrices(blocks, len(prompts), self._lookup, len(self._table)):
            out += m @ self._table
        return out

    def predict(self, prompts: pl.Series, reasoning: pl.Series | None = None,
                answer: pl.Series | None = None) -> tuple[pl.Series, pl.Series]:
        """Topic per prompt and its probability (Float32)."""
        z = self.logits(prompts, reasoning, answer)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        best = p.argmax(axis=1)
        topics = pl.Series("topic", np.asarray(self.topics, dtype=object)[best], dtype=pl.String)
        return topics, pl.Series("topic_confidence", p[np.arange(len(best)), best], dtype=pl.Float32)

    def save(self, path: Path) -> None:
        from safetensors.numpy import save_file

        # one metadata entry: safetensors does not keep the order of several, and the bytes must not vary
        info = {**self.metadata, "topics": list(self.topics), "features": self.config.describe()}
        meta = {"topic_model": json.dumps(info, sort_keys=True)}
        save_file({"buckets": self.buckets.astype(np.int32), "weights": self.weights.astype(np.float16),
                   "intercept": self.intercept.astype(np.float32)}, str(path), metadata=meta)

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> TopicModel:
        from safetensors import SafetensorError, safe_open

        try:
            with safe_open(str(path), framework="numpy") as f:
                info = json.loads(f.metadata()["topic_model"])
                tensors = {k: f.get_tensor(k) for k in ("buckets", "weights", "intercept")}
        except (OSError, ValueError, KeyError, TypeError, SafetensorError) as exc:
            raise CurateError(f"cannot read topic model weights {path}: {exc}") from None
        return cls(
            topics=tuple(info.pop("topics")),
            config=FeatureConfig.from_description(info.pop("features")),
            metadata=info,
            **tensors,
        )
