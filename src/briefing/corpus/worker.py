"""The per-article task, run in a worker process (local pool or Dask): bytes in, extraction files out.

One task is one article, the same extraction as ``briefing extract``. The heavy state (the pipeline's
imports and models, the registry) is loaded once per worker process by :func:`warm` and kept in module
globals, so a worker pays it once however many articles it handles. The task never raises: a bad article
or an internal error comes back as ``{"ok": False, "reason": ...}`` with one line saying why.

Besides the extraction CSVs the task writes ``corpus.json``: what the corpus needs from the text itself
(title, the wire credited in a dateline, word count, and a sample of the hashes of its word 5-grams, by
which the aggregation recognises wire copy republished verbatim) so that the aggregation never has to
read the article's text again.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
import zlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.model import Document

Task = dict[str, Any]
Result = dict[str, Any]

SHINGLE = 5  # words per shingle
SAMPLE_MOD = 4  # keep the shingle hashes divisible by this: an unbiased sample for containment
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STATE: dict[str, Any] = {}


# A few lines that touch every stage's lazily loaded tables (places, given names, word frequencies,
# dates, experts, the outlet's voice): loaded once per worker, not inside its first article.
_WARM_UP = (
    "Talks resume in Cairo\n"
    "CAIRO (Reuters) — Foreign Minister Maria Lopez said on Monday that talks would resume next week, "
    "according to the Green List party.\n"
    '"We are ready," Lopez said. John Smith, an analyst at the Institute for Policy Studies, said a deal '
    "was likely by March 2025.\n"
    "The government's silence is a scandal that will haunt it for years.\n"
)


def warm(data_dir: str) -> None:
    """Import the pipeline, load the registry and build the stages' lazy tables once in this process.

    A worker calls it when it starts (the pool's initializer, or its first Dask task), so the cost is
    paid once per worker and not inside the first article's time.
    """
    if _STATE.get("data_dir") == data_dir:
        return
    from briefing.ingest import build_document
    from briefing.pipeline import extract_document
    from briefing.registry import load_registry

    _STATE["registry"] = load_registry(Path(data_dir) if data_dir else None)
    extract_document(build_document(_WARM_UP, "warm-up"), _STATE["registry"])
    _STATE["data_dir"] = data_dir


def extract_article(task: Task) -> Result:
    """Extract one article; never raises (the reason comes back instead)."""
    from briefing.errors import InputError

    t0 = time.perf_counter()
    base = {"stem": task["stem"], "pid": os.getpid()}
    try:
        warm(task.get("data_dir", ""))
        files = _extract(task)
    except InputError as exc:
        return {**base, "ok": False, "stage": "input", "reason": exc.problem}
    except MemoryError:
        return {**base, "ok": False, "stage": "extract", "reason": "out of memory"}
    except Exception as exc:  # one article's internal error must not stop the corpus
        first = str(exc).splitlines()[0] if str(exc) else ""
        return {**base, "ok": False, "stage": "extract", "reason": f"{type(exc).__name__}: {first}"[:300]}
    return {**base, "ok": True, "files": files, "seconds": round(time.perf_counter() - t0, 3)}


def _extract(task: Task) -> dict[str, bytes]:
    """As `briefing extract`: any format ingest reads, the data folder's lexicon and the corrections
    recorded for the article (by its file's name or hash; a row of a JSONL or CSV by its stem)."""
    from briefing import lexicon, reviews
    from briefing.ingest import ingest_bytes
    from briefing.io import write_extraction
    from briefing.pipeline import extract_document

    if task.get("error"):  # the parent could not read the bytes
        from briefing.errors import InputError

        raise InputError(task["label"], task["error"])
    data_dir = Path(task["data_dir"]) if task.get("data_dir") else None
    published = date.fromisoformat(task["published"]) if task.get("published") else None
    corrections = reviews.load(task.get("path") or f"{task['stem']}.txt", data_dir)
    doc = ingest_bytes(task["data"], task["label"], published, source=task["label"])
    ex = extract_document(doc, _STATE["registry"], corrections, lexicon.load(data_dir))
    with tempfile.TemporaryDirectory(prefix="briefing-corpus-") as tmp:
        write_extraction(ex, Path(tmp))
        files = {p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir()) if p.is_file()}
    files["corpus.json"] = json.dumps(article_info(doc), ensure_ascii=False).encode("utf-8")
    return files


def article_info(doc: Document) -> dict[str, Any]:
    """What the corpus needs from the text, so that the aggregation never reads it again."""
    from briefing.ingest import infer_outlet

    credit = infer_outlet(doc)
    body = " ".join(doc.text[s.start : s.end] for s in doc.sentences if s.kind == "body")
    return {
        "title": title(doc),
        "credit": credit[0] if credit else "",
        "words": len(doc.text.split()),
        "published": doc.published.isoformat() if doc.published else "",
        "published_from": doc.published_from,
        "shingles": shingles(body),
    }


def title(doc: Document) -> str:
    """The article briefing's title (``briefing.analysis.title``): the file's own, else the headline line,
    else the lead cut at a clause boundary; never a dateline. That module needs no parser, so a worker
    stays light."""
    from briefing.analysis.title import title_of

    return title_of(doc)[0] if doc.sentences else ""


def shingles(text: str) -> list[int]:
    """A sample of the CRC-32 hashes of the text's word 5-grams (those divisible by SAMPLE_MOD).

    Two texts share a 5-gram's hash exactly when they share the 5-gram (bar collisions), so the share of
    one sample found in another estimates how much of one text is contained in the other.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    return sorted(h for g in grams if (h := zlib.crc32(g.encode("utf-8"))) % SAMPLE_MOD == 0)
