"""Corpus mode: many articles on one story, extracted once each and compared across outlets.

    INPUT (folder of articles, JSONL or CSV) ──inputs──▶ sources (paths, offsets, hashes; no text held)
      ──cache──▶ reused or to extract ──scheduler (local process pool or Dask)──▶ DIR/articles/<stem>/
      ──digest──▶ per-article tables ──aggregate──▶ corpus tables (DIR/corpus/*.csv)
      ──notebooks/corpus_*.ipynb──▶ DIR/corpus/briefing.html + manifest.json (published atomically)

The aggregation reads only the per-article tables (claims, actors, events, ...), never every article's
text at once. :func:`briefing.corpus.run.run_corpus` is the entry point the command line calls.
"""

from __future__ import annotations
