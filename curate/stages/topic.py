"""Topic stage: label each row with a topic and its probability, drop topics not asked for and,
with a confidence floor, rows the classifier is unsure about."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.base import Stage
from curate.topics import TopicClassifier


class TopicStage(Stage):
    name = "topic"

    def __init__(self, keep: Iterable[str], classifier: TopicClassifier, min_confidence: float | None = None,
                 use_response: bool = True):
        self.keep = frozenset(keep)
        unknown = sorted(self.keep - set(classifier.topic_ids))
        if unknown:
            raise CurateError(f"unknown topic(s) to keep: {', '.join(unknown)}; valid: {', '.join(classifier.topic_ids)}")
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise CurateError(f"the minimum topic confidence must be between 0 and 1, got {min_confidence}")
        self.classifier = classifier
        self.min_confidence = min_confidence
        self.use_response = use_response

    def prompt_only(self) -> TopicStage:
        """The same stage judging by the prompt alone (for rows whose response is a placeholder)."""
        return TopicStage(self.keep, self.classifier, self.min_confidence, use_response=False)

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Adds `topic` and `topic_confidence`. Drop reasons: "off_topic:<topic>" for a topic not
        kept, then "low_confidence:<topic>" below the confidence floor.

        After the rewrite stage the response counts too (`reasoning`, `answer` columns)."""
        with_response = self.use_response and "answer" in batch.columns
        verdict = self.classifier.predict(
            batch["prompt"],
            batch["reasoning"] if with_response and "reasoning" in batch.columns else None,
            batch["answer"] if with_response else None,
        )
        topic, confidence = pl.col("topic"), pl.col("topic_confidence")
        reason = pl.when(~topic.is_in(list(self.keep))).then(pl.lit("off_topic:") + topic)
        if self.min_confidence is not None:
            reason = reason.when(confidence < self.min_confidence).then(pl.lit("low_confidence:") + topic)
        previous = pl.col(DROP_REASON) if DROP_REASON in batch.columns else pl.lit(None, dtype=pl.String)
        return batch.with_columns(verdict.get_columns()).with_columns(pl.coalesce(previous, reason).alias(DROP_REASON))
