"""What the command lines print: tables that stay readable at 80 columns, and one clear line, never a
traceback, when something goes wrong (a user error, a closed pipe, Ctrl-C). Shared by `curate` and
`data-cards`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import rich.console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from curate.errors import CurateError

BROKEN_PIPE_EXIT = 141  # what a shell reports for a process ended by SIGPIPE


class Console(rich.console.Console):
    """rich's Console, except that a reader closing the pipe raises BrokenPipeError for `run_command`
    to report (rich itself exits 1 without a word)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


@dataclass(frozen=True)
class Column:
    header: str
    justify: str = "left"
    drop: int = 0  # 0: always shown; when the table is too wide, the highest `drop` goes first


def fitted_table(console: Console, title: str | None, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Table:
    """A table that fits the console's width. Columns are dropped by priority until every remaining
    column fits its longest word; each column then gets at least that, and the room left goes to the
    columns with the most to wrap. Text wraps at spaces and is never cut off with an ellipsis."""
    keep = list(range(len(columns)))
    while True:
        spans = [_span(console, [columns[k].header, *(row[k] for row in rows)]) for k in keep]
        frame = 3 * len(keep) + 1  # a border before each column and after the last, one space each side
        fits = sum(low for low, _ in spans) + frame <= console.width
        droppable = [k for k in keep if columns[k].drop > 0]
        if fits or not droppable:
            break
        keep.remove(max(droppable, key=lambda k: columns[k].drop))
    widths = _share_width(spans, console.width - frame) if fits else [None] * len(keep)
    table = Table(title=title, title_justify="left")
    for k, width in zip(keep, widths):
        table.add_column(columns[k].header, justify=columns[k].justify, overflow="fold", width=width)
    for row in rows:
        table.add_row(*(row[k] for k in keep))
    return table


def _span(console: Console, cells: Sequence[str]) -> tuple[int, int]:
    """(longest word, longest line) over a column's cells, in terminal cells."""
    measures = [Measurement.get(console, console.options, Text.from_markup(cell)) for cell in cells]
    return max(m.minimum for m in measures), max(m.maximum for m in measures)


def _share_width(spans: list[tuple[int, int]], room: int) -> list[int]:
    """Widths from each column's (minimum, maximum): all maxima when they fit; else every minimum,
    and the rest handed out one cell at a time to the column furthest from its maximum."""
    if sum(high for _, high in spans) <= room:
        return [high for _, high in spans]
    widths = [low for low, _ in spans]
    for _ in range(room - sum(widths)):
        k = max(range(len(spans)), key=lambda i: spans[i][1] - widths[i])
        widths[k] += 1
    return widths


def run_command(command: Callable[[], int], err: Console, interrupted: str = "interrupted") -> int:
    """Run a CLI verb: a CurateError prints `error: <message>` and exits 2 (its exit code); a reader
    that closed the pipe early (`| head`) and Ctrl-C each get one line too."""
    try:
        return command()
    except CurateError as e:
        one_line = " ".join(line.strip() for line in str(e).splitlines() if line.strip())  # e.g. a YAML error
        err.print(f"error: {one_line}", markup=False, highlight=False, soft_wrap=True)
        return e.exit_code
    except BrokenPipeError:
        # Whatever is still buffered for stdout would raise again at exit: send it nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        err.print("error: output closed before it was all written (broken pipe)", highlight=False)
        return BROKEN_PIPE_EXIT
    except KeyboardInterrupt:
        err.print(interrupted, markup=False, highlight=False, soft_wrap=True)
        return 130
