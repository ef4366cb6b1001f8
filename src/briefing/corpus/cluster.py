"""The Dask scheduler: the same per-article tasks and the aggregation on a dask.distributed cluster.

``--scheduler dask`` starts a LocalCluster (one single-threaded worker process per core), and
``--scheduler tcp://host:8786`` connects to a running cluster, whose workers need this package installed
(the same version). Tasks carry the article's bytes and bring back its files, so workers need no shared
file system; the client writes DIR. At most a few tasks per worker are in flight, so the client never
holds the whole corpus. A worker that dies costs only the task it was running (tasks wait at the
scheduler until a worker thread is free): the scheduler re-runs it on another worker (twice on a
LocalCluster; as the cluster's ``allowed-failures`` says elsewhere), then reports it failed; the rest
go on. The workers' copy of the analyst's registry is read from the same ``--data`` path.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from briefing.errors import InputError

Task = dict[str, Any]
Result = dict[str, Any]
IN_FLIGHT_PER_WORKER = 3


@dataclass
class DaskRunner:
    """A client on a LocalCluster (``address`` "") or on the cluster at ``address``; use as a context."""

    address: str = ""
    workers: int = 1
    processes: bool = True  # False: threads in this process (tests)
    data_dir: str = ""  # the registry folder the workers load when they start
    _client: Any = field(default=None, repr=False)
    _cluster: Any = field(default=None, repr=False)

    def __enter__(self) -> DaskRunner:
        import dask
        from distributed import Client, LocalCluster

        quiet = not os.environ.get("BRIEFING_DEBUG")
        level = logging.CRITICAL if quiet else logging.WARNING
        for name in ("distributed", "tornado", "asyncio"):
            logging.getLogger(name).setLevel(level)
        dask.config.set(
            {
                # a task is sent to a worker only when one of its threads is free: a killed worker then
                # takes down only the task it was running, not a queue of others
                "distributed.scheduler.worker-saturation": 1.0,
                # and that task runs twice more elsewhere before it is reported failed
                "distributed.scheduler.allowed-failures": 2,
                "logging.distributed": "error",
            }
        )
        if self.address:
            try:
                self._client = Client(self.address, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError(self.address, f"cannot reach the Dask scheduler ({exc})") from None
        else:
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=self.processes,
                dashboard_address=None,
                silence_logs=level,
            )
            self._client = Client(self._cluster)
        from briefing.corpus.worker import warm

        self._client.run(warm, self.data_dir)  # every worker loads the pipeline now, in parallel
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    @property
    def size(self) -> int:
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def describe(self) -> str:
        where = self.address or "a LocalCluster"
        return f"Dask ({where}, {self.size} worker{'s' if self.size != 1 else ''})"

    def run(
        self, tasks: Iterable[Task], fn: Callable[[Task], Result], on_result: Callable[[Result], None]
    ) -> None:
        """Run ``fn`` on every task; results come to ``on_result`` as they finish."""
        from distributed import as_completed

        todo = iter(tasks)
        stems: dict[str, str] = {}
        window = IN_FLIGHT_PER_WORKER * self.size
        queue = as_completed()
        for task in islice(todo, window):
            queue.add(self._submit(fn, task, stems))
        for future in queue:
            on_result(self._result(future, stems))
            future.release()
            if (task := next(todo, None)) is not None:
                queue.add(self._submit(fn, task, stems))

    def _submit(self, fn: Callable, task: Task, stems: dict[str, str]) -> Any:
        future = self._client.submit(
            fn, task, pure=False, key=f"extract-{task['stem']}-{os.urandom(4).hex()}"
        )
        stems[future.key] = task["stem"]
        return future

    @staticmethod
    def _result(future: Any, stems: dict[str, str]) -> Result:
        from distributed import KilledWorker

        stem = stems.pop(future.key)
        try:
            return future.result()
        except KilledWorker:
            reason = "its worker died each time it ran it (killed or out of memory)"
        except Exception as exc:  # a lost connection, a cancelled task: this article fails, not the run
            reason = f"{type(exc).__name__}: {exc}"
        return {"stem": stem, "ok": False, "stage": "worker", "reason": reason}

    def call(self, fn: Callable, *args: Any) -> Any:
        """Run ``fn(*args)`` as one task on the cluster (the aggregation), its inputs scattered first."""
        scattered = [self._client.scatter(a, direct=False) if isinstance(a, list | dict) else a for a in args]
        return self._client.submit(fn, *scattered, pure=False).result()
