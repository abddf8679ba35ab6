import polars as pl
import pytest

from curate.schema import DROP_REASON
from curate.stages.rewrite import RewriteStage


def rewrite(*responses):
    n = len(responses)
    frame = pl.DataFrame(
        {
            "source_index": range(n),
            "prompt": ["p"] * n,
            "response": list(responses),
            DROP_REASON: [None] * n,
        },
        schema_overrides={DROP_REASON: pl.String},
    )
    return RewriteStage().process(frame)


def test_splits_reasoning_and_answer():
    out = rewrite("<think>\nStep 1.\n\nStep 2.\n</think>\n\nThe answer.", "  \n<think>r</think>a")
    assert out[DROP_REASON].to_list() == [None, None]
    assert out["reasoning"].to_list() == ["Step 1.\n\nStep 2.", "r"]
    assert out["answer"].to_list() == ["The answer.", "a"]
    assert out["completion"].to_list() == [
        "<reasoning>Step 1.\n\nStep 2.</reasoning>\n<answer>The answer.</answer>",
        "<reasoning>r</reasoning>\n<answer>a</answer>",
    ]


def test_keeps_rows_and_other_columns():
    out = rewrite("<think>a</think>b", "no tags", "<think>c</think>d")
    assert out["source_index"].to_list() == [0, 1, 2]
    assert out["response"].to_list()[1] == "no tags"
    assert out[DROP_REASON].to_list() == [None, "no_think_block", None]


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        ("Just an answer.", "no_think_block"),
        ("</think> only a closing tag", "no_think_block"),
        ("Sure! <think>r</think>a", "text_before_think"),
        ("<think>reasoning that never ends", "unclosed_think"),
        ("<think>a <think>b</think> c</think>d", "nested_think"),
        ("<think>a</think>b<think>c</think>d", "nested_think"),
        ("<think>a</think>b</think>", "leftover_tags"),
        ("<think>a <answer>x</answer></think>b", "leftover_tags"),
        ("<think>a</think>b <reasoning>", "leftover_tags"),
        ("<think> \n </think>answer", "empty_reasoning"),
        ("<think></think>", "empty_reasoning"),
        ("<think>r</think>\n  \n", "empty_answer"),
    ],
)
def test_drop_reasons(response, reason):
    assert rewrite(response)[DROP_REASON].to_list() == [reason]


def test_tags_are_case_sensitive_text():
    # Other spellings are not the think format: they stay part of the text.
    out = rewrite("<think>uses <Think> and <thinking></think>ok")
    assert out[DROP_REASON].to_list() == [None]
    assert out["reasoning"].to_list() == ["uses <Think> and <thinking>"]
