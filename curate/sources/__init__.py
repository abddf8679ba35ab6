"""Where rows come from: the Hub dataset, local files, or the embedded sample.

All three go through the same `datasets` streaming reader (`curate.sources.streaming`).
"""

from curate.sources.streaming import GLAIVE_DATASET, Source, open_source

__all__ = ["GLAIVE_DATASET", "Source", "open_source"]
