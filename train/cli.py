"""The `train` command: `train run`, `train sample` (and `train ablate`, from train/ablate/).

Options of `train run` may also come from a YAML file (--config): keys are the option names
(seq-len or seq_len); options given on the command line win. Errors the user can fix print
`error: ...` on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from curate.errors import CurateError
from curate.store import Store
from train.ablate import cli as ablate_cli
from train.config import FIELDS, build_config, load_yaml
from train.options import add_config_options

RUN_KEYS = ("data", "out", "store", "resume")  # options of the command, not of the RunConfig
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


def cmd_run(args: argparse.Namespace) -> int:
    options = load_yaml(args.config) if args.config else {}
    options.update({k: v for k, v in vars(args).items() if k in FIELDS or k in RUN_KEYS if v is not None})
    command = {key: options.pop(key, None) for key in RUN_KEYS}
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
        print(f"longer than --seq-len {config.seq_len}: {m['examples_dropped']} of {total} training examples "
              f"dropped, {m['examples_truncated']} truncated (--overlong {config.overlong})")
    print(f"report: {out / 'report.md'}")
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

    from train.run import sample

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
