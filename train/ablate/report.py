"""Results of an ablation: results.json, the markdown report, plots, and the verdict per metric.

A verdict says which arm is best on a metric and whether its lead over the runner-up is larger than
the seed spread (the sum of both arms' standard deviations over seeds): below that, the ranking is
as likely to be luck of the seed as an effect of the mix.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from curate.errors import CurateError
from train.config import RANDOM_NOTE

RESULTS = "results.json"
REPORT = "report.md"
PLOTS = "plots"
LOSS_BY_TOPIC = "eval_loss_by_topic"
# metrics with a direction get a verdict; the others (lengths, tokens seen) are only reported
LOWER_BETTER = ("eval_loss",)
HIGHER_BETTER = ("compliance",)
TABLE_EXTRA = ("compliance", "mean_answer_len")  # generation metrics shown after the eval losses


def flatten(metrics: dict) -> dict[str, float]:
    """train_on's metrics as flat numbers: eval_loss_by_topic becomes eval_loss/TOPIC."""
    flat = {}
    for key, value in metrics.items():
        if key == LOSS_BY_TOPIC and isinstance(value, dict):
            flat.update({f"eval_loss/{topic}": float(v) for topic, v in value.items()})
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            flat[key] = float(value)
    return flat


def direction(metric: str) -> int:
    """-1 when lower is better, +1 when higher is better, 0 when neither."""
    if metric.split("/")[0] in LOWER_BETTER:
        return -1
    return 1 if metric in HIGHER_BETTER else 0


def summarize(runs: list[dict]) -> dict[str, dict]:
    """Mean, standard deviation (over seeds, ddof=1) and count of every metric."""
    values: dict[str, list[float]] = {}
    for run in runs:
        for key, value in flatten(run["metrics"]).items():
            values.setdefault(key, []).append(value)
    return {
        key: {
            "mean": float(np.mean(v)),
            "std": float(np.std(v, ddof=1)) if len(v) > 1 else None,
            "n": len(v),
        }
        for key, v in values.items()
    }


def mean_realized(runs: list[dict]) -> dict[str, float]:
    keys = list(runs[0]["realized"])
    return {key: float(np.mean([run["realized"].get(key, 0.0) for run in runs])) for key in keys}


def _verdict(arms: list[dict], metric: str) -> dict | None:
    sign = direction(metric)
    ranked = [a for a in arms if metric in a["summary"]]
    if sign == 0 or len(ranked) < 2:
        return None
    ranked.sort(key=lambda a: -sign * a["summary"][metric]["mean"])
    best, second = ranked[0]["summary"][metric], ranked[1]["summary"][metric]
    gap = abs(best["mean"] - second["mean"])
    if gap == 0:
        tied = [a["name"] for a in ranked if a["summary"][metric]["mean"] == best["mean"]]
        text = f"{metric}: no best arm, {', '.join(tied)} tie at {_fmt(best, metric)}"
        return {
            "metric": metric,
            "best": None,
            "runner_up": None,
            "gap": 0.0,
            "spread": None,
            "exceeds_spread": False,
            "text": text,
        }
    if best["std"] is None or second["std"] is None:
        spread, exceeds = None, None
        judgement = "spread unknown with a single seed (use --seeds 3 to tell)"
    else:
        spread = best["std"] + second["std"]
        exceeds = gap > spread
        judgement = (
            f"the gap exceeds the seed spread ({spread:.4g})"
            if exceeds
            else f"the gap is within the seed spread ({spread:.4g}): not a reliable difference"
        )
    text = (
        f"{metric}: best is {ranked[0]['name']} ({_fmt(best, metric)}), ahead of {ranked[1]['name']} "
        f"({_fmt(second, metric)}) by {gap:.4g}; {judgement}"
    )
    return {
        "metric": metric,
        "best": ranked[0]["name"],
        "runner_up": ranked[1]["name"],
        "gap": gap,
        "spread": spread,
        "exceeds_spread": exceeds,
        "text": text,
    }


def _load_runs(out: Path, name: str) -> list[dict]:
    paths = sorted((out / "runs" / name).glob("seed-*/result.json"), key=lambda p: int(p.parent.name[5:]))
    return [json.loads(p.read_text()) for p in paths]


def build_results(out: Path, state: dict, results: dict[str, list[dict]], search: dict | None,
                  warnings: list[str] = ()) -> dict:
    """results.json: setup, every arm (asked, realized, tokens, per-seed runs, summary), verdicts.

    Arms recorded under DIR by an earlier command (same setup) are included from their files.
    """
    arms = []
    notes = list(warnings)
    for name, recorded in state["arms"].items():
        runs = results.get(name) or _load_runs(out, name)
        if not runs:
            continue
        for run in runs:
            for key in run["ran_out"]:
                notes.append(
                    f"{name} seed {run['seed']}: {key} ran out (asked {recorded['mix'][key]:.1%} of the "
                    f"tokens, got {run['realized'][key]:.1%}); the other components filled in"
                )
            epochs = max(run["epochs_by_component"].values())
            if epochs > 1:
                notes.append(
                    f"{name} seed {run['seed']}: rows repeated, up to {epochs:.2f} epochs of a component"
                )
            steps, asked = run["metrics"].get("steps"), state["frame"]["config"]["steps"]
            if steps is not None and steps != asked:
                config = state["frame"]["config"]
                notes.append(
                    f"{name} seed {run['seed']}: {steps} steps, not --steps {asked}: --steps sets the token budget "
                    f"({state['frame']['budget_tokens']:,}) and the arm trains one pass over the rows drawn to it; "
                    f"packed into rows of {config['seq_len']} tokens with "
                    f"{run['metrics'].get('padding_share') or 0.0:.0%} padding, they fill {steps} whole steps of "
                    f"{config['batch_size']} x {config['grad_accum']} rows (a last partial step is left out, "
                    "not filled with repeated rows)"
                )
        tokens = [run["tokens"] for run in runs]
        arms.append(
            {
                "name": name,
                "asked": recorded["mix"],
                "realized": mean_realized(runs),
                "tokens": {"mean": float(np.mean(tokens)), "min": min(tokens), "max": max(tokens)},
                "seeds": [run["seed"] for run in runs],
                "summary": summarize(runs),
                "runs": runs,
            }
        )
    metrics = sorted({m for arm in arms for m in arm["summary"]}, key=_metric_order)
    verdicts = [v for v in (_verdict(arms, m) for m in metrics) if v]
    return {
        "out": str(out),
        **state["frame"],
        "arms": arms,
        "verdicts": verdicts,
        "notes": notes,
        "search": search,
    }


def _metric_order(metric: str) -> tuple:
    return (metric != "eval_loss", not metric.startswith("eval_loss/"), direction(metric) == 0, metric)


def _fmt(summary: dict | None, metric: str = "") -> str:
    if summary is None:
        return "-"
    if metric == "compliance":  # a share of the generation prompts
        spread = f" ± {summary['std']:.0%}" if summary["std"] is not None else ""
        return f"{summary['mean']:.0%}{spread}"
    if summary["std"] is None:
        return f"{summary['mean']:.4g}"
    return f"{summary['mean']:.4g} ± {summary['std']:.2g}"


def _mix(mix: dict[str, float]) -> str:
    return ", ".join(f"{key} {weight:.0%}" for key, weight in mix.items())


def table(results: dict) -> str:
    """The markdown table: arm, asked and realized mix, tokens, metrics (mean ± std over seeds)."""
    metrics = sorted({m for arm in results["arms"] for m in arm["summary"]}, key=_metric_order)
    shown = [m for m in metrics if m == "eval_loss" or m.startswith("eval_loss/")]
    shown += [m for m in TABLE_EXTRA if m in metrics]
    header = ["arm", "asked mix", "realized mix", "tokens drawn", "tokens trained", "steps", "seeds", *shown]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for arm in results["arms"]:
        ran_out = any(run["ran_out"] for run in arm["runs"])
        cells = [
            arm["name"],
            _mix(arm["asked"]),
            _mix(arm["realized"]) + (" (ran out)" if ran_out else ""),
            f"{arm['tokens']['mean']:,.0f}",
            *(
                f"{arm['summary'][m]['mean']:,.0f}" if m in arm["summary"] else "-"
                for m in ("tokens_seen", "steps")
            ),
            str(len(arm["seeds"])),
            *(_fmt(arm["summary"].get(m), m) for m in shown),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _search_section(search: dict) -> list[str]:
    fit = search["fit"]
    coef = ", ".join(f"{key} {b:+.3g}" for key, b in fit["coef"].items())
    return [
        "## Mix search (RegMix-style)",
        "",
        (
            f"Fitted `{fit['model']}` on the realized token shares of {fit['points']} finished arms "
            f"(the Dirichlet-sampled proxies `search-*` and the arms given); b: {coef} (negative: the "
            f"component helps). Leave-one-out error {fit['loo_rmse']:.3g}."
        ),
        "",
        f"- predicted best mix: {_mix(search['mix'])}",
        f"- predicted eval loss: {search['predicted_eval_loss']:.4g}",
        f"- measured eval loss (arm `predicted-best`): {_fmt(search['measured_eval_loss'])}",
        "",
    ]


def _component(key: str, c: dict) -> str:
    dropped = f", {c['dropped_overlong']} longer than --seq-len left out" if c["dropped_overlong"] else ""
    return f"{key} ({c['version']}, {c['train_rows']} training rows{dropped})"


def markdown(results: dict) -> str:
    config = results["config"]
    evaluation = results["eval"]
    by_topic = ", ".join(f"{t} {n}" for t, n in evaluation["rows_by_topic"].items())
    lines = [
        f"# Data-mix ablation: {results['out']}",
        "",
        *([f"> **Note**: {RANDOM_NOTE}.", ""] if config["model"] == "tiny" else []),
        f"- data: {results['data'] or 'versions named in the arms'}; components: "
        + ", ".join(_component(key, c) for key, c in results["components"].items()),
        (
            f"- model {config['model']}, lr {config['lr']:g}, LoRA rank {config['lora_rank']}; budget per arm "
            f"{results['budget_tokens']:,} tokens (--steps {config['steps']}: {results['budget_rule']}); "
            "mix weights are shares of these tokens"
        ),
        f"- seeds from {results['first_seed']}; search proxies use the first seed only",
        (
            f"- shared eval set: {evaluation['rows']} held-out rows ({by_topic}), never trained on by any arm, "
            "plus the fixed generation prompts of `train run`"
        ),
        "",
        table(results),
        "",
        (
            "Tokens drawn: the rows sampled for the arm (the budget, give or take one row). Tokens trained: "
            "what the trainer saw, a little less because the last partial batch is left out instead of "
            "repeating rows. Metrics are the mean ± standard deviation over seeds."
        ),
        "",
        "## Verdict",
        "",
        *(f"- {v['text']}" for v in results["verdicts"]),
        *([] if results["verdicts"] else ["- fewer than two finished arms: nothing to compare yet"]),
        "",
    ]
    if results["notes"]:
        lines += ["## Notes", "", *(f"- {note}" for note in results["notes"]), ""]
    if results["search"]:
        lines += _search_section(results["search"])
    lines += [
        f"![eval loss per arm]({PLOTS}/eval_loss.png)",
        "",
        f"![eval loss per topic]({PLOTS}/eval_loss_by_topic.png)",
        "",
    ]
    return "\n".join(lines)


def _mark_break(ax, axis: str, start: float) -> None:
    """Zoomed axes do not start at zero: say so on the axis and draw the usual break marks at its origin."""
    kw = {"transform": ax.transAxes, "color": "k", "clip_on": False, "linewidth": 1}
    if axis == "x":
        for dx in (0.0, 0.012):
            ax.plot([dx - 0.006, dx + 0.006], [-0.03, 0.03], **kw)
        ax.set_xlabel(f"{ax.get_xlabel()}\naxis broken: starts at {start:.3g}, not 0")
    else:
        for dy in (0.0, 0.02):
            ax.plot([-0.015, 0.015], [dy - 0.01, dy + 0.01], **kw)
        ax.set_ylabel(f"{ax.get_ylabel()}\n(axis broken: starts at {start:.3g}, not 0)")


def _zoom(values: list[float], margin: float) -> tuple[float, float]:
    low, high = min(values), max(values)
    span = max(high - low, 0.01 * abs(high), 1e-6)
    return low - margin * span, high + margin * span


def _err(summary: dict | None) -> float:
    return summary["std"] if summary and summary["std"] is not None else 0.0


def eval_loss_figure(arms: list[dict]):
    """Eval loss per arm: bars labelled with the mix each arm trained on, the best in green."""
    import matplotlib.pyplot as plt

    labels = [f"{a['name']}: {_mix(a['realized'])}" for a in arms]  # the mix each arm really got
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(arms) + 2))
    means = [a["summary"]["eval_loss"]["mean"] for a in arms]
    best = int(np.argmin(means)) if means else -1
    colors = ["tab:green" if i == best else "tab:blue" for i in range(len(arms))]
    ax.barh(labels, means, xerr=[_err(a["summary"]["eval_loss"]) for a in arms], color=colors)
    ax.invert_yaxis()
    ax.set_title("Eval loss per arm, on the shared held-out set (green: best)")
    ax.set_xlabel("eval loss (nats/token; lower is better; bars: ± std over seeds)")
    if means:
        low, high = _zoom(means, 0.5)
        ax.set_xlim(max(low, 0.0), high)
        if low > 0:  # differences of a few % vanish on an axis from zero: zoom, and mark the break
            _mark_break(ax, "x", low)
    fig.tight_layout()
    return fig


def by_topic_figure(arms: list[dict]):
    """Eval loss per topic of the held-out rows, one bar per arm (legend: arm and mix)."""
    import matplotlib.pyplot as plt

    topics = sorted({m.split("/", 1)[1] for a in arms for m in a["summary"] if m.startswith("eval_loss/")})
    fig, ax = plt.subplots(figsize=(max(7, 1.2 * len(topics) * max(1, len(arms)) / 3), 4.5))
    width = 0.8 / max(1, len(arms))
    x = np.arange(len(topics))
    for i, arm in enumerate(arms):
        stats = [arm["summary"].get(f"eval_loss/{t}") for t in topics]
        heights = [s["mean"] if s else math.nan for s in stats]
        ax.bar(x + i * width - 0.4 + width / 2, heights, width, yerr=[_err(s) for s in stats],
               label=f"{arm['name']}: {_mix(arm['realized'])}")
    ax.set_xticks(x, topics)
    ax.set_xlabel("topic of the held-out rows")
    ax.set_ylabel("eval loss (lower is better)")
    ax.set_title("Eval loss per topic and arm")
    values = [s["mean"] for a in arms for m, s in a["summary"].items() if m.startswith("eval_loss/")]
    if values:
        low, high = _zoom(values, 0.3)
        ax.set_ylim(max(low, 0.0), high)
        if low > 0:
            _mark_break(ax, "y", low)
    ax.legend(fontsize="small", ncol=max(1, len(arms) // 8))
    fig.tight_layout()
    return fig


def plot(out: Path, results: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = out / PLOTS
    folder.mkdir(exist_ok=True)
    arms = [a for a in results["arms"] if "eval_loss" in a["summary"]]
    for make, name in ((eval_loss_figure, "eval_loss.png"), (by_topic_figure, "eval_loss_by_topic.png")):
        fig = make(arms)
        fig.savefig(folder / name, dpi=120)
        plt.close(fig)


def write_all(out: Path, results: dict) -> None:
    (out / RESULTS).write_text(json.dumps(results, indent=2) + "\n")
    (out / REPORT).write_text(markdown(results))
    plot(out, results)


def show(out: Path) -> str:
    """What `train ablate show DIR` prints: the table and the verdicts."""
    path = out / RESULTS
    if not path.is_file():
        raise CurateError(f"{path} not found: run `train ablate ... --out {out}` first")
    results = json.loads(path.read_text())
    verdicts = [f"- {v['text']}" for v in results["verdicts"]]
    return "\n".join([table(results), "", *verdicts, *(f"- note: {n}" for n in results["notes"])])
