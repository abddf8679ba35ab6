"""The build's progress bar: rows read, rows/s, and what each stage has dropped so far."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from curate.pipeline import Funnel


class BuildProgress:
    def __init__(self, total: int | None, quiet: bool, console: Console):
        self.progress = Progress(
            TextColumn("[bold]reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} rows/s"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[stages]}"),
            console=console,
            disable=quiet,
        )
        self.task = self.progress.add_task("build", total=total, rate="-", stages="")

    def __enter__(self) -> BuildProgress:
        return self  # the bar appears with the first chunk: a build that matches a version reads nothing

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def set_total(self, rows: int) -> None:
        self.progress.update(self.task, total=rows)

    def update(self, funnel: Funnel) -> None:
        self.progress.start()  # idempotent
        stages = " ".join(
            f"{name} -{sum(c.dropped.values()):,}" for name, c in funnel.stages.items() if c.dropped
        )
        task = self.progress.tasks[0]
        rate = f"{funnel.read / task.elapsed:,.0f}" if task.elapsed else "-"
        self.progress.update(
            self.task, completed=funnel.read, rate=rate, stages=f"kept {funnel.kept:,} | {stages}"
        )
