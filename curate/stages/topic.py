"""Topic stage: label each prompt with a topic and drop the topics the user did not ask for."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.base import Stage
from curate.topics import TopicClassifier


class TopicStage(Stage):
    name = "topic"

    def __init__(self, keep: Iterable[str], classifier: TopicClassifier):
        self.keep = frozenset(keep)
        unknown = sorted(self.keep - set(classifier.topic_ids))
        if unknown:
            raise CurateError(f"unknown topic(s) to keep: {', '.join(unknown)}; valid: {', '.join(classifier.topic_ids)}")
        self.classifier = classifier

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Adds `topic`; rows whose topic is not kept get drop_reason "off_topic:<topic>"."""
        topics = self.classifier.classify(batch["prompt"]).alias("topic")
        reason = (
            pl.when(pl.col("topic").is_in(list(self.keep)))
            .then(pl.lit(None, dtype=pl.String))
            .otherwise(pl.lit("off_topic:") + pl.col("topic"))
        )
        previous = pl.col(DROP_REASON) if DROP_REASON in batch.columns else pl.lit(None, dtype=pl.String)
        return batch.with_columns(topics).with_columns(pl.coalesce(previous, reason).alias(DROP_REASON))
