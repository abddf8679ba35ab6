"""Which source columns hold the prompt and the response: glaive's names, other names, or chat turns.

Most SFT and reasoning sets name their columns otherwise (instruction/output, question/answer), keep
a chat list of turns, or keep the reasoning trace in a column of its own. A `ColumnMap` names the
source columns of each role; reading renames them to the roles (prompt, response, reasoning,
messages), and `formats.source_batch` turns the roles into the prompt and the `<think>` response
every stage expects, so no stage knows about layouts. The map decides content: it is part of the
build config, its hash and the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from curate.errors import CurateError

TEXT_ROLES = ("prompt", "response", "reasoning")
# A chat turn as OpenAI/TRL ({role, content}) or ShareGPT ({from, value}) write it.
TURN = pa.struct([("role", pa.string()), ("content", pa.string()), ("from", pa.string()), ("value", pa.string())])
TURNS = pa.list_(TURN)
USER_ROLES = ["user", "human"]
ASSISTANT_ROLES = ["assistant", "gpt"]


@dataclass(frozen=True)
class ColumnMap:
    """Source column of each role; `messages` replaces `prompt` and `response`."""

    prompt: str | None = "prompt"
    response: str | None = "response"
    reasoning: str | None = None  # the trace in its own column: response = <think> reasoning </think> response
    messages: str | None = None  # chat turns: the last assistant turn and the last user turn before it

    @classmethod
    def from_flags(cls, prompt: str | None = None, response: str | None = None, messages: str | None = None,
                   reasoning: str | None = None) -> ColumnMap:
        if messages is not None and (prompt is not None or response is not None):
            raise CurateError("--messages-column takes the prompt and the response from the chat turns; "
                              "give it without --prompt-column and --response-column")
        mapping = cls(None, None, reasoning, messages) if messages is not None else \
            cls(prompt or "prompt", response or "response", reasoning)
        names = list(mapping.sources.values())
        if any(not name for name in names):
            raise CurateError("a column name is empty")
        if len(set(names)) < len(names):
            raise CurateError(f"one source column named for two roles: {mapping.describe()}")
        return mapping

    @property
    def sources(self) -> dict[str, str]:
        """role -> source column, for the roles this map uses."""
        roles = {"messages": self.messages, "prompt": self.prompt, "response": self.response,
                 "reasoning": self.reasoning}
        return {role: column for role, column in roles.items() if column is not None}

    def required(self, prompt_only: bool = False) -> tuple[str, ...]:
        """Source columns a file must have (a file of bare prompts for `curate classify`)."""
        if prompt_only:
            return (self.messages or self.prompt,)
        return tuple(self.sources.values())

    def describe(self) -> dict[str, str]:
        return self.sources

    def jsonl_schema(self) -> pa.Schema:
        """What pyarrow parses a JSONL block into: strings, and chat turns for `messages`."""
        return pa.schema([(column, TURNS if role == "messages" else pa.string())
                          for role, column in self.sources.items()])

    def to_roles(self, table: pa.Table) -> pa.Table:
        """The source columns this map reads, renamed to their roles (a missing one is left out)."""
        present = [(role, column) for role, column in self.sources.items() if column in table.column_names]
        return pa.table({role: table.column(column) for role, column in present})


GLAIVE_COLUMNS = ColumnMap()


def is_turns(value) -> bool:
    """A JSON value that is a list of turns, each with a text role and text (or missing) content."""
    return isinstance(value, list) and all(
        isinstance(turn, dict)
        and isinstance(turn.get("role", turn.get("from")), str)
        and all(isinstance(turn.get(key), str | None) for key in ("content", "value"))
        for turn in value
    )


def turns_array(values: list) -> pa.Array:
    """JSON values already checked by `is_turns` (or None) as a TURNS array, extra keys left out."""
    return pa.array([None if v is None else [{k: t.get(k) for k in TURN.names} for t in v] for v in values], TURNS)


def last_exchange(messages: pa.Array) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(prompt, response, field_error) of each row's chat: the last assistant turn is the response,
    the last user turn before it the prompt (a trailing user turn has no answer here). Rows without
    them get `no_turn:assistant` or `no_turn:user`; a null chat gets `null:messages`."""
    if isinstance(messages, pa.ChunkedArray):
        messages = messages.combine_chunks()
    if not (pa.types.is_list(messages.type) or pa.types.is_large_list(messages.type)) \
            or not pa.types.is_struct(messages.type.value_type):
        raise CurateError(f"the --messages-column holds {messages.type}, not lists of chat turns "
                          "({role, content} or {from, value})")
    n = len(messages)
    # Offsets, not list_flatten: a null chat may still own turns in the child array.
    offsets = messages.offsets.to_numpy(zero_copy_only=False).astype(np.int64)
    turns = messages.values.slice(offsets[0], offsets[-1] - offsets[0])
    role, content = _turn_field(turns, "role", "from"), _turn_field(turns, "content", "value")
    valid = messages.is_valid().to_numpy(zero_copy_only=False)
    parent = np.repeat(np.arange(n), np.diff(offsets))
    position = np.arange(len(turns))
    role = pc.utf8_lower(role)
    in_chat = valid[parent]
    is_assistant = in_chat & pc.is_in(role, pa.array(ASSISTANT_ROLES)).fill_null(False).to_numpy(zero_copy_only=False)
    is_user = in_chat & pc.is_in(role, pa.array(USER_ROLES)).fill_null(False).to_numpy(zero_copy_only=False)
    answer = _last_per_row(n, parent, position[is_assistant])
    question = _last_per_row(n, parent, position[is_user & (position < answer[parent])])
    errors = np.select([~valid, answer < 0, question < 0],
                       ["null:messages", "no_turn:assistant", "no_turn:user"], "")
    return (
        content.take(pa.array(question, mask=question < 0)),
        content.take(pa.array(answer, mask=answer < 0)),
        pa.array(errors, pa.string(), mask=errors == ""),
    )


def _turn_field(turns: pa.Array, *names: str) -> pa.Array:
    """The first of `names` a turn has (role or from, content or value), as text. A field typed null
    (all empty, as a writer may leave `from` beside `role`) is skipped."""
    fields = [pc.struct_field(turns, name) for name in names if turns.type.get_field_index(name) >= 0]
    fields = [f for f in fields if not pa.types.is_null(f.type)]
    if not fields or not all(pa.types.is_string(f.type) or pa.types.is_large_string(f.type) for f in fields):
        raise CurateError(f"chat turns of type {turns.type} lack a text {' or '.join(names)} field")
    return pc.coalesce(*(f.cast(pa.large_string()) for f in fields))  # polars writes large, pyarrow plain


def _last_per_row(rows: int, parent: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Per row, the largest of `positions` whose turn belongs to it, or -1."""
    last = np.full(rows, -1, np.int64)
    np.maximum.at(last, parent[positions], positions)
    return last
