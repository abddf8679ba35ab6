"""The `curate` command: build, list, show, classify, sample, push."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
from pathlib import Path

from curate.errors import CurateError
from curate.language import BACKENDS, DEFAULT_BACKEND
from curate.stages.length import LengthLimits
from curate.store import Store, Version, check_name
from curate.terminal import Column, Console, fitted_table, run_command

err = Console(stderr=True)
out = Console()


def _add_store_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, default=None, help="store folder (default: $CURATE_STORE or ./curated)")


def _open_store(args: argparse.Namespace) -> Store:
    """The store, after finishing any build killed right after it published (its card, its work folder)."""
    store = Store(args.store)
    for line in store.finish_interrupted(_card_writer):
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    return store


def _card_writer(version: Version) -> Path:
    from data_cards import write_card  # matplotlib: imported only when a card is written

    return write_card(version)


def _add_filter_flags(p: argparse.ArgumentParser) -> None:
    """Flags that decide what a build keeps; `classify` takes them too, to show a build's verdicts."""
    p.add_argument("--topics", default=None,
                   help="comma-separated topics to keep, or 'all' (default: the non-verifiable ones)")
    p.add_argument("--topics-file", default=None, help="YAML file with extra or user-defined topics (default: none)")
    p.add_argument("--languages", default="en", help="comma-separated ISO 639-1 codes to keep, or 'all' (default: en)")
    p.add_argument("--language-backend", default=DEFAULT_BACKEND,
                   help=f"language detector: {' or '.join(BACKENDS)} (default: {DEFAULT_BACKEND})")
    p.add_argument("--tokenizer", default=None,
                   help="sentencepiece model (e.g. Gemma's tokenizer.model) for exact token counts "
                        "(default: an estimate calibrated to Gemma's vocabulary)")
    limits = LengthLimits()
    p.add_argument("--max-tokens", type=int, default=None, metavar="N",
                   help=f"limit on prompt + reasoning + answer tokens (default: {limits.total})")
    for part in ("prompt", "reasoning", "answer"):
        p.add_argument(f"--max-{part}-tokens", type=int, default=None, metavar="N",
                       help=f"limit on {part} tokens (default: {getattr(limits, part)})")
    p.add_argument("--dedup-threshold", type=float, default=0.8,
                   help="MinHash Jaccard similarity above which prompts count as near-duplicates (default: 0.8)")
    p.add_argument("--dedup-on", choices=("prompt", "response", "both"), default="prompt",
                   help="text compared for near-duplicates (default: prompt)")
    p.add_argument("--no-quality", action="store_true",
                   help="skip the quality stage (repetition, script mixing, truncation, thin reasoning, refusals) "
                        "(default: the stage runs)")
    p.add_argument("--quality", default="", metavar="KEY=VALUE,...",
                   help="quality thresholds to change, e.g. max_loop_sentences=8,min_reasoning_ratio.writing=0.02 "
                        f"(default: none changed; the thresholds are {_quality_defaults()})")
    p.add_argument("--decontaminate", nargs="+", action="extend", default=[], metavar="FILE",
                   help="eval prompts (JSONL or parquet with a 'prompt' field) that no kept prompt may copy; "
                        "train/prompts.jsonl is always checked (default: that file only)")
    p.add_argument("--decontaminate-ngram", type=int, default=13, metavar="N",
                   help="a prompt sharing this many words in a row with an eval prompt copies it (default: 13)")

    p.add_argument("--min-topic-confidence", type=float, default=None, metavar="P",
                   help="drop rows whose topic probability is below P, reason low_confidence:<topic> "
                        "(default: keep every row of a kept topic)")
    columns = p.add_argument_group("input columns", "where the source keeps the prompt and the response")
    columns.add_argument("--prompt-column", default=None, metavar="NAME", help="column of the prompt (default: prompt)")
    columns.add_argument("--response-column", default=None, metavar="NAME",
                         help="column of the response, <think>reasoning</think> answer (default: response)")
    columns.add_argument("--messages-column", default=None, metavar="NAME",
                         help="column of chat turns ({role, content} or {from, value}) instead: the last assistant "
                              "turn is the response, the last user turn before it the prompt (default: none)")
    columns.add_argument("--reasoning-column", default=None, metavar="NAME",
                         help="column of the reasoning trace, when the response holds only the answer (default: none)")


def _quality_defaults() -> str:
    from curate.stages.quality import QualityThresholds

    return ", ".join(f"{k}={v}" for k, v in QualityThresholds().describe().items() if not isinstance(v, dict))


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
    from curate.sources.columns import ColumnMap
    from curate.stages.quality import QualityThresholds
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
    if args.no_quality and args.quality:
        raise CurateError("--quality sets thresholds for the stage --no-quality skips; give one of them")
    return BuildConfig(
        topics=tuple(parse_topics(args.topics, classifier)),
        languages=_parse_languages(args.languages),
        limits=limits,
        dedup=DedupParams.for_threshold(args.dedup_threshold, on=args.dedup_on),
        language_backend=args.language_backend,
        tokenizer=args.tokenizer,
        topics_file=args.topics_file,
        quality=None if args.no_quality else QualityThresholds.parse(args.quality),
        decontaminate=tuple(args.decontaminate),
        decontaminate_ngram=args.decontaminate_ngram,
        min_topic_confidence=args.min_topic_confidence,
        columns=ColumnMap.from_flags(args.prompt_column, args.response_column, args.messages_column,
                                     args.reasoning_column),
    )


def _default_name(topics_spec: str | None, topics: tuple[str, ...]) -> str:
    """Topics in the order the user typed them: --topics writing,summary -> writing-summary."""
    if not topics_spec:
        return "non-verifiable"
    if topics_spec.strip() == "all":
        return "all-topics"
    typed = list(dict.fromkeys(t.strip() for t in topics_spec.split(",") if t.strip()))
    return "-".join(typed) if set(typed) == set(topics) else "-".join(topics)


def funnel_table(funnel_json: dict, console: Console = out):
    columns = [Column("stage"), Column("in", "right"), Column("kept", "right"), Column("dropped", "right"),
               Column("reasons")]
    rows = [
        [s["stage"], f"{s['input']:,}", f"{s['kept']:,}", f"{sum(s['dropped'].values()):,}",
         ", ".join(f"{r} {n:,}" for r, n in sorted(s["dropped"].items(), key=lambda kv: -kv[1]))]
        for s in funnel_json["stages"]
    ]
    title = f"funnel: {funnel_json['read']:,} read -> {funnel_json['kept']:,} kept"
    return fitted_table(console, title, columns, rows)


def _write_card(version: Version, written: list) -> None:
    """Called by the build once published, before its work folder goes; a failure is a warning."""
    try:
        written.append(_card_writer(version))
    except CurateError as e:
        err.print(f"warning: data card not written ({e}); run `data-cards build {version.ref}`",
                  markup=False, highlight=False, soft_wrap=True)


def cmd_build(args: argparse.Namespace) -> int:
    from curate.build import BuildOptions, build
    from curate.progress import BuildProgress
    from curate.sources import open_source

    config = _config_from_args(args)
    name = check_name(args.name or _default_name(args.topics, config.topics))
    store = _open_store(args)
    source = open_source(args.source)
    if args.workers is not None and args.workers < 1:
        raise CurateError(f"--workers must be at least 1, got {args.workers}")
    if args.executor != "ray" and (args.ray_address or args.dedup_on_ray):
        raise CurateError(f"{'--ray-address' if args.ray_address else '--dedup-on-ray'} needs --executor ray")
    if args.executor == "ray":
        from curate.ray_executor import import_ray

        import_ray()  # a missing extra says so before anything is read
    if args.work_dir is not None and "://" in args.work_dir:
        raise CurateError(f"--work-dir takes a folder path every node sees (a shared file system or a mounted "
                          f"bucket); URLs such as {args.work_dir} are not supported yet")
    cards: list[Path] = []
    options = BuildOptions(name=name, store=store, resume=args.resume, executor=args.executor,
                           ray_address=args.ray_address,
                           work_dir=Path(args.work_dir) if args.work_dir else None, dedup_tasks=args.dedup_on_ray,
                           on_published=lambda version: _write_card(version, cards))
    options.workers = args.workers
    with BuildProgress(None, quiet=args.quiet, console=err) as progress:
        options.on_start, options.on_progress = progress.set_total, progress.update
        result = build(config, source, options)
    v = result.version
    if result.matched_existing:
        out.print(f"matches existing version {v.ref} ({v.path}); nothing added", highlight=False, soft_wrap=True)
        return 0
    if not args.quiet:
        out.print(funnel_table(result.funnel.to_json()))
    rate = result.funnel.read / result.seconds if result.seconds else 0
    out.print(f"built {v.ref} at {v.path}: {result.funnel.kept:,} rows kept of {result.funnel.read:,} read "
              f"in {result.seconds:.1f} s ({rate:,.0f} rows/s, {_ran_on(options)})", highlight=False, soft_wrap=True)
    for card in cards:
        out.print(f"data card: {card}", highlight=False, soft_wrap=True)
    return 0


def _ran_on(options) -> str:
    if options.executor == "ray":
        return f"Ray at {options.ray_address}" if options.ray_address else "a local Ray"
    return f"{options.workers or len(os.sched_getaffinity(0))} workers"


def cmd_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    versions = store.all_versions()
    if not versions:
        out.print(store.empty_message(), markup=False, highlight=False, soft_wrap=True)
        return 0
    columns = [Column("version"), Column("rows", "right"), Column("read", "right", drop=3), Column("topics", drop=1),
               Column("languages", drop=2), Column("source", drop=5), Column("created", drop=4), Column("check")]
    rows, problems = [], []
    for v in versions:
        try:
            m = v.checked_manifest()
            if args.verify:
                v.verify()
            langs = m["config"].get("languages")
            rows.append([v.ref, f"{m['rows']:,}", f"{m['funnel']['read']:,}", ", ".join(m["config"].get("topics", [])),
                         ", ".join(langs) if langs else "all", str(m["source"].get("name")), str(m["created"])[:10],
                         "verified" if args.verify else "ok"])
        except CurateError as e:
            problems.append(str(e))
            rows.append([v.ref, "-", "-", "-", "-", "-", "-", "broken"])
    out.print(fitted_table(out, f"store {store.root}", columns, rows))
    for problem in problems:
        err.print(f"error: {problem}", markup=False, highlight=False, soft_wrap=True)
    return 2 if problems else 0


def cmd_show(args: argparse.Namespace) -> int:
    v = _open_store(args).resolve(args.ref)
    m = v.checked_manifest()
    v.verify()
    if args.json:
        print(json.dumps(m, indent=2, sort_keys=True))
        return 0
    out.print(f"[bold]{v.ref}[/bold]  {v.path.resolve()}", highlight=False)
    out.print(f"created {m['created']}  code {m['code_version']}  config {m['config_hash'][:12]}", highlight=False)
    src = m["source"]
    out.print(f"source: {src.get('name')}" + (f" {src['dataset']}@{src.get('revision')}" if src.get("dataset") else "")
              + (f" ({len(src['files'])} files)" if src.get("files") else ""), markup=False, highlight=False)
    out.print("config: " + json.dumps(m["config"], sort_keys=True), markup=False, highlight=False)
    out.print(funnel_table(m["funnel"]))
    d = m.get("dedup")
    if d:
        out.print(f"dedup: {d['clusters']:,} clusters (largest {d['largest']}), {d['dropped']:,} duplicates dropped")
    files = [[s["file"], f"{s['rows']:,}", s["sha256"][:16]] for s in [*m["shards"], *([m["dropped"]] if "dropped" in m else [])]]
    title = f"{len(m['shards'])} shards, {m['rows']:,} rows; checked against sha256 and row counts"
    out.print(fitted_table(out, title, [Column("file"), Column("rows", "right"), Column("sha256", drop=1)], files))
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    from curate.classify import classify_file, verdict_table

    config = _config_from_args(args)
    rows = classify_file(Path(args.input), config)
    if args.format == "table":
        if not args.output:
            out.print(verdict_table(rows, out.width))
            return 0
        with open(args.output, "w", encoding="utf-8") as f:
            Console(file=f, width=100).print(verdict_table(rows, 100))
        err.print(f"wrote a table of {rows.height} rows to {args.output}")
        return 0
    rows = rows.drop("prompt")
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
    try:
        files = write_sample(Path(args.out), rows=args.rows, seed=args.seed)
    except OSError as e:
        raise CurateError(f"cannot write the sample into {args.out}: {e.strerror}") from None
    out.print(f"wrote {len(files)} file(s) to {args.out}")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from curate.push import push

    version = _open_store(args).resolve(args.ref)
    pushed = push(version, args.repo, private=args.private, revision=args.revision)
    out.print(f"pushed {version.ref} to {pushed.url}" + (f" (branch {args.revision})" if args.revision else "")
              + f": {pushed.files} files, commit {pushed.commit[:12]}; open it with "
              f"datasets.load_dataset({args.repo!r}" + (f", revision={args.revision!r}" if args.revision else "") + ")",
              markup=False, highlight=False, soft_wrap=True)
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="curate", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)

    b = verbs.add_parser("build", help="stream, filter, deduplicate, rewrite and store a new version")
    _add_filter_flags(b)
    b.add_argument("--source", default="glaive",
                   help="'glaive' (the Hub dataset), hf://datasets/OWNER/NAME[@REVISION], 'sample' (embedded), "
                        "or parquet/JSONL files, folders, globs (default: glaive)")
    b.add_argument("--name", default=None, help="dataset name (default: from the topics, e.g. writing-summary)")
    _add_store_flag(b)
    b.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes; with --executor ray, tasks at once (default: one per available core, "
                        "or every CPU of the Ray cluster)")
    b.add_argument("--executor", choices=("local", "ray"), default="local",
                   help="where the tasks run: local processes, or a Ray cluster (the ray extra) (default: local)")
    b.add_argument("--ray-address", default=None, metavar="ADDRESS",
                   help="HOST:PORT of a running Ray cluster's head (`ray start --head`), or auto "
                        "(default: a local Ray started for the build)")
    b.add_argument("--work-dir", default=None, metavar="DIR",
                   help="folder for the per-shard files of the map step, one every Ray node can read and write "
                        "(default: the store's .work folder)")
    b.add_argument("--dedup-on-ray", action="store_true",
                   help="run the dedup's group-by on the Ray cluster, one task per band, instead of in this "
                        "process (default: in this process, with polars)")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted build of the same config (default: start over)")
    b.add_argument("--quiet", action="store_true", help="no progress or funnel table (default: show them)")
    b.set_defaults(func=cmd_build)

    ls = verbs.add_parser("list", help="every version in the store, broken ones marked")
    ls.add_argument("--verify", action="store_true",
                    help="also check every shard and dropped file against its sha256 and row count, "
                         "reading all data (default: check the manifests only)")
    _add_store_flag(ls)
    ls.set_defaults(func=cmd_list)

    sh = verbs.add_parser("show", help="config, counts, shards and location of a version, after checking its files")
    sh.add_argument("ref", help="NAME (its newest version) or NAME@vN")
    sh.add_argument("--json", action="store_true", help="print the manifest as JSON (default: tables)")
    _add_store_flag(sh)
    sh.set_defaults(func=cmd_show)

    c = verbs.add_parser("classify", help="topic, language, tokens and build verdict for each row of a file")
    c.add_argument("input", help="JSONL or parquet file with a prompt field (and response when present)")
    c.add_argument("--output", default=None, help="write the result to this file (default: stdout)")
    c.add_argument("--format", choices=("jsonl", "table"), default="jsonl",
                   help="jsonl: one JSON object per row; table: for people (verdict, topic, prompt) (default: jsonl)")
    _add_filter_flags(c)
    c.set_defaults(func=cmd_classify)

    s = verbs.add_parser("sample", help="write the embedded sample, or a larger generated input")
    s.add_argument("--rows", type=int, default=None, metavar="N",
                   help="rows of generated glaive-shaped input (default: the embedded 3,200-row sample)")
    s.add_argument("--out", required=True, metavar="DIR", help="folder to write into (required)")
    s.add_argument("--seed", type=int, default=0, help="seed of the generated input (default: 0)")
    s.set_defaults(func=cmd_sample)

    pu = verbs.add_parser("push", help="upload a version (shards, card, plots, manifest) to a Hub dataset repo")
    pu.add_argument("ref", help="NAME (its newest version) or NAME@vN")
    pu.add_argument("--repo", required=True, metavar="OWNER/NAME",
                    help="dataset repo, created if missing; it then holds exactly the version (required)")
    pu.add_argument("--private", action="store_true",
                    help="create the repo private; refused if it exists and is public (default: public)")
    pu.add_argument("--revision", default=None, metavar="BRANCH",
                    help="branch to push to, created from main if missing (default: main)")
    _add_store_flag(pu)
    pu.set_defaults(func=cmd_push)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    return run_command(lambda: args.func(args), err,
                       interrupted="interrupted; run the same command with --resume to continue")


if __name__ == "__main__":
    sys.exit(main())
