"""Helpers for the train tests: a small curated version fabricated with polars, and a CLI runner.

The store layout follows docs/CONTRACTS.md, so these tests do not need `curate build`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl

from curate.schema import SHARD_SCHEMA
from curate.store import Store, Version, sha256_file

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the", "river", "light", "open", "quiet", "garden", "story", "letter", "city", "morning", "small", "bright",
         "answer", "plan", "idea", "write", "short", "clear", "reason", "think", "simple", "warm", "long", "people",
         "time", "world", "year", "day", "work", "life")


def make_rows(n: int = 48, topics: tuple[str, ...] = ("writing", "summary"), seed: int = 0) -> pl.DataFrame:
    """Rows with the shard schema; lengths vary so packing has something to do."""
    records = []
    for i in range(n):
        topic = topics[i % len(topics)]
        k = (i * 7 + seed) % 23
        words = [WORDS[(i * 3 + j * 5 + seed) % len(WORDS)] for j in range(8 + 3 * k)]
        prompt = f"{topic.capitalize()} request {i}: " + " ".join(words[:6 + k % 5])
        reasoning = " ".join(words)
        answer = " ".join(reversed(words[: 4 + k]))
        completion = f"<reasoning>{reasoning}</reasoning>\n<answer>{answer}</answer>"
        records.append({
            "id": hashlib.sha256(f"{seed}:{prompt}\0{completion}".encode()).hexdigest()[:16],
            "source_index": i,
            "prompt": prompt,
            "reasoning": reasoning,
            "answer": answer,
            "completion": completion,
            "topic": topic,
            "language": "en",
            "prompt_tokens": len(prompt) // 4,
            "reasoning_tokens": len(reasoning) // 4,
            "answer_tokens": len(answer) // 4,
            "total_tokens": (len(prompt) + len(completion)) // 4,
            "dup_cluster_size": 1,
        })
    return pl.DataFrame(records, schema=SHARD_SCHEMA)


def publish(root: Path, name: str = "writing-summary", rows: pl.DataFrame | None = None) -> Version:
    """Publish `rows` as the next version of NAME in the store at `root`."""
    store = Store(root)
    rows = make_rows() if rows is None else rows
    staging = store.staging_dir(name)
    (staging / "data").mkdir()
    shard = staging / "data" / "train-00000-of-00001.parquet"
    rows.write_parquet(shard, compression="zstd")
    manifest = {
        "created": "2026-01-01T00:00:00+00:00",
        "code_version": "test",
        "config": {"topics": sorted(set(rows["topic"].to_list()))},
        "config_hash": "0" * 64,
        "source": {"name": "test"},
        "funnel": {"read": rows.height, "kept": rows.height, "stages": []},
        "shards": [{"file": "data/train-00000-of-00001.parquet", "rows": rows.height, "sha256": sha256_file(shard)}],
        "rows": rows.height,
    }
    return store.publish(name, staging, manifest)


# Compilation dominates a tiny run on CPU: skip LLVM's costly passes (results stay deterministic).
FAST_COMPILE = "--xla_backend_optimization_level=0 --xla_llvm_disable_expensive_passes=true"


def train_cli(*args: str, devices: int = 1, cache: Path | None = None, code: str | None = None,
              extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m train ARGS` in a fresh process on `devices` simulated CPU devices.

    `cache` shares compiled programs between the processes of a test; `code` runs instead of
    `-m train` (with ARGS as sys.argv[1:]), e.g. to patch a hook first.
    """
    env = {**os.environ, "XLA_FLAGS": f"{FAST_COMPILE} --xla_force_host_platform_device_count={devices}",
           "JAX_PLATFORMS": "cpu", **(extra_env or {})}
    if cache is not None:
        env.update(JAX_COMPILATION_CACHE_DIR=str(cache), JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS="0",
                   JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES="0")
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "train", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def check(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr[-6000:]}"
    return result


def read_json(path: Path) -> dict:
    return json.loads(Path(path).read_text())


# Special tokens of the chat formats whose real tokenizers are Hugging Face tokenizer.json files.
HF_SPECIALS = {
    "llama3": ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
    "chatml": ["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
}


def make_hf_tokenizer(path: Path, chat: str, rows: pl.DataFrame, vocab: int = 400) -> Path:
    """A small byte-level BPE tokenizer.json trained on the rows, carrying the chat format's special tokens."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab, special_tokens=HF_SPECIALS[chat], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(rows["prompt"].to_list() + rows["completion"].to_list(), trainer)
    path.write_text(tok.to_str())
    return path


# Hugging Face config.json of a toy model per family (shapes only; weights come from the test).
TOY_CONFIGS = {
    "gemma": {"model_type": "gemma2", "sliding_window": 4096, "final_logit_softcapping": 30.0,
              "attn_logit_softcapping": 50.0, "num_key_value_heads": 2},
    "gemma3": {"model_type": "gemma3_text", "sliding_window": 512, "rope_theta": 1e6, "rope_local_base_freq": 1e4,
               "num_key_value_heads": 1},
    "llama3": {"model_type": "llama", "rope_theta": 500000, "rms_norm_eps": 1e-5, "tie_word_embeddings": True,
               "num_key_value_heads": 2},
    "qwen2": {"model_type": "qwen2", "rope_theta": 1e6, "rms_norm_eps": 1e-6, "tie_word_embeddings": True,
              "num_key_value_heads": 2},
    "qwen3": {"model_type": "qwen3", "rope_theta": 1e6, "rms_norm_eps": 1e-6, "tie_word_embeddings": False,
              "num_key_value_heads": 2},
}


def toy_config(family: str, vocab: int) -> dict:
    return {"vocab_size": -(-vocab // 128) * 128, "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
            "num_attention_heads": 4, "head_dim": 16, **TOY_CONFIGS[family]}
