"""`train plan`: the activation inventory behaves as memory does, and (slow) the estimate for Gemma 2 2B
is within 15% of the peaks measured on one H200, and says no, then yes with remat, on a v5e-8."""

from __future__ import annotations

import json
import re

import pytest
from test_train_helpers import ROOT, check, train_cli

from train.plan import GB, Shape, activation_bytes

GEMMA2_2B = Shape(layers=26, width=2304, mlp=9216, heads=8, kv_heads=4, head_dim=256, vocab=256128,
                  attn_softcap=True, final_softcap=True, post_norms=True, qk_norm=False)


def total(**kw) -> float:
    args = {"shape": GEMMA2_2B, "rows": 2, "seq_len": 4096, "act_bytes": 2, "remat": "none", "flash": False, "tp": 1}
    return sum(activation_bytes(**{**args, **kw}).values())


def test_activations_follow_rows_seq_len_remat_flash_and_tp():
    assert total(rows=4) == pytest.approx(2 * total(rows=2))
    assert total(seq_len=2048, rows=4) < total()  # same tokens, attention scores halve
    assert total(remat="decoder") < total(remat="block") < total() / 2  # the logits stay
    assert total(flash=True) < total() - 27 * GB  # no [rows, heads, seq, seq] scores per layer
    assert total(tp=2) == pytest.approx(total() / 2)
    parts = activation_bytes(GEMMA2_2B, 2, 4096, 2, "none", False, 1)
    # two bf16 score tensors per layer (softmax output, soft-capped logits): 4 bytes a score
    assert parts["attention scores"] == 26 * 2 * 8 * 4096**2 * 4


def measured_peak(name: str) -> int:
    lines = (ROOT / "bench" / "results" / name).read_text().splitlines()
    return next(json.loads(line)["peak_bytes"] for line in lines if '"arm": "ours"' in line)


@pytest.mark.slow
def test_estimate_is_within_15_percent_of_the_h200_peaks():
    from train.config import RunConfig
    from train.families import FAMILIES
    from train.plan import make_plan

    family = FAMILIES["gemma"]
    plan = make_plan(family, family.preset("gemma2_2b_it"), RunConfig(model="gemma2-2b-it", batch_size=2,
                                                                       seq_len=4096), None, False)
    for rows, seq_len, name in ((2, 4096, "train_bench_h200_2x4096.jsonl"), (4, 2048, "train_bench_h200_4x2048.jsonl")):
        estimate, peak = plan.estimate(rows, seq_len).total, measured_peak(name)
        assert abs(estimate - peak) / peak < 0.15, (rows, seq_len, estimate / GB, peak / GB)


@pytest.mark.slow
def test_gemma2_2b_on_a_v5e_8_fits_only_with_remat():
    args = ["plan", "--model", "gemma2-2b-it", "--mesh", "fsdp=8", "--batch-size", "8", "--seq-len", "4096",
            "--accelerator", "v5e"]
    plain = check(train_cli(*args)).stdout
    assert "on 8 x v5e (16 GB HBM per chip)" in plain and "(1 row(s) per device)" in plain
    assert "does NOT fit" in plain and "no batch fits" in plain and "--remat block" in plain
    remat = check(train_cli(*args, "--remat", "block")).stdout
    verdict = re.search(r"fits: ([\d.]+) of 16 GB", remat)
    assert verdict and float(verdict.group(1)) < 16 and "largest --batch-size that fits: 8" in remat
