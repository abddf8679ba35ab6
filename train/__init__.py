"""LoRA-tune small chat models with Tunix on curated versions (needs the `train` extra: jax).

API for other commands (`train ablate` uses it):

    from train.config import RunConfig            # frozen; every hyper-parameter, checked
    from train.run import train_on, split_rows

    train, held = split_rows(rows, eval_fraction=0.05, seed=0)   # deterministic, by hash of (seed, id)
    metrics = train_on(RunConfig(model="tiny", steps=30), train, held, Path("runs/x"),
                       data_info={"ref": "writing-summary@v1"}, resume=False)
    metrics["eval_loss"], metrics["eval_loss_by_topic"], metrics["tokens_seen"],
    metrics["train_tokens_by_topic"], metrics["compliance"], metrics["mean_answer_len"], ...

Runs that must share one tiny base model (same weights, same vocabulary) pass the same `base_seed`
and the same `tokenizer` file: build one with `train.tokenizer.train_tiny_tokenizer(rows, vocab)`
and write its `.proto` bytes to a file (a run without one trains its own and keeps it in its folder).

Modules, one concern each: config (RunConfig, YAML), families (what differs between model
families), models (--model -> source, config, weights), tokenizer, formatting (chat ids), packing
(rows, batches, order, --seq-len), lora (qwix), mesh, trainer (Tunix PeftTrainer seams: input fn,
loss, hooks), evaluate (generation, format compliance), report, progress, run (orchestration),
plan (memory before launch), export (merged Hugging Face folder), cli; ablate/ for `train ablate`.
"""
