"""A run's readable outputs: metrics.csv / eval.csv / metrics.json, loss.png and report.md."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import polars as pl

from train.config import RANDOM_NOTE
from train.evaluate import CHECKS, check_format

REPLY_CHARS = 600  # per reply in the report; run.json has the numbers, the report is for reading


def write_all(out: Path, record: dict, log, prompts: list[dict], replies: dict[str, list[dict]]) -> None:
    train, evals = log.of_kind("train"), log.of_kind("eval")
    if train:
        pl.DataFrame(train).drop("kind").write_csv(out / "metrics.csv")
    if evals:
        pl.DataFrame([
            {"step": e["step"], "eval_loss": e["eval_loss"], **{f"eval_loss_{t}": v for t, v in e["eval_loss_by_topic"].items()}}
            for e in evals
        ]).write_csv(out / "eval.csv")
    (out / "metrics.json").write_text(json.dumps({"train": train, "eval": evals}, indent=1) + "\n")
    (out / "generations.json").write_text(json.dumps(
        [{**p, **{name: replies[name][i] for name in replies}} for i, p in enumerate(prompts)], indent=1) + "\n")
    plot_loss(train, evals, out / "loss.png")
    (out / "report.md").write_text(render(record, prompts, replies))


def plot_loss(train: list[dict], evals: list[dict], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4))
    if train:
        ax.plot([r["step"] for r in train], [r["loss"] for r in train], label="train loss", linewidth=1)
    if evals:
        ax.plot([e["step"] for e in evals], [e["eval_loss"] for e in evals], "o-", label="eval loss")
    ax.set_xlabel("step")
    ax.set_ylabel("cross-entropy (nats/token)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def render(record: dict, prompts: list[dict], replies: dict[str, list[dict]]) -> str:
    m, data, cfg, ex = record["metrics"], record["data"], record["config"], record["examples"]
    gen = record["generation"]
    lines = [
        f"# Training run: {cfg['model']} on {data.get('ref', 'given rows')}",
        "",
        *([f"> **Note**: {RANDOM_NOTE}.", ""] if record["model"].get("random") else []),
        *(f"> {warning}" for warning in record.get("warnings", [])),
        *([""] if record.get("warnings") else []),
        (f"Code `{record['code_version']}`, {record['device']['count']} x {record['device']['kind']} "
         f"(mesh {record['device']['mesh']}), finished {record['finished']}."),
        "",
        "| | |",
        "|---|---|",
        (f"| steps | {m['steps']} (batch {cfg['batch_size']} x {cfg['seq_len']} tokens, "
         f"{'packed' if cfg['pack'] else 'padded'}, accumulation {cfg['grad_accum']}, remat {cfg['remat']}, "
         f"{record['training']['attention']} attention) |"),
        (f"| examples | {ex['train']} train, {ex['eval']} eval; longer than --seq-len ({ex['overlong_policy']}): "
         f"{ex['dropped_overlong']['train']} dropped, {ex['truncated']['train']} truncated (train) |"),
        f"| tokens seen | {_fmt(m['tokens_seen'])} real tokens, {_fmt(m['loss_tokens_seen'])} in the loss |",
        f"| padding share | {m['padding_share']:.1%} |",
        f"| tokens/s | {_fmt(m['tokens_per_s'], 0)} (real tokens, median step) |",
        (f"| LoRA | rank {cfg['lora_rank']}, alpha {cfg['lora_alpha']}, {record['model']['lora_params']:,} params"
         f"{', nf4 base' if cfg['quantize'] else ''} |"),
        f"| train loss (last step) | {_fmt(m['train_loss'])} |",
        f"| eval loss | {_fmt(m['eval_loss_start'])} at start -> {_fmt(m['eval_loss'])} |",
        "",
        "![loss](loss.png)",
        "",
        "## Eval loss by topic",
        "",
        "| topic | eval loss | train tokens |",
        "|---|---|---|",
    ]
    for topic, loss in m["eval_loss_by_topic"].items():
        lines.append(f"| {topic} | {loss:.3f} | {m['train_tokens_by_topic'].get(topic, 0):,} |")
    lines += [
        "",
        f"## Answer format on {len(prompts)} fixed prompts (base vs tuned)",
        "",
        ("Compliant: `<reasoning>` and `<answer>` tags present, in order, a non-empty answer, nothing "
         f"after `</answer>`. Greedy decoding, at most {cfg['max_new_tokens']} new tokens."),
        "",
        "| | base | tuned |",
        "|---|---|---|",
    ]
    for name in (*CHECKS, "mean_output_tokens", "mean_answer_tokens"):
        b, t = gen["base"][name], gen["tuned"][name]
        shown = (f"{b:.0%}", f"{t:.0%}") if name in CHECKS else (f"{b:.1f}", f"{t:.1f}")
        lines.append(f"| {name.replace('_', ' ')} | {shown[0]} | {shown[1]} |")
    lines += ["", "## Replies", ""]
    for i, p in enumerate(prompts):
        lines += [f"### {p['id']} ({p.get('topic') or '-'})", "", f"> {p['prompt']}", ""]
        for name in replies:
            reply = replies[name][i]
            ok = "compliant" if check_format(reply["text"])["compliant"] else "not compliant"
            text = reply["text"][:REPLY_CHARS] + (" [...]" if len(reply["text"]) > REPLY_CHARS else "")
            lines += [f"**{name}** ({reply['tokens']} tokens, {ok}):", "", "```text", text, "```", ""]
    return "\n".join(lines) + "\n"
