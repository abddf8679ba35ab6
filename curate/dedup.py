"""Near-duplicate removal with MinHash LSH, split into a map step and one global step.

Map (`DedupKeysStage`, per batch, in the worker processes): each row gets only its LSH band keys,
one 64-bit hash per band (`bands * 8` bytes), never a MinHash object. Global (`find_clusters`,
once over every kept row): rows that share a band key are linked, clusters are the connected
components, and the row with the smallest `source_index` survives.

MinHash follows datasketch 2.0's "affine32" scheme, named here rather than taken from its
defaults (which changed in 2.0 and may change again): 32-bit shingle hashes, pre-mixed with the
MurmurHash3 32-bit finalizer, then permuted as `a * h + b mod 2^32` with datasketch's `a`, `b` for
the seed. Words and shingles are hashed in numpy from the UTF-8 bytes with fixed constants, so the
band keys of a text never drift between runs, processes or machines; tests pin the keys of a
fixed text and check the signatures against datasketch's own MinHash.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import polars as pl
import xxhash

from curate.errors import CurateError
from curate.stages.base import Stage
from curate.words import LOW_BYTES, utf8_buffer
from curate.words import fmix64 as _fmix64

TARGETS = ("prompt", "response", "both")
_MASK32 = np.uint64(0xFFFFFFFF)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
# Bounds the (permutations x shingles) work array to 4 MiB, small enough to stay in cache.
_CHUNK_CELLS = 1 << 20


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch's affine32 applies it before permuting."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _combine(acc: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Order-sensitive mix of two uint64 hashes (so "a b c" and "c b a" differ)."""
    return _fmix64(acc * _GOLDEN + h)


def candidate_probability(similarity, bands: int, rows: int):
    """The LSH S-curve: chance that two texts of this Jaccard similarity share at least one band key."""
    return 1.0 - (1.0 - np.asarray(similarity, dtype=float) ** rows) ** bands


def _fp_fn(threshold: float, bands: int, rows: int) -> tuple[float, float]:
    """Areas under the LSH S-curve below (false positives) and above (false negatives) threshold."""
    s = np.linspace(0.0, 1.0, 2001)
    p = candidate_probability(s, bands, rows)
    below, above = s <= threshold, s >= threshold
    return _area(s[below], p[below]), _area(s[above], 1.0 - p[above])


def _area(x: np.ndarray, y: np.ndarray) -> float:
    """Trapezoid-rule integral of y over x."""
    return float(((y[1:] + y[:-1]) / 2 * np.diff(x)).sum())


def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) with bands * rows <= num_perm minimizing FP + FN area, as datasketch's
    MinHashLSH chooses them with equal weights."""
    best, best_error = (1, 1), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp, fn = _fp_fn(threshold, bands, rows)
            if fp + fn < best_error:
                best, best_error = (bands, rows), fp + fn
    return best


@dataclass(frozen=True)
class DedupParams:
    """What decides which rows are near-duplicates; `describe()` goes into the manifest."""

    on: str
    threshold: float
    num_perm: int
    bands: int
    rows: int
    ngram: int
    seed: int = 1

    def __post_init__(self):
        if self.on not in TARGETS:
            raise CurateError(f"dedup target must be one of {', '.join(TARGETS)}, got {self.on!r}")
        if not 0.0 < self.threshold < 1.0:
            raise CurateError(f"dedup threshold must be between 0 and 1 (exclusive), got {self.threshold}")
        if not 1 <= self.num_perm <= 1024:
            raise CurateError(f"dedup num_perm must be in 1..1024, got {self.num_perm}")
        if self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm:
            raise CurateError(f"dedup bands * rows must be in 1..num_perm, got {self.bands} * {self.rows}")
        if self.ngram < 1:
            raise CurateError(f"dedup ngram must be at least 1, got {self.ngram}")

    @classmethod
    def for_threshold(
        cls, threshold: float = 0.8, on: str = "prompt", num_perm: int = 128, ngram: int = 3, seed: int = 1
    ) -> DedupParams:
        """Bands and rows for `threshold` by the same FP/FN trade-off as datasketch (0.8 -> 9 x 13)."""
        checked = cls(on, threshold, num_perm, 1, 1, ngram, seed)  # every check but the bands'
        bands, rows = optimal_bands(threshold, num_perm)
        return replace(checked, bands=bands, rows=rows)

    def describe(self) -> dict:
        return {
            "on": self.on,
            "threshold": self.threshold,
            "num_perm": self.num_perm,
            "bands": self.bands,
            "rows": self.rows,
            "ngram": self.ngram,
            "seed": self.seed,
        }

    @cached_property
    def permutations(self) -> tuple[np.ndarray, np.ndarray]:
        """datasketch's affine32 (a, b) for this seed; only the bands * rows that LSH reads."""
        from datasketch import MinHash

        a, b = MinHash(num_perm=self.num_perm, seed=self.seed, scheme="affine32").permutations
        used = self.bands * self.rows
        return a[:used].astype(np.uint32), b[:used].astype(np.uint32)


def _text_column(on: str) -> pl.Expr:
    if on == "both":
        return pl.concat_str(pl.col("prompt"), pl.lit("\n"), pl.col("response"))
    return pl.col(on)


def _shifted(flags: np.ndarray, by: int) -> np.ndarray:
    """flags[i - by] at position i (False where that is outside)."""
    out = np.zeros_like(flags)
    if by > 0:
        out[by:] = flags[:-by]
    else:
        out[:by] = flags[-by:]
    return out


def _word_hashes(texts: pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hash of every word, flat in text order, and the number of words per text.

    Words are lowercased runs of word characters (letters, digits, marks, `_`). Han and kana are
    written without spaces, so each of their characters (U+3000-U+9FFF: 3 UTF-8 bytes led by
    0xE3-0xE9) is a word of its own. Works on the Arrow bytes, hashing 8 little-endian bytes at a
    time, so no Python string is made per word.
    """
    spaced = texts.fill_null("").str.to_lowercase().str.replace_all(r"[^\w ]+", " ")
    data, offsets = utf8_buffer(spaced)
    word = data != ord(" ")
    cjk = (data >= 0xE3) & (data <= 0xE9)
    # Same word as the previous / next byte: both word bytes of one text, no CJK character edge.
    joined = word & _shifted(word, 1) & ~cjk & ~_shifted(cjk, 3)
    joined[offsets[:-1][offsets[:-1] < len(data)]] = False
    starts = np.flatnonzero(word & ~joined)
    ends = np.flatnonzero(word & ~_shifted(joined, -1)) + 1
    lengths = ends - starts
    counts = np.diff(np.searchsorted(starts, offsets))

    # Every byte position viewed as the start of an unaligned 8-byte little-endian integer.
    padded = np.concatenate([data, np.zeros(8, np.uint8)])
    eight = np.ndarray(len(data), dtype="<u8", buffer=padded, strides=(1,))
    hashes = _combine(lengths.astype(np.uint64), eight[starts] & LOW_BYTES[np.minimum(lengths, 8)])
    longer, done = np.flatnonzero(lengths > 8), 8
    while len(longer):  # the few words longer than 8 bytes, 8 more bytes at a time
        chunk = eight[starts[longer] + done] & LOW_BYTES[np.minimum(lengths[longer] - done, 8)]
        hashes[longer] = _combine(hashes[longer], chunk)
        done += 8
        longer = longer[lengths[longer] > done]
    return hashes, counts


def shingle_hashes(texts: pl.Series, ngram: int) -> tuple[np.ndarray, np.ndarray]:
    """32-bit hashes of each text's word n-grams, flat in text order, plus each text's offset.

    Words as `_word_hashes` finds them (punctuation and spacing drop out). A text with fewer than
    `ngram` words is one shingle: its words mixed in order, or, with no word at all, the xxh64 of
    its lowercased stripped text. So every text has at least one shingle.
    """
    word_hash, counts = _word_hashes(texts)
    word_starts = _starts(counts)

    # Window k of the flat word array mixes words k .. k+ngram-1 (some straddle two texts).
    windows = max(len(word_hash) - ngram + 1, 0)
    mixed = word_hash[:windows]
    for j in range(1, ngram):
        mixed = _combine(mixed, word_hash[j : j + windows])

    n_windows = np.maximum(counts - ngram + 1, 0)
    sizes = np.maximum(n_windows, 1)
    offsets = _starts(sizes)
    shingles = np.empty(sizes.sum(), np.uint64)
    # Shingle k of text i is window word_starts[i] + k, stored at offsets[i] + k.
    text = np.repeat(np.arange(len(counts)), n_windows)
    k = np.arange(n_windows.sum()) - np.repeat(_starts(n_windows), n_windows)
    shingles[offsets[text] + k] = mixed[word_starts[text] + k]

    short = np.flatnonzero((counts > 0) & (n_windows == 0))
    whole = word_hash[word_starts[short]]
    for j in range(1, ngram - 1):
        more = counts[short] > j
        whole[more] = _combine(whole[more], word_hash[word_starts[short[more]] + j])
    shingles[offsets[short]] = whole
    empty = np.flatnonzero(counts == 0)
    if len(empty):
        raw = texts.gather(empty).fill_null("").str.strip_chars().str.to_lowercase().to_list()
        shingles[offsets[empty]] = [xxhash.xxh64_intdigest(t.encode()) for t in raw]
    return (shingles & _MASK32).astype(np.uint32), offsets


def _starts(sizes: np.ndarray) -> np.ndarray:
    """Start offset of each segment of the given sizes, laid end to end."""
    sizes = sizes.astype(np.int64)
    return np.cumsum(sizes) - sizes


def minhash_signatures(shingles: np.ndarray, offsets: np.ndarray, params: DedupParams) -> np.ndarray:
    """(texts, bands * rows) uint32 MinHash values, equal to datasketch's affine32 MinHash fed with
    the same 32-bit shingle hashes (an identity `hashfunc`)."""
    a, b = params.permutations
    mixed = _fmix32(shingles)
    ends = np.append(offsets[1:], len(shingles))
    signatures = np.empty((len(offsets), len(a)), np.uint32)
    first = 0
    while first < len(offsets):
        # Whole texts per chunk, as many as fit the work-array budget (at least one).
        last = max(first + 1, int(np.searchsorted(ends, offsets[first] + _CHUNK_CELLS // len(a), "right")))
        lo, hi = offsets[first], ends[last - 1]
        permuted = np.multiply.outer(a, mixed[lo:hi])
        permuted += b[:, None]
        signatures[first:last] = np.minimum.reduceat(permuted, offsets[first:last] - lo, axis=1).T
        first = last
    return signatures


def band_keys(signatures: np.ndarray, params: DedupParams) -> np.ndarray:
    """(texts, bands) uint64: a hash of each band's rows, seeded by the band's number so equal
    values in different bands give different keys."""
    banded = signatures.reshape(len(signatures), params.bands, params.rows).astype(np.uint64)
    keys = np.broadcast_to(_fmix64(np.arange(1, params.bands + 1, dtype=np.uint64)), banded.shape[:2])
    for r in range(params.rows):
        keys = _combine(keys, banded[:, :, r])
    return keys


class DedupKeysStage(Stage):
    """Map step: adds `band_keys` (Array[UInt64, bands]) computed from `params.on`; drops nothing."""

    name = "dedup_keys"

    def __init__(self, params: DedupParams):
        self.params = params

    def keys(self, texts: pl.Series) -> pl.Series:
        """Band keys of each text, as the `band_keys` column."""
        shingles, offsets = shingle_hashes(texts, self.params.ngram)
        keys = band_keys(minhash_signatures(shingles, offsets, self.params), self.params)
        return pl.Series("band_keys", keys, pl.Array(pl.UInt64, self.params.bands))

    def process(self, batch: pl.DataFrame) -> pl.DataFrame:
        texts = batch.select(_text_column(self.params.on)).to_series()
        return batch.with_columns(self.keys(texts))


def _components(u: np.ndarray, v: np.ndarray, n: int) -> np.ndarray:
    """Smallest node of each node's connected component, for edges (u, v) over nodes 0..n-1.

    Hook-and-compress: each round points the larger root of every edge at the smaller one, then
    jumps pointers to the roots. Parents only decrease, so each root is its tree's minimum, and a
    round that changes nothing means every edge lies within one tree.
    """
    parent = np.arange(n)
    while True:
        pu, pv = parent[u], parent[v]
        if np.array_equal(pu, pv):
            return parent
        low = np.minimum(pu, pv)
        np.minimum.at(parent, pu, low)
        np.minimum.at(parent, pv, low)
        while not np.array_equal(grand := parent[parent], parent):
            parent = grand


def find_clusters(keys: pl.LazyFrame | pl.DataFrame) -> pl.DataFrame:
    """Global step: `source_index`, `band_keys` of all kept rows -> one row each, sorted by
    source_index, with `dup_cluster_size` (Int32, 1 when alone), `is_duplicate` (every row of a
    cluster but the one with the smallest source_index) and `survivor_index` (that row's index, so
    a duplicate can be compared with what it duplicates).

    One band at a time, a polars group_by finds keys shared by several rows and links each such row
    to the key's smallest source_index; memory stays at one band's keys. The links, few next to the
    rows, are joined into connected components, so chains a~b~c form one cluster.
    """
    keys = keys.lazy()
    links = [band_links(keys, band) for band in range(band_count(keys))]
    return clusters_from_links(keys.select("source_index").collect(engine="streaming"), links)


def band_count(keys: pl.LazyFrame) -> int:
    return keys.collect_schema()["band_keys"].size


def band_links(keys: pl.LazyFrame, band: int) -> pl.DataFrame:
    """`source_index`, `root`: each row whose key in `band` other rows share, linked to the smallest
    source_index among them. Bands are independent, so each can be its own task (--dedup-on-ray)."""
    key_of = keys.select("source_index", pl.col("band_keys").arr.get(band).alias("key"))
    shared = (
        key_of.group_by("key")
        .agg(pl.col("source_index").min().alias("root"), pl.len().alias("rows"))
        .filter(pl.col("rows") > 1)
        .select("key", "root")
    )
    linked = key_of.join(shared, on="key").filter(pl.col("source_index") != pl.col("root"))
    return linked.select("source_index", "root").collect(engine="streaming")


def clusters_from_links(rows: pl.DataFrame, links: list[pl.DataFrame]) -> pl.DataFrame:
    """`find_clusters`' result from every row's `source_index` and the links of every band."""
    links = pl.concat(links).unique()
    u, v = links["source_index"].to_numpy(), links["root"].to_numpy()
    nodes = np.unique(np.concatenate([u, v]))
    smallest = _components(np.searchsorted(nodes, u), np.searchsorted(nodes, v), len(nodes))
    clustered = pl.DataFrame(
        {
            "source_index": nodes,
            "survivor": nodes[smallest],
            "size": np.bincount(smallest, minlength=len(nodes))[smallest],
        },
        schema={"source_index": pl.Int64, "survivor": pl.Int64, "size": pl.Int32},
    )
    survivor = pl.col("survivor").fill_null(pl.col("source_index"))
    return (
        rows.join(clustered, on="source_index", how="left")
        .select(
            "source_index",
            pl.col("size").fill_null(1).alias("dup_cluster_size"),
            (survivor != pl.col("source_index")).alias("is_duplicate"),
            survivor.alias("survivor_index"),
        )
        .sort("source_index")
    )
