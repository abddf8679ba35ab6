"""write_card: compute a version's card and write README.md, card.json and plots/ into its folder.

Called by `curate build` right after a version is published and by `data-cards build`. The
hand-written sections and any front-matter keys the user added are read back from the existing
README.md first, so regenerating never loses an edit; card.json remembers which section texts were
generated, so those (unedited) follow improvements to the defaults.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from curate.errors import CurateError
from curate.store import Version
from data_cards.compute import compute_card
from data_cards.plots import PLOTS_DIR, write_plots
from data_cards.render import render_readme, split_front_matter
from data_cards.sections import default_sections, merge_sections

README = "README.md"
CARD_JSON = "card.json"


def write_card(version: Version) -> Path:
    """Write (or rewrite) the card of `version`; returns the path of its README.md."""
    card = compute_card(version)
    readme = version.path / README
    try:
        old = readme.read_text(encoding="utf-8") if readme.is_file() else ""
        kept_meta, _ = split_front_matter(old)
        defaults = default_sections(card)
        sections = merge_sections(defaults, old, _generated_before(version.path / CARD_JSON))
        plots = write_plots(card, version.path / PLOTS_DIR)
        full = {**card, "plots": plots, "sections": sections, "generated_sections": defaults}
        _write_atomic(version.path / CARD_JSON, json.dumps(full, indent=2, ensure_ascii=False) + "\n")
        _write_atomic(readme, render_readme(card, sections, plots, kept_meta))
    except CurateError as e:
        raise CurateError(f"{version.ref}: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise CurateError(f"{version.ref}: cannot write the card into {version.path} ({e})") from None
    return readme


def _generated_before(card_json: Path) -> dict[str, str]:
    """Section texts the previous card generated; {} when unknown, so every section counts as edited."""
    try:
        generated = json.loads(card_json.read_text(encoding="utf-8")).get("generated_sections")
    except (OSError, ValueError, AttributeError):
        return {}
    return generated if isinstance(generated, dict) else {}


def _write_atomic(path: Path, text: str) -> None:
    """Readers (a concurrent `data-cards show`) see the old file or the new one, never half of one."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
