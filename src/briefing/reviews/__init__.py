"""The analyst's reviewed corrections, one YAML file per article under ``data/reviews/``.

The pipeline calls three functions, on every run (``briefing report``, ``briefing extract``, notebooks)::

    corrections = load(article_path, data_dir)  # a malformed file: InputError naming file and line (exit 2)
    doc = dated(doc, corrections)  # before extraction, so relative dates resolve against a reviewed date
    ex = apply(ex, corrections)  # after extraction, before analysis: rows fixed and flagged reviewed

A correction that no longer matches the article becomes one warning line in ``ex.review.warnings``;
it is never dropped silently and never fatal. The article text and the offsets of rows no correction
touches never change. ``briefing.review`` is the notebook helper that appends corrections to the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.config import DATA_DIR
from briefing.lexicon import Lexicon
from briefing.model import ActorIndex, Document, Extraction, ReviewSummary
from briefing.reviews.actions import ACTIONS
from briefing.reviews.schema import Correction, parse, read
from briefing.reviews.state import NotApplied, State

__all__ = ["Correction", "Corrections", "apply", "dated", "file_for", "load", "parse", "reviews_dir"]

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Corrections:
    """The checked entries of one article's corrections file (none when it has no file)."""

    entries: tuple[Correction, ...] = ()
    file: str = ""  # as the analyst knows it: "data/reviews/<stem>.yaml"
    path: Path | None = None
    sha256: str = ""


def reviews_dir(data_dir: Path | str | None = None) -> Path:
    return Path(data_dir or DATA_DIR) / "reviews"


def file_for(article: Path | str, data_dir: Path | str | None = None, sha256: str = "") -> Path:
    """The corrections file of ``article``: ``<stem>.yaml`` (or ``.yml``), else ``<sha256>.yaml``.

    When neither exists, the stem's path: where the notebook helper creates it.
    """
    folder = reviews_dir(data_dir)
    stem = Path(article).stem
    names = [stem + s for s in SUFFIXES] + ([sha256 + s for s in SUFFIXES] if sha256 else [])
    return next((folder / n for n in names if (folder / n).is_file()), folder / (stem + SUFFIXES[0]))


def load(article: Path | str, data_dir: Path | str | None = None) -> Corrections:
    """The corrections recorded for ``article`` (none when its file does not exist)."""
    article = Path(article)
    path = file_for(article, data_dir)
    if not path.is_file() and reviews_dir(data_dir).is_dir() and article.is_file():
        path = file_for(article, data_dir, hashlib.sha256(article.read_bytes()).hexdigest())
    if not path.is_file():
        return Corrections()
    entries = read(path)
    shown = f"{Path(data_dir or DATA_DIR).name}/{path.parent.name}/{path.name}"
    return Corrections(entries, shown, path, hashlib.sha256(path.read_bytes()).hexdigest())


def dated(doc: Document, corrections: Corrections) -> Document:
    """The document with the reviewed publication date, unless the command line gave one."""
    for c in corrections.entries:
        if c.action == "published" and doc.published_from != "argument" and doc.published != c.target:
            doc = replace(doc, published=c.target, published_from="review", published_evidence=None)
    return doc


def apply(ex: Extraction, corrections: Corrections, lex: Lexicon | None = None) -> Extraction:
    """Every correction in file order; rows they change (or confirm) come back with ``reviewed=True``.
    ``lex``: the word lists the extraction used, which an added claim is typed with."""
    if corrections.path is None:
        return ex
    st = State.of(ex)
    st.lex = lex
    warnings: list[str] = []
    for c in corrections.entries:
        try:
            ACTIONS[c.action](st, c)
        except NotApplied as why:
            warnings.append(f"{corrections.file}, line {c.line}: {c.describe()}: not applied, {why}")
    summary = ReviewSummary(
        corrections.file,
        corrections.sha256,
        len(corrections.entries),
        len(corrections.entries) - len(warnings),
        tuple(warnings),
    )
    return _assemble(ex, st, summary)


def _assemble(ex: Extraction, st: State, summary: ReviewSummary) -> Extraction:
    """The corrected rows as an Extraction; experts and findings derived again if actors or claims changed."""
    from briefing.commentary import find_experts

    index = ActorIndex(tuple(st.actors), tuple(sorted(st.mentions, key=lambda m: (m.start, m.end)))).counted()
    experts, findings = (
        find_experts(st.doc, index, st.claims) if st.changed else (list(ex.experts), list(ex.findings))
    )
    doc = replace(st.doc, sentences=_flag(st.doc.sentences, ex.document.sentences, lambda r: r.id))
    actors = ActorIndex(
        _flag(index.actors, ex.actors.actors, lambda r: r.id),
        _flag(index.mentions, ex.actors.mentions, lambda r: (r.start, r.end)),
    )
    return Extraction(
        doc,
        actors,
        _flag(st.claims, ex.claims, lambda r: r.id),
        _flag(st.events, ex.events, lambda r: r.id),
        _flag(experts, ex.experts, lambda r: r.actor_id),
        _flag(findings, ex.findings, lambda r: (r.start, r.end, r.expert_id, r.claim_id)),
        summary,
    )


def _flag(rows, before, key) -> tuple:
    """``rows`` with ``reviewed`` set on each that is new or differs from the row it was before."""
    old = {key(r): r for r in before}
    out = []
    for r in rows:
        was = old.get(key(r))
        same = was is not None and replace(was, reviewed=False) == replace(r, reviewed=False)
        out.append(replace(r, reviewed=r.reviewed or (was.reviewed if same else True)))
    return tuple(out)
