"""The data-cards command: show, list, diff and build cards of the versions in a curate store.

User errors (CurateError) print `error: <message>` to stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

import yaml
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from curate.errors import CurateError
from curate.store import Store, Version, default_store_root
from data_cards.card import CARD_JSON, README, write_card
from data_cards.compute import CARD_FORMAT, checked_manifest
from data_cards.diff import diff_versions
from data_cards.plots import PLOTS_DIR
from data_cards.render import split_front_matter

PIPED_WIDTH = 240


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except CurateError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        type=str,
        default=str(default_store_root()),
        help="store folder (default: $CURATE_STORE or ./curated)",
    )
    parser = argparse.ArgumentParser(prog="data-cards", description="Data cards of curated versions.")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    show = verbs.add_parser("show", parents=[common], help="render a version's card")
    show.add_argument("ref", metavar="NAME[@vN]", help="a version; the newest when @vN is left out")
    show.add_argument("--format", choices=("md", "json"), default="md")
    show.set_defaults(run=_show)

    listing = verbs.add_parser("list", parents=[common], help="every version with its headline numbers")
    listing.add_argument(
        "--verify", action="store_true", help="also check every shard's sha256 (reads all data)"
    )
    listing.set_defaults(run=_list)

    diff = verbs.add_parser("diff", parents=[common], help="what changed between two versions")
    diff.add_argument("a", metavar="NAME@vA")
    diff.add_argument("b", metavar="NAME@vB")
    diff.add_argument("--format", choices=("table", "json"), default="table")
    diff.set_defaults(run=_diff)

    build = verbs.add_parser("build", parents=[common], help="regenerate a card from the shards and manifest")
    build.add_argument("ref", metavar="NAME[@vN]")
    build.set_defaults(run=_build)
    return parser


def _table_console() -> Console:
    """Tables at the terminal's width; piped, wide enough that no cell is cut off with an ellipsis."""
    return Console() if sys.stdout.isatty() else Console(width=PIPED_WIDTH)


def _read_card_file(version: Version, name: str) -> str:
    path = version.path / name
    if not path.is_file():
        raise CurateError(
            f"{version.ref} has no card yet ({name} missing): run `data-cards build {version.ref}`"
        )
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CurateError(f"{version.ref}: cannot read {name} ({e})") from None


def _show(args) -> int:
    version = Store(args.store).resolve(args.ref)
    version.verify()
    if args.format == "json":
        text = _read_card_file(version, CARD_JSON)
        try:
            json.loads(text)
        except json.JSONDecodeError as e:
            raise CurateError(
                f"{version.ref}: card.json is corrupt ({e}): run `data-cards build {version.ref}`"
            ) from None
        print(text, end="")
        return 0
    meta, body = split_front_matter(_read_card_file(version, README))
    plots_uri = (version.path / PLOTS_DIR).resolve().as_uri()
    console = Console()
    console.print(Syntax(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).rstrip(), "yaml"))
    console.print(Markdown(body.replace(f"]({PLOTS_DIR}/", f"]({plots_uri}/")))
    return 0


def _list(args) -> int:
    store = Store(args.store)
    versions = store.all_versions()
    if not versions:
        raise CurateError(f"no versions in store {store.root}: publish one with `curate build`")
    table = Table(title=f"Versions in {store.root}")
    for column in ("Version", "Created", "Read", "Kept", "Topics", "Languages", "Median tokens", "Card"):
        table.add_column(
            column, no_wrap=column == "Version", justify="right" if column in ("Read", "Kept") else "left"
        )
    problems = []
    for version in versions:
        try:
            table.add_row(*map(escape, _headline(version, args.verify)))
        except CurateError as e:
            problems.append(str(e))
            table.add_row(version.ref, "-", "-", "-", "-", "-", "-", "[red]broken[/red]")
    _table_console().print(table)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 2 if problems else 0


def _headline(version: Version, verify: bool) -> list[str]:
    """One line from the manifest and, when present, card.json: cheap unless `verify` is set."""
    manifest = checked_manifest(version)
    if verify:
        version.verify()
    missing = [path.name for path in version.shard_paths if not path.is_file()]
    if missing:
        raise CurateError(f"{version.ref}: shard {missing[0]} is missing")
    funnel = manifest["funnel"]
    read, kept = funnel["read"], funnel["kept"]
    share = f" ({100 * kept / read:.0f}%)" if read else ""
    topics = languages = median = "-"
    status = "missing"
    card_path = version.path / CARD_JSON
    if card_path.is_file():
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
            topics = ", ".join(f"{t['topic']} {100 * t['share']:.0f}%" for t in card["topics"][:3])
            languages = ", ".join(lang["language"] for lang in card["languages"][:4])
            median = f"{card['lengths']['total']['percentiles'].get('p50', 0):,.0f}"
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise CurateError(
                f"{version.ref}: card.json is corrupt ({e}): run `data-cards build {version.ref}`"
            ) from None
        status = "ok" if card.get("card_format") == CARD_FORMAT else "outdated"
    return [
        version.ref,
        str(manifest["created"])[:10],
        f"{read:,}",
        f"{kept:,}{share}",
        topics,
        languages,
        median,
        status,
    ]


def _diff(args) -> int:
    store = Store(args.store)
    diff = diff_versions(store.resolve(args.a), store.resolve(args.b))
    if args.format == "json":
        print(json.dumps(diff, indent=2, ensure_ascii=False))
        return 0
    a, b = diff["a"], diff["b"]
    console = _table_console()

    config = Table(title="Config, source and code")
    for column in ("Setting", a, b):
        config.add_column(column)
    for change in diff["config"]:
        config.add_row(escape(change["key"]), escape(_value(change["a"])), escape(_value(change["b"])))
    console.print(config if diff["config"] else "Config, source and code: identical")

    funnel = Table(title="Funnel (rows)")
    for column, justify in (("Step", "left"), (a, "right"), (b, "right"), ("Δ", "right")):
        funnel.add_column(column, justify=justify)
    for line in diff["funnel"]:
        label = f"  {escape(line['reason'])}" if line["reason"] else f"[bold]{escape(line['stage'])}[/bold]"
        funnel.add_row(label, _count(line["a"]), _count(line["b"]), _delta(line["a"], line["b"]))
    console.print(funnel)

    for key, title in (("topics", "Topic mix"), ("languages", "Language mix")):
        mix = Table(title=title)
        for column in (key[:-1].capitalize(), f"{a} rows", "share", f"{b} rows", "share", "Δ share"):
            mix.add_column(column, justify="left" if column == key[:-1].capitalize() else "right")
        for entry in diff[key]:
            mix.add_row(
                escape(entry[key[:-1]]),
                f"{entry['a_rows']:,}",
                f"{100 * entry['a_share']:.1f}%",
                f"{entry['b_rows']:,}",
                f"{100 * entry['b_share']:.1f}%",
                f"{100 * (entry['b_share'] - entry['a_share']):+.1f} pt",
            )
        console.print(mix)

    lengths = Table(title="Token lengths")
    for column in ("Part", "Stat", a, b, "Δ"):
        lengths.add_column(column, justify="left" if column in ("Part", "Stat") else "right")
    for line in diff["lengths"]:
        lengths.add_row(
            line["part"], line["stat"], _count(line["a"]), _count(line["b"]), _delta(line["a"], line["b"])
        )
    console.print(lengths)

    rows = diff["rows"]
    console.print(
        f"Rows shared by id: {rows['shared']:,} ({_share(rows['shared'], rows['a'])} of {a}, "
        f"{_share(rows['shared'], rows['b'])} of {b}); only in {a}: {rows['only_a']:,}; "
        f"only in {b}: {rows['only_b']:,}",
        highlight=False,
    )
    return 0


def _build(args) -> int:
    version = Store(args.store).resolve(args.ref)
    readme = write_card(version)
    print(f"{version.ref}: wrote {readme}, {CARD_JSON} and {PLOTS_DIR}/")
    return 0


def _value(value) -> str:
    return "-" if value is None else json.dumps(value, ensure_ascii=False)


def _count(value, sign: str = "") -> str:
    if value is None:
        return "-"
    return f"{int(value):{sign},}" if float(value).is_integer() else f"{value:{sign},.1f}"


def _delta(a, b) -> str:
    if a is None or b is None:
        return ""
    change = round(b - a, 2)
    return "0" if change == 0 else _count(change, sign="+")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


if __name__ == "__main__":
    raise SystemExit(main())
