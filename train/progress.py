"""Training progress: a rich bar on a terminal, plain log lines otherwise (files, CI, nohup).

Either way it shows the step, loss, real (non-pad) tokens per second and the eval loss; the plain
form prints one line every PLAIN_EVERY_STEPS steps or PLAIN_EVERY_SECONDS seconds, whichever
comes first, plus the first and the last step, with elapsed time and ETA.
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

PLAIN_EVERY_STEPS = 10
PLAIN_EVERY_SECONDS = 30.0


def _clock(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


class Progress:
    def __init__(self, description: str = "training", quiet: bool = False, plain: bool | None = None):
        self.description, self.quiet = description, quiet
        self.plain = (not sys.stdout.isatty()) if plain is None else plain
        self.bar = None
        if not self.plain:
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
        self.task = None
        self.rate = None
        self.timed_steps = 0
        self.total = self.first = 0
        self.started = self.last_line = 0.0
        self.eval_loss = None

    def start(self, done: int, total: int) -> None:
        self.first, self.total = done, total
        self.started = self.last_line = time.perf_counter()
        if self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=total, completed=done, loss="-", tps="-", eval="-")
        else:
            self._print(f"{self.description}: {total} steps" + (f", resuming after step {done}" if done else ""))

    def step_done(self, step: int, loss: float, tokens: int, seconds: float) -> None:
        self.timed_steps += 1
        if self.timed_steps > 1:  # the first step's time is mostly compilation
            rate = tokens / seconds if seconds > 0 else 0.0
            self.rate = rate if self.rate is None else 0.8 * self.rate + 0.2 * rate
        tps = "-" if self.rate is None else f"{self.rate:,.0f}"
        if self.bar is not None:
            self.bar.update(self.task, completed=step, loss=f"{loss:.3f}", tps=tps)
            return
        now = time.perf_counter()
        due = step % PLAIN_EVERY_STEPS == 0 or now - self.last_line >= PLAIN_EVERY_SECONDS
        if due or step in (self.first + 1, self.total):
            self.last_line = now
            elapsed = now - self.started
            eta = elapsed / (step - self.first) * (self.total - step)
            evaluated = "-" if self.eval_loss is None else f"{self.eval_loss:.3f}"
            self._print(f"step {step}/{self.total}  loss {loss:.3f}  eval {evaluated}  tokens/s {tps}  "
                        f"elapsed {_clock(elapsed)}  ETA {_clock(eta)}")

    def eval_done(self, loss: float) -> None:
        self.eval_loss = loss
        if self.task is not None:
            self.bar.update(self.task, eval=f"{loss:.3f}")

    def _print(self, line: str) -> None:
        if not self.quiet:
            print(line, flush=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
