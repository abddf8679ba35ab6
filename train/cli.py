"""The `train` command: `train run`, `train plan`, `train sample`, `train export` (and `train ablate`,
from train/ablate/).

Options of `train run` (and `train plan`) may also come from a YAML file (--config): keys are the
option names (seq-len or seq_len); options given on the command line win. Errors the user can fix
print `error: ...` on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from curate.errors import CurateError
from curate.store import Store
from train.ablate import cli as ablate_cli
from train.config import FIELDS, build_config, load_yaml, parse_mesh
from train.options import add_config_options

RUN_KEYS = ("data", "out", "store", "resume")  # options of the command, not of the RunConfig
ACCELERATORS = ("v5e", "v4", "v5p", "h100", "h200")  # train.plan.ACCELERATORS, without importing jax
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="train", description="LoRA-tune Gemma models on curated versions with Tunix.")
    verbs = parser.add_subparsers(dest="verb", required=True)

    run = verbs.add_parser("run", help="train a LoRA adapter on a curated version",
                           description="Train, evaluate, checkpoint and report into --out.")
    run.add_argument("--data", metavar="NAME[@vN]", help="curated version (NAME alone: its newest)")
    run.add_argument("--out", metavar="DIR", help="run folder")
    run.add_argument("--store", metavar="DIR", help="curated store (default: $CURATE_STORE or ./curated)")
    run.add_argument("--config", metavar="YAML", help="options from a YAML file; the command line wins")
    run.add_argument("--resume", action="store_true", default=None,
                     help="continue the run in --out from its last checkpoint (same options required)")
    add_config_options(run, "training options (also as YAML keys)")
    run.set_defaults(func=cmd_run)

    plan = verbs.add_parser(
        "plan", help="will a run fit? per-device memory before launching (same options as train run)",
        description=("Build the model and optimizer on abstract shapes over the requested mesh (simulated CPU "
                     "devices), and estimate per-device memory: parameters, LoRA and AdamW state, activations at "
                     "the batch, --seq-len and --remat asked, logits. Says whether it fits the accelerator's HBM "
                     "and the largest batch that does."))
    plan.add_argument("--data", metavar="NAME[@vN]", help="curated version: sets the default --seq-len")
    plan.add_argument("--store", metavar="DIR", help="curated store (default: $CURATE_STORE or ./curated)")
    plan.add_argument("--config", metavar="YAML", help="options from a YAML file; the command line wins")
    plan.add_argument("--accelerator", choices=ACCELERATORS, help="the chip to check against (HBM per chip)")
    plan.add_argument("--xla", action="store_true",
                      help="also compile the step for the simulated CPU devices and print XLA's buffer assignment")
    add_config_options(plan, "training options (as for train run)")
    plan.set_defaults(func=cmd_plan)

    export = verbs.add_parser("export", help="base + merged LoRA as a Hugging Face safetensors folder",
                              description="Write the run's base model with its adapter merged (latest checkpoint), "
                                          "tokenizer, config.json and a model card into --out.")
    export.add_argument("--run", required=True, metavar="DIR", help="run folder written by `train run`")
    export.add_argument("--out", required=True, metavar="DIR", help="new folder for the export")
    export.set_defaults(func=cmd_export)

    sample = verbs.add_parser("sample", help="generate with a run's trained adapter (greedy by default)")
    sample.add_argument("--run", required=True, metavar="DIR", help="run folder written by `train run`")
    sample.add_argument("--prompt", action="append", default=[], help="a user prompt (repeatable)")
    sample.add_argument("--prompts", metavar="FILE", help="prompts, one per line, or JSONL with a \"prompt\" key")
    sample.add_argument("--max-new-tokens", type=int, metavar="N", help="default: the run's --max-new-tokens")
    sample.add_argument("--temperature", type=float, default=0.0, help="0 (default) decodes greedily")
    sample.add_argument("--top-p", type=float, help="nucleus sampling threshold when --temperature > 0")
    sample.add_argument("--seed", type=int, default=0)
    sample.add_argument("--base", action="store_true", help="use the base model, without the adapter")
    sample.add_argument("--json", action="store_true", help="print one JSON object per reply")
    sample.set_defaults(func=cmd_sample)

    ablate_cli.register(verbs)
    return parser


def _options(args: argparse.Namespace) -> tuple[dict, dict]:
    """(RunConfig options, command options), YAML first, the command line winning."""
    options = load_yaml(args.config) if args.config else {}
    options.update({k: v for k, v in vars(args).items() if k in FIELDS or k in RUN_KEYS if v is not None})
    command = {key: options.pop(key, None) for key in RUN_KEYS}
    return options, command


def cmd_run(args: argparse.Namespace) -> int:
    options, command = _options(args)
    if not command["data"]:
        raise CurateError("--data NAME[@vN] is required")
    if not command["out"]:
        raise CurateError("--out DIR is required")
    config = build_config(options)

    from train.run import run_from_store

    out = Path(command["out"])
    m = run_from_store(config, command["data"], Store(command["store"]), out, resume=bool(command["resume"]))
    print(f"eval loss {_num(m['eval_loss_start'])} -> {_num(m['eval_loss'])}; "
          f"{m['tokens_seen']:,} tokens seen, padding {m['padding_share']:.1%}; "
          f"format compliance base {m['base_compliance']:.0%}, tuned {m['compliance']:.0%}")
    if m["examples_dropped"] or m["examples_truncated"]:
        total = m["examples_trained"] + m["examples_dropped"]
        print(f"longer than --seq-len {m['seq_len']}: {m['examples_dropped']} of {total} training examples "
              f"dropped, {m['examples_truncated']} truncated (--overlong {config.overlong})")
    print(f"report: {out / 'report.md'}")
    return 0


def _simulate_devices(count: int) -> None:
    """`train plan` lays the model out on `count` CPU devices: XLA must be told before jax starts."""
    if "jax" in sys.modules:
        import jax

        if jax.device_count() != count:
            raise CurateError(f"train plan needs {count} simulated devices but jax already started with "
                              f"{jax.device_count()}: run it in a fresh process")
        return
    flags = [f for f in os.environ.get("XLA_FLAGS", "").split() if "device_count" not in f]
    os.environ["XLA_FLAGS"] = " ".join([*flags, f"--xla_force_host_platform_device_count={count}"])
    os.environ["JAX_PLATFORMS"] = "cpu"


def cmd_plan(args: argparse.Namespace) -> int:
    options, command = _options(args)
    config = build_config(options)
    _simulate_devices(math.prod(parse_mesh(config.mesh).values()) if config.mesh else 1)

    from train.plan import compiled_bytes, make_plan, plan_inputs, render

    inputs = plan_inputs(config, command["data"], Store(command["store"]), args.accelerator)
    for note in inputs.notes:
        print(note, file=sys.stderr)
    plan = make_plan(inputs.family, inputs.base_cfg, inputs.config, inputs.flash_block, inputs.random)
    xla = compiled_bytes(plan) if args.xla else None
    print(render(plan, config.model, args.accelerator, xla))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from train.export import export_run

    done = export_run(Path(args.run), Path(args.out))
    print(f"exported step {done['step']} of {args.run} to {done['out']}: {', '.join(done['files'])}")
    return 0


def _num(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def _read_prompts(path: str) -> list[str]:
    if path.endswith(".jsonl"):
        from train.evaluate import load_prompts

        return [p["prompt"] for p in load_prompts(path)]
    try:
        return [line for line in Path(path).read_text().splitlines() if line.strip()]
    except OSError as e:
        raise CurateError(f"cannot read prompts file {path}: {e.strerror}") from None


def cmd_sample(args: argparse.Namespace) -> int:
    prompts = list(args.prompt) + (_read_prompts(args.prompts) if args.prompts else [])
    if not prompts:
        raise CurateError("give --prompt TEXT or --prompts FILE")
    if args.max_new_tokens is not None and args.max_new_tokens < 1:
        raise CurateError("--max-new-tokens must be at least 1")

    from train.config import RANDOM_NOTE
    from train.run import read_run_config, sample

    saved = read_run_config(Path(args.run))
    if saved is not None and saved["config"].get("model") == "tiny":
        print(f"note: {RANDOM_NOTE}", file=sys.stderr)
    replies = sample(Path(args.run), prompts, args.max_new_tokens, args.temperature, args.top_p, args.seed, args.base)
    for prompt, reply in zip(prompts, replies):
        if args.json:
            print(json.dumps({"prompt": prompt, "reply": reply["text"], "tokens": reply["tokens"]}))
        else:
            print(f"### {prompt}\n{reply['text']}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CurateError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
