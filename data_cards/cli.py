"""The data-cards command: show, list, diff and build cards of the versions in a curate store.

User errors (CurateError) print `error: <message>` to stderr and exit 2, never a traceback. Every
verb first finishes builds that were killed right after they published (`Store.finish_interrupted`).
"""

from __future__ import annotations

import argparse
import json
import re

import yaml
from markdown_it import MarkdownIt
from rich.markdown import Markdown
from rich.markup import escape
from rich.syntax import Syntax

from curate.errors import CurateError
from curate.store import Store, Version, default_store_root
from curate.terminal import Column, Console, fitted_table, run_command
from data_cards.card import CARD_JSON, README, write_card
from data_cards.compute import CARD_FORMAT
from data_cards.diff import diff_versions
from data_cards.plots import PLOTS_DIR
from data_cards.render import split_front_matter

err = Console(stderr=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return run_command(lambda: args.run(args), err)


def _store(args) -> Store:
    """The store, after finishing any build killed right after it published (its card, its work folder)."""
    store = Store(args.store)
    for line in store.finish_interrupted(write_card):
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    return store


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
    show.add_argument("--format", choices=("md", "json"), default="md",
                      help="md: the rendered README.md; json: card.json (default: md)")
    show.set_defaults(run=_show)

    listing = verbs.add_parser("list", parents=[common], help="every version with its headline numbers")
    listing.add_argument(
        "--verify",
        action="store_true",
        help="also check every shard and dropped file against its sha256 and row count, "
        "reading all data (default: check the manifests only)",
    )
    listing.set_defaults(run=_list)

    diff = verbs.add_parser("diff", parents=[common], help="what changed between two versions")
    diff.add_argument("a", metavar="NAME@vA")
    diff.add_argument("b", metavar="NAME@vB")
    diff.add_argument("--format", choices=("table", "json"), default="table",
                      help="table: tables for the terminal; json: the diff as JSON (default: table)")
    diff.set_defaults(run=_diff)

    build = verbs.add_parser("build", parents=[common], help="regenerate a card from the shards and manifest")
    build.add_argument("ref", metavar="NAME[@vN]")
    build.set_defaults(run=_build)
    return parser


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
    version = _store(args).resolve(args.ref)
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
    console.print(Syntax(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).rstrip(), "yaml", word_wrap=True))
    _print_markdown(console, body.replace(f"]({PLOTS_DIR}/", f"]({plots_uri}/"))
    return 0


# Columns of the card's tables given up first on a narrow terminal (the token-length table has 12).
CARD_DROP_ORDER = ("p5", "p95", "p25", "p75", "mean", "min", "p99", "sha256", "source_index")
_NUMBER = re.compile(r"^[-+]?[0-9][0-9,.]*%?$")


def _print_markdown(console: Console, body: str) -> None:
    """Render markdown, its tables as fitted tables: rich's own markdown tables cut wide cells with an ellipsis."""
    lines = body.splitlines(keepends=True)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    done = 0
    for k, token in enumerate(tokens):
        if token.type != "table_open":
            continue
        start, end = token.map
        console.print(Markdown("".join(lines[done:start])))
        header, *rows = _table_rows(tokens[k:])
        drop = {name: len(CARD_DROP_ORDER) - i for i, name in enumerate(CARD_DROP_ORDER)}
        columns = [
            Column(escape(name), "right" if rows and all(_NUMBER.match(row[i]) for row in rows) else "left",
                   drop.get(name, 0))
            for i, name in enumerate(header)
        ]
        console.print(fitted_table(console, None, columns, [[escape(cell) for cell in row] for row in rows]))
        console.print()
        done = end
    console.print(Markdown("".join(lines[done:])))


def _table_rows(tokens) -> list[list[str]]:
    """Plain text of each cell of the markdown table that `tokens` starts with, header row first."""
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "table_close":
            return rows
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append("".join(child.content for child in token.children or [] if child.type in ("text", "code_inline")))
    return rows


LIST_COLUMNS = [
    Column("Version"),
    Column("Created", drop=6),
    Column("Read", "right", drop=3),
    Column("Kept", "right"),
    Column("Topics", drop=1),
    Column("Languages", drop=2),
    Column("Median tokens", "right", drop=5),
    Column("Card"),
]


def _list(args) -> int:
    store = _store(args)
    versions = store.all_versions()
    if not versions:
        print(store.empty_message())
        return 0
    rows, problems = [], []
    for version in versions:
        try:
            rows.append(list(map(escape, _headline(version, args.verify))))
        except CurateError as e:
            problems.append(str(e))
            rows.append([version.ref, "-", "-", "-", "-", "-", "-", "broken"])
    console = Console()
    console.print(fitted_table(console, f"Versions in {store.root}", LIST_COLUMNS, rows))
    for problem in problems:
        err.print(f"error: {problem}", markup=False, highlight=False, soft_wrap=True)
    return 2 if problems else 0


def _headline(version: Version, verify: bool) -> list[str]:
    """One line from the manifest and, when present, card.json: cheap unless `verify` is set."""
    manifest = version.checked_manifest()
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
    store = _store(args)
    diff = diff_versions(store.resolve(args.a), store.resolve(args.b))
    if args.format == "json":
        print(json.dumps(diff, indent=2, ensure_ascii=False))
        return 0
    a, b = diff["a"], diff["b"]
    # Same dataset: columns say v1 and v2, so the tables fit 80 columns; the title says which.
    same = a.split("@")[0] == b.split("@")[0]
    la, lb = (a.split("@")[1], b.split("@")[1]) if same else (a, b)
    console = Console()
    right = "right"
    console.print(f"[bold]{escape(a)} -> {escape(b)}[/bold]", highlight=False)

    if diff["config"]:
        rows = [[escape(c["key"]), escape(_value(c["a"])), escape(_value(c["b"]))] for c in diff["config"]]
        console.print(fitted_table(console, "Config, source and code", [Column("Setting"), Column(la), Column(lb)], rows))
    else:
        console.print("Config, source and code: identical")

    rows = [
        [
            f"  {escape(line['reason'])}" if line["reason"] else f"[bold]{escape(line['stage'])}[/bold]",
            _count(line["a"]),
            _count(line["b"]),
            _delta(line["a"], line["b"]),
        ]
        for line in diff["funnel"]
    ]
    columns = [Column("Step"), Column(la, right), Column(lb, right), Column("Δ", right)]
    console.print(fitted_table(console, "Funnel (rows)", columns, rows))

    for key, title in (("topics", "Topic mix"), ("languages", "Language mix")):
        label = key[:-1].capitalize()
        columns = [Column(label), Column(f"{la} rows", right), Column("share", right), Column(f"{lb} rows", right),
                   Column("share", right), Column("Δ share", right)]
        rows = [
            [
                escape(entry[key[:-1]]),
                f"{entry['a_rows']:,}",
                f"{100 * entry['a_share']:.1f}%",
                f"{entry['b_rows']:,}",
                f"{100 * entry['b_share']:.1f}%",
                f"{100 * (entry['b_share'] - entry['a_share']):+.1f} pt",
            ]
            for entry in diff[key]
        ]
        console.print(fitted_table(console, title, columns, rows))

    rows = [
        [line["part"], line["stat"], _count(line["a"]), _count(line["b"]), _delta(line["a"], line["b"])]
        for line in diff["lengths"]
    ]
    columns = [Column("Part"), Column("Stat"), Column(la, right), Column(lb, right), Column("Δ", right)]
    console.print(fitted_table(console, "Token lengths", columns, rows))

    rows = diff["rows"]
    console.print(
        f"Rows shared by id: {rows['shared']:,} ({_share(rows['shared'], rows['a'])} of {a}, "
        f"{_share(rows['shared'], rows['b'])} of {b}); only in {a}: {rows['only_a']:,}; "
        f"only in {b}: {rows['only_b']:,}",
        highlight=False,
    )
    return 0


def _build(args) -> int:
    version = _store(args).resolve(args.ref)
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
