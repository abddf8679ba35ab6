"""Data cards for curated versions: what a version holds and how it came to be.

`write_card(version)` writes README.md (a Hub dataset card), card.json and plots/ into the version
folder; `compute_card(version)` returns the numbers alone. The `data-cards` command shows, lists,
diffs and rebuilds cards.
"""

from data_cards.card import write_card
from data_cards.compute import compute_card

__all__ = ["compute_card", "write_card"]
