"""Chat formats as token ids, with the loss on the assistant turn only.

    gemma   <bos><start_of_turn>user\\n{instruction}\\n\\n{prompt}<end_of_turn>\\n<start_of_turn>model\\n
            {completion}<end_of_turn><eos>
    llama3  <|begin_of_text|><|start_header_id|>system<|end_header_id|>\\n\\n{instruction}<|eot_id|>
            <|start_header_id|>user<|end_header_id|>\\n\\n{prompt}<|eot_id|>
            <|start_header_id|>assistant<|end_header_id|>\\n\\n{completion}<|eot_id|>
    chatml  <|im_start|>system\\n{instruction}<|im_end|>\\n<|im_start|>user\\n{prompt}<|im_end|>\\n
            <|im_start|>assistant\\n{completion}<|im_end|>                       (Qwen: no BOS)

Gemma has no system role, so the instruction opens the user turn; the others get a system turn
(none when the instruction is ""). Special tokens are inserted as ids, never written as text for
the tokenizer to split; the text between them is encoded without special tokens, so an example
holds exactly one BOS (none for ChatML). The model learns the completion and the turn's closing
token(s); the prompt side only conditions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from curate.errors import CurateError
from train.tokenizer import Tokenizer

# Special tokens each format needs, by role.
SPECIALS = {
    "gemma": {"bos": "<bos>", "eos": "<eos>", "pad": "<pad>", "open": "<start_of_turn>", "close": "<end_of_turn>"},
    "llama3": {"bos": "<|begin_of_text|>", "eos": "<|end_of_text|>", "open": "<|start_header_id|>",
               "header_end": "<|end_header_id|>", "close": "<|eot_id|>"},
    "chatml": {"eos": "<|endoftext|>", "open": "<|im_start|>", "close": "<|im_end|>"},
}


@dataclass(frozen=True)
class ChatFormat:
    """One family's chat template bound to a tokenizer: head = prefix + user text + suffix."""

    kind: str  # gemma | llama3 | chatml
    tok: Tokenizer
    ids: dict[str, int]  # the special tokens of SPECIALS[kind]
    instruction: str

    @property
    def bos(self) -> int | None:
        return self.ids.get("bos")

    @property
    def pad(self) -> int:
        return self.ids.get("pad", self.ids["eos"])

    @property
    def end(self) -> list[int]:
        """What closes the assistant turn (learned, so the model knows when to stop)."""
        return [self.ids["close"], self.ids["eos"]] if self.kind == "gemma" else [self.ids["close"]]

    @property
    def stop(self) -> list[int]:
        return [self.ids["close"], self.ids["eos"]]

    def _turn(self, role: str, text: str) -> list[int]:
        """A whole turn of constant text (the system turn)."""
        s, enc = self.ids, self.tok.encode
        if self.kind == "llama3":
            return [s["open"]] + enc(role) + [s["header_end"]] + enc("\n\n" + text) + [s["close"]]
        return [s["open"]] + enc(f"{role}\n{text}") + [s["close"]] + enc("\n")

    @property
    def prefix(self) -> list[int]:
        s, enc = self.ids, self.tok.encode
        if self.kind == "gemma":
            return [s["bos"], s["open"]]
        system = self._turn("system", self.instruction) if self.instruction else []
        if self.kind == "llama3":
            return [s["bos"]] + system + [s["open"]] + enc("user") + [s["header_end"]]
        return system + [s["open"]]

    def user_text(self, prompt: str) -> str:
        if self.kind == "gemma":
            return "user\n" + (f"{self.instruction}\n\n{prompt}" if self.instruction else prompt)
        return ("\n\n" if self.kind == "llama3" else "user\n") + prompt

    @property
    def suffix(self) -> list[int]:
        s, enc = self.ids, self.tok.encode
        if self.kind == "gemma":
            return [s["close"]] + enc("\n") + [s["open"]] + enc("model\n")
        if self.kind == "llama3":
            return [s["close"], s["open"]] + enc("assistant") + [s["header_end"]] + enc("\n\n")
        return [s["close"]] + enc("\n") + [s["open"]] + enc("assistant\n")

    def prompt_ids(self, prompt: str) -> list[int]:
        """Everything up to and including the assistant turn's header: what generation starts from."""
        return self.prefix + self.tok.encode(self.user_text(prompt)) + self.suffix

    def examples(self, prompts: list[str], completions: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """(ids, loss_mask) per example; loss_mask is True on the tokens the model learns.

        Texts are encoded in two batched calls; the constant parts of the template once.
        """
        prefix, suffix, end = self.prefix, self.suffix, self.end
        users = self.tok.encode([self.user_text(p) for p in prompts])
        targets = self.tok.encode(completions)
        examples = []
        for user, target in zip(users, targets):
            head = len(prefix) + len(user) + len(suffix)
            ids = np.array(prefix + user + suffix + target + end, dtype=np.int32)
            mask = np.zeros(len(ids), dtype=bool)
            mask[head:] = True
            examples.append((ids, mask))
        return examples


def chat_format(kind: str, tok: Tokenizer, instruction: str) -> ChatFormat:
    """The format bound to `tok`; a tokenizer without the format's special tokens is refused."""
    ids = {role: tok.token_id(piece) for role, piece in SPECIALS[kind].items()}
    missing = [SPECIALS[kind][role] for role, i in ids.items() if i is None]
    if missing:
        raise CurateError(f"tokenizer {tok.source} is not a {kind} chat tokenizer: it lacks {', '.join(missing)}")
    return ChatFormat(kind, tok, ids, instruction)


class SamplerTokenizer:
    """What Tunix's sampler calls `tokenizer`: it turns a plain user prompt into chat ids.

    The sampler passes each prompt string to `encode`, prepends BOS (when there is one) and removes
    a doubled BOS, so handing it ids that already start with BOS leaves exactly one.
    """

    def __init__(self, chat: ChatFormat):
        self.chat = chat

    def encode(self, prompt: str, **_) -> list[int]:
        return self.chat.prompt_ids(prompt)

    def decode(self, ids, **_) -> str:
        return self.chat.tok.decode(ids)

    def bos_id(self) -> int | None:
        return self.chat.bos

    def eos_id(self) -> int:
        return self.chat.ids["eos"]

    def pad_id(self) -> int:
        return self.chat.pad

    def stop_ids(self) -> list[int]:
        return self.chat.stop
