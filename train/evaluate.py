"""After training: generate on the fixed evaluation prompts and score the answer format.

A reply complies when it is exactly `<reasoning>...</reasoning>` then `<answer>...</answer>`:
all four tags, in that order, a non-empty answer, and nothing but whitespace after </answer>.
Generation uses Tunix's sampler (greedy unless a temperature is given); the base model is the same
weights without adapters, so base and tuned replies differ only by what LoRA learned.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from flax import nnx
from tunix.generate import sampler as sampler_lib
from tunix.generate.utils import next_power_of_2

from curate.errors import CurateError
from train.formatting import SamplerTokenizer
from train.models import cache_shape, embedding_rows

_TAGS = ("<reasoning>", "</reasoning>", "<answer>", "</answer>")
_ANSWER = re.compile(r"<answer>(.*?)</answer>", re.DOTALL)
DEFAULT_PROMPTS = Path(__file__).with_name("prompts.jsonl")
CHECKS = ("both_tags", "in_order", "nonempty_answer", "nothing_after", "compliant")


def load_prompts(path: str | Path | None) -> list[dict]:
    """The fixed evaluation prompts: JSONL of {"id", "topic", "prompt"} (default: ours)."""
    if path is None:
        text = DEFAULT_PROMPTS.read_text()
        where = "train/prompts.jsonl"
    else:
        try:
            text = Path(path).read_text()
        except OSError as e:
            raise CurateError(f"cannot read prompts file {path}: {e.strerror}") from None
        where = str(path)
    prompts = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            prompt = item["prompt"] if isinstance(item, dict) else None
        except (json.JSONDecodeError, KeyError):
            prompt = None
        if not isinstance(prompt, str) or not prompt.strip():
            raise CurateError(f"{where}:{n}: expected a JSON object with a non-empty \"prompt\"")
        prompts.append({"id": item.get("id", str(n)), "topic": item.get("topic"), "prompt": prompt})
    if not prompts:
        raise CurateError(f"{where} holds no prompts")
    return prompts


class Generator:
    """Tunix's sampler over a model, with a KV cache sized for `prompts`; compiled on first use.

    After training changed the adapters, `refresh` hands the sampler the new LoRA weights, so the
    base-vs-tuned comparison reuses one compiled sampler.
    """

    def __init__(self, model: nnx.Module, tok: SamplerTokenizer, prompts: list[str], max_new_tokens: int):
        self.tok, self.prompts, self.max_new_tokens = tok, prompts, max_new_tokens
        longest = max(len(tok.chat.prompt_ids(p)) for p in prompts)
        self.prompt_len = next_power_of_2(longest)
        layers, kv_heads, head_dim = cache_shape(model)
        cache = sampler_lib.CacheConfig(self.prompt_len + max_new_tokens, layers, kv_heads, head_dim)
        self.sampler = sampler_lib.Sampler(model, tok, cache)
        # Embedding rows past the tokenizer's pieces (padding of the vocabulary) are never sampled.
        self.forbidden = list(range(tok.chat.tok.vocab_size, embedding_rows(model))) or None

    def refresh(self, model: nnx.Module) -> None:
        self.sampler.transformer_state = nnx.state(model, nnx.LoRAParam)

    def __call__(self, temperature: float = 0.0, top_p: float | None = None, seed: int = 0) -> list[dict]:
        """Replies [{"text", "tokens"}]: greedy, or top-p sampling when temperature > 0."""
        sampling = {"temperature": temperature, "top_p": 1.0 if top_p is None else top_p} if temperature > 0 else {}
        out = self.sampler(
            self.prompts,
            max_generation_steps=self.max_new_tokens,
            max_prompt_length=self.prompt_len,
            eos_tokens=self.tok.stop_ids(),
            forbidden_tokens=self.forbidden,
            seed=seed,
            **sampling,
        )
        return [{"text": text, "tokens": len(ids)} for text, ids in zip(out.text, out.tokens)]


def check_format(text: str) -> dict:
    positions = [text.find(tag) for tag in _TAGS]
    both = all(p >= 0 for p in positions)
    in_order = both and positions == sorted(positions)
    answer = _ANSWER.search(text)
    nonempty = bool(answer and answer.group(1).strip())
    after = text.rsplit("</answer>", 1)[1] if "</answer>" in text else ""
    nothing_after = "</answer>" in text and after.strip() == ""
    return {
        "both_tags": both,
        "in_order": in_order,
        "nonempty_answer": nonempty,
        "nothing_after": nothing_after,
        "compliant": both and in_order and nonempty and nothing_after,
        "answer": answer.group(1).strip() if answer else "",
    }


def score(replies: list[dict], count_tokens) -> dict:
    """Shares of replies passing each check, and mean lengths in tokens."""
    checks = [check_format(r["text"]) for r in replies]
    n = len(replies)
    summary = {name: sum(c[name] for c in checks) / n for name in CHECKS}
    summary["mean_output_tokens"] = sum(r["tokens"] for r in replies) / n
    # An answer-less reply counts 0, so the mean stays defined and comparable across runs.
    summary["mean_answer_tokens"] = sum(count_tokens(c["answer"]) if c["answer"] else 0 for c in checks) / n
    return summary
