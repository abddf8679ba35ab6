"""Where rows come from: the Hub dataset, local files, or the embedded sample, as input shards.

`open_source` names a source; `Source.plan()` lists its shards; `read_shard` reads one shard in any
process. See `curate.sources.source`.
"""

from curate.sources.formats import InputShard, RowsDigest
from curate.sources.source import GLAIVE_DATASET, Source, SourcePlan, open_source, read_shard

__all__ = ["GLAIVE_DATASET", "InputShard", "RowsDigest", "Source", "SourcePlan", "open_source", "read_shard"]
