"""Would a static embedding (wordllama, weights in its wheel) pay for itself in the topic model?

    pip install wordllama==0.4.0.post1 && python bench/static_embedding_check.py

Prints, and saves to bench/results/static_embedding.json:
- speed: wordllama's tokenizer plus mean pooling, prompts per CPU second on one thread, next to
  the topic model's whole featurizer on the same prompts (the topic stage must stay >= 20,000/s);
- across languages: mean cosine of English prompts to non-English prompts of the same topic and of
  other topics, per language (a multilingual embedding puts same-topic pairs clearly closer);
- mean cosine of English prompts to each other (not to themselves), same topic and other topics, for scale.

Not a dependency of the project: the check decides whether it should become one. It did not: the
embedding alone runs far below the topic stage's 20,000 prompts/s per core (README, filters), so
no cross-validation with it was run.
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("RAYON_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import json
import sys
import time
from pathlib import Path

import numpy as np

from curate.topic_model.features import featurize
from curate.topic_model.train import TrainParams, training_rows

RESULTS = Path(__file__).resolve().parent / "results" / "static_embedding.json"


def load_wordllama():
    """The 256-d l2_supercat model straight from the wheel's files (its own loader looks for the
    tokenizer in a folder the wheel does not have, then tries the network)."""
    try:
        import wordllama
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError:
        sys.exit("error: wordllama is not installed (pip install wordllama==0.4.0.post1)")
    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    table = load_file(str(root / "weights" / "l2_supercat_256.safetensors"))["embedding.weight"].astype(np.float32)
    return tokenizer, table


def embed(prompts: list[str], tokenizer, table: np.ndarray) -> np.ndarray:
    """Mean of the token vectors, unit length (wordllama's own pooling)."""
    encodings = tokenizer.encode_batch(prompts, add_special_tokens=False)
    ids = [np.asarray(e.ids, dtype=np.int64) for e in encodings]
    lengths = np.array([len(i) for i in ids])
    flat = np.concatenate(ids) if len(ids) else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(ids)), lengths)
    out = np.zeros((len(ids), table.shape[1]), dtype=np.float32)
    np.add.at(out, rows, table[np.clip(flat, 0, len(table) - 1)])
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-9
    return out


def cpu_rate(fn, n: int) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return n / best


def main() -> int:
    tokenizer, table = load_wordllama()
    rows = training_rows()
    prompts = rows["prompt"].to_list()
    results: dict = {"model": "wordllama 0.4.0.post1 l2_supercat_256", "rows": rows.height}

    params = TrainParams()
    results["speed_prompts_per_cpu_s"] = {
        "wordllama_tokenizer": cpu_rate(lambda: tokenizer.encode_batch(prompts, add_special_tokens=False), len(prompts)),
        "wordllama_embedding": cpu_rate(lambda: embed(prompts, tokenizer, table), len(prompts)),
        "topic_featurizer": cpu_rate(lambda: featurize(rows["prompt"], params.features), len(prompts)),
    }
    print("speed, prompts per CPU second (one thread): " + ", ".join(
        f"{k} {v:,.0f}" for k, v in results["speed_prompts_per_cpu_s"].items()))

    vectors = embed(prompts, tokenizer, table)
    topic = np.asarray(rows["topic"].to_list())
    language = np.asarray(rows["language"].fill_null("en").to_list())
    english = language == "en"
    results["cosine_to_english"] = {}
    for lang in sorted(set(language) - {"en"}):
        sims = vectors[language == lang] @ vectors[english].T
        same = topic[language == lang][:, None] == topic[english][None, :]
        results["cosine_to_english"][lang] = {"same_topic": float(sims[same].mean()),
                                              "other_topics": float(sims[~same].mean())}
    sims = vectors[english] @ vectors[english].T
    same = topic[english][:, None] == topic[english][None, :]
    itself = np.eye(len(sims), dtype=bool)
    results["cosine_to_english"]["en"] = {"same_topic": float(sims[same & ~itself].mean()),
                                          "other_topics": float(sims[~same].mean())}
    print("mean cosine to English prompts, same topic / other topics: " + "  ".join(
        f"{k} {v['same_topic']:.3f}/{v['other_topics']:.3f}" for k, v in results["cosine_to_english"].items()))

    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
