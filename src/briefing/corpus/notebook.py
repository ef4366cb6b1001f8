"""What a corpus notebook's first cell calls: the corpus tables for its parameters, analysing when needed."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from briefing.corpus.contract import CorpusBundle, load_corpus

_LOADED: dict[tuple, CorpusBundle] = {}


def prepare_corpus(
    corpus_dir: str = "", articles_dir: str = "", corpus_input: str = "", data_dir: str = ""
) -> CorpusBundle:
    """The corpus tables: read from ``corpus_dir`` when given, else ``corpus_input`` analysed now.

    A corpus run passes ``corpus_dir``; an analyst opening a notebook in JupyterLab leaves it empty and
    gets ``corpus_input`` (by default the project's own small test corpus) analysed into a cache folder,
    with one worker and without rendering (later runs reuse every article).
    """
    if corpus_dir:
        return _load(Path(corpus_dir), articles_dir)
    from briefing.corpus.run import run_corpus

    key = hashlib.sha256(f"{Path(corpus_input).resolve()}|{data_dir}".encode()).hexdigest()[:16]
    out = Path(tempfile.gettempdir()) / f"briefing-corpus-{key}"
    run_corpus(corpus_input, out, workers=1, data_dir=data_dir or None, render=False)
    return _load(out / "corpus", str(out / "articles"))


def _load(folder: Path, articles_dir: str) -> CorpusBundle:
    """Read once per kernel: the joined sections each call this; all share one bundle (and its evidence)."""
    stamp = (folder / "run.json").stat().st_mtime_ns if (folder / "run.json").exists() else 0
    key = (str(folder.resolve()), articles_dir, stamp)
    if key not in _LOADED:
        _LOADED[key] = load_corpus(folder, articles_dir)
    return _LOADED[key]


__all__ = ["CorpusBundle", "prepare_corpus"]
