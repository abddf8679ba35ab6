"""What changed between two versions: config, funnel, topic and language mix, lengths, shared rows.

Both sides are computed fresh from their shards (compute_card), so a diff never trusts a stale card.
Rows are matched by id, the content hash of the normalized prompt and response.
"""

from __future__ import annotations

from curate.store import Version
from data_cards.compute import LENGTH_PARTS, compute_card

LENGTH_STATS = ("p50", "p90", "p99", "max", "mean")


def diff_versions(a: Version, b: Version) -> dict:
    card_a, card_b = compute_card(a), compute_card(b)
    ids_a = set(a.read(columns=["id"], verify=False)["id"].to_list())
    ids_b = set(b.read(columns=["id"], verify=False)["id"].to_list())
    return diff_cards(card_a, card_b, ids_a, ids_b)


def diff_cards(a: dict, b: dict, ids_a: set[str], ids_b: set[str]) -> dict:
    return {
        "a": a["ref"],
        "b": b["ref"],
        "config": _config(a, b),
        "funnel": _funnel(a["funnel"], b["funnel"]),
        "topics": _mix(a["topics"], b["topics"], "topic"),
        "languages": _mix(a["languages"], b["languages"], "language"),
        "lengths": [
            {"part": part, "stat": stat, "a": _stat(a, part, stat), "b": _stat(b, part, stat)}
            for part in LENGTH_PARTS
            for stat in LENGTH_STATS
        ],
        "rows": {
            "a": a["rows"],
            "b": b["rows"],
            "shared": len(ids_a & ids_b),
            "only_a": len(ids_a - ids_b),
            "only_b": len(ids_b - ids_a),
        },
    }


def _flatten(value, prefix: str = "") -> dict:
    """{'dedup': {'threshold': 0.8}} -> {'dedup.threshold': 0.8}; lists stay whole."""
    if not isinstance(value, dict):
        return {prefix: value}
    flat = {}
    for key, inner in value.items():
        flat.update(_flatten(inner, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _config(a: dict, b: dict) -> list[dict]:
    """Settings that differ, including what was read and which code built it."""

    def settings(card: dict) -> dict:
        return _flatten(
            {"config": card["config"], "source": card["source"], "code_version": card["code_version"]}
        )

    flat_a, flat_b = settings(a), settings(b)
    return [
        {"key": key, "a": flat_a.get(key), "b": flat_b.get(key)}
        for key in sorted(flat_a.keys() | flat_b.keys())
        if flat_a.get(key) != flat_b.get(key)
    ]


def _funnel(a: dict, b: dict) -> list[dict]:
    """Rows read, then each stage's kept count and drop reasons, then rows kept; None = absent."""

    def lines(funnel: dict) -> dict:
        found = {("read", ""): funnel["read"]}
        for stage in funnel["stages"]:
            found[(stage["stage"], "")] = stage["kept"]
            for reason, count in stage["dropped"].items():
                found[(stage["stage"], reason)] = count
        found[("kept", "")] = funnel["kept"]
        return found

    lines_a, lines_b = lines(a), lines(b)
    order = list(lines_a) + [key for key in lines_b if key not in lines_a]
    return [
        {
            "stage": stage,
            "reason": reason or None,
            "a": lines_a.get((stage, reason)),
            "b": lines_b.get((stage, reason)),
        }
        for stage, reason in order
    ]


def _mix(a: list[dict], b: list[dict], key: str) -> list[dict]:
    by_a = {entry[key]: entry for entry in a}
    by_b = {entry[key]: entry for entry in b}
    order = list(by_a) + [value for value in by_b if value not in by_a]
    return [
        {
            key: value,
            "a_rows": by_a.get(value, {}).get("rows", 0),
            "a_share": by_a.get(value, {}).get("share", 0.0),
            "b_rows": by_b.get(value, {}).get("rows", 0),
            "b_share": by_b.get(value, {}).get("share", 0.0),
        }
        for value in order
    ]


def _stat(card: dict, part: str, stat: str):
    stats = card["lengths"][part]
    return stats.get(stat) if stat in ("max", "mean") else stats["percentiles"].get(stat)
