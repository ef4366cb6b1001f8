"""Command line: ``briefing extract``, ``briefing report`` and ``briefing corpus``.

Bad input ends with one line on stderr naming the file and the problem, exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from briefing.errors import InputError, ReportError

EXIT_BAD_INPUT = 2
ARTICLE_HELP = (
    "a news article: plain text (UTF-8 or UTF-16), a saved web page (.html, .htm, .mhtml, also gzipped), "
    "a PDF with a text layer or a Word .docx, recognised by content"
)
PUBLISHED_HELP = "publication date YYYY-MM-DD (default: the file's own, else one the text states)"
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
    ex.add_argument("article", type=Path, help=ARTICLE_HELP)
    ex.add_argument("--out", type=Path, required=True, help="output folder")
    ex.add_argument("--published", type=_date, help=PUBLISHED_HELP)
    ex.add_argument("--data", type=Path, help="folder of the analyst registry and reviews/ (default: data/)")
    rp = sub.add_parser("report", help="extract, run the notebooks and render the HTML briefing")
    rp.add_argument(
        "articles",
        type=Path,
        nargs="+",
        metavar="ARTICLE",
        help=f"one or more articles; each {ARTICLE_HELP}",
    )
    rp.add_argument(
        "--out",
        type=Path,
        help="report folder (default: reports/<article name>/); with several articles, "
        "the folder that receives one report folder per article",
    )
    rp.add_argument("--published", type=_date, help=PUBLISHED_HELP)
    rp.add_argument("--data", type=Path, help="folder of the analyst registry and reviews/ (default: data/)")
    from briefing.corpus.command import add_parser as add_corpus

    add_corpus(sub)
    return p


def run_extract(args: argparse.Namespace) -> int:
    from briefing import reviews
    from briefing.ingest import ingest

    doc = ingest(args.article, args.published)  # refuse bad input before the heavy imports below
    corrections = reviews.load(args.article, args.data)  # a malformed corrections file: exit 2 too
    from briefing.io import write_extraction
    from briefing.pipeline import extract_document
    from briefing.registry import load_registry

    ex = extract_document(doc, load_registry(args.data), corrections)
    warn(ex.review.warnings)
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_extraction(ex, out)
    except OSError as exc:
        raise InputError(out, f"cannot write the extraction here ({exc.strerror or exc})") from None
    print(out)
    return 0


def warn(lines: Sequence[str]) -> None:
    """One line on stderr for each correction that no longer matches the article (never fatal)."""
    for line in lines:
        print(f"briefing: warning: {line}", file=sys.stderr)


def run_report(args: argparse.Namespace) -> int:
    """One report per article; in a batch a bad article is reported and the others still run."""
    from briefing.report import build_report

    worst = 0
    for article in args.articles:
        out = args.out if len(args.articles) == 1 or args.out is None else args.out / article.stem
        code = _guarded(
            article,
            lambda a=article, o=out: build_report(a, args.published, o, args.data, progress=_progress()),
        )
        worst = max(worst, code)
    return worst


def _on_terminal() -> bool:
    """Progress is for a person watching; piped or captured output gets only errors and the path."""
    return sys.stdout.isatty()


def _progress():
    """One line per stage of a report on stderr, on a terminal; nothing otherwise."""
    if not _on_terminal():
        return lambda _: None
    return lambda stage: print(f"briefing: {stage}", file=sys.stderr, flush=True)


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
        warn(result.warnings)
        if _on_terminal():
            print(f"briefing: written in {result.seconds:.1f} s:", file=sys.stderr, flush=True)
        print(result.html, flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not os.environ.get("BRIEFING_DEBUG"):
        warnings.simplefilter("ignore")  # library warnings are for developers; the user gets one line
    if args.command == "extract":
        return _guarded(args.article, lambda: run_extract(args))
    if args.command == "corpus":
        from briefing.corpus.command import run as run_corpus

        return run_corpus(args)
    return run_report(args)
