"""Command line: ``briefing extract`` and ``briefing report``.

Bad input ends with one line on stderr naming the file and the problem, exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from datetime import date
from pathlib import Path

from briefing.errors import InputError, ReportError

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Turn an English news article into a briefing.")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write the extraction CSVs (the contract) into a folder")
    ex.add_argument("article", type=Path, help="a plain-text news article (UTF-8 or UTF-16)")
    ex.add_argument("--out", type=Path, required=True, help="output folder")
    ex.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (default: from the text)")
    ex.add_argument("--data", type=Path, help="folder of the analyst registry (default: data/)")
    rp = sub.add_parser("report", help="extract, run the notebooks and render the HTML briefing")
    rp.add_argument(
        "articles",
        type=Path,
        nargs="+",
        metavar="ARTICLE",
        help="one or more plain-text news articles (UTF-8 or UTF-16)",
    )
    rp.add_argument(
        "--out",
        type=Path,
        help="report folder (default: reports/<article name>/); with several articles, "
        "the folder that receives one report folder per article",
    )
    rp.add_argument("--published", type=_date, help="publication date YYYY-MM-DD (default: from the text)")
    rp.add_argument("--data", type=Path, help="folder of the analyst registry (default: data/)")
    return p


def run_extract(args: argparse.Namespace) -> int:
    from briefing.ingest import ingest

    doc = ingest(args.article, args.published)  # refuse bad input before the heavy imports below
    from briefing.pipeline import process_document, write_results
    from briefing.registry import load_registry

    ex, an = process_document(doc, load_registry(args.data))
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_results(ex, an, out)
    except OSError as exc:
        raise InputError(out, f"cannot write the extraction here ({exc.strerror or exc})") from None
    print(out)
    return 0


def run_report(args: argparse.Namespace) -> int:
    """One report per article; in a batch a bad article is reported and the others still run."""
    from briefing.report import build_report

    worst = 0
    for article in args.articles:
        out = args.out if len(args.articles) == 1 or args.out is None else args.out / article.stem
        code = _guarded(article, lambda a=article, o=out: build_report(a, args.published, o, args.data))
        worst = max(worst, code)
    return worst


def _guarded(article: Path, action) -> int:
    """Run ``action``; turn any failure into one line on stderr and an exit code."""
    try:
        result = action()
    except InputError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("briefing: interrupted; no report was changed", file=sys.stderr)
        return 130
    except Exception as exc:  # the one place that turns an unexpected failure into one line
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        what = str(exc) if isinstance(exc, ReportError) else f"{type(exc).__name__}: {exc}"
        print(f"briefing: {article}: failed: {what} (set BRIEFING_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_FAILED
    if hasattr(result, "html"):
        print(f"briefing written in {result.seconds:.1f} s:", file=sys.stderr)
        print(result.html, flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not os.environ.get("BRIEFING_DEBUG"):
        warnings.simplefilter("ignore")  # library warnings are for developers; the user gets one line
    if args.command == "extract":
        return _guarded(args.article, lambda: run_extract(args))
    return run_report(args)
