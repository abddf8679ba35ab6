"""The learned topic model: features, determinism of training and verdicts, weights, corpus rules."""

import hashlib
import json

import numpy as np
import polars as pl
import pytest

from curate.errors import CurateError
from curate.topic_model import TopicModel
from curate.topic_model.augment import passage_rows
from curate.topic_model.features import FeatureConfig, featurize
from curate.topic_model.model import WEIGHTS
from curate.topic_model.train import (
    TrainParams,
    corpus_digest,
    fit,
    load_corpus,
    main,
    training_rows,
)
from curate.topics import TOPIC_IDS

CONFIG = FeatureConfig()


def _features_of(texts, **kw):
    blocks = featurize(pl.Series(texts, dtype=pl.String), CONFIG, **kw)
    return {name: [(int(r), int(b)) for part in parts for r, b in zip(*part)] for name, parts in blocks.items()}


def test_bucket_hashing_is_pinned():
    """The committed weights are indexed by these buckets: a change here silently breaks them."""
    feats = _features_of(["Write a poem about the sea", "Solve 2x + 3 = 7 ```x```", "Sum it up:\n\nThe memo, in short.\nThanks"])
    digest = hashlib.sha256(json.dumps(feats, sort_keys=True).encode()).hexdigest()
    assert digest == PINNED_FEATURE_DIGEST


def test_features_of_a_row_do_not_depend_on_its_neighbours():
    texts = ["summarize this", "x = 1; y = 2", "ok", "Écris un poème, s'il te plaît"]
    together = _features_of(texts)
    for i, t in enumerate(texts):
        alone = _features_of([t])
        for block, pairs in together.items():
            assert sorted(b for r, b in pairs if r == i) == sorted(b for _, b in alone.get(block, []))


def test_response_block_only_for_rows_with_an_answer():
    prompts = pl.Series(["what is 6 times 7", "what is 6 times 7"])
    blocks = featurize(prompts, CONFIG, pl.Series(["6*7 = 42", None]), pl.Series(["42", None]))
    rows = {int(r) for part_rows, _ in blocks["response"] for r in part_rows}
    assert rows == {0}
    assert "response" not in featurize(prompts, CONFIG)


def test_long_prompts_are_cut_to_head_and_tail():
    long = "word " * 5000
    feats = featurize(pl.Series([long]), CONFIG)
    n_chars = sum(len(r) for r, _ in feats["chars"])
    assert n_chars < 3 * (CONFIG.head_chars + CONFIG.tail_chars + 10)


def test_request_block_reads_only_the_ends_of_a_prompt():
    """What is pasted between the requests at either end adds no `request` features."""
    ask, pad, then = "Summarize this memo for the board:\n\n", "The quarter went as planned. " * 5, "\n\nKeep it short."
    a, b = (featurize(pl.Series([ask + pad + middle + pad + then]), CONFIG)["request"]
            for middle in ("The plant closes in May. " * 3, "Sales doubled in Peru and Chile. " * 9))
    assert [sorted(bucket) for _, bucket in a] == [sorted(bucket) for _, bucket in b]
    assert 0 < sum(len(r) for r, _ in a) <= 2 * (CONFIG.request_chars + 3)


@pytest.fixture(scope="module")
def model():
    return TopicModel.load()


def test_shipped_weights_are_small_and_trained_on_the_committed_corpus(model):
    assert WEIGHTS.stat().st_size < 5_000_000
    assert model.topics == TOPIC_IDS
    assert model.metadata["corpus"]["sha256"] == corpus_digest(training_rows()), (
        "the corpus changed: retrain with `python -m curate.topic_model.train`")


def test_verdicts_are_deterministic_and_batch_independent(model):
    prompts = pl.Series(["Write a haiku about rain", "What is 17 * 23?", "tl;dr of the article below\n\nThe mayor...",
                         "", None, "act as my spanish tutor"], dtype=pl.String)
    topics, conf = model.predict(prompts)
    again, conf2 = model.predict(prompts)
    assert topics.to_list() == again.to_list() and conf.to_list() == conf2.to_list()
    for i in range(len(prompts)):
        t, c = model.predict(prompts.slice(i, 1))
        assert t.item() == topics[i] and c.item() == pytest.approx(conf[i], abs=1e-6)
    assert conf.dtype == pl.Float32 and ((conf > 0) & (conf <= 1)).all()


def test_response_moves_the_verdict_towards_a_checkable_task(model):
    """An answer that is a bare number, boxed, is evidence for math over explanation."""
    prompt = pl.Series(["Tom has some apples and gives away a third of them, keeping 8. How many did he have?"])
    reasoning = pl.Series(["Let x be the apples. x - x/3 = 8, so 2x/3 = 8 and x = 12. Check: 12 - 4 = 8."])
    alone = model.logits(prompt)
    with_answer = model.logits(prompt, reasoning, pl.Series(["\\boxed{12}"]))
    math, explanation = TOPIC_IDS.index("math"), TOPIC_IDS.index("explanation")
    assert (with_answer[0, math] - with_answer[0, explanation]) > (alone[0, math] - alone[0, explanation])


def _small_corpus():
    rows = load_corpus()
    return pl.concat([rows.filter(pl.col("topic") == t).head(15) for t in TOPIC_IDS])


def test_training_gives_the_same_bytes_twice(tmp_path):
    rows = _small_corpus()
    params = TrainParams(c=1.0, features=FeatureConfig(hash_bits=16))
    paths = []
    for i in range(2):
        m = fit(rows, params)
        paths.append(tmp_path / f"w{i}.safetensors")
        m.save(paths[-1])
    assert paths[0].read_bytes() == paths[1].read_bytes()
    loaded = TopicModel.load(paths[0])
    assert loaded.config == params.features and np.array_equal(loaded.buckets, m.buckets)
    assert loaded.predict(rows["prompt"])[0].to_list() == m.predict(rows["prompt"])[0].to_list()


def test_made_rows_keep_their_request_label_and_name_their_sources():
    passage = "The council met on Monday. " * 12
    rows = pl.DataFrame({
        "prompt": [f"Summarize this:\n\n{passage}", f"{passage}\n\nWhat day did they meet?", "write a haiku about rain"],
        "topic": ["summary", "extraction", "writing"], "response": [None, None, None]})
    made, sources = passage_rows(rows, attach_every=1)
    assert made.height == len(sources) > 0
    for prompt, topic, (request, donor) in zip(made["prompt"], made["topic"], sources):
        assert topic == rows["topic"][int(request)] and request != donor
        assert passage.strip() in prompt


def test_training_command_writes_weights(tmp_path, capsys):
    out = tmp_path / "w.safetensors"
    assert main(["--limit", "60", "--out", str(out)]) == 0
    model = TopicModel.load(out)
    assert model.metadata["corpus"]["rows"] > 0 and "trained on" in capsys.readouterr().out


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_blind_set_is_never_read_for_training(tmp_path):
    row = {"prompt": "write a poem", "topic": "writing", "writer": "a", "style": "terse", "language": "en"}
    _write_jsonl(tmp_path / "writer_a.jsonl", [row])
    _write_jsonl(tmp_path / "final_blind.jsonl", [{**row, "writer": "e"}] * 5)
    assert load_corpus(tmp_path).height == 1
    _write_jsonl(tmp_path / "writer_b.jsonl", [{**row, "writer": "e"}])
    with pytest.raises(CurateError, match="blind"):
        load_corpus(tmp_path)


def test_bad_corpus_rows_are_one_clear_error(tmp_path):
    _write_jsonl(tmp_path / "writer_a.jsonl", [{"prompt": "hi", "topic": "poetry"}])
    with pytest.raises(CurateError, match="unknown topic"):
        load_corpus(tmp_path)
    with pytest.raises(CurateError, match="no writer_"):
        load_corpus(tmp_path / "empty")


def test_unreadable_weights_are_a_curate_error(tmp_path):
    bad = tmp_path / "w.safetensors"
    bad.write_bytes(b"not a weights file")
    with pytest.raises(CurateError, match="cannot read topic model weights"):
        TopicModel.load(bad)


PINNED_FEATURE_DIGEST = "fa22d08ef67fbcdcee84c0ac2aeebb7be441c6114645de863a1257eff6b2d9e5"
