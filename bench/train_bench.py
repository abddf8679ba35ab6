"""Benchmark the project's trainer against stock Tunix usage, side by side, on one length distribution.

Both arms train the same randomly initialised Gemma (tiny, or Gemma 2 2B in bf16) with the same qwix
LoRA adapters on the same examples (random token ids, lengths from a curated version):
- ours:  `train`'s path: packed rows (segment-aware mask), its loss, optimizer and PeftTrainer wiring;
- stock: Tunix as its examples use it (like shared/bench/tunix_peft_baseline.py): every example
         padded to --seq-len, one per row, TrainingInput + the default loss and a causal mask.
Each arm runs in its own process (clean peak memory) and prints one JSON line: real (non-pad)
tokens/s, padding share, steady step time (median), compile_s (the first step's call: compilation
and dispatch), init_s (model and adapters), peak memory (device, or host RSS on CPU), device. A
last line gives the speed-up of ours over stock in real tokens/s.

usage:
  python bench/train_bench.py --size tiny --data writing-summary        (CPU, about a minute)
  python bench/train_bench.py --size 2b --data writing-summary          (accelerator, about 5 minutes)
  python bench/train_bench.py --size 2b --data writing-summary --remat block --batch-size 4 --out NAME
      (ours with remat, which frees the memory for a larger batch; --attention flash takes Tunix's
      splash kernel where the model has one: Qwen 2/3 on TPU; Gemma 2 falls back to the masked path)

With --out NAME the lines are also written to bench/results/NAME.jsonl.

Lengths: with --data, each row's curated token counts (Gemma-calibrated estimates) plus the chat
template and instruction; without it, a synthetic log-normal distribution (flagged in the output).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TEMPLATE_TOKENS = 40  # BOS, turn markers, "user"/"model", and the default instruction (~25 tokens)
TAG_TOKENS = 14  # <reasoning></reasoning>\n<answer></answer>, <end_of_turn>, EOS
TINY_VOCAB = 2048
# Defaults per size: batch, seq_len, warmup steps, measured steps. The 2B row length is the curated
# total-length limit (4096): what stock usage pads every example to. 2 x 4096 needs an H200-class
# card (about 100 GB peak for the stock arm); on 80 GB use --batch-size 4 --seq-len 2048.
SIZES = {
    "tiny": (4, 2048, 2, 5),
    "2b": (2, 4096, 2, 8),
}


def lengths_of(args) -> tuple[np.ndarray, np.ndarray, str]:
    """(prompt lengths, completion lengths, where they come from)."""
    if args.data:
        from curate.store import Store

        version = Store(args.store).resolve(args.data)
        rows = version.read(columns=["prompt_tokens", "total_tokens"])
        prompt = rows["prompt_tokens"].to_numpy().astype(np.int64) + TEMPLATE_TOKENS
        completion = (rows["total_tokens"] - rows["prompt_tokens"]).to_numpy().astype(np.int64) + TAG_TOKENS
        return prompt, completion, version.ref
    rng = np.random.default_rng(0)
    prompt = np.clip(rng.lognormal(4.5, 0.6, 4000), 8, None).astype(np.int64) + TEMPLATE_TOKENS
    completion = np.clip(rng.lognormal(6.0, 0.6, 4000), 16, None).astype(np.int64) + TAG_TOKENS
    return prompt, completion, "synthetic log-normal"


def make_examples(prompt: np.ndarray, completion: np.ndarray, seq_len: int, vocab: int):
    """Random-token examples with the given lengths; longer than seq_len are dropped (both arms)."""
    from train.packing import Examples

    rng = np.random.default_rng(1)
    keep = prompt + completion <= seq_len
    ids, masks = [], []
    for p, c in zip(prompt[keep], completion[keep]):
        ids.append(rng.integers(4, vocab, p + c).astype(np.int32))  # never 0: stock finds padding by id 0
        mask = np.zeros(p + c, bool)
        mask[p:] = True
        masks.append(mask)
    return Examples(ids, masks, np.zeros(len(ids), np.int32), ("all",), int((~keep).sum()), 0)


class Stamped:
    """Times when the trainer asks for each batch: in steady state, one step apart."""

    def __init__(self, batches, tokens_of):
        self.batches, self.tokens_of = batches, tokens_of
        self.stamps, self.tokens = [], []

    def __iter__(self):
        for batch in self.batches:
            self.stamps.append(time.perf_counter())
            self.tokens.append(self.tokens_of(batch))
            yield batch


def peak_memory() -> dict:
    import jax

    device = jax.devices()[0]
    stats = (device.memory_stats() or {}) if device.platform != "cpu" else {}
    if "peak_bytes_in_use" in stats:
        return {"peak_bytes": int(stats["peak_bytes_in_use"]), "peak_of": "device"}
    return {"peak_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "peak_of": "host RSS"}


def run_arm(args) -> dict:
    import jax
    import jax.numpy as jnp
    import optax
    from tunix.models import dummy_model_creator
    from tunix.models.gemma import model as gemma_lib
    from tunix.sft import peft_trainer
    from tunix.sft import utils as sft_utils

    from train.config import RunConfig
    from train.families import FAMILIES
    from train.lora import apply_lora
    from train.mesh import build_mesh, device_info
    from train.models import choose_attention, init_tiny, tiny_config
    from train.packing import BatchStream
    from train.trainer import make_trainer, to_input

    batch, seq_len, steps = args.batch_size, args.seq_len, args.warmup + args.steps
    mesh = build_mesh(None, batch)
    t0 = time.perf_counter()
    ours = args.arm == "ours"  # the stock arm is Tunix as its examples use it: no remat, masked attention
    config = RunConfig(model="tiny" if args.size == "tiny" else "gemma2-2b-it", batch_size=batch, seq_len=seq_len,
                       steps=steps, checkpoint_every=10**6, eval_every=10**6, remat=args.remat if ours else "none",
                       attention=args.attention if ours else "masked")
    family = FAMILIES["gemma"]
    attention = choose_attention(config, family, seq_len)
    model_config = tiny_config(TINY_VOCAB) if args.size == "tiny" else gemma_lib.ModelConfig.gemma2_2b()
    model_config = family.with_options(model_config, config.remat, attention.flash_block)
    vocab = model_config.num_embed
    if args.size == "tiny":
        base = init_tiny(model_config, seed=0)
    else:
        base = dummy_model_creator.create_dummy_model(gemma_lib.Gemma, model_config, mesh=mesh, dtype=jnp.bfloat16)
    model = apply_lora(base, config, mesh)
    data = json.loads(Path(args.lengths).read_text())
    examples = make_examples(np.array(data["prompt"]), np.array(data["completion"]), seq_len, vocab)

    if args.arm == "ours":
        stream = BatchStream(examples, batch, seq_len, pack=True, seed=0)
        batches = Stamped(map(to_input, itertools.islice(stream, steps)), lambda b: int((b.segment_ids > 0).sum()))
        trainer = make_trainer(model, config, Path(tempfile.mkdtemp()), steps, num_topics=1,
                               flash=attention.flash_block is not None)
    else:
        order = np.random.default_rng([0, 0]).permutation(len(examples))

        def padded():
            for start in range(0, steps * batch, batch):
                tokens = np.zeros((batch, seq_len), np.int32)
                mask = np.zeros((batch, seq_len), bool)
                for r, i in enumerate(order[np.arange(start, start + batch) % len(order)]):
                    tokens[r, : len(examples.ids[i])] = examples.ids[i]
                    mask[r, : len(examples.ids[i])] = examples.masks[i]
                yield peft_trainer.TrainingInput(input_tokens=tokens, input_mask=mask)

        def gen_model_input_fn(x):
            pad = x.input_tokens != 0
            return {"input_tokens": x.input_tokens, "input_mask": x.input_mask,
                    "positions": sft_utils.build_positions_from_mask(pad),
                    "attention_mask": sft_utils.make_causal_attn_mask(pad)}

        batches = Stamped(padded(), lambda b: int((b.input_tokens != 0).sum()))
        trainer = peft_trainer.PeftTrainer(
            model, optax.adamw(1e-4), peft_trainer.TrainingConfig(eval_every_n_steps=10**9, max_steps=steps)
        ).with_gen_model_input_fn(gen_model_input_fn)
    init_s = time.perf_counter() - t0
    with mesh:
        trainer.train(batches)
    jax.effects_barrier()

    step_s = np.diff(np.array(batches.stamps))[args.warmup - 1:]
    step = float(np.median(step_s))
    real = float(np.mean(batches.tokens[args.warmup:]))
    device = device_info()
    return {
        "arm": args.arm, "size": args.size, "batch": batch, "seq_len": seq_len, "remat": config.remat,
        "attention": attention.name, "attention_note": attention.note, "measured_steps": len(step_s),
        "real_tokens_per_s": round(real / step), "padding_share": round(1 - real / (batch * seq_len), 4),
        "step_s": round(step, 4), "compile_s": round(batches.stamps[1] - batches.stamps[0], 1),
        "init_s": round(init_s, 1), **peak_memory(), "examples": len(examples), "dropped_longer": examples.dropped,
        "device": device["kind"], "devices": device["count"], "jax": jax.__version__,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--data", metavar="NAME[@vN]", help="curated version whose lengths to use")
    parser.add_argument("--store", metavar="DIR", help="curated store (default: $CURATE_STORE or ./curated)")
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--seq-len", type=int)
    parser.add_argument("--warmup", type=int, help="steps not measured (compilation, first steps)")
    parser.add_argument("--steps", type=int, help="measured steps")
    parser.add_argument("--remat", choices=("none", "block", "decoder"), default="none", help="ours only")
    parser.add_argument("--attention", choices=("masked", "flash"), default="masked", help="ours only")
    parser.add_argument("--out", metavar="NAME", help="also write the lines to bench/results/NAME.jsonl")
    parser.add_argument("--arm", choices=("ours", "stock"), help=argparse.SUPPRESS)  # one arm, in a child
    parser.add_argument("--lengths", help=argparse.SUPPRESS)
    args = parser.parse_args()
    defaults = dict(zip(("batch_size", "seq_len", "warmup", "steps"), SIZES[args.size]))
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.warmup < 1 or args.steps < 2:
        parser.error("--warmup must be >= 1 and --steps >= 2")
    if args.arm:
        print(json.dumps(run_arm(args)), flush=True)
        return

    prompt, completion, source = lengths_of(args)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        lengths = Path(tmp) / "lengths.json"
        lengths.write_text(json.dumps({"prompt": prompt.tolist(), "completion": completion.tolist()}))
        for arm in ("ours", "stock"):
            command = [sys.executable, __file__, "--arm", arm, "--lengths", str(lengths), "--size", args.size,
                       "--remat", args.remat, "--attention", args.attention]
            for key in ("batch_size", "seq_len", "warmup", "steps"):
                command += [f"--{key.replace('_', '-')}", str(getattr(args, key))]
            # JAX takes 75% of GPU memory by default; the stock arm at 2 x 4096 wants more.
            env = {"XLA_PYTHON_CLIENT_MEM_FRACTION": "0.95", **os.environ, "PYTHONWARNINGS": "ignore"}
            child = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
            if child.returncode != 0:  # report and go on: the other arm's figures still count
                print(json.dumps({"arm": arm, "error": child.stderr[-2000:]}), flush=True)
                continue
            results[arm] = json.loads(child.stdout.strip().splitlines()[-1])
            print(json.dumps({**results[arm], "lengths": source}), flush=True)
    if len(results) < 2:
        sys.exit("an arm failed: no comparison")
    speedup = results["ours"]["real_tokens_per_s"] / results["stock"]["real_tokens_per_s"]
    summary = {"summary": "ours vs stock, real tokens/s", "speedup": round(speedup, 2), "lengths": source,
               "device": results["ours"]["device"]}
    print(json.dumps(summary), flush=True)
    if args.out:
        lines = [{**results[arm], "lengths": source} for arm in ("ours", "stock")] + [summary]
        path = Path(__file__).resolve().parent / "results" / f"{args.out}.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
        print(f"wrote {path}", flush=True)


if __name__ == "__main__":
    main()
