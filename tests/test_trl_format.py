"""The README's TRL snippets, run against a built version: the dataset they hand to `SFTTrainer` is
in TRL's prompt-completion format (standard, then conversational). TRL itself (and torch) is not
installed for this: a stand-in `trl` module checks the dataset as TRL's docs define the format."""

import re
import sys
import types
from pathlib import Path

import pytest

from curate.cli import main

README = Path(__file__).parents[1] / "README.md"


def _trl_snippets() -> list[str]:
    section = README.read_text().split("## Publish and train elsewhere", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def _format(example: dict) -> str:
    """TRL's dataset format of one example: 'standard' or 'conversational' prompt-completion."""
    assert set(example) == {"prompt", "completion"}, sorted(example)
    prompt, completion = example["prompt"], example["completion"]
    if isinstance(prompt, str) and isinstance(completion, str):
        return "standard"
    assert [turn["role"] for turn in prompt] == ["user"] and [turn["role"] for turn in completion] == ["assistant"]
    assert all(isinstance(turn["content"], str) for turn in [*prompt, *completion])
    return "conversational"


class _SFTTrainer:
    seen: list = []

    def __init__(self, model, train_dataset, args=None):
        self.dataset = train_dataset
        _SFTTrainer.seen.append(train_dataset)

    def train(self):
        assert all(_format(row) == _format(self.dataset[0]) for row in self.dataset)


@pytest.fixture
def fake_trl(monkeypatch):
    trl = types.ModuleType("trl")
    trl.SFTTrainer, trl.SFTConfig = _SFTTrainer, lambda **kwargs: kwargs
    monkeypatch.setitem(sys.modules, "trl", trl)
    _SFTTrainer.seen.clear()
    return _SFTTrainer


def test_readme_snippets_hand_trl_prompt_completion_rows(tmp_path, monkeypatch, fake_trl):
    assert main(["build", "--topics", "writing,summary", "--source", "sample", "--store", str(tmp_path / "curated"),
                 "--quiet"]) == 0
    monkeypatch.chdir(tmp_path)
    standard, conversational = _trl_snippets()
    namespace: dict = {}
    exec(standard, namespace)
    (given,) = fake_trl.seen
    from curate.store import Store

    kept = Store(tmp_path / "curated").resolve("writing-summary@v1").read()
    assert given.num_rows == kept.height and _format(given[0]) == "standard"
    assert given["completion"] == kept["completion"].to_list()
    assert given["completion"][0].startswith("<reasoning>") and given["completion"][0].endswith("</answer>")

    exec(conversational, namespace)
    chats = namespace["train"]
    assert _format(chats[0]) == "conversational" and chats.num_rows == kept.height
    assert chats[0]["completion"][0]["content"] == kept["completion"][0]
