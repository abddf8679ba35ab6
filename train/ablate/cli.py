"""The `train ablate` verb: options or a YAML spec -> AblationSpec -> run_ablation; `ablate show DIR`.

`register(subparsers)` adds the verb to the `train` command; `main(args)` runs it and returns the
exit code (2 with `error: ...` on stderr for anything the user can fix).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from curate.errors import CurateError
from curate.store import Store
from train.ablate import report as ablate_report
from train.ablate.mix import Arm, check_arm_name, mix_from_mapping, parse_arm, parse_mix
from train.ablate.run import AblationSpec, run_ablation
from train.config import FIELDS, build_config, load_yaml
from train.options import add_config_options

# options of the ablation itself; every other spec key is a RunConfig field (as in `train run`)
ABLATION_KEYS = ("data", "arms", "store", "out", "seeds", "search", "allow_repeat", "eval_per_topic")
# each arm trains one pass over rows drawn to the budget that --steps sets: --epochs has no meaning here
NOT_FOR_ARMS = ("epochs",)
TRAINING_FIELDS = [name for name in FIELDS if name not in NOT_FOR_ARMS]

EPILOG = """\
examples:
  train ablate --data writing-summary --arm writing=1 --arm writing=0.5,summary=0.5 --arm summary=1 \\
      --model tiny --steps 20 --out runs/ws-mix
  train ablate --arm "both: writing-summary@v2=0.7,ideation@v1=0.3" --arm ideation@v1=1 --out runs/x
  train ablate --spec ablation.yaml --seeds 3      (command-line options override the YAML)
  train ablate show runs/ws-mix

A mix's weights are normalized shares of training tokens. Every arm trains on the same number of
tokens (steps x grad_accum x batch_size x seq_len), with the same hyper-parameters and seeds, and is evaluated on
one held-out set shared by all arms. Rerunning a command skips the runs already finished.
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add `ablate` (and `ablate show DIR`) to the `train` command's subparsers."""
    p = subparsers.add_parser(
        "ablate",
        help="compare data mixes with equal budgets on one shared eval set",
        description="Train one small model per data mix (arm) under identical conditions and compare them.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--spec",
        metavar="YAML",
        help="ablation spec; keys as the options below, arms as a list or NAME: MIX mapping",
    )
    p.add_argument("--data", metavar="NAME[@vN]", help="the version whose topics the arms mix")
    p.add_argument(
        "--arm",
        action="append",
        dest="arms",
        metavar="[NAME:]MIX",
        help="e.g. writing=0.5,summary=0.5 or v2-only: writing-summary@v2=1 (repeatable; default names arm1, arm2...)",
    )
    p.add_argument("--store", metavar="DIR", help="curated store (default: $CURATE_STORE or ./curated)")
    p.add_argument("--out", type=Path, metavar="DIR", help="ablation folder (rerun to resume)")
    p.add_argument("--seeds", type=int, metavar="S", help="seeds per arm, from --seed on (default 1)")
    p.add_argument(
        "--search",
        type=int,
        metavar="K",
        help="also train K Dirichlet-sampled mixes, fit loss ~ mix, train the predicted best",
    )
    p.add_argument(
        "--allow-repeat",
        action="store_true",
        default=None,
        help="allow a budget that needs more than one epoch of an arm's data",
    )
    p.add_argument(
        "--eval-per-topic",
        type=int,
        metavar="N",
        help="evaluate at most N held-out rows per topic (default 32)",
    )
    add_config_options(
        p, "training, the same for every arm (options of `train run`; --steps sets the budget)", exclude=NOT_FOR_ARMS
    )
    verbs = p.add_subparsers(dest="ablate_verb", metavar="{show}")
    show = verbs.add_parser("show", help="print the results table of an ablation folder")
    show.add_argument("dir", type=Path)
    p.set_defaults(func=main)
    return p


def _arms(value, where: str) -> tuple[Arm, ...]:
    """CLI strings, a YAML list of '[NAME:] MIX' strings, or a YAML mapping NAME -> MIX."""
    if isinstance(value, dict):
        arms = []
        for name, mix in value.items():
            if isinstance(mix, dict):
                arms.append(Arm(check_arm_name(str(name)), mix_from_mapping(mix, f"arm {name!r}")))
            else:
                arms.append(Arm(check_arm_name(str(name)), parse_mix(str(mix))))
        return tuple(arms)
    if isinstance(value, list):
        if not all(isinstance(text, str) for text in value):
            raise CurateError(f"{where}: each arm in a list must be a string '[NAME:] MIX'")
        return tuple(parse_arm(str(text), f"arm{i}") for i, text in enumerate(value, 1))
    raise CurateError(f"{where}: arms must be a list of mixes or a mapping NAME: MIX")


def _integer(settings: dict, key: str, default: int) -> int:
    value = settings.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CurateError(f"--{key.replace('_', '-')} must be a whole number, got {value!r}")
    return value


def spec_from_args(args: argparse.Namespace) -> tuple[AblationSpec, Path, Store]:
    """Merge the YAML spec (if any) with the options; options given on the command line win."""
    settings = load_yaml(args.spec) if args.spec else {}
    for key in (*ABLATION_KEYS, *TRAINING_FIELDS):
        value = getattr(args, key, None)
        if value is not None:
            settings[key] = value
    if "epochs" in settings:
        raise CurateError(
            "--epochs does not apply to an ablation: --steps sets the token budget of every arm"
        )
    unknown = sorted(set(settings) - set(ABLATION_KEYS) - set(TRAINING_FIELDS))
    if unknown:
        raise CurateError(
            f"unknown spec key(s) {', '.join(unknown)}; known: {', '.join(sorted({*ABLATION_KEYS, *TRAINING_FIELDS}))}"
        )
    if not settings.get("out"):
        raise CurateError("--out DIR is required (the ablation folder)")
    config = build_config({key: value for key, value in settings.items() if key in FIELDS})
    spec = AblationSpec(
        config=config,
        arms=_arms(settings.get("arms") or [], str(args.spec or "--arm")),
        data=settings.get("data"),
        seeds=_integer(settings, "seeds", 1),
        allow_repeat=settings.get("allow_repeat", False) is True,
        search=_integer(settings, "search", 0),
        eval_per_topic=_integer(settings, "eval_per_topic", 32),
    )
    if spec.seeds < 1:
        raise CurateError(f"--seeds must be at least 1, got {spec.seeds}")
    if spec.search < 0:
        raise CurateError(f"--search must be >= 0, got {spec.search}")
    if spec.eval_per_topic < 1:
        raise CurateError(f"--eval-per-topic must be at least 1, got {spec.eval_per_topic}")
    return spec, Path(settings["out"]), Store(settings.get("store"))


def main(args: argparse.Namespace) -> int:
    try:
        if args.ablate_verb == "show":
            print(ablate_report.show(args.dir))
            return 0
        spec, out, store = spec_from_args(args)
        results = run_ablation(spec, out, store)
    except CurateError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    print(ablate_report.table(results))
    print()
    for verdict in results["verdicts"]:
        print(f"- {verdict['text']}")
    print(f"\nreport: {out / ablate_report.REPORT}")
    return 0
