"""The `curate` command: build, list, show, classify, sample."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from curate.errors import CurateError
from curate.store import Store, check_name

err = Console(stderr=True)
out = Console()


def _add_store_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, default=None, help="store folder (default: $CURATE_STORE or ./curated)")


def _add_filter_flags(p: argparse.ArgumentParser) -> None:
    """Flags that decide what a build keeps; `classify` takes them too, to show a build's verdicts."""
    p.add_argument("--topics", default=None,
                   help="comma-separated topics to keep, or 'all' (default: the non-verifiable ones)")
    p.add_argument("--topics-file", default=None, help="YAML file with extra or user-defined topics")
    p.add_argument("--languages", default="en", help="comma-separated ISO 639-1 codes to keep, or 'all'")
    p.add_argument("--language-backend", default=None, help="langdetect or cld2 (default: see docs)")
    p.add_argument("--tokenizer", default=None,
                   help="sentencepiece model (e.g. Gemma's tokenizer.model) for exact token counts")
    p.add_argument("--max-tokens", type=int, default=None, help="limit on prompt + reasoning + answer tokens")
    p.add_argument("--max-prompt-tokens", type=int, default=None)
    p.add_argument("--max-reasoning-tokens", type=int, default=None)
    p.add_argument("--max-answer-tokens", type=int, default=None)
    p.add_argument("--dedup-threshold", type=float, default=0.8, help="MinHash Jaccard threshold")
    p.add_argument("--dedup-on", choices=("prompt", "response", "both"), default="prompt")


def _parse_languages(spec: str) -> tuple[str, ...] | None:
    if spec.strip() == "all":
        return None
    codes = tuple(sorted({c.strip() for c in spec.split(",") if c.strip()}))
    bad = [c for c in codes if not re.fullmatch(r"[a-z]{2}", c)]
    if bad or not codes:
        raise CurateError(f"--languages expects ISO 639-1 codes like 'en,de' or 'all'; got {spec!r}")
    return codes


def _config_from_args(args: argparse.Namespace):
    from curate.config import BuildConfig
    from curate.dedup import DedupParams
    from curate.language import DEFAULT_BACKEND
    from curate.stages.length import LengthLimits
    from curate.topics import TopicClassifier, parse_topics

    classifier = TopicClassifier.load(Path(args.topics_file) if args.topics_file else None)
    overrides = {
        "total": args.max_tokens,
        "prompt": args.max_prompt_tokens,
        "reasoning": args.max_reasoning_tokens,
        "answer": args.max_answer_tokens,
    }
    for key, value in overrides.items():
        if value is not None and value <= 0:
            raise CurateError(f"--max-{'' if key == 'total' else key + '-'}tokens must be positive, got {value}")
    limits = dataclasses.replace(LengthLimits(), **{k: v for k, v in overrides.items() if v is not None})
    return BuildConfig(
        topics=tuple(parse_topics(args.topics, classifier)),
        languages=_parse_languages(args.languages),
        limits=limits,
        dedup=DedupParams.for_threshold(args.dedup_threshold, on=args.dedup_on),
        language_backend=args.language_backend or DEFAULT_BACKEND,
        tokenizer=args.tokenizer,
        topics_file=args.topics_file,
    )


def _default_name(topics_spec: str | None, topics: tuple[str, ...]) -> str:
    """Topics in the order the user typed them: --topics writing,summary -> writing-summary."""
    if not topics_spec:
        return "non-verifiable"
    if topics_spec.strip() == "all":
        return "all-topics"
    typed = list(dict.fromkeys(t.strip() for t in topics_spec.split(",") if t.strip()))
    return "-".join(typed) if set(typed) == set(topics) else "-".join(topics)


def funnel_table(funnel_json: dict) -> Table:
    table = Table(title=f"funnel: {funnel_json['read']:,} read -> {funnel_json['kept']:,} kept")
    for col, justify in (("stage", "left"), ("in", "right"), ("kept", "right"), ("dropped", "right"),
                         ("reasons", "left")):
        table.add_column(col, justify=justify)
    for s in funnel_json["stages"]:
        reasons = ", ".join(f"{r} {n:,}" for r, n in sorted(s["dropped"].items(), key=lambda kv: -kv[1]))
        table.add_row(s["stage"], f"{s['input']:,}", f"{s['kept']:,}", f"{sum(s['dropped'].values()):,}", reasons)
    return table


def cmd_build(args: argparse.Namespace) -> int:
    from curate.build import BuildOptions, build
    from curate.progress import BuildProgress
    from curate.sources import open_source

    config = _config_from_args(args)
    name = check_name(args.name or _default_name(args.topics, config.topics))
    store = Store(args.store)
    source = open_source(args.source)
    if args.workers is not None and args.workers < 1:
        raise CurateError(f"--workers must be at least 1, got {args.workers}")
    options = BuildOptions(name=name, store=store, resume=args.resume)
    if args.workers is not None:
        options.workers = args.workers
    with BuildProgress(None, quiet=args.quiet, console=err) as progress:
        options.on_start, options.on_progress = progress.set_total, progress.update
        result = build(config, source, options)
    v = result.version
    if result.matched_existing:
        out.print(f"matches existing version {v.ref} ({v.path}); nothing added")
        return 0
    if not args.quiet:
        out.print(funnel_table(result.funnel.to_json()))
    rate = result.funnel.read / result.seconds if result.seconds else 0
    out.print(f"built {v.ref} at {v.path}: {result.funnel.kept:,} rows kept of {result.funnel.read:,} read "
              f"in {result.seconds:.1f} s ({rate:,.0f} rows/s, {options.workers} workers)")
    try:
        from data_cards import write_card

        card = write_card(v)
        out.print(f"data card: {card}")
    except CurateError as e:
        err.print(f"warning: data card not written ({e}); run `data-cards build {v.ref}`")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = Store(args.store)
    versions = store.all_versions()
    if not versions:
        out.print(f"no versions in store {store.root}")
        return 0
    table = Table(title=f"store {store.root}")
    for col in ("version", "rows", "read", "topics", "languages", "source", "created"):
        table.add_column(col, no_wrap=col in ("version", "rows"))
    for v in versions:
        m = v.manifest
        langs = m["config"]["languages"]
        table.add_row(v.ref, f"{m['rows']:,}", f"{m['funnel']['read']:,}", ",".join(m["config"]["topics"]),
                      ",".join(langs) if langs else "all", m["source"]["name"], m["created"])
    out.print(table)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    v = Store(args.store).resolve(args.ref)
    m = v.manifest
    if args.json:
        print(json.dumps(m, indent=2, sort_keys=True))
        return 0
    out.print(f"[bold]{v.ref}[/bold]  {v.path.resolve()}")
    out.print(f"created {m['created']}  code {m['code_version']}  config {m['config_hash'][:12]}")
    src = m["source"]
    out.print(f"source: {src['name']}" + (f" {src['dataset']}@{src['revision']}" if src.get("dataset") else "")
              + (f" ({len(src['files'])} files)" if src.get("files") else ""))
    out.print("config: " + json.dumps(m["config"], sort_keys=True))
    out.print(funnel_table(m["funnel"]))
    d = m["dedup"]
    out.print(f"dedup: {d['clusters']:,} clusters (largest {d['largest']}), {d['dropped']:,} duplicates dropped")
    shards = Table(title=f"{len(m['shards'])} shards, {m['rows']:,} rows")
    for col in ("file", "rows", "sha256"):
        shards.add_column(col)
    for s in m["shards"]:
        shards.add_row(s["file"], f"{s['rows']:,}", s["sha256"][:16])
    out.print(shards)
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    from curate.classify import classify_file

    config = _config_from_args(args)
    rows = classify_file(Path(args.input), config)
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows.iter_rows(named=True)) + "\n"
    if args.output:
        Path(args.output).write_text(text)
        counts = rows.group_by("verdict").len().sort("len", descending=True)
        err.print(f"wrote {rows.height} rows to {args.output}: "
                  + ", ".join(f"{v} {n}" for v, n in counts.iter_rows()))
    else:
        sys.stdout.write(text)
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from curate.sources.sample import write_sample

    if args.rows is not None and args.rows < 1:
        raise CurateError(f"--rows must be positive, got {args.rows}")
    files = write_sample(Path(args.out), rows=args.rows, seed=args.seed)
    out.print(f"wrote {len(files)} file(s) to {args.out}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="curate", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)

    b = verbs.add_parser("build", help="stream, filter, deduplicate, rewrite and store a new version")
    _add_filter_flags(b)
    b.add_argument("--source", default="glaive",
                   help="'glaive' (Hub, default), hf://datasets/OWNER/NAME[@REVISION], 'sample' (embedded), "
                        "or parquet/JSONL files, folders, globs")
    b.add_argument("--name", default=None, help="dataset name (default: from the topics, e.g. writing-summary)")
    _add_store_flag(b)
    b.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    b.add_argument("--resume", action="store_true", help="continue an interrupted build of the same config")
    b.add_argument("--quiet", action="store_true", help="no progress bar or funnel table")
    b.set_defaults(func=cmd_build)

    ls = verbs.add_parser("list", help="every version in the store")
    _add_store_flag(ls)
    ls.set_defaults(func=cmd_list)

    sh = verbs.add_parser("show", help="config, counts, shards and location of a version")
    sh.add_argument("ref", help="NAME or NAME@vN")
    sh.add_argument("--json", action="store_true", help="print the manifest")
    _add_store_flag(sh)
    sh.set_defaults(func=cmd_show)

    c = verbs.add_parser("classify", help="topic, language, tokens and build verdict for each row of a file")
    c.add_argument("input", help="JSONL or parquet file with a prompt field (and response when present)")
    c.add_argument("--output", default=None, help="write JSON lines here instead of stdout")
    _add_filter_flags(c)
    c.set_defaults(func=cmd_classify)

    s = verbs.add_parser("sample", help="write the embedded sample, or a larger generated input")
    s.add_argument("--rows", type=int, default=None, help="rows of generated input (default: the embedded sample)")
    s.add_argument("--out", required=True)
    s.add_argument("--seed", type=int, default=0)
    s.set_defaults(func=cmd_sample)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return args.func(args)
    except CurateError as e:
        err.print(f"error: {e}", markup=False, highlight=False)
        return e.exit_code
    except KeyboardInterrupt:
        err.print("interrupted; run the same command with --resume to continue")
        return 130


if __name__ == "__main__":
    sys.exit(main())
