"""A local process pool that survives its workers: a killed worker costs only the task it was running.

``concurrent.futures.ProcessPoolExecutor`` marks the whole pool broken when one worker dies, and every
pending task fails with it. Here each worker has its own pipe and takes one task at a time, so the parent
always knows which task a dead worker held: that task is retried once on a fresh worker (then reported
as failed), a task running longer than ``timeout`` is stopped the same way, and the rest go on.
Workers are forked (on Linux; spawned elsewhere) and call ``initializer`` once: the pipeline's models load
once per worker, not once per article.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

Task = dict[str, Any]
Result = dict[str, Any]
_START_FAILURES = 3  # workers that die before taking any task: the pool cannot run here
# fork starts a worker in milliseconds with what the parent has imported (the parent holds no threads
# here); elsewhere spawn, which starts a fresh interpreter
_START_METHOD = "fork" if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" else "spawn"


class PoolError(RuntimeError):
    """The workers cannot start (the reason is the first worker's own error)."""


def _serve(conn: Connection, fn: Callable, initializer: Callable | None, initargs: tuple) -> None:
    """A worker's life: initialise, say ready, then one task per message until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops us
    try:
        if initializer is not None:
            initializer(*initargs)
    except BaseException as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        conn.send(("done", fn(task)))


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0


@dataclass
class LocalPool:
    """``run(tasks, fn, on_result)`` over ``workers`` processes; results arrive in completion order."""

    workers: int
    initializer: Callable | None = None
    initargs: tuple = ()
    retries: int = 1  # re-runs of a task whose worker died
    timeout: float = 600.0  # seconds one task may take before its worker is stopped
    _ctx: Any = field(default_factory=lambda: mp.get_context(_START_METHOD), repr=False)
    live: list[_Worker] = field(default_factory=list, repr=False)  # the workers of the current run

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def describe(self) -> str:
        return f"local process pool, {self.workers} worker{'s' if self.workers != 1 else ''}"

    def call(self, fn: Callable, *args: Any) -> Any:
        """Run ``fn(*args)`` here (the aggregation: it reads only the digests)."""
        return fn(*args)

    def run(
        self, tasks: Iterable[Task], fn: Callable[[Task], Result], on_result: Callable[[Result], None]
    ) -> None:
        todo: Iterator[Task] = iter(tasks)
        again: deque[Task] = deque()
        pool = self.live = [self._spawn(fn) for _ in range(max(1, self.workers))]
        start_failures = 0
        try:
            while True:
                for w in pool:  # hand out work
                    if (
                        w.ready
                        and w.task is None
                        and (task := again.popleft() if again else next(todo, None))
                    ):
                        w.task, w.started = task, time.monotonic()
                        try:
                            w.conn.send(task)
                        except OSError:  # it died idle: the task waits, the worker is replaced below
                            w.task = None
                            again.appendleft(task)
                if not any(w.task for w in pool) and not again and not self._more(todo, again):
                    return
                for w in self._wait(pool):
                    died, failure = self._collect(w, on_result)
                    if died and not w.ready:
                        start_failures += 1
                        if start_failures >= _START_FAILURES:
                            raise PoolError(failure or "the worker processes exit before they start")
                    if died:
                        self._lost(w, again, on_result)
                        pool[pool.index(w)] = self._spawn(fn)
                for w in [w for w in pool if w.task and time.monotonic() - w.started > self.timeout]:
                    w.task["_overtime"] = True  # a task that hangs once hangs again: no retry
                    w.process.kill()
        finally:
            self._stop(pool)

    # ------------------------------------------------------------------ the parts

    def _spawn(self, fn: Callable) -> _Worker:
        parent, child = self._ctx.Pipe()
        p = self._ctx.Process(target=_serve, args=(child, fn, self.initializer, self.initargs), daemon=True)
        p.start()
        child.close()
        return _Worker(p, parent)

    def _more(self, todo: Iterator[Task], again: deque[Task]) -> bool:
        """Whether ``todo`` has another task (peeked into ``again`` so none is lost)."""
        nxt = next(todo, None)
        if nxt is None:
            return False
        again.append(nxt)
        return True

    def _wait(self, pool: list[_Worker]) -> list[_Worker]:
        by_handle = {}
        for w in pool:
            by_handle[w.conn] = w
            by_handle[w.process.sentinel] = w
        ready = wait(list(by_handle), timeout=1.0)
        seen: list[_Worker] = []
        for handle in ready:
            if by_handle[handle] not in seen:
                seen.append(by_handle[handle])
        return seen

    def _collect(self, w: _Worker, on_result: Callable[[Result], None]) -> tuple[bool, str]:
        """Read what a worker sent; returns (it died, its start-up failure or "")."""
        while w.conn.poll():
            try:
                kind, payload = w.conn.recv()
            except (EOFError, OSError):
                return True, ""
            if kind == "failed":
                return True, payload
            if kind == "ready":
                w.ready = True
            elif kind == "done":
                w.task = None
                on_result(payload)
        return not w.process.is_alive(), ""

    def _lost(self, w: _Worker, again: deque[Task], on_result: Callable[[Result], None]) -> None:
        """A worker died: retry its task once, then report it failed."""
        w.conn.close()
        w.process.join(timeout=5)
        task = w.task
        if task is None:
            return
        task["_deaths"] = task.get("_deaths", 0) + 1
        overtime = bool(task.get("_overtime"))
        if task["_deaths"] <= self.retries and not overtime:
            again.append(task)
            return
        reason = (
            f"took longer than {self.timeout:.0f} s and was stopped"
            if overtime
            else f"its worker process died (exit code {w.process.exitcode}: killed or out of memory)"
        )
        on_result({"stem": task["stem"], "ok": False, "stage": "worker", "reason": reason})

    def _stop(self, pool: list[_Worker]) -> None:
        for w in pool:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        deadline = time.monotonic() + 3
        for w in pool:
            w.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(timeout=2)
            w.conn.close()
