"""The build configuration: what decides a version's content, normalized and hashed.

Only settings that change the output belong here (not --workers, --quiet or --store), so the
config hash identifies a version's content for a given source.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from curate.dedup import DedupParams
from curate.errors import CurateError
from curate.language import BACKENDS
from curate.sources.columns import GLAIVE_COLUMNS, ColumnMap
from curate.stages.decontaminate import DEFAULT_NGRAM, eval_files
from curate.stages.length import LengthLimits
from curate.stages.quality import QualityThresholds
from curate.store import sha256_file
from curate.topic_model.model import WEIGHTS as TOPIC_MODEL_WEIGHTS


@dataclass(frozen=True)
class BuildConfig:
    topics: tuple[str, ...]
    languages: tuple[str, ...] | None  # None keeps every language
    limits: LengthLimits
    dedup: DedupParams
    language_backend: str
    tokenizer: str | None = None  # sentencepiece model path; None = the documented estimate
    topics_file: str | None = None
    quality: QualityThresholds | None = field(default_factory=QualityThresholds)  # None: --no-quality
    decontaminate: tuple[str, ...] = ()  # eval prompt files; the trainer's prompts are always added
    decontaminate_ngram: int = DEFAULT_NGRAM
    min_topic_confidence: float | None = None  # rows whose topic probability is lower are dropped
    columns: ColumnMap = GLAIVE_COLUMNS  # which source columns hold the prompt and the response

    def __post_init__(self):
        if self.language_backend not in BACKENDS:
            raise CurateError(
                f"unknown language backend {self.language_backend!r}; choose one of {', '.join(BACKENDS)}"
            )
        if self.min_topic_confidence is not None and not 0.0 <= self.min_topic_confidence <= 1.0:
            raise CurateError(f"--min-topic-confidence must be between 0 and 1, got {self.min_topic_confidence}")
        for path, what in ((self.tokenizer, "tokenizer"), (self.topics_file, "topics file"),
                           *((p, "eval prompts file") for p in self.decontaminate)):
            if path is not None and not Path(path).is_file():
                raise CurateError(f"{what} not found: {path}")
        if isinstance(self.decontaminate_ngram, bool) or not isinstance(self.decontaminate_ngram, int) \
                or self.decontaminate_ngram < 1:
            raise CurateError(f"--decontaminate-ngram must be a positive whole number, got {self.decontaminate_ngram!r}")
        eval_files(self.decontaminate)  # distinct names, checked before any work

    def describe(self) -> dict:
        """Canonical JSON form for the manifest; files are identified by content, not path."""
        from curate.tokens import TokenCounter

        counter = TokenCounter.sentencepiece(self.tokenizer) if self.tokenizer else TokenCounter.estimate()
        return {
            "topics": sorted(self.topics),
            "languages": sorted(self.languages) if self.languages is not None else None,
            "limits": asdict(self.limits),
            "tokenizer": counter.describe(),
            "dedup": self.dedup.describe(),
            "language_backend": self.language_backend,
            "topics_file": (
                {"path": self.topics_file, "sha256": sha256_file(Path(self.topics_file))}
                if self.topics_file
                else None
            ),
            "quality": self.quality.describe() if self.quality else None,
            "decontaminate": {
                "ngram": self.decontaminate_ngram,
                "files": [f.describe() for f in eval_files(self.decontaminate)],
            },
            "min_topic_confidence": self.min_topic_confidence,
            "columns": self.columns.describe(),
            # new weights change verdicts, so they are part of what defines the content
            "topic_model": {"sha256": sha256_file(TOPIC_MODEL_WEIGHTS)},
        }

    @property
    def config_hash(self) -> str:
        described = self.describe()
        # Paths differ between machines; the content hashes already identify the files.
        for key in ("tokenizer", "topics_file"):
            if isinstance(described[key], dict):
                described[key] = {k: v for k, v in described[key].items() if k != "path"}
        for entry in described["decontaminate"]["files"]:
            del entry["path"]
        canonical = json.dumps(described, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

