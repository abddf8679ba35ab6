"""Language stage: detect each prompt's language and drop languages the user did not ask for."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from curate.errors import CurateError
from curate.language import DEFAULT_PREFIX_CHARS, UNKNOWN, check_backend, detect_languages
from curate.schema import DROP_REASON
from curate.stages.base import Stage


class LanguageStage(Stage):
    name = "language"

    def __init__(self, keep: Iterable[str] | None, backend: str, prefix_chars: int = DEFAULT_PREFIX_CHARS):
        self.keep = None if keep is None else frozenset(k.strip().lower() for k in keep)
        bad = sorted(k for k in self.keep or () if not (k == UNKNOWN or (len(k) == 2 and k.isalpha())))
        if bad:
            # "english" instead of "en" would silently drop every row.
            raise CurateError(f"languages must be ISO 639-1 codes like 'en' or 'unknown', got: {', '.join(bad)}")
        self.backend = check_backend(backend)
        self.prefix_chars = prefix_chars

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Adds `language`; with a keep list, other languages get drop_reason "language:<code>"."""
        codes = detect_languages(batch["prompt"], self.backend, self.prefix_chars).alias("language")
        out = batch.with_columns(codes)
        if self.keep is None:
            if DROP_REASON not in out.columns:
                out = out.with_columns(pl.lit(None, dtype=pl.String).alias(DROP_REASON))
            return out
        reason = (
            pl.when(pl.col("language").is_in(list(self.keep)))
            .then(pl.lit(None, dtype=pl.String))
            .otherwise(pl.lit("language:") + pl.col("language"))
        )
        previous = pl.col(DROP_REASON) if DROP_REASON in out.columns else pl.lit(None, dtype=pl.String)
        return out.with_columns(pl.coalesce(previous, reason).alias(DROP_REASON))
