"""Gemma chat turns as token ids, with the loss on the model turn only.

    <bos><start_of_turn>user\\n{instruction}\\n\\n{prompt}<end_of_turn>\\n<start_of_turn>model\\n
    {completion}<end_of_turn><eos>

Gemma has no system role, so the instruction opens the user turn. Control tokens are inserted as
ids, never written as text for the tokenizer to split; text pieces are encoded without BOS/EOS, so
each example holds exactly one BOS (first) and one EOS (last). The model learns the completion, the
closing <end_of_turn> and EOS; the prompt side only conditions.
"""

from __future__ import annotations

import numpy as np

from train.tokenizer import Tokenizer


def user_text(prompt: str, instruction: str) -> str:
    return f"{instruction}\n\n{prompt}" if instruction else prompt


def _head(tok: Tokenizer, user_ids: list[int]) -> list[int]:
    return (
        [tok.bos, tok.start_of_turn]
        + user_ids
        + [tok.end_of_turn]
        + tok.encode("\n")
        + [tok.start_of_turn]
        + tok.encode("model\n")
    )


def prompt_ids(tok: Tokenizer, prompt: str, instruction: str) -> list[int]:
    """Everything up to and including the model turn's header: what generation starts from."""
    return _head(tok, tok.encode("user\n" + user_text(prompt, instruction)))


def chat_examples(
    tok: Tokenizer, prompts: list[str], completions: list[str], instruction: str
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(ids, loss_mask) per example; loss_mask is True on the tokens the model learns.

    Texts are encoded in two batched calls (sentencepiece spreads them over threads).
    """
    users = tok.encode(["user\n" + user_text(p, instruction) for p in prompts])
    targets = tok.encode(completions)
    examples = []
    for user, target in zip(users, targets):
        head = _head(tok, user)
        ids = np.array(head + target + [tok.end_of_turn, tok.eos], dtype=np.int32)
        mask = np.zeros(len(ids), dtype=bool)
        mask[len(head):] = True
        examples.append((ids, mask))
    return examples


class SamplerTokenizer:
    """What Tunix's sampler calls `tokenizer`: it turns a plain user prompt into chat ids.

    The sampler passes each prompt string to `encode`, prepends BOS and removes doubled BOS, so
    handing it ids that already start with BOS leaves exactly one.
    """

    def __init__(self, tok: Tokenizer, instruction: str):
        self.tok, self.instruction = tok, instruction

    def encode(self, prompt: str, **_) -> list[int]:
        return prompt_ids(self.tok, prompt, self.instruction)

    def decode(self, ids, **_) -> str:
        return self.tok.decode(ids)

    def bos_id(self) -> int:
        return self.tok.bos

    def eos_id(self) -> int:
        return self.tok.eos

    def pad_id(self) -> int:
        return self.tok.pad

    def stop_ids(self) -> list[int]:
        return [self.tok.end_of_turn, self.tok.eos]
