"""PNG plots beside the card, drawn only from the card's numbers (people would rather look than read).

Figures are built without pyplot on the Agg canvas: no global state, no display needed.
"""

from __future__ import annotations

import os
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from data_cards.compute import LENGTH_PARTS

PLOTS_DIR = "plots"
KEPT_COLOR = "#3b75af"
DROPPED_COLOR = "#e8a33d"


def write_plots(card: dict, folder: Path) -> dict[str, str]:
    """Draw every plot into `folder`; returns {plot name: path relative to the version folder}."""
    folder.mkdir(parents=True, exist_ok=True)
    drawn = {"funnel": _funnel(card), "composition": _composition(card), "lengths": _lengths(card)}
    paths = {}
    for name, figure in drawn.items():
        target = folder / f"{name}.png"
        partial = target.with_name(f".{target.name}.partial")
        FigureCanvasAgg(figure).print_png(str(partial))
        os.replace(partial, target)
        paths[name] = f"{PLOTS_DIR}/{target.name}"
    return paths


def _funnel(card: dict) -> Figure:
    """One bar per stage: the rows it read, split into kept and dropped."""
    funnel = card["funnel"]
    stages = funnel["stages"]
    labels = [stage["stage"] for stage in stages]
    kept = [stage["kept"] for stage in stages]
    dropped = [stage["input"] - stage["kept"] for stage in stages]
    figure = Figure(figsize=(7, 0.5 * len(stages) + 1.4), layout="constrained")
    ax = figure.add_subplot()
    ax.barh(labels, kept, color=KEPT_COLOR, label="kept")
    ax.barh(labels, dropped, left=kept, color=DROPPED_COLOR, label="dropped")
    for y, (k, d) in enumerate(zip(kept, dropped, strict=True)):
        ax.text(k + d, y, f" -{d:,}" if d else "", va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(funnel["read"], 1) * 1.15)
    ax.set_xlabel("rows")
    ax.set_title(f"{card['ref']}: {funnel['read']:,} rows read, {funnel['kept']:,} kept")
    ax.legend(loc="lower right", fontsize=8)
    return figure


def _composition(card: dict) -> Figure:
    """Topic and language mix side by side, as shares of kept rows."""
    figure = Figure(figsize=(9, 3.5), layout="constrained")
    panels = (("topic", "topics", "Topics"), ("language", "languages", "Languages"))
    for ax, (key, field, title) in zip(figure.subplots(1, 2), panels, strict=True):
        mix = card[field]
        labels = [entry[key] for entry in mix]
        shares = [100 * entry["share"] for entry in mix]
        ax.barh(labels, shares, color=KEPT_COLOR)
        for y, entry in enumerate(mix):
            ax.text(100 * entry["share"], y, f" {entry['rows']:,}", va="center", fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 115)
        ax.set_xlabel("% of kept rows")
        ax.set_title(title)
    return figure


def _lengths(card: dict) -> Figure:
    """Token-length histograms, with the median, p95 and the configured limit marked."""
    figure = Figure(figsize=(9, 5.5), layout="constrained")
    for ax, part in zip(figure.subplots(2, 2).flat, LENGTH_PARTS, strict=True):
        stats = card["lengths"][part]
        histogram = stats["histogram"]
        if histogram["counts"]:
            ax.stairs(histogram["counts"], histogram["edges"], fill=True, color=KEPT_COLOR)
            ax.axvline(stats["percentiles"]["p50"], color="black", linewidth=1, label="median")
            ax.axvline(stats["percentiles"]["p95"], color="black", linestyle=":", linewidth=1, label="p95")
        if stats["limit"]:
            ax.axvline(stats["limit"], color=DROPPED_COLOR, linestyle="--", linewidth=1, label="limit")
            ax.set_xlim(0, 1.03 * max(stats["limit"], stats["max"] or 0))
        ax.set_title(f"{part} tokens")
        ax.set_ylabel("rows")
        ax.yaxis.get_major_locator().set_params(integer=True)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7)
    return figure
