"""Every number on a card, computed from a version's shards, dropped rows and manifest.

Nothing on a card is typed in. The funnel is the one part the shards alone cannot tell (they hold
only survivors), so it is taken from the manifest but checked against the shards and
dropped/dropped.parquet: a card never describes data other than what the version holds.
"""

from __future__ import annotations

import numpy as np
import polars as pl

import curate
from curate import schema
from curate.errors import CurateError
from curate.stages.quality import FIGURE_THRESHOLDS
from curate.store import DROPPED_FILE, Version

CARD_FORMAT = 1
LENGTH_PARTS = ("prompt", "reasoning", "answer", "total")
PERCENTILES = (5, 25, 50, 75, 90, 95, 99)
HISTOGRAM_BINS = 20
DROPPED_EXAMPLES_PER_REASON = 3
DUPLICATE_EXAMPLES = 3
EXAMPLE_ROWS = 3
PREVIEW_CHARS = 160
EXAMPLE_PROMPT_CHARS = 600
EXAMPLE_COMPLETION_CHARS = 1500
DUPLICATE_REASONS = ("near_duplicate", "exact_duplicate")

# Everything but the long texts: enough for every statistic, cheap to read.
_STAT_COLUMNS = [
    "id",
    "source_index",
    "topic",
    "language",
    *(f"{part}_tokens" for part in LENGTH_PARTS),
    "dup_cluster_size",
]


def compute_card(version: Version) -> dict:
    """The card's content as plain JSON-able data; raises CurateError when the version is broken."""
    manifest = version.checked_manifest()
    version.verify()
    stats = _read_shards(version, _STAT_COLUMNS)
    dropped_counts, dropped = _read_dropped(version)
    funnel = _funnel(version, manifest, stats.height, dropped_counts, dropped)
    limits = manifest["config"].get("limits") or {}
    topics = _mix(stats, "topic")
    return {
        "card_format": CARD_FORMAT,
        "ref": version.ref,
        "name": version.name,
        "version": version.number,
        "created": manifest["created"],
        "code_version": manifest["code_version"],
        "card_code_version": curate.__version__,
        "source": manifest["source"],
        "config": manifest["config"],
        "config_hash": manifest["config_hash"],
        "rows": stats.height,
        "funnel": funnel,
        "topics": topics,
        "languages": _mix(stats, "language"),
        "lengths": {
            part: _length_stats(stats[f"{part}_tokens"].to_numpy(), limits.get(part)) for part in LENGTH_PARTS
        },
        "duplicates": _duplicates(version, stats, funnel, dropped),
        "examples": _examples(version, stats, [t["topic"] for t in topics]),
        "quality": _quality(version, manifest["config"], funnel),
        "decontamination": _decontamination(manifest["config"], funnel),
        "shards": manifest["shards"],
    }


def truncate(text: str | None, limit: int) -> str:
    """Shorten long text and say how much was cut, so nobody mistakes a preview for the row."""
    if text is None:
        return ""
    if len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()} … [{len(text) - limit:,} more characters]"


def _read_shards(version: Version, columns: list[str]) -> pl.DataFrame:
    """Read shard columns without hashing again (compute_card verified once up front)."""
    if not version.shard_paths:  # a build that kept nothing publishes no shard
        return pl.DataFrame(schema={c: schema.SHARD_SCHEMA[c] for c in columns})
    try:
        frame = version.read(columns=columns, verify=False)
    except (pl.exceptions.PolarsError, OSError) as e:
        raise CurateError(f"{version.ref}: cannot read shards ({e})") from None
    return frame.with_columns(pl.col("topic", "language").fill_null("unknown"))


def _read_dropped(version: Version) -> tuple[dict[tuple[str, str], int], pl.DataFrame]:
    """Rows dropped per (stage, reason), and the few dropped rows that carry a preview.

    Scanned, not read whole: a build drops most of its input, and holding every dropped row made the
    card the step whose memory grew most with the input."""
    if not version.dropped_path.is_file():
        raise CurateError(f"{version.ref}: {DROPPED_FILE} is missing")
    scan = pl.scan_parquet(version.dropped_path)
    try:
        counts = scan.group_by("stage", "reason").len().collect(engine="streaming")
        previews = scan.filter(pl.col("preview").is_not_null()).collect(engine="streaming")
    except (pl.exceptions.PolarsError, OSError) as e:
        raise CurateError(f"{version.ref}: {DROPPED_FILE} is corrupt ({str(e).splitlines()[0]})") from None
    return {(row["stage"], row["reason"]): row["len"] for row in counts.iter_rows(named=True)}, previews


def _funnel(version: Version, manifest: dict, shard_rows: int, on_disk: dict[tuple[str, str], int],
            dropped: pl.DataFrame) -> dict:
    """The manifest's funnel, checked: it must sum to rows read and agree with the files
    (`on_disk`: rows per stage and reason in dropped.parquet; `dropped`: its rows with a preview)."""
    ref = version.ref
    recorded = manifest["funnel"]
    on_disk = dict(on_disk)
    stages, totals = [], {}
    expected_input = recorded["read"]
    for stage in recorded["stages"]:
        name, dropped_counts = stage["stage"], stage["dropped"]
        if stage["input"] != expected_input:
            raise CurateError(
                f"{ref}: funnel does not add up: stage {name} reads {stage['input']:,} rows "
                f"but the step before it left {expected_input:,}"
            )
        if stage["kept"] != stage["input"] - sum(dropped_counts.values()):
            raise CurateError(f"{ref}: funnel does not add up: stage {name} kept + dropped != input")
        for reason, count in dropped_counts.items():
            found = on_disk.pop((name, reason), 0)
            if found != count:
                raise CurateError(
                    f"{ref}: manifest says stage {name} dropped {count:,} rows as {reason}, "
                    f"dropped/dropped.parquet holds {found:,}"
                )
            totals[reason] = totals.get(reason, 0) + count
        by_count = dict(sorted(dropped_counts.items(), key=lambda kv: (-kv[1], kv[0])))
        stages.append(
            {
                "stage": name,
                "input": stage["input"],
                "kept": stage["kept"],
                "dropped": by_count,
                "examples": {reason: _dropped_examples(dropped, name, reason) for reason in by_count},
            }
        )
        expected_input = stage["kept"]
    if on_disk:
        (stage, reason), count = next(iter(on_disk.items()))
        raise CurateError(
            f"{ref}: dropped/dropped.parquet holds {count:,} rows dropped by {stage} as {reason}, "
            "which the manifest's funnel does not list"
        )
    if not expected_input == recorded["kept"] == manifest["rows"] == shard_rows:
        raise CurateError(
            f"{ref}: row counts disagree: funnel ends with {expected_input:,}, funnel.kept is "
            f"{recorded['kept']:,}, manifest rows is {manifest['rows']:,}, the shards hold {shard_rows:,}"
        )
    return {
        "read": recorded["read"],
        "kept": shard_rows,
        "dropped": recorded["read"] - shard_rows,
        "stages": stages,
        "reasons": dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def _dropped_examples(dropped: pl.DataFrame, stage: str, reason: str) -> list[dict]:
    rows = (
        dropped.filter(
            (pl.col("stage") == stage) & (pl.col("reason") == reason) & pl.col("preview").is_not_null()
        )
        .sort("source_index")
        .head(DROPPED_EXAMPLES_PER_REASON)
    )
    return [
        {"source_index": row["source_index"], "preview": truncate(row["preview"], PREVIEW_CHARS)}
        for row in rows.iter_rows(named=True)
    ]


def _mix(stats: pl.DataFrame, column: str) -> list[dict]:
    """Counts and shares of each value, most common first."""
    counts = stats.group_by(column).len().sort(["len", column], descending=[True, False])
    return [
        {column: value, "rows": rows, "share": round(rows / stats.height, 4)}
        for value, rows in counts.iter_rows()
    ]


def _length_stats(values: np.ndarray, limit: int | None) -> dict:
    """Percentiles, and a histogram from 0 to the longest row; the limit is kept to show the headroom."""
    if values.size == 0:
        return {
            "limit": limit,
            "min": None,
            "max": None,
            "mean": None,
            "percentiles": {},
            "histogram": {"edges": [], "counts": []},
        }
    counts, edges = np.histogram(values, bins=HISTOGRAM_BINS, range=(0, max(int(values.max()), 1)))
    percentiles = np.percentile(values, PERCENTILES)
    return {
        "limit": limit,
        "min": int(values.min()),
        "max": int(values.max()),
        "mean": round(float(values.mean()), 2),
        "percentiles": {f"p{p}": round(float(v), 2) for p, v in zip(PERCENTILES, percentiles, strict=True)},
        "histogram": {"edges": [round(float(e), 2) for e in edges], "counts": [int(c) for c in counts]},
    }


def _duplicates(version: Version, stats: pl.DataFrame, funnel: dict, dropped: pl.DataFrame) -> dict:
    """Survivors of duplicate clusters (their size is in the shards) and the partners dedup dropped.

    dropped.parquet does not say which cluster a dropped row belonged to, so the two example lists
    are shown side by side rather than matched up.
    """
    survivors = stats.filter(pl.col("dup_cluster_size") > 1)
    sizes = survivors.group_by("dup_cluster_size").len().sort("dup_cluster_size")
    top = survivors.sort(["dup_cluster_size", "source_index"], descending=[True, False]).head(
        DUPLICATE_EXAMPLES
    )
    prompts = _texts(version, top["source_index"].to_list())
    is_duplicate_reason = pl.col("reason").str.split(":").list.first().is_in(DUPLICATE_REASONS)
    partners = (
        dropped.filter(is_duplicate_reason & pl.col("preview").is_not_null())
        .sort("source_index")
        .head(DUPLICATE_EXAMPLES)
    )
    return {
        "clusters": survivors.height,
        "largest": int(stats["dup_cluster_size"].max() or 0),
        "rows_in_clusters": int(survivors["dup_cluster_size"].sum()),
        "dropped": {
            reason: count
            for reason, count in funnel["reasons"].items()
            if reason.split(":")[0] in DUPLICATE_REASONS
        },
        "cluster_sizes": {str(size): count for size, count in sizes.iter_rows()},
        "examples": [
            {
                "id": row["id"],
                "cluster_size": row["dup_cluster_size"],
                "prompt": truncate(prompts[row["source_index"]]["prompt"], PREVIEW_CHARS),
            }
            for row in top.iter_rows(named=True)
        ],
        "dropped_examples": [
            {
                "reason": row["reason"],
                "source_index": row["source_index"],
                "preview": truncate(row["preview"], PREVIEW_CHARS),
            }
            for row in partners.iter_rows(named=True)
        ],
    }


def _examples(version: Version, stats: pl.DataFrame, topic_order: list[str]) -> list[dict]:
    """A few typical rows: per topic (most common first), the one whose length is nearest the median."""
    if stats.height == 0:
        return []
    rank = {topic: i for i, topic in enumerate(topic_order)}
    chosen = (
        stats.with_columns(
            distance=(pl.col("total_tokens") - pl.col("total_tokens").median().over("topic")).abs()
        )
        .sort(["distance", "source_index"])
        .with_columns(
            nth=pl.int_range(pl.len()).over("topic"),
            topic_rank=pl.col("topic").replace_strict(rank, return_dtype=pl.Int64),
        )
        .sort(["nth", "topic_rank"])
        .head(EXAMPLE_ROWS)
    )
    texts = _texts(version, chosen["source_index"].to_list())
    return [
        {
            "id": row["id"],
            "source_index": row["source_index"],
            "topic": row["topic"],
            "language": row["language"],
            "total_tokens": row["total_tokens"],
            "prompt": truncate(texts[row["source_index"]]["prompt"], EXAMPLE_PROMPT_CHARS),
            "completion": truncate(texts[row["source_index"]]["completion"], EXAMPLE_COMPLETION_CHARS),
        }
        for row in chosen.iter_rows(named=True)
    ]


def _texts(version: Version, source_indexes: list[int]) -> dict[int, dict]:
    """Prompt and completion of a few rows, without loading every text into memory."""
    if not source_indexes:
        return {}
    try:
        rows = (
            pl.scan_parquet(version.shard_paths)
            .filter(pl.col("source_index").is_in(source_indexes))
            .select("source_index", "prompt", "completion")
            .collect()
        )
    except (pl.exceptions.PolarsError, OSError) as e:
        raise CurateError(f"{version.ref}: cannot read shards ({e})") from None
    return {row["source_index"]: row for row in rows.iter_rows(named=True)}


def _stage(funnel: dict, name: str) -> dict | None:
    return next((s for s in funnel["stages"] if s["stage"] == name), None)


def _quality(version: Version, config: dict, funnel: dict) -> dict | None:
    """The quality stage's thresholds, drops per check (examples are the funnel's) and the spread of
    each figure over the kept rows; None for versions built before the stage existed."""
    if "quality" not in config:
        return None
    thresholds, stage = config["quality"], _stage(funnel, "quality")
    figures = {}
    if thresholds is not None and version.shard_paths:
        names = list(FIGURE_THRESHOLDS)
        present = set(pl.read_parquet_schema(version.shard_paths[0]))
        if present >= set(names):
            stats = version.read(columns=names, verify=False)  # verified once, in compute_card
            figures = {name: _spread(stats[name], thresholds[key]) for name, key in FIGURE_THRESHOLDS.items()}
    return {
        "thresholds": thresholds,
        "input": stage["input"] if stage else 0,
        "dropped": stage["dropped"] if stage else {},
        "figures": figures,
    }


def _decontamination(config: dict, funnel: dict) -> dict | None:
    """The eval files prompts were checked against (sha256, prompts) and the rows each one removed."""
    if "decontaminate" not in config:
        return None
    stage = _stage(funnel, "decontaminate")
    dropped = stage["dropped"] if stage else {}
    files = [
        {**{k: v for k, v in f.items() if k != "path"}, "dropped": dropped.get(f"contaminated:{f['label']}", 0)}
        for f in config["decontaminate"]["files"]
    ]
    return {"ngram": config["decontaminate"]["ngram"], "input": stage["input"] if stage else 0, "files": files}


def _spread(values: pl.Series, threshold: float) -> dict:
    """Min, max and percentiles of a figure (floats kept as floats), beside its threshold."""
    values = values.drop_nulls().cast(pl.Float64)
    if values.is_empty():
        return {"threshold": threshold, "min": None, "max": None, "percentiles": {}}
    return {
        "threshold": threshold,
        "min": round(float(values.min()), 4),
        "max": round(float(values.max()), 4),
        "percentiles": {f"p{p}": round(float(values.quantile(p / 100, "linear")), 4) for p in PERCENTILES},
    }
