"""Training rows made from training rows, so the model learns that the request decides the topic,
not the text pasted with it.

Held out by style, a model trained only on the writers' prompts sent many summaries and rewrites of
a pasted passage to `extraction` (first round: 0.43 accuracy on requests over a passage): in its
training data, a long pasted passage mostly came with a reading-comprehension or extraction question. Two kinds of new rows break that shortcut, each
keeping the label of its request:

- swap: a prompt made of a short request and a long passage (split at a blank line) gets another
  prompt's passage instead of its own, on the same side of the request;
- attach: every `attach_every`-th short one-line request of a topic that can take pasted text
  (writing, summary, analysis, extraction, advice, ideation, explanation) gets a passage, before
  or after it.

Deterministic (a seeded generator, rows in order). Each new row records the two rows it came from,
so cross-validation only uses new rows whose sources are both in the training fold.
"""

from __future__ import annotations

import re

import numpy as np
import polars as pl

_PARAGRAPHS = re.compile(r"\n\s*\n")
MIN_PASSAGE_CHARS = 250
MAX_REQUEST_CHARS = 300
ATTACH_TOPICS = frozenset({"writing", "summary", "analysis", "extraction", "advice", "ideation", "explanation"})


def split_passage(prompt: str) -> tuple[str, str, bool] | None:
    """(request, passage, passage comes first) when a prompt is a short request and a long passage
    set apart by a blank line; None otherwise."""
    parts = _PARAGRAPHS.split(prompt)
    if len(parts) < 2:
        return None
    longest = max(range(len(parts)), key=lambda k: len(parts[k]))
    request = "\n\n".join(parts[:longest] + parts[longest + 1:])
    if len(parts[longest]) >= MIN_PASSAGE_CHARS and 10 <= len(request) <= MAX_REQUEST_CHARS:
        return request, parts[longest], longest == 0
    return None


def passage_rows(rows: pl.DataFrame, attach_every: int = 3, seed: int = 0) -> tuple[pl.DataFrame, np.ndarray]:
    """New labeled rows (`prompt`, `topic`, `response` null) and, per new row, the indices in `rows`
    of its request and of its passage, shape (N, 2)."""
    rng = np.random.default_rng(seed)
    prompts, topics = rows["prompt"].to_list(), rows["topic"].to_list()
    splits = [split_passage(p) for p in prompts]
    donors = [i for i, s in enumerate(splits) if s]
    made: list[tuple[str, str, int, int]] = []
    if not donors:
        return pl.DataFrame(schema={"prompt": pl.String, "topic": pl.String, "response": pl.String}), np.zeros((0, 2), int)
    for i, s in enumerate(splits):
        if s is None:
            continue
        j = donors[rng.integers(len(donors))]
        if j != i:
            request, _, passage_first = s
            passage = splits[j][1]
            made.append((passage + "\n\n" + request if passage_first else request + "\n\n" + passage, topics[i], i, j))
    short = [i for i, p in enumerate(prompts)
             if splits[i] is None and len(p) < 200 and "\n" not in p and topics[i] in ATTACH_TOPICS]
    for i in short[::attach_every]:
        j = donors[rng.integers(len(donors))]
        passage = splits[j][1]
        request = prompts[i]
        text = (request.rstrip(" :") + rng.choice([":\n\n", "\n\n"]) + passage if rng.random() < 0.7
                else passage + "\n\n" + request)
        made.append((text, topics[i], i, j))
    new = pl.DataFrame({"prompt": [m[0] for m in made], "topic": [m[1] for m in made]},
                       schema={"prompt": pl.String, "topic": pl.String}).with_columns(response=pl.lit(None, pl.String))
    return new, np.array([(m[2], m[3]) for m in made], dtype=np.int64).reshape(-1, 2)
