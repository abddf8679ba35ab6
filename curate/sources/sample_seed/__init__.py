"""Seed material of the embedded sample: phrase pools per language, written for this project.

`SEEDS[lang]` is one language's seed (see en.py for the format); `CODE_TASKS` the shared coding tasks.
"""

import importlib

from curate.sources.sample_seed.code import CODE_TASKS

LANGS = ["en", "de", "fr", "es", "pt", "it", "ru", "zh"]
SEEDS = {lang: importlib.import_module(f"curate.sources.sample_seed.{lang}").SEED for lang in LANGS}

__all__ = ["CODE_TASKS", "LANGS", "SEEDS"]
