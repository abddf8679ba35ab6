"""Decontamination against eval files: copies with changed case, spacing and punctuation are found,
near copies are not, the trainer's prompts are always checked, bad files give one clear line."""

import json
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from curate.cli import main
from curate.config import BuildConfig
from curate.dedup import DedupParams
from curate.errors import CurateError
from curate.schema import DROP_REASON
from curate.stages.decontaminate import TRAINER_LABEL, DecontaminateStage, EvalFile, EvalIndex, eval_files
from curate.stages.length import LengthLimits
from curate.store import Store

LONG = "Describe how a small bakery could cut its energy bill during the winter months without raising prices"
MID = "Write a haiku about the first snow of the year"  # 10 words: must appear whole
SHORT = "Summarize this text"  # 3 words: must be equal


def jsonl(path: Path, prompts: list) -> Path:
    path.write_text("".join(json.dumps({"id": i, "prompt": p}) + "\n" for i, p in enumerate(prompts)))
    return path


@pytest.fixture
def evals(tmp_path):
    return jsonl(tmp_path / "team_eval.jsonl", [LONG, MID, SHORT, None])


def match(evals_path: Path, prompts: list[str], ngram: int = 13) -> list:
    return EvalIndex(eval_files((str(evals_path),)), ngram).match(pl.Series(prompts)).to_list()


COPIES = [
    LONG.lower(),
    LONG.upper() + "!!",
    LONG.replace(" ", "  ").replace("energy", "energy\n"),
    "Quick question. " + LONG + "? Thanks in advance.",
    "Hi! " + " ".join(LONG.split()[2:15]) + " and something else entirely.",  # 13 words in a row
    MID.lower().replace("haiku", "HAIKU,"),
    "Please " + MID + " and make it sad.",
    " summarize   THIS text... ",
    "Describe how a small bakery could cut its energy bill during the winter months.",  # 13 words, from the start
]
NEAR = [
    " ".join(w if i % 6 != 3 else "really" for i, w in enumerate(LONG.split())),  # a changed word every 6
    " ".join(LONG.split()[:12]) + " in a very different way, please.",  # 12 words in a row, not 13
    "Write a haiku about the last snow of the year",
    "Summarize this text in French for my class",  # the short one, not equal
    "Tell me about bakeries.",
]


def test_copies_are_found_and_near_copies_are_not(evals):
    assert match(evals, COPIES) == ["team_eval.jsonl"] * len(COPIES)
    assert match(evals, NEAR) == [None] * len(NEAR)


def test_the_trainers_prompts_are_always_checked(evals):
    trainer = [json.loads(line)["prompt"] for line in Path("train/prompts.jsonl").read_text().splitlines()]
    assert match(evals, [trainer[0].upper() + "?", "  " + trainer[2].lower()]) == [TRAINER_LABEL] * 2
    assert [f.label for f in eval_files(())] == [TRAINER_LABEL]


def test_ngram_length_is_configurable(evals):
    ten = "Tell me " + " ".join(LONG.split()[3:13]) + " and more."
    assert match(evals, [ten]) == [None]
    assert match(evals, [ten], ngram=8) == ["team_eval.jsonl"]


def test_first_listed_file_names_the_reason(tmp_path, evals):
    other = jsonl(tmp_path / "other.jsonl", [LONG])
    index = EvalIndex(eval_files((str(other), str(evals))))
    assert index.match(pl.Series([LONG, MID])).to_list() == ["other.jsonl", "team_eval.jsonl"]


def test_parquet_files_and_the_stage(tmp_path):
    path = tmp_path / "evals.parquet"
    pl.DataFrame({"prompt": [LONG], "answer": ["..."]}).write_parquet(path)
    stage = DecontaminateStage(eval_files((str(path),)))
    out = stage.process(pl.DataFrame({"prompt": [LONG.lower(), "Something else entirely."]}))
    assert out[DROP_REASON].to_list() == ["contaminated:evals.parquet", None]


def test_the_index_is_compact(tmp_path):
    rng = np.random.default_rng(0)
    vocabulary = [f"w{i}" for i in range(5000)]
    prompts = [" ".join(rng.choice(vocabulary, 30)) for _ in range(20_000)]
    index = EvalIndex([EvalFile(jsonl(tmp_path / "big.jsonl", prompts), "big.jsonl")])
    ngrams = 20_000 * (30 - 13 + 1)
    assert index.nbytes <= 10 * ngrams + 8 * ngrams  # 8-byte hash + 2-byte file number, bitmap <= 64 bits
    assert index.match(pl.Series([prompts[123].upper(), "w1 w2 w3"])).to_list() == ["big.jsonl", None]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"question": "hi"}\n', "has no 'prompt' field (it has: question)"),
        ('{"prompt": 3}\n', "'prompt' must be text"),
        ("not json\n", "cannot read eval prompts from"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path, content, says):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(CurateError, match=says.replace("(", r"\(").replace(")", r"\)")):
        EvalIndex(eval_files((str(path),)))


def test_config_checks_files_and_records_them(tmp_path, evals):
    def config(*files, ngram=13):
        return BuildConfig(("writing",), ("en",), LengthLimits(), DedupParams.for_threshold(0.8), "cld2",
                           decontaminate=files, decontaminate_ngram=ngram)  # fmt: skip

    with pytest.raises(CurateError, match="eval prompts file not found"):
        config(str(tmp_path / "missing.jsonl"))
    twin = tmp_path / "sub"
    twin.mkdir()
    with pytest.raises(CurateError, match="distinct names"):
        config(str(evals), str(jsonl(twin / "team_eval.jsonl", [MID])))
    with pytest.raises(CurateError, match="positive whole number"):
        config(ngram=0)
    described = config(str(evals)).describe()["decontaminate"]
    assert described["ngram"] == 13
    assert [(f["label"], f["prompts"]) for f in described["files"]] == [("team_eval.jsonl", 3), (TRAINER_LABEL, 12)]
    assert described["files"][0]["sha256"] == EvalFile(evals, "x").sha256
    moved = tmp_path / "moved"
    moved.mkdir()
    copy = moved / "team_eval.jsonl"
    copy.write_bytes(evals.read_bytes())
    assert config(str(copy)).config_hash == config(str(evals)).config_hash  # content, not paths
    assert config(str(jsonl(copy, [MID]))).config_hash != config(str(evals)).config_hash


def test_a_build_drops_and_records_contaminated_rows(tmp_path, evals, capsys):
    answer = "<think>\n" + "Let me think about the bakery and its ovens, and what uses the most power. " * 3 + \
        "\n</think>\n\nTurn the ovens off between batches, insulate the proofing room and bake in fuller loads."
    rows = [{"prompt": p, "response": answer} for p in (LONG.lower() + "?", "How can a bakery save energy in winter?")]
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    store = tmp_path / "store"
    code = main(["build", "--source", str(source), "--topics", "all", "--languages", "all", "--store", str(store),
                 "--decontaminate", str(evals), "--workers", "1", "--quiet", "--name", "bakery"])  # fmt: skip
    assert code == 0, capsys.readouterr()
    version = Store(store).resolve("bakery")
    stage = next(s for s in version.manifest["funnel"]["stages"] if s["stage"] == "decontaminate")
    assert stage["dropped"] == {"contaminated:team_eval.jsonl": 1}
    files = version.manifest["config"]["decontaminate"]["files"]
    assert [f["label"] for f in files] == ["team_eval.jsonl", TRAINER_LABEL] and all(len(f["sha256"]) == 64 for f in files)
    card = (version.path / "README.md").read_text()
    assert "## Decontamination" in card and "| `team_eval.jsonl` | 3 |" in card


def test_a_bad_eval_file_is_an_error_line_and_exit_2(tmp_path, capsys):
    bad = jsonl(tmp_path / "bad.jsonl", [])
    bad.write_text('{"text": "x"}\n')
    code = main(["build", "--source", "sample", "--store", str(tmp_path / "s"), "--decontaminate", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "no 'prompt' field" in " ".join(err.split()) and "Traceback" not in err
