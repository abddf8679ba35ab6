"""Train the topic model on the labeled corpus this project wrote, deterministically, in one command.

    python -m curate.topic_model.train              # bench/topic_corpus/writer_*.jsonl and
                                                    # bench/topic_devset.jsonl -> weights.safetensors
    python -m curate.topic_model.train --limit 300  # a quick model from the first rows of each file

Needs scikit-learn (the `dev` extra); inference does not. Same corpus and settings give the same
bytes: the solver (L-BFGS) is deterministic and rows are read in file order.

Only files named `writer_<letter>.jsonl` are read. The final blind set (`final_blind.jsonl`,
writer "e") does not match that name, and a row from writer "e" stops training, so it can never be
trained on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import scipy.sparse as sp

from curate.errors import CurateError
from curate.stages.rewrite import RewriteStage
from curate.topic_model.augment import passage_rows
from curate.topic_model.features import FeatureConfig, feature_matrices, featurize
from curate.topic_model.model import WEIGHTS, TopicModel
from curate.topics import TOPIC_IDS

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "topic_corpus"
DEVSET = CORPUS.parent / "topic_devset.jsonl"  # an earlier labeled set; its rows count as writer "dev"
BLIND_WRITER = "e"
CORPUS_COLUMNS = {"prompt": pl.String, "topic": pl.String, "verifiable": pl.Boolean, "language": pl.String,
                  "style": pl.String, "writer": pl.String, "response": pl.String}


@dataclass(frozen=True)
class TrainParams:
    """Chosen by leave-one-writer-out and leave-one-style-out scores (bench/eval_classifiers.py)."""

    c: float = 3.0  # inverse L2 strength
    min_df: int = 7  # a bucket seen in fewer training rows (made rows count) gets no weight: keeps weights < 5 MB
    balanced: bool = True  # weight classes inversely to their frequency
    augment: bool = True  # add passage-swapped and passage-attached rows (augment.py)
    features: FeatureConfig = FeatureConfig()


def read_labeled(path: Path) -> pl.DataFrame:
    """One labeled JSONL file in the corpus format (GUIDE.md); missing fields become null."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise CurateError(f"cannot read labeled prompts {path}: {exc}") from None
    df = pl.DataFrame([{c: r.get(c) for c in CORPUS_COLUMNS} for r in rows], schema=CORPUS_COLUMNS)
    bad = df.filter(~pl.col("topic").is_in(TOPIC_IDS) | pl.col("prompt").is_null())
    if bad.height:
        raise CurateError(f"{path}: {bad.height} rows without a prompt or with an unknown topic, "
                          f"e.g. {bad.row(0, named=True)['topic']!r}")
    return df


def load_corpus(folder: Path = CORPUS, limit: int | None = None) -> pl.DataFrame:
    """Every writer's file, in name order (the first `limit` rows of each with --limit)."""
    files = sorted(folder.glob("writer_[a-z].jsonl"))
    if not files:
        raise CurateError(f"no writer_<letter>.jsonl files in {folder}")
    parts = [read_labeled(f).head(limit) if limit else read_labeled(f) for f in files]
    corpus = pl.concat(parts)
    if (corpus["writer"] == BLIND_WRITER).any():
        raise CurateError(f"rows of the blind writer {BLIND_WRITER!r} found in {folder}: the blind set is never trained on")
    return corpus


def training_rows(folder: Path = CORPUS, devset: Path | None = DEVSET, limit: int | None = None) -> pl.DataFrame:
    """The corpus, then the older dev set when there is one."""
    corpus = load_corpus(folder, limit)
    if devset is None or not devset.exists():
        return corpus
    dev = read_labeled(devset).with_columns(writer=pl.lit("dev"))
    return pl.concat([corpus, dev.head(limit) if limit else dev])


def split_responses(df: pl.DataFrame) -> pl.DataFrame:
    """Adds `reasoning` and `answer` exactly as the build's rewrite stage splits a response."""
    usable = pl.col("drop_reason").is_null()
    split = RewriteStage().process(df).select(
        reasoning=pl.when(usable).then("reasoning"), answer=pl.when(usable).then("answer")
    )
    return df.with_columns(split)


def design_matrix(df: pl.DataFrame, features: FeatureConfig) -> sp.csr_matrix:
    """(rows x 2**hash_bits) feature matrix of labeled rows (`prompt`, optional `response`)."""
    df = split_responses(df)
    n, space = df.height, 1 << features.hash_bits
    identity = np.arange(space, dtype=np.int32)
    blocks = featurize(df["prompt"], features, df["reasoning"], df["answer"])
    x = sum(feature_matrices(blocks, n, identity, space)).tocsr()
    x.sum_duplicates()
    return x


def fit_matrix(x: sp.csr_matrix, topics: pl.Series, params: TrainParams) -> TopicModel:
    """Fit on a design matrix; returns the model with float16 weights on the buckets it uses."""
    from sklearn.linear_model import LogisticRegression

    df_count = np.bincount(x.indices, minlength=x.shape[1])
    buckets = np.flatnonzero(df_count >= params.min_df)
    clf = LogisticRegression(C=params.c, max_iter=1000, tol=1e-3,
                             class_weight="balanced" if params.balanced else None)
    clf.fit(x[:, buckets], topics.to_numpy())
    missing = sorted(set(TOPIC_IDS) - set(clf.classes_))
    if missing:
        raise CurateError(f"training data has no rows of topic(s) {', '.join(missing)}")
    order = [list(clf.classes_).index(t) for t in TOPIC_IDS]
    return TopicModel(
        topics=TOPIC_IDS,
        config=params.features,
        buckets=buckets.astype(np.int64),
        weights=clf.coef_[order].T.astype(np.float16),
        intercept=clf.intercept_[order].astype(np.float32),
        metadata={"train": {"rows": x.shape[0], "c": params.c, "min_df": params.min_df, "balanced": params.balanced,
                            "augment": params.augment}},
    )


def training_matrix(df: pl.DataFrame, params: TrainParams) -> tuple[sp.csr_matrix, pl.Series, np.ndarray]:
    """Design matrix and topics of the labeled rows, then of the rows made from them (augment.py);
    and per row, the labeled rows it was made from, shape (N, 2), so that cross-validation can leave
    out every row that carries a held-out prompt."""
    x, topics = design_matrix(df, params.features), df["topic"]
    own = np.repeat(np.arange(df.height)[:, None], 2, axis=1)
    made, sources = passage_rows(df) if params.augment else (df.clear(), own[:0])
    if made.height == 0:
        return x, topics, own
    x = sp.vstack([x, design_matrix(made, params.features)]).tocsr()
    return x, pl.concat([topics, made["topic"]]), np.vstack([own, sources])


def fit(df: pl.DataFrame, params: TrainParams = TrainParams()) -> TopicModel:
    x, topics, _ = training_matrix(df, params)
    return fit_matrix(x, topics, params)


def corpus_digest(df: pl.DataFrame) -> str:
    """sha256 of the training rows, so weights can be traced to the corpus they came from."""
    return hashlib.sha256(df.select("prompt", "topic", "response").write_csv().encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of writer_<letter>.jsonl files")
    ap.add_argument("--devset", type=Path, default=DEVSET, help="an extra labeled file (writer 'dev')")
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="weights file to write")
    ap.add_argument("--limit", type=int, default=None, help="only the first N rows of each file")
    args = ap.parse_args(argv)
    try:
        corpus = training_rows(args.corpus, args.devset, args.limit)
        model = fit(corpus)
    except CurateError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    model.metadata["corpus"] = {
        "files": sorted(f.name for f in args.corpus.glob("writer_[a-z].jsonl")) + [args.devset.name],
        "rows": corpus.height, "sha256": corpus_digest(corpus),
    }
    model.save(args.out)
    print(f"trained on {corpus.height:,} prompts; {len(model.buckets):,} weighted buckets; wrote {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
