"""A rich progress bar for training: step, loss, real (non-pad) tokens per second, eval loss."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress


class Progress:
    def __init__(self, description: str = "training", quiet: bool = False):
        self.bar = RichProgress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"),
            TextColumn("{task.fields[tps]} tok/s"),
            TextColumn("eval {task.fields[eval]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            disable=quiet,
        )
        self.description = description
        self.task = None
        self.rate = None
        self.timed_steps = 0

    def start(self, done: int, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task(self.description, total=total, completed=done, loss="-", tps="-", eval="-")

    def step_done(self, step: int, loss: float, tokens: int, seconds: float) -> None:
        self.timed_steps += 1
        if self.timed_steps > 1:  # the first step's time is mostly compilation
            rate = tokens / seconds if seconds > 0 else 0.0
            self.rate = rate if self.rate is None else 0.8 * self.rate + 0.2 * rate
        tps = "-" if self.rate is None else f"{self.rate:,.0f}"
        self.bar.update(self.task, completed=step, loss=f"{loss:.3f}", tps=tps)

    def eval_done(self, loss: float) -> None:
        if self.task is not None:
            self.bar.update(self.task, eval=f"{loss:.3f}")

    def stop(self) -> None:
        self.bar.stop()
