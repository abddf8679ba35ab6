"""Curate reasoning traces into versioned SFT data: source -> stages -> dedup -> store."""

__version__ = "0.1.0"
