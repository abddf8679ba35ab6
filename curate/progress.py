"""The build's progress: one live line on a terminal, plain lines in a log or a pipe.

The live line fits the terminal's width: fields are given up by priority (what each stage dropped
first, the bar last but one, rows read never). When stderr is not a terminal, a plain line such as
"read 12,288 of 150,000 rows (8%), kept 1,234, 4,100 rows/s, elapsed 0:00:03, ETA 0:00:34" is
printed every PLAIN_EVERY_S seconds, and once more at the end.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.live import Live
from rich.text import Text

from curate.pipeline import Funnel

PLAIN_EVERY_S = 10.0
MIN_BAR = 10
MAX_BAR = 40


class BuildProgress:
    def __init__(self, total: int | None, quiet: bool, console: Console, every: float = PLAIN_EVERY_S):
        """`total`: rows in the source when known (a bar and an ETA), else None."""
        self.total, self.quiet, self.console, self.every = total, quiet, console, every
        self.funnel: Funnel | None = None
        self.updated = 0.0
        self.started = self.printed = time.monotonic()
        self.live = None
        if console.is_terminal and not quiet:
            self.live = Live(_Line(self), console=console, refresh_per_second=4, transient=False)

    def __enter__(self) -> BuildProgress:
        self.started = self.printed = time.monotonic()
        return self  # nothing shows until the first chunk: a build that matches a version reads nothing

    def __exit__(self, *exc) -> None:
        if self.live is not None:
            self.live.stop()
        elif not self.quiet and self.funnel is not None and self.printed < self.updated:
            self.console.print(self.plain_line(), highlight=False, soft_wrap=True)

    def set_total(self, rows: int) -> None:
        """The source's row count, known once the build has listed its input shards."""
        self.total = rows

    def update(self, funnel: Funnel) -> None:
        self.funnel, self.updated = funnel, time.monotonic()
        if self.live is not None:
            self.live.start()  # idempotent
            self.live.refresh()
        elif not self.quiet and self.updated - self.printed >= self.every:
            self.console.print(self.plain_line(), highlight=False, soft_wrap=True)
            self.printed = self.updated

    def _numbers(self) -> dict:
        funnel = self.funnel or Funnel()
        elapsed = time.monotonic() - self.started
        rate = funnel.read / elapsed if elapsed > 0 else 0.0
        left = (self.total - funnel.read) / rate if self.total and rate else None
        return {"read": funnel.read, "kept": funnel.kept, "rate": rate, "elapsed": elapsed, "eta": left}

    def plain_line(self) -> str:
        n = self._numbers()
        read = f"read {n['read']:,} of {self.total:,} rows ({n['read'] / self.total:.0%})" if self.total else f"read {n['read']:,} rows"
        eta = f", ETA {_clock(n['eta'])}" if n["eta"] is not None else ""
        return f"{read}, kept {n['kept']:,}, {n['rate']:,.0f} rows/s, elapsed {_clock(n['elapsed'])}{eta}"

    def live_line(self, width: int) -> Text:
        """The line for a terminal `width` columns wide: fields by priority, then a bar in the room left."""
        n = self._numbers()
        drops = " ".join(
            f"{name} -{sum(c.dropped.values()):,}" for name, c in (self.funnel or Funnel()).stages.items() if c.dropped
        )
        fields = [  # (priority: the lowest goes first, text; None is the bar), in display order
            (4, None) if self.total else (0, ""),
            (9, f"{n['read']:,}/{self.total:,} rows" if self.total else f"{n['read']:,} rows"),
            (8, f"kept {n['kept']:,}"),
            (6, f"{n['rate']:,.0f} rows/s"),
            (3, _clock(n["elapsed"])),
            (5, f"ETA {_clock(n['eta'])}" if n["eta"] is not None else ""),
            (1, drops),
        ]
        fields = [(p, text) for p, text in fields if text != ""]
        while len(fields) > 1 and _width(fields) > width:
            fields.remove(min(fields, key=lambda field: field[0]))
        line = Text()
        for _, text in fields:
            if text is None:
                size = min(MAX_BAR, MIN_BAR + width - _width(fields))
                done = round(size * min(n["read"] / self.total, 1.0))
                line.append("━" * done, style="green").append("━" * (size - done), style="grey23")
            else:
                line.append(text)
            line.append(" ")
        line.rstrip()
        return line


def _width(fields: list[tuple[int, str | None]]) -> int:
    """Columns the fields take, separated by one space, the bar at its smallest."""
    return sum(MIN_BAR if text is None else len(text) for _, text in fields) + len(fields) - 1


class _Line:
    """Redrawn by Live at the console's current width, so a resized terminal still gets one line."""

    def __init__(self, progress: BuildProgress):
        self.progress = progress

    def __rich_console__(self, console, options):
        yield self.progress.live_line(options.max_width)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
