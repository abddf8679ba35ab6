"""The data side of `train`: config merging, the eval split, chat ids, packing and its masks, format checks.

No training here; the one model call (packed vs separate rows) uses the tiny model in this process.
"""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from test_train_helpers import make_rows

from curate.errors import CurateError
from train.config import RunConfig, build_config, load_yaml
from train.evaluate import check_format, score
from train.formatting import SamplerTokenizer, chat_format
from train.packing import BatchStream, assemble, fixed_batches, pack_rows, padding_share, tokenize_rows
from train.run import split_rows
from train.tokenizer import train_tiny_tokenizer

TOPICS = ("summary", "writing")


@pytest.fixture(scope="module")
def rows() -> pl.DataFrame:
    return make_rows(40)


@pytest.fixture(scope="module")
def tok(rows):
    return train_tiny_tokenizer(rows, 512)


@pytest.fixture(scope="module")
def chat(tok):
    return chat_format("gemma", tok, "Be brief.")


# ---------------------------------------------------------------- config


def test_yaml_then_command_line(tmp_path):
    path = tmp_path / "run.yaml"
    path.write_text("seq-len: 512\nlora_rank: 4\npack: false\nlr: 0.001\n")
    options = load_yaml(path)
    options.update({"lora_rank": 8})  # the command line wins
    config = build_config(options)
    assert (config.seq_len, config.lora_rank, config.pack, config.lr) == (512, 8, False, 0.001)


def test_model_default_lr_is_resolved():
    assert RunConfig(model="tiny").lr == 3e-3
    assert RunConfig(model="gemma2-2b-it").lr == 2e-4
    assert RunConfig(model="Qwen/Qwen3-0.6B").lr == 2e-4
    assert RunConfig(model="gemma3-1b-it", lr=1e-5).lr == 1e-5


@pytest.mark.parametrize(
    "options, message",
    [
        ({"seq_len": "long"}, "not a valid int"),
        ({"steps": 10, "epochs": 1}, "not both"),
        ({"batch_size": 0}, "at least 1"),
        ({"model": " "}, "--model must name a model"),
        ({"remat": "layers"}, "--remat must be one of none, block, decoder"),
        ({"attention": "fast"}, "--attention must be one of masked, flash"),
        ({"mesh": "fsdp=two"}, "malformed --mesh"),
        ({"quantize": "int3"}, "--quantize"),
        ({"lora_targets": "(("}, "regular expression"),
        ({"learning_rate": 1}, "unknown option"),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(CurateError, match=message):
        build_config(options)


# ---------------------------------------------------------------- eval split


def test_split_is_deterministic_by_id(rows):
    train_a, eval_a = split_rows(rows, 0.2, seed=3)
    _, eval_b = split_rows(rows.reverse(), 0.2, seed=3)
    assert sorted(eval_a["id"]) == sorted(eval_b["id"])
    assert train_a.height + eval_a.height == rows.height
    assert set(train_a["id"]).isdisjoint(eval_a["id"])
    # a row keeps its side when other rows go away
    _, eval_c = split_rows(rows.head(20), 0.2, seed=3)
    assert set(eval_c["id"]) == set(eval_a["id"]) & set(rows.head(20)["id"])
    assert sorted(split_rows(rows, 0.2, seed=4)[1]["id"]) != sorted(eval_a["id"])


def test_split_keeps_one_row_on_each_side(rows):
    train, held = split_rows(rows.head(2), 0.0001, seed=0)
    assert (train.height, held.height) == (1, 1)


# ---------------------------------------------------------------- chat formatting


def test_tiny_tokenizer_is_deterministic_and_gemma_shaped(rows, tok):
    assert train_tiny_tokenizer(rows, 512).data == tok.data
    assert [tok.token_id(p) for p in ("<pad>", "<eos>", "<bos>")] == [0, 1, 2]
    assert [tok.token_id(p) for p in ("<start_of_turn>", "<end_of_turn>")] == [4, 5]
    assert tok.token_id("<|im_start|>") is None
    assert tok.encode("<start_of_turn>x") == [4] + tok.encode("x")


def test_example_ids_are_exact(tok, chat):
    ids, mask = chat.examples(["Hi there"], ["<answer>ok</answer>"])[0]
    bos, eos, sot, eot = 2, 1, 4, 5
    expected_head = (
        [bos, sot] + tok.encode("user\nBe brief.\n\nHi there") + [eot] + tok.encode("\n") + [sot]
        + tok.encode("model\n")
    )
    target = tok.encode("<answer>ok</answer>") + [eot, eos]
    assert ids.tolist() == expected_head + target
    assert mask.tolist() == [False] * len(expected_head) + [True] * len(target)
    assert ids.tolist().count(bos) == 1 and ids.tolist().count(eos) == 1
    assert ids.tolist().count(sot) == 2 and ids.tolist().count(eot) == 2
    assert chat.prompt_ids("Hi there") == expected_head


def test_no_instruction_means_plain_user_turn(tok):
    ids, _ = chat_format("gemma", tok, "").examples(["Hi"], ["x"])[0]
    assert ids.tolist()[2: 2 + len(tok.encode("user\nHi"))] == tok.encode("user\nHi")


def test_a_tokenizer_without_the_format_tokens_is_refused(tok):
    with pytest.raises(CurateError, match="is not a chatml chat tokenizer: it lacks .*<\\|im_start\\|>"):
        chat_format("chatml", tok, "")


def test_sampler_prompt_gets_one_bos(chat):
    from tunix.generate.sampler import Sampler

    adapter = SamplerTokenizer(chat)
    fake = Sampler.__new__(Sampler)  # only its tokenize() is used: the sampler's own BOS handling
    from tunix.generate.tokenizer_adapter import TokenizerAdapter

    fake.tokenizer = TokenizerAdapter(adapter)
    assert fake.tokenize("Hi there").tolist() == chat.prompt_ids("Hi there")
    assert adapter.stop_ids() == [5, 1]


# ---------------------------------------------------------------- packing


@pytest.fixture(scope="module")
def examples(rows, chat):
    return tokenize_rows(rows, chat, 256, "drop", TOPICS)


def test_pack_rows_fit_and_cover_every_example_once():
    rng = np.random.default_rng(0)
    lengths = rng.integers(10, 200, 5000)
    rows = pack_rows(lengths, rng.permutation(5000), 256)
    assert sorted(i for row in rows for i in row) == list(range(5000))
    assert all(sum(lengths[i] for i in row) <= 256 for row in rows)
    padding = 1 - lengths.sum() / (len(rows) * 256)
    assert padding < 0.03


def test_stream_is_deterministic_and_crosses_epochs(examples):
    def first(n, seed):
        stream = BatchStream(examples, 4, 256, True, seed)
        out = []
        for batch in stream:
            out.append(batch["input_tokens"].copy())
            if len(out) == n:
                return out, stream

    a, stream = first(30, seed=1)
    b, _ = first(30, seed=1)
    c, _ = first(30, seed=2)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))
    assert len(stream.stats) == 30
    rows_per_epoch = len(stream.epoch_rows(0))
    assert 30 * 4 > rows_per_epoch  # the stream went on into later epochs


def test_segments_positions_and_masks(examples):
    import jax.numpy as jnp

    from train.trainer import PackedInput, model_inputs

    shortest = [int(i) for i in np.argsort(examples.lengths)[:3]]
    batch = assemble(examples, [shortest, [0]], 256)
    lengths = [len(examples.ids[i]) for i in shortest]
    assert sum(lengths) <= 256
    starts = np.cumsum([0] + lengths)
    for segment, (a, b) in enumerate(itertools.pairwise(starts), 1):
        assert (batch["segment_ids"][0, a:b] == segment).all()
        assert batch["positions"][0, a:b].tolist() == list(range(b - a))
        assert batch["input_tokens"][0, a] == 2  # each example starts with its own BOS
    assert (batch["segment_ids"][0, starts[-1]:] == 0).all()

    mask = np.asarray(model_inputs(PackedInput(**{k: jnp.asarray(v) for k, v in batch.items()}))["attention_mask"])
    seg = batch["segment_ids"][0]
    for q in range(0, 256, 7):
        for k in range(256):
            assert mask[0, q, k] == (seg[q] > 0 and seg[k] == seg[q] and k <= q)
    assert not mask[0, starts[-1]:].any()  # padding attends to nothing


def test_packed_row_gives_the_same_logits_as_separate_rows(examples, tok):
    from flax import nnx

    from train.models import init_tiny, tiny_config
    from train.trainer import PackedInput, model_inputs

    model = init_tiny(tiny_config(tok.vocab_size), seed=0)

    @nnx.jit
    def logits(model, batch):
        x = model_inputs(PackedInput(**batch))
        return model(x["input_tokens"], x["positions"], None, x["attention_mask"])[0]

    a, b = (int(i) for i in np.argsort(examples.lengths)[:2])
    out = np.asarray(logits(model, assemble(examples, [[a, b], [a], [b]], 256)))
    n0, n1 = len(examples.ids[a]), len(examples.ids[b])
    np.testing.assert_allclose(out[0, :n0], out[1, :n0], atol=1e-5)
    np.testing.assert_allclose(out[0, n0:n0 + n1], out[2, :n1], atol=1e-5)


def test_no_pack_is_one_example_per_row(examples):
    stream = BatchStream(examples, 4, 256, False, 0)
    batch = next(iter(stream))
    assert (batch["segment_ids"].max(axis=1) == 1).all()
    padded = padding_share(stream.stats, 4, 256)
    packed = BatchStream(examples, 4, 256, True, 0)
    next(iter(packed))
    assert padding_share(packed.stats, 4, 256) < padded


def test_overlong_policy_is_counted(rows, tok):
    chat = chat_format("gemma", tok, "")
    lengths = [len(x) for x, _ in chat.examples(rows["prompt"].to_list(), rows["completion"].to_list())]
    limit = int(np.median(lengths))
    dropped = tokenize_rows(rows, chat, limit, "drop", TOPICS)
    cut = tokenize_rows(rows, chat, limit, "truncate", TOPICS)
    longer = sum(n > limit for n in lengths)
    assert dropped.dropped == longer and dropped.truncated == 0 and len(dropped) == rows.height - longer
    assert cut.truncated + cut.dropped == longer and max(cut.lengths) == limit
    with pytest.raises(CurateError, match="shorter than every example"):
        tokenize_rows(rows, chat, min(lengths) - 1, "drop", TOPICS)


def test_eval_batches_cover_every_example(examples):
    batches = fixed_batches(examples, 4, 256, True)
    assert sum(int(b["input_mask"].sum()) for b in batches) == sum(int(m.sum()) for m in examples.masks)
    assert all(b["input_tokens"].shape == (4, 256) for b in batches)


# ---------------------------------------------------------------- answer format


@pytest.mark.parametrize(
    "text, compliant, failed",
    [
        ("<reasoning>think</reasoning>\n<answer>yes</answer>", True, []),
        ("<reasoning>think</reasoning>\n<answer>yes</answer>\n  ", True, []),
        ("<reasoning>think</reasoning>", False, ["both_tags", "in_order", "nonempty_answer", "nothing_after"]),
        ("<answer>yes</answer><reasoning>think</reasoning>", False, ["in_order", "nothing_after"]),
        ("<reasoning>think</reasoning><answer>  </answer>", False, ["nonempty_answer"]),
        ("<reasoning>think</reasoning><answer>yes</answer> and more", False, ["nothing_after"]),
    ],
)
def test_format_checks(text, compliant, failed):
    checks = check_format(text)
    assert checks["compliant"] is compliant
    assert sorted(k for k in ("both_tags", "in_order", "nonempty_answer", "nothing_after") if not checks[k]) == failed


def test_score_shares_and_lengths():
    replies = [{"text": "<reasoning>a</reasoning><answer>b c</answer>", "tokens": 10}, {"text": "nope", "tokens": 4}]
    summary = score(replies, lambda text: len(text.split()))
    assert summary["compliant"] == 0.5 and summary["mean_output_tokens"] == 7 and summary["mean_answer_tokens"] == 1


# ---------------------------------------------------------------- default --seq-len and the overlong warning


def test_default_seq_len_holds_the_longest_example():
    from train.packing import default_seq_len

    assert default_seq_len(np.array([100, 1500, 1537])) == 1664
    assert default_seq_len(np.array([128])) == 128
    assert default_seq_len(np.array([5000, 10]), limit=4096) == 4096  # a packed Gemma 2 row spans its window


def test_overlong_warning_names_the_count_and_the_fixes():
    from train.packing import overlong_warning

    lengths = np.array([300] * 95 + [3000] * 5)
    line = overlong_warning(lengths, 2048, "drop", "training examples")
    assert line.startswith("WARNING: 5 of 100 training examples (5.0%) are longer than --seq-len 2048")
    assert "--overlong truncate" in line and "--seq-len 3072 keeps them whole" in line
    assert overlong_warning(lengths, 2048, "truncate", "training examples") is None
    assert overlong_warning(np.array([300] * 199 + [3000]), 2048, "drop", "x") is None  # 0.5%: quiet
    capped = overlong_warning(lengths, 2048, "drop", "training examples", limit=2048)
    assert "add --no-pack" in capped


def test_plain_progress_lines_when_not_a_terminal(capsys, monkeypatch):
    from train import progress

    monkeypatch.setattr(progress.time, "perf_counter", iter(float(t) for t in range(0, 1000, 2)).__next__)
    bar = progress.Progress("tiny on ws@v1", plain=True)
    bar.start(0, 25)
    for step in range(1, 26):
        if step == 12:
            bar.eval_done(2.5)
        bar.step_done(step, 3.0 - step / 100, 1000, 2.0)
    bar.stop()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "tiny on ws@v1: 25 steps"
    assert [line.split()[1] for line in lines[1:]] == ["1/25", "10/25", "20/25", "25/25"]
    assert lines[2].startswith("step 10/25  loss 2.900  eval -  tokens/s 500") and "elapsed 0:00:" in lines[2]
    assert "eval 2.500" in lines[3] and lines[-1].endswith("ETA 0:00:00")
