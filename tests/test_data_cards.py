"""Data cards: numbers checked against the shards, Hub front matter, plots, user edits, CLI, bad input.

The store is fabricated directly (shards, dropped.parquet, manifest exactly as in docs/CONTRACTS.md),
so these tests do not depend on `curate build`.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import random
import shutil
from pathlib import Path

import matplotlib.image
import polars as pl
import pytest
import yaml

from curate import schema
from curate.store import DROPPED_FILE, Store, Version, file_entry, sha256_file
from data_cards import card as card_module
from data_cards import compute_card, write_card
from data_cards.cli import main
from data_cards.compute import PERCENTILES
from data_cards.render import _fence, iso_639_1, size_category, split_front_matter
from data_cards.sections import HEADINGS

NAME = "writing-summary"
STAGES = ("validate", "rewrite", "length", "topic", "language", "dedup")
WORDS = "the a story river summary letter plan reason light quiet morning city garden memory voice".split()


def pool_row(i: int) -> dict:
    """Row i of an imaginary source: deterministic, so two versions can share rows by id."""
    rng = random.Random(i)
    topic = ("writing", "writing", "summary")[i % 3]
    prompt = f"{'Write' if topic == 'writing' else 'Summarize'} item {i}: " + " ".join(
        rng.choices(WORDS, k=rng.randint(5, 80))
    )
    reasoning = " ".join(rng.choices(WORDS, k=rng.randint(40, 600)))
    answer = " ".join(rng.choices(WORDS, k=rng.randint(10, 250)))
    tokens = [len(text) // 4 for text in (prompt, reasoning, answer)]
    return {
        "id": hashlib.sha256(f"{prompt}\0{reasoning}{answer}".encode()).hexdigest()[:16],
        "source_index": i,
        "prompt": prompt,
        "reasoning": reasoning,
        "answer": answer,
        "completion": f"<reasoning>{reasoning}</reasoning>\n<answer>{answer}</answer>",
        "topic": topic,
        "language": "de" if i % 7 == 0 else "en",
        "prompt_tokens": tokens[0],
        "reasoning_tokens": tokens[1],
        "answer_tokens": tokens[2],
        "total_tokens": sum(tokens),
        "dup_cluster_size": 3 if i % 11 == 0 else 2 if i % 5 == 0 else 1,
    }


def fabricate(root: Path, indexes: range, threshold: float = 0.8, shards: int = 2) -> Version:
    """Publish a realistic version holding pool rows `indexes`, with drops at every stage."""
    store = Store(root)
    kept = pl.DataFrame([pool_row(i) for i in indexes], schema=schema.SHARD_SCHEMA)
    dup_dropped = int((kept["dup_cluster_size"] - 1).sum())
    drops = {
        "validate": {"null_field:response": 3, "prompt_not_string": 1},
        "rewrite": {"missing_think": 2},
        "length": {"too_long:reasoning": 7, "too_long:total": 2},
        "topic": {"off_topic:math": 9, "off_topic:code": 4},
        "language": {"language:fr": 2},
        "dedup": {"near_duplicate": max(dup_dropped - 1, 0), "exact_duplicate": min(dup_dropped, 1)},
    }
    dropped_rows, stages = [], []
    remaining = kept.height + sum(n for reasons in drops.values() for n in reasons.values())
    read, next_index = remaining, 100_000
    for stage in STAGES:
        for reason, count in drops[stage].items():
            for k in range(count):
                preview = f"[{reason}] prompt {k}: " + "long words " * 30 if k < 5 else None
                row_id = None if stage == "validate" else f"{next_index:016x}"
                dropped_rows.append((row_id, next_index, stage, reason, preview))
                next_index += 1
        out = remaining - sum(drops[stage].values())
        stages.append({"stage": stage, "input": remaining, "kept": out, "dropped": drops[stage]})
        remaining = out
    staging = store.staging_dir(NAME)
    (staging / "data").mkdir()
    (staging / "dropped").mkdir()
    pl.DataFrame(dropped_rows, schema=schema.DROPPED_SCHEMA, orient="row").write_parquet(
        staging / DROPPED_FILE
    )
    shard_entries = []
    for k, part in enumerate(kept.iter_slices(n_rows=-(-kept.height // shards)) if shards else []):
        file = f"data/train-{k:05d}-of-{shards:05d}.parquet"
        part.write_parquet(staging / file, compression="zstd")
        shard_entries.append({"file": file, "rows": part.height, "sha256": sha256_file(staging / file)})
    config = {
        "topics": ["summary", "writing"],
        "languages": ["de", "en"],
        "limits": {"prompt": 1024, "reasoning": 3072, "answer": 2048, "total": 4096},
        "tokenizer": {"kind": "estimate"},
        "dedup": {
            "on": "prompt",
            "threshold": threshold,
            "num_perm": 128,
            "bands": 9,
            "rows": 13,
            "ngram": 3,
        },
        "language_backend": "langdetect",
        "topics_file": None,
    }
    manifest = {
        "name": NAME,
        "version": 0,
        "created": "2026-11-26T13:50:00+00:00",
        "code_version": "0.1.0+g1a2b3c4",
        "config": config,
        "config_hash": hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest(),
        "source": {
            "name": "sample",
            "dataset": "glaiveai/reasoning-v1-20m",
            "revision": "0123abcd",
            "files": ["sample/reasoning-sample.jsonl"],
            "license": "apache-2.0",
            "fingerprint": "f" * 64,
        },
        "funnel": {"read": read, "kept": kept.height, "stages": stages},
        "dedup": {"clusters": 0, "largest": 0, "rows_in_clusters": 0, "dropped": dup_dropped},
        "shards": shard_entries,
        "dropped": file_entry(staging, DROPPED_FILE),
        "rows": kept.height,
    }
    return store.publish(NAME, staging, manifest)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """v1 holds pool rows 0-59, v2 rows 20-89 (40 shared) with another dedup threshold; both carded."""
    root = tmp_path_factory.mktemp("store")
    for version in (fabricate(root, range(0, 60)), fabricate(root, range(20, 90), threshold=0.7, shards=3)):
        write_card(version)
    return root


@pytest.fixture
def store(template, tmp_path) -> Path:
    """A private copy of the carded store, free to break."""
    root = tmp_path / "store"
    shutil.copytree(template, root)
    return root


def v1(store: Path) -> Version:
    return Store(store).resolve(f"{NAME}@v1")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def read_shards(version: Version) -> pl.DataFrame:
    return pl.read_parquet(version.shard_paths)


# --- numbers ------------------------------------------------------------------------------------


def test_card_json_is_what_compute_card_returns(template):
    version = v1(template)
    card = json.loads((version.path / "card.json").read_text())
    extras = ("plots", "sections", "generated_sections")
    assert {k: v for k, v in card.items() if k not in extras} == compute_card(version)


def test_composition_matches_shards(template):
    version = v1(template)
    card, rows = compute_card(version), read_shards(version)
    assert card["rows"] == rows.height == 60
    for key, mix in (("topic", card["topics"]), ("language", card["languages"])):
        expected = dict(rows[key].value_counts().iter_rows())
        assert {entry[key]: entry["rows"] for entry in mix} == expected
        assert sum(entry["rows"] for entry in mix) == rows.height
        for entry in mix:
            assert entry["share"] == pytest.approx(expected[entry[key]] / rows.height, abs=1e-4)
    assert [entry["topic"] for entry in card["topics"]] == ["writing", "summary"]  # most common first


@pytest.mark.parametrize("part", ["prompt", "reasoning", "answer", "total"])
def test_lengths_match_shards(template, part):
    version = v1(template)
    stats, values = compute_card(version)["lengths"][part], read_shards(version)[f"{part}_tokens"]
    for p in PERCENTILES:
        assert stats["percentiles"][f"p{p}"] == pytest.approx(values.quantile(p / 100, "linear"), abs=0.01)
    assert (stats["min"], stats["max"]) == (values.min(), values.max())
    assert stats["mean"] == pytest.approx(values.mean(), abs=0.01)
    edges, counts = stats["histogram"]["edges"], stats["histogram"]["counts"]
    assert sum(counts) == len(values)
    expected = [0] * len(counts)
    for value in values:
        expected[min(bisect.bisect_right(edges, value) - 1, len(counts) - 1)] += 1
    assert counts == expected
    assert edges[0] == 0 and edges[-1] == values.max()


def test_funnel_sums_to_read_and_matches_dropped_rows(template):
    version = v1(template)
    funnel = compute_card(version)["funnel"]
    dropped = pl.read_parquet(version.dropped_path)
    all_drops = sum(sum(stage["dropped"].values()) for stage in funnel["stages"])
    assert funnel["read"] == funnel["kept"] + all_drops == funnel["kept"] + dropped.height
    assert funnel["kept"] == read_shards(version).height
    on_disk = {(s, r): n for s, r, n in dropped.group_by("stage", "reason").len().iter_rows()}
    assert {(s["stage"], r): n for s in funnel["stages"] for r, n in s["dropped"].items()} == on_disk
    assert sum(funnel["reasons"].values()) == funnel["dropped"]


def test_dropped_examples_are_real_and_truncated(template):
    version = v1(template)
    dropped = pl.read_parquet(version.dropped_path)
    for stage in compute_card(version)["funnel"]["stages"]:
        for reason, examples in stage["examples"].items():
            assert 1 <= len(examples) <= 3
            for example in examples:
                (row,) = dropped.filter(pl.col("source_index") == example["source_index"]).iter_rows(
                    named=True
                )
                assert (row["stage"], row["reason"]) == (stage["stage"], reason)
                assert row["preview"].startswith(example["preview"].split(" … [")[0])
                assert "more characters]" in example["preview"]  # the fixture's previews are long


def test_duplicates_match_shards(template):
    version = v1(template)
    dup, sizes = compute_card(version)["duplicates"], read_shards(version)["dup_cluster_size"]
    assert dup["clusters"] == (sizes > 1).sum()
    assert dup["largest"] == sizes.max() == 3
    assert dup["rows_in_clusters"] == sizes.filter(sizes > 1).sum()
    assert sum(dup["dropped"].values()) == (sizes - 1).sum()
    assert [e["cluster_size"] for e in dup["examples"]] == [3, 3, 3]
    assert {e["reason"] for e in dup["dropped_examples"]} <= {"near_duplicate", "exact_duplicate"}


def test_example_rows_come_from_the_shards(template):
    version = v1(template)
    examples = compute_card(version)["examples"]
    rows = {row["id"]: row for row in read_shards(version).iter_rows(named=True)}
    assert 2 <= len(examples) <= 3
    assert {e["topic"] for e in examples} == {"writing", "summary"}
    for example in examples:
        row = rows[example["id"]]
        assert row["prompt"].startswith(example["prompt"].split(" … [")[0])
        assert row["completion"].startswith(example["completion"].split(" … [")[0])
        assert example["total_tokens"] == row["total_tokens"]


# --- README and front matter --------------------------------------------------------------------


def test_front_matter_parses_back(template):
    version = v1(template)
    meta, body = split_front_matter((version.path / "README.md").read_text())
    assert yaml.safe_load((version.path / "README.md").read_text().split("---\n")[1]) == meta
    assert meta["license"] == "apache-2.0"
    assert meta["language"] == ["en", "de"]
    assert meta["task_categories"] == ["text-generation"]
    assert meta["size_categories"] == ["n<1K"]
    assert meta["source_datasets"] == ["glaiveai/reasoning-v1-20m"]
    assert meta["pretty_name"] == f"{NAME} v1"
    (config,) = meta["configs"]
    (files,) = config["data_files"]
    assert files["split"] == "train"
    assert files["path"] == [shard["file"] for shard in version.manifest["shards"]]
    assert all((version.path / path).is_file() for path in files["path"])
    assert body.count("## ") >= 12


def test_readme_shows_computed_numbers(template):
    version = v1(template)
    card, readme = compute_card(version), (version.path / "README.md").read_text()
    assert f"Of {card['funnel']['read']:,} rows read, {card['funnel']['kept']:,} were kept" in readme
    assert "| `too_long:reasoning` | 7 |" in readme
    assert f"| `writing` | {card['topics'][0]['rows']:,} |" in readme


@pytest.mark.parametrize(
    ("rows", "category"),
    [
        (0, "n<1K"),
        (999, "n<1K"),
        (1_000, "1K<n<10K"),
        (54_321, "10K<n<100K"),
        (2_000_000, "1M<n<10M"),
        (10**12, "n>1T"),
    ],
)
def test_size_category(rows, category):
    assert size_category(rows) == category


def test_language_codes_for_the_hub():
    assert [iso_639_1(code) for code in ("en", "zh-cn", "unknown", "DE")] == ["en", "zh", None, "de"]


def test_code_fence_outlasts_backticks_in_text():
    text = "see ```python\nprint(1)\n``` and ````"
    block = _fence(text)
    assert block.startswith("`````text\n") and block.endswith("\n`````")


def test_plots_are_nonempty_pngs(template):
    version = v1(template)
    plots = json.loads((version.path / "card.json").read_text())["plots"]
    readme = (version.path / "README.md").read_text()
    assert set(plots) == {"funnel", "composition", "lengths"}
    for relative in plots.values():
        path = version.path / relative
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = matplotlib.image.imread(path)
        assert image.shape[0] > 100 and image.shape[1] > 100
        assert image.std() > 0  # something was drawn
        assert f"]({relative})" in readme


# --- hand-written sections survive regeneration ---------------------------------------------------


def test_user_edits_survive_build(store, capsys):
    version = v1(store)
    readme = version.path / "README.md"
    text = readme.read_text()
    begin = "<!-- data-cards:begin intended_uses"
    start = text.index("\n", text.index(begin)) + 1
    end = text.index("<!-- data-cards:end intended_uses -->")
    edited = text[:start] + "Only for my *own* experiments.\n\nSecond paragraph." + "\n" + text[end:]
    edited = edited.replace("license: apache-2.0", "license: mit\ntags:\n- mine", 1)
    edited = edited.replace("## Funnel", "## Funnel (I broke this)")
    readme.write_text(edited)

    code, out, err = run(capsys, "build", f"{NAME}@v1", "--store", str(store))
    assert (code, err) == (0, "")
    rebuilt = readme.read_text()
    assert "Only for my *own* experiments.\n\nSecond paragraph." in rebuilt
    assert "- Supervised or LoRA fine-tuning" not in rebuilt  # the default was replaced, not appended
    assert "I broke this" not in rebuilt and "## Funnel\n" in rebuilt
    meta, _ = split_front_matter(rebuilt)
    assert meta["license"] == "apache-2.0"  # generated keys come from the manifest
    assert meta["tags"] == ["mine"]  # keys the user added stay
    sections = json.loads((version.path / "card.json").read_text())["sections"]
    assert sections["intended_uses"] == "Only for my *own* experiments.\n\nSecond paragraph."


def test_removed_section_comes_back_and_rebuild_is_stable(store, capsys):
    version = v1(store)
    readme = version.path / "README.md"
    text = readme.read_text()
    start = text.index("<!-- data-cards:begin maintenance")
    end = text.index("<!-- data-cards:end maintenance -->") + len("<!-- data-cards:end maintenance -->")
    readme.write_text(text[:start] + text[end:])
    assert main(["build", NAME + "@v1", "--store", str(store)]) == 0
    assert readme.read_text() == text
    capsys.readouterr()


def test_unedited_sections_follow_new_defaults(store, monkeypatch, capsys):
    version = v1(store)
    readme = version.path / "README.md"
    text = readme.read_text()
    start = text.index("\n", text.index("<!-- data-cards:begin motivation")) + 1
    end = text.index("<!-- data-cards:end motivation -->")
    readme.write_text(text[:start] + "Edited by hand.\n" + text[end:])

    def improved(card):
        return {key: f"improved {key}" for key in HEADINGS}

    monkeypatch.setattr(card_module, "default_sections", improved)
    assert main(["build", f"{NAME}@v1", "--store", str(store)]) == 0
    rebuilt = readme.read_text()
    assert "Edited by hand." in rebuilt and "improved motivation" not in rebuilt
    assert "improved intended_uses" in rebuilt and "improved maintenance" in rebuilt
    capsys.readouterr()


# --- CLI ------------------------------------------------------------------------------------------


def test_show_renders_newest_by_default(store, capsys):
    code, out, err = run(capsys, "show", NAME, "--store", str(store))
    assert (code, err) == (0, "")
    assert f"{NAME} v2" in out and "Funnel" in out and "Known limitations and risks" in out
    assert "license: apache-2.0" in out
    assert "data-cards:begin" not in out  # markers are invisible
    code, out, _ = run(capsys, "show", f"{NAME}@v1", "--store", str(store))
    assert code == 0 and f"{NAME} v1" in out


def test_show_json_uses_store_from_environment(store, capsys, monkeypatch):
    monkeypatch.setenv("CURATE_STORE", str(store))
    code, out, _ = run(capsys, "show", f"{NAME}@v1", "--format", "json")
    assert code == 0
    assert json.loads(out) == json.loads((v1(store).path / "card.json").read_text())


def test_list_has_one_line_per_version(store, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # every column on one line each
    (v1(store).path / "card.json").unlink()
    code, out, err = run(capsys, "list", "--store", str(store), "--verify")
    assert (code, err) == (0, "")
    line_v1 = next(line for line in out.splitlines() if f"{NAME}@v1" in line)
    line_v2 = next(line for line in out.splitlines() if f"{NAME}@v2" in line)
    assert "missing" in line_v1
    assert "ok" in line_v2 and "70 (" in line_v2 and "writing" in line_v2


def test_diff_counts_shared_rows_and_changes(store, capsys):
    code, out, err = run(
        capsys, "diff", f"{NAME}@v1", f"{NAME}@v2", "--store", str(store), "--format", "json"
    )
    assert (code, err) == (0, "")
    diff = json.loads(out)
    assert diff["rows"] == {"a": 60, "b": 70, "shared": 40, "only_a": 20, "only_b": 30}
    assert diff["config"] == [{"key": "config.dedup.threshold", "a": 0.8, "b": 0.7}]
    kept = next(line for line in diff["funnel"] if line["stage"] == "kept")
    assert (kept["a"], kept["b"]) == (60, 70)
    writing = next(entry for entry in diff["topics"] if entry["topic"] == "writing")
    assert writing["a_rows"] == 40


def test_diff_table(store, capsys):
    code, out, err = run(capsys, "diff", f"{NAME}@v1", f"{NAME}@v2", "--store", str(store))
    assert (code, err) == (0, "")
    assert "Rows shared by id: 40" in " ".join(out.split())
    assert "config.dedup.threshold" in out and "Token lengths" in out


def test_build_writes_a_card_for_a_version_without_one(store, capsys):
    version = fabricate(store, range(100, 130))
    code, out, _ = run(capsys, "build", f"{NAME}@v3", "--store", str(store))
    assert code == 0 and "README.md" in out
    assert {p.name for p in version.path.iterdir()} >= {"README.md", "card.json", "plots"}


def test_a_version_that_kept_nothing_gets_a_card(store, capsys):
    version = fabricate(store, range(0), shards=0)
    write_card(version)
    card = json.loads((version.path / "card.json").read_text())
    assert (card["rows"], card["topics"], card["examples"]) == (0, [], [])
    assert card["funnel"]["read"] == card["funnel"]["dropped"] > 0
    assert all((version.path / path).stat().st_size > 0 for path in card["plots"].values())
    assert main(["show", f"{NAME}@v3", "--store", str(store)]) == 0
    capsys.readouterr()


# --- bad input ------------------------------------------------------------------------------------


def _rewrite_manifest(store, change):
    path = v1(store).path / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def _corrupt_shard(store):
    path = v1(store).shard_paths[0]
    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")


def _corrupt_shard_keeping_its_sha256(store):
    """Garbage in a shard, and the manifest rewritten to match it: only reading the file can tell."""
    path = v1(store).shard_paths[0]
    path.write_bytes(b"not parquet at all" * 100)
    _rewrite_manifest(store, lambda m: m["shards"][0].update(sha256=sha256_file(path)))


BAD_INPUTS = {
    "unknown name": (None, ["show", "nosuch"], "no dataset named 'nosuch'"),
    "unknown version": (None, ["build", f"{NAME}@v9"], "has no version v9 in store"),
    "malformed ref": (None, ["show", "bad ref"], "malformed version reference"),
    "empty store show": ("empty", ["show", NAME], "no dataset named"),
    "missing manifest": (
        lambda s: (v1(s).path / "manifest.json").unlink(),
        ["show", f"{NAME}@v1"],
        "manifest missing",
    ),
    "corrupt manifest": (
        lambda s: (v1(s).path / "manifest.json").write_text("{not json"),
        ["build", f"{NAME}@v1"],
        "is corrupt",
    ),
    "corrupt manifest in list": (
        lambda s: (v1(s).path / "manifest.json").write_text("{not json"),
        ["list"],
        "is corrupt",
    ),
    "manifest lacks funnel": (
        lambda s: _rewrite_manifest(s, lambda m: m.pop("funnel")),
        ["build", f"{NAME}@v1"],
        "missing funnel",
    ),
    "funnel does not add up": (
        lambda s: _rewrite_manifest(s, lambda m: m["funnel"].update(read=999)),
        ["build", f"{NAME}@v1"],
        "funnel does not add up",
    ),
    "missing shard": (lambda s: v1(s).shard_paths[1].unlink(), ["show", f"{NAME}@v1"], "is missing"),
    "missing shard in diff": (
        lambda s: v1(s).shard_paths[0].unlink(),
        ["diff", f"{NAME}@v1", f"{NAME}@v2"],
        "is missing",
    ),
    "missing shard in list": (lambda s: v1(s).shard_paths[0].unlink(), ["list"], "is missing"),
    "shard with wrong sha256": (_corrupt_shard, ["build", f"{NAME}@v1"], "does not match its sha256"),
    "wrong sha256 in list --verify": (_corrupt_shard, ["list", "--verify"], "does not match its sha256"),
    "missing dropped rows": (
        lambda s: v1(s).dropped_path.unlink(),
        ["build", f"{NAME}@v1"],
        "dropped.parquet is missing",
    ),
    "no card yet": (lambda s: (v1(s).path / "README.md").unlink(), ["show", f"{NAME}@v1"], "has no card yet"),
    "manifest without shards": (
        lambda s: _rewrite_manifest(s, lambda m: m.pop("shards")),
        ["show", f"{NAME}@v1"],
        "no list of shards",
    ),
    "manifest that is a list": (
        lambda s: (v1(s).path / "manifest.json").write_text("[1, 2]"),
        ["build", f"{NAME}@v1"],
        "not a JSON object",
    ),
    "shard path outside the version": (
        lambda s: _rewrite_manifest(s, lambda m: m["shards"][0].update(file="../../x.parquet")),
        ["show", f"{NAME}@v1"],
        "outside the version folder",
    ),
    "corrupt shard with a matching sha256": (
        _corrupt_shard_keeping_its_sha256,
        ["show", f"{NAME}@v1"],
        "is not a readable parquet file",
    ),
    "corrupt shard with a matching sha256 in diff": (
        _corrupt_shard_keeping_its_sha256,
        ["diff", f"{NAME}@v1", f"{NAME}@v2"],
        "is not a readable parquet file",
    ),
    "shard row count differs from the manifest": (
        lambda s: _rewrite_manifest(s, lambda m: m["shards"][0].update(rows=m["shards"][0]["rows"] + 1)),
        ["list", "--verify"],
        "rows, the manifest says",
    ),
    "stray file in data/": (
        lambda s: shutil.copy(v1(s).shard_paths[0], v1(s).path / "data" / "extra.parquet"),
        ["show", f"{NAME}@v1"],
        "data/extra.parquet is not in the manifest",
    ),
    "corrupt dropped file": (
        lambda s: v1(s).dropped_path.write_bytes(v1(s).dropped_path.read_bytes()[:-8]),
        ["build", f"{NAME}@v1"],
        "dropped file dropped/dropped.parquet does not match its sha256",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_2_with_a_clear_message(case, store, tmp_path, capsys):
    breaker, args, message = BAD_INPUTS[case]
    root = store
    if breaker == "empty":
        root = tmp_path / "empty"
        root.mkdir()
    elif breaker:
        breaker(store)
    code, out, err = run(capsys, *args, "--store", str(root))
    assert code == 2
    assert err.startswith("error: ") and message in err, err
    assert err.count("\n") == 1, err  # one line, however long
    assert "Traceback" not in out + err
