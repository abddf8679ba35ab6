"""The stage contract, after datatrove's steps but columnar.

A stage sees only live rows and answers "keep?" for each of them by filling `drop_reason`
(null = keep). It may also add columns that later stages read. The pipeline runner does all the
counting, so the funnel always sums to the rows read.
"""

from abc import ABC, abstractmethod
from typing import ClassVar

import polars as pl


class Stage(ABC):
    name: ClassVar[str]

    @abstractmethod
    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        """Return `batch` (same rows, same order) with new columns and `drop_reason` set on rejects."""
