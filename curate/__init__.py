"""Curate reasoning traces into versioned SFT data: source -> stages -> dedup -> store."""

import subprocess
from pathlib import Path

__version__ = "0.1.0"


def code_version() -> str:
    """The package version plus the git commit when run from a checkout: recorded in manifests."""
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return f"{__version__}+g{sha}"
    except (OSError, subprocess.CalledProcessError):
        return __version__
