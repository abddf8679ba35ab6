"""`train export`: a run's base model with its LoRA adapter merged, as a Hugging Face model folder.

    OUT/model.safetensors   base + merged LoRA (Tunix's save_lora_merged_model_as_safetensors)
    OUT/config.json         the base model's (or, for tiny, one written from its Tunix config)
    OUT/tokenizer.*         the tokenizer the run trained with
    OUT/README.md           model card: curated version and manifest hash, run config, eval results
    OUT/training_run.json   the run's record (run.json), when the run finished

Tunix merges into a base folder holding one `model.safetensors`. A model loaded from such a folder
is merged into it directly; sharded safetensors are joined first; a base that only exists in
memory (tiny's random weights, a Kaggle Flax checkpoint) is first written in Hugging Face layout
(`hf_state`). The export loads back through the same path as `--model DIR` / `--checkpoint DIR`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import safetensors.numpy as safe_np
from flax import nnx

from curate.errors import CurateError
from train import families
from train.families import Family
from train.run import RUN_RECORD, LoadedRun, load_run

MODEL_FILE = "model.safetensors"
CARD = "README.md"
RANDOM_CARD = ("the base is `tiny`, a randomly initialised toy model trained only on this data; the export shows "
               "the pipeline works, it does not answer anything")


# ---------------------------------------------------------------- weights in Hugging Face layout


def _gemma_tensors(name: str, w: np.ndarray) -> dict[str, np.ndarray]:
    """One Tunix Gemma (2 or 3) parameter as Hugging Face tensors (the inverse of its loader)."""
    d = w.shape[-2] if name.endswith(("q_einsum.w", "kv_einsum.w", "qkv_einsum.w")) else None

    def heads(x):  # (heads, D, H) -> (heads * H, D)
        return x.transpose(0, 2, 1).reshape(-1, d)

    m = re.fullmatch(r"layers\.(\d+)\.(.+)", name)
    if m is None:
        return {{"embedder.input_embedding": "model.embed_tokens.weight",
                 "final_norm.scale": "model.norm.weight"}[name]: w}
    prefix, rest = f"model.layers.{m.group(1)}.", m.group(2)
    if rest == "attn.q_einsum.w":
        return {prefix + "self_attn.q_proj.weight": heads(w)}
    if rest in ("attn.kv_einsum.w", "attn.qkv_einsum.w"):
        names = ("k", "v") if rest == "attn.kv_einsum.w" else ("q", "k", "v")
        return {f"{prefix}self_attn.{n}_proj.weight": heads(part) for n, part in zip(names, w)}
    if rest == "attn.attn_vec_einsum.w":
        return {prefix + "self_attn.o_proj.weight": w.reshape(-1, w.shape[-1]).T}
    if rest.startswith("mlp.") and rest.endswith(".kernel"):
        return {prefix + rest.replace(".kernel", ".weight"): w.T}
    renamed = {
        "pre_attention_norm.scale": "input_layernorm.weight",
        "post_attn_norm.scale": "post_attention_layernorm.weight",
        "post_attention_norm.scale": "post_attention_layernorm.weight",
        "pre_ffw_norm.scale": "pre_feedforward_layernorm.weight",
        "post_ffw_norm.scale": "post_feedforward_layernorm.weight",
        "attn._query_norm.scale": "self_attn.q_norm.weight",
        "attn._key_norm.scale": "self_attn.k_norm.weight",
    }
    return {prefix + renamed[rest]: w}


def _llama_like_tensors(name: str, w: np.ndarray) -> dict[str, np.ndarray]:
    """One Tunix Llama 3 / Qwen 2 / Qwen 3 parameter as Hugging Face tensors."""
    top = {"embedder.input_embedding": ("model.embed_tokens.weight", w), "final_norm.w": ("model.norm.weight", w),
           "lm_head.w": ("lm_head.weight", w.T)}
    if name in top:
        return dict([top[name]])
    m = re.fullmatch(r"layers\.(\d+)\.(.+)", name)
    prefix, rest = f"model.layers.{m.group(1)}.", m.group(2)
    if p := re.fullmatch(r"attn\.([qkv])_proj\.w", rest):  # (D, heads, H) -> (heads * H, D)
        return {f"{prefix}self_attn.{p.group(1)}_proj.weight": w.reshape(w.shape[0], -1).T}
    if rest == "attn.o_proj.w":  # (N, H, D) -> (D, N * H)
        return {prefix + "self_attn.o_proj.weight": w.reshape(-1, w.shape[-1]).T}
    if p := re.fullmatch(r"attn\.([qkv])_bias", rest):
        return {f"{prefix}self_attn.{p.group(1)}_proj.bias": w.reshape(-1)}
    if p := re.fullmatch(r"attn\.([qk])_norm\.w", rest):
        return {f"{prefix}self_attn.{p.group(1)}_norm.weight": w}
    if rest.startswith("mlp.") and rest.endswith(".kernel"):
        return {prefix + rest.replace(".kernel", ".weight"): w.T}
    if rest in ("input_layernorm.w", "post_attention_layernorm.w"):
        return {prefix + rest[:-2] + ".weight": w}
    raise KeyError(name)


def hf_state(family: Family, model: nnx.Module) -> dict[str, np.ndarray]:
    """The base weights of `model` (adapters left out) under Hugging Face names and shapes."""
    convert = _gemma_tensors if family.chat == "gemma" else _llama_like_tensors
    out = {}
    for path, value in nnx.iter_graph(model):
        if isinstance(value, nnx.Param) and not isinstance(value, nnx.LoRAParam):
            name = ".".join(str(p) for p in path)
            try:
                out.update({k: np.ascontiguousarray(v) for k, v in convert(name, np.asarray(value.value)).items()})
            except (KeyError, AttributeError):
                raise CurateError(f"cannot write {family.name} parameter {name} in Hugging Face layout") from None
    return out


# ---------------------------------------------------------------- merging LoRA (Tunix's saver)


def _lora_key(path: str) -> str:
    """A LoRA'd module path (layers.0.attn.q_einsum) as the safetensors key of its base weight."""
    key = f"model.{path}.weight".replace(".attn.", ".self_attn.")
    return key.replace("q_einsum", "q_proj").replace("k_einsum", "k_proj").replace("v_einsum", "v_proj") \
        .replace("attn_vec_einsum", "o_proj")


def _split_fused(layers: dict[str, list]) -> dict[str, list]:
    """Gemma's fused kv (and qkv) einsums hold one LoRA B for several HF matrices: give each its slice."""
    out = {}
    for path, (a, b) in layers.items():
        b = getattr(b, "value", b)
        for fused, names in (("kv_einsum", "kv"), ("qkv_einsum", "qkv")):
            if path.endswith(fused):
                for i, n in enumerate(names):
                    out[path.replace(fused, f"{n}_einsum")] = [a, b[:, i]]
                break
        else:
            out[path] = [a, b]
    return out


TRANSPOSE = {name: (1, 0) for name in ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")}


def merge_lora(family: Family, base_dir: Path, out: Path, model: nnx.Module, rank: int, alpha: float) -> None:
    """Tunix's merged-LoRA saver: its own functions for Gemma 3 and Qwen 3, the generic one otherwise."""
    if family.name in ("gemma3", "qwen3"):
        from importlib import import_module

        saver = import_module(f"tunix.models.{family.package}.params").save_lora_merged_model_as_safetensors
        saver(str(base_dir), str(out), model, rank, alpha)
        return
    from tunix.models import safetensors_saver

    safetensors_saver.save_lora_merged_model_as_safetensors(
        local_model_path=str(base_dir), output_dir=str(out), lora_model=model, rank=rank, alpha=alpha,
        state_key_transform_fn=_lora_key, custom_layer_extractor_fn=_split_fused, transpose_rules=TRANSPOSE,
    )


def _base_folder(run: LoadedRun, scratch: Path) -> Path:
    """A folder with the base as one model.safetensors plus its config.json and tokenizer."""
    source, family = run.model.source, run.model.source.family
    if source.layout == "safetensors":
        shards = sorted(source.checkpoint.glob("*.safetensors"))
        if [p.name for p in shards] == [MODEL_FILE]:
            return source.checkpoint
        for item in source.checkpoint.iterdir():  # sharded: join the shards, keep every other file
            if item.is_file() and item.suffix != ".safetensors":
                shutil.copy(item, scratch / item.name)
        joined = {}
        for shard in shards:
            joined.update(safe_np.load_file(str(shard)))
        safe_np.save_file(joined, str(scratch / MODEL_FILE))
    else:
        if run.config.quantize:
            raise CurateError("this run's base is held in nf4 and has no full-precision copy on disk to merge into")
        safe_np.save_file(hf_state(family, run.network), str(scratch / MODEL_FILE))
        (scratch / "config.json").write_text(json.dumps(families.to_hf(family, run.network.config), indent=2) + "\n")
    return scratch


def export_run(run_dir: Path, out: Path) -> dict:
    """Write the export into `out` (refused when it exists and is not empty); return what it holds."""
    run_dir, out = Path(run_dir), Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise CurateError(f"--out {out} already exists and is not an empty folder: choose a new one")
    run = load_run(run_dir, dtype=None)  # merge in the base file's precision, not the bf16 used for training
    record = json.loads((run_dir / RUN_RECORD).read_text()) if (run_dir / RUN_RECORD).is_file() else None
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.parent / f".{out.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
        base = _base_folder(run, Path(scratch))
        merge_lora(run.model.source.family, base, partial, run.network, run.config.lora_rank, run.config.lora_alpha)
    tok = run.model.tok
    if not (partial / tok.file_name).is_file():  # the run's own (tiny's, or one given with --tokenizer)
        (partial / tok.file_name).write_bytes(tok.data)
    (partial / CARD).write_text(model_card(run, record))
    if record is not None:
        (partial / "training_run.json").write_text(json.dumps(record, indent=2) + "\n")
    if out.exists():
        out.rmdir()
    os.replace(partial, out)
    return {"out": str(out), "step": run.step, "files": sorted(p.name for p in out.iterdir())}


# ---------------------------------------------------------------- the model card


def _fmt(value, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def model_card(run: LoadedRun, record: dict | None) -> str:
    config, data, source = run.config, run.data, run.model.source
    base = source.model_id or config.model
    front = ["---", "library_name: transformers", "pipeline_tag: text-generation", "tags:", "- reasoning-curate",
             "- lora-merged", "- tunix"] + ([f"base_model: {source.model_id}"] if source.model_id else []) + ["---", ""]
    lines = front + [
        f"# {base} + LoRA on {data.get('ref', 'curated rows')}",
        "",
        (f"The base model `{base}` with a rank-{config.lora_rank} LoRA adapter (alpha {config.lora_alpha:g}) merged "
         f"into its weights, from checkpoint step {run.step} of a `train run` of reasoning-curate. It answers as "
         "`<reasoning>...</reasoning>` then `<answer>...</answer>`."),
        "",
    ]
    if source.is_random:
        lines += [f"**Not a usable model**: {RANDOM_CARD}", ""]
    lines += [
        "## Training data",
        "",
        f"- curated version: `{data.get('ref')}`",
        f"- manifest sha256: `{data.get('manifest_sha256', '-')}`",
        f"- rows: {data.get('train_rows', '-')} train, {data.get('eval_rows', '-')} held out for evaluation "
        f"(split {json.dumps(data.get('eval_split'))})",
        "",
        "## Chat format",
        "",
        (f"`{source.family.chat}` turns ({source.family.name} family), the instruction "
         f"{'in the user turn' if source.family.chat == 'gemma' else 'as the system turn'}: "
         f"\"{config.instruction}\""),
        "",
        "## Evaluation",
        "",
    ]
    if record is None:
        lines += ["No evaluation recorded: the run did not finish (exported from its last checkpoint).", ""]
    else:
        m, gen = record["metrics"], record["generation"]
        lines += [
            "| metric | value |",
            "|---|---|",
            f"| eval loss (held-out rows) | {_fmt(m['eval_loss_start'])} at start -> {_fmt(m['eval_loss'])} |",
            *(f"| eval loss, {t} | {_fmt(v)} |" for t, v in m["eval_loss_by_topic"].items()),
            f"| format compliance, base -> tuned | {gen['base']['compliant']:.0%} -> {gen['tuned']['compliant']:.0%} |",
            f"| tokens trained | {m['tokens_seen']:,} |",
            "",
        ]
    lines += [
        "## Training configuration",
        "",
        "```json",
        json.dumps(config.to_json(), indent=2),
        "```",
        "",
        "## Use",
        "",
        "```python",
        "from transformers import AutoModelForCausalLM, AutoTokenizer",
        'model = AutoModelForCausalLM.from_pretrained("PATH")',
        "```",
        "",
        "or train on from it: `train run --model PATH ...`.",
        "",
    ]
    return "\n".join(lines)

