"""What the terminal shows while a corpus runs: a progress bar with the time left, or nothing.

On a terminal (stderr is a TTY) one line is redrawn in place: done/total, failures, articles per minute
and an estimate of the time left, from the rate since the first article came back (the workers' start-up
is no part of the rate; reused articles cost nothing and are left out). When stderr is not a terminal
nothing is written until the command's one summary line.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

WIDTH = 24


def duration(seconds: float) -> str:
    """``42 s``, ``3 min 5 s``, ``1 h 02 min``."""
    s = round(seconds)
    if s < 60:
        return f"{max(s, 0)} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


@dataclass
class Progress:
    total: int
    reused: int = 0
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0
    failed: int = 0
    _first: float = 0.0  # when the first article came back: the workers' start-up is not a rate
    _last: float = 0.0

    @property
    def live(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def stage(self, text: str) -> None:
        """A line saying what happens now (terminal only)."""
        if self.live:
            self.stream.write(f"\r\033[K{text}\n")
            self.stream.flush()

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        self._first = self._first or now
        if self.live and (now - self._last > 0.2 or self.done == self.todo):
            self._last = now
            self.stream.write("\r\033[K" + self.line(now))
            self.stream.flush()

    @property
    def todo(self) -> int:
        return self.total - self.reused

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.monotonic()) - self._first
        share = self.done / self.todo if self.todo else 1.0
        bar = "█" * int(share * WIDTH) + "·" * (WIDTH - int(share * WIDTH))
        text = f"Extracting [{bar}] {self.done}/{self.todo}"
        if self.failed:
            text += f", {self.failed} failed"
        if self.done > 1 and elapsed > 0:
            rate = (self.done - 1) / elapsed
            text += f" · {rate * 60:.0f} articles/min"
            left = (self.todo - self.done) / rate
            text += f" · about {duration(left)} left" if self.done < self.todo else ""
        return text

    def close(self) -> None:
        if self.live and self.todo:
            self.stream.write("\n")
            self.stream.flush()
