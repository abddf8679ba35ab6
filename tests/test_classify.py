"""`curate classify`: verdicts as the build gives them, confidence, the table format, response use."""

import json

import polars as pl

from curate.cli import main
from curate.topics import TopicClassifier


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _run(capsys, *argv):
    assert main(["classify", *argv]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_verdict_is_the_drop_reason_with_its_stage(tmp_path, capsys):
    f = _jsonl(tmp_path / "p.jsonl", [{"prompt": "Write a poem about autumn leaves falling in the park."},
                                      {"prompt": "Écris un poème sur les feuilles d'automne qui tombent dans le parc."}])
    rows = _run(capsys, str(f))
    assert [(r["stage"], r["verdict"]) for r in rows] == [(None, "kept"), ("language", "language:fr")]
    assert all(0 < r["topic_confidence"] <= 1 for r in rows)
    assert "prompt" not in rows[0]


def test_min_topic_confidence_drops_with_its_own_reason(tmp_path, capsys):
    f = _jsonl(tmp_path / "p.jsonl", [{"prompt": "Write a poem about autumn leaves falling in the park."}])
    conf = _run(capsys, str(f))[0]["topic_confidence"]
    rows = _run(capsys, str(f), "--min-topic-confidence", str(min(1.0, conf + 0.001)))
    assert (rows[0]["stage"], rows[0]["verdict"]) == ("topic", "low_confidence:writing")
    assert main(["classify", str(f), "--min-topic-confidence", "2"]) == 2
    assert "between 0 and 1" in capsys.readouterr().err


def test_rows_with_a_response_are_judged_with_it(tmp_path, capsys):
    prompt = "Tom has some apples and gives away a third of them, keeping 8. How many did he have?"
    reasoning, answer = "x - x/3 = 8 so 2x/3 = 8 and x = 12. Check: 12 - 4 = 8.", "\\boxed{12}"
    f = _jsonl(tmp_path / "r.jsonl", [{"prompt": prompt, "response": f"<think>{reasoning}</think>{answer}"}])
    row = _run(capsys, str(f), "--topics", "all")[0]
    want = TopicClassifier.load().predict(pl.Series([prompt]), pl.Series([reasoning]), pl.Series([answer]))
    assert row["topic"] == want["topic"].item()
    assert row["topic_confidence"] == float(want["topic_confidence"].item())
    alone = _run(capsys, str(_jsonl(tmp_path / "p.jsonl", [{"prompt": prompt}])), "--topics", "all")[0]
    assert alone["topic_confidence"] != row["topic_confidence"]


def test_table_format_for_people(tmp_path, capsys):
    f = _jsonl(tmp_path / "p.jsonl", [{"prompt": "Summarize [bold]this[/bold] memo: the office moves on Monday."},
                                      {"prompt": "Solve for x: 3x + 5 = 20"}])
    assert main(["classify", str(f), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "off_topic:math" in out and "kept" in out and "[bold]this" in out
    assert max(len(line) for line in out.splitlines()) <= 120
    table = tmp_path / "t.txt"
    assert main(["classify", str(f), "--format", "table", "--output", str(table)]) == 0
    assert "off_topic:math" in table.read_text()
