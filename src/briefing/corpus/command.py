"""``briefing corpus``: its arguments and how its outcome reaches the terminal.

stdout gets the corpus briefing's path; stderr one summary line (and, on a terminal, a progress bar);
bad input one line naming the file and the problem, exit 2; a failed run one line, exit 1. Failed
articles do not fail the run: they are counted in the summary and listed in DIR/errors.csv.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from briefing.errors import InputError, ReportError

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a number of workers (1 or more): {value!r}")
    return n


def add_parser(sub: argparse._SubParsersAction) -> None:
    cp = sub.add_parser(
        "corpus",
        help="compare many articles on one story across outlets: one corpus briefing",
        description="Extract every article once (reusing earlier runs), compare them across outlets and "
        "write one corpus briefing into DIR/corpus/.",
    )
    cp.add_argument(
        "input",
        type=Path,
        metavar="INPUT",
        help="a folder of articles (.txt, web pages, PDF, Word), or a .jsonl or .csv "
        "file with one article a row (text; optional outlet, published, url, title, id)",
    )
    cp.add_argument(
        "--out", type=Path, metavar="DIR", help="corpus folder (default: reports/corpus-<INPUT name>/)"
    )
    cp.add_argument(
        "--scheduler",
        default="local",
        help="local: a process pool on this machine (default); dask: a Dask LocalCluster; "
        "tcp://host:8786: a running Dask cluster",
    )
    cp.add_argument("--workers", type=_workers, default=0, help="worker processes (default: one per core)")
    cp.add_argument(
        "--data", type=Path, help="folder of the analyst registry and word lists (default: data/)"
    )


def run(args: argparse.Namespace) -> int:
    from briefing.corpus.run import default_out, run_corpus

    out = (args.out or default_out(args.input)).resolve()
    try:
        result = run_corpus(args.input, out, args.scheduler, args.workers, args.data)
    except InputError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(
            f"briefing: interrupted; the articles done so far are kept in {out / 'articles'}", file=sys.stderr
        )
        return 130
    except Exception as exc:  # one line, never a traceback
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        what = str(exc) if isinstance(exc, ReportError) else f"{type(exc).__name__}: {exc}"
        print(
            f"briefing: {args.input}: corpus failed: {what} (set BRIEFING_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(result.summary(out), file=sys.stderr)
    print(result.html, flush=True)
    return 0
