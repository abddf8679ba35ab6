"""Check `train plan` against measured peaks, and record the v5e-8 printouts the README shows.

For Gemma 2 2B (bf16, LoRA rank 16, packed, no remat) on one device, the estimate is compared with
the peak device memory bench/train_bench.py measured on one H200 (bench/results/train_bench_h200_*).
Then `train plan` is run, in child processes with 8 simulated devices, for fsdp=8 x seq 4096 on a
v5e, without and with --remat block. Prints the figures and writes bench/results/train_plan.json.

usage: python bench/plan_check.py [--xla]  (CPU, about two minutes, five with --xla; no accelerator needed)

--xla also compiles each H200 configuration's train step for the CPU backend and records XLA's
buffer assignment next to the estimate (the CPU compiler fuses less than the GPU one: it reads high).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MEASURED = {(2, 4096): "train_bench_h200_2x4096.jsonl", (4, 2048): "train_bench_h200_4x2048.jsonl"}
V5E_8 = ["--model", "gemma2-2b-it", "--mesh", "fsdp=8", "--batch-size", "8", "--seq-len", "4096", "--accelerator", "v5e"]


def measured_peak(name: str) -> int:
    lines = (ROOT / "bench" / "results" / name).read_text().splitlines()
    return next(json.loads(line)["peak_bytes"] for line in lines if '"arm": "ours"' in line)


def main() -> None:
    os.environ.setdefault("JAX_PLATFORMS", "cpu")
    from train.config import RunConfig
    from train.families import FAMILIES
    from train.plan import GB, compiled_bytes, make_plan

    family = FAMILIES["gemma"]
    plan = make_plan(family, family.preset("gemma2_2b_it"), RunConfig(model="gemma2-2b-it", batch_size=2,
                                                                       seq_len=4096), None, False)
    checks = []
    for (rows, seq_len), name in MEASURED.items():
        estimate = plan.estimate(rows, seq_len)
        peak = measured_peak(name)
        checks.append({"batch": rows, "seq_len": seq_len, "measured_gb": round(peak / GB, 2),
                       "estimate_gb": round(estimate.total / GB, 2), "error": round(estimate.total / peak - 1, 4),
                       "parts_gb": {k: round(v / GB, 2) for k, v in estimate.parts.items()}, "source": name})
        if "--xla" in sys.argv:
            config = RunConfig(model="gemma2-2b-it", batch_size=rows, seq_len=seq_len)
            xla = compiled_bytes(make_plan(family, family.preset("gemma2_2b_it"), config, None, False))
            checks[-1].update(xla_cpu_gb=round(xla / GB, 2), xla_cpu_error=round(xla / peak - 1, 4))
        print(json.dumps(checks[-1]), flush=True)
    printouts = {}
    for remat in ("none", "block"):
        child = subprocess.run([sys.executable, "-m", "train", "plan", *V5E_8, "--remat", remat], cwd=ROOT,
                               capture_output=True, text=True, check=True)
        printouts[remat] = child.stdout
        print(child.stdout, flush=True)
    result = {"model": "gemma2-2b-it", "lora_rank": 16, "h200_checks": checks,
              "v5e_8": {"command": "train plan " + " ".join(V5E_8), "printouts": printouts}}
    out = ROOT / "bench" / "results" / "train_plan.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
