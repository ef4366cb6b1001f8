"""``make bench-ingest``: the web-page path scored on scrapinghub's article-extraction-benchmark.

    python -m briefing.ingest.bench DIR [--n-bootstrap N]

DIR holds the benchmark as its repository has it (``html/*.html.gz``, ``ground-truth.json``,
``evaluate.py``, and its published ``output/*.json``). Each compressed page goes through the same path as
a file given to ``briefing report`` (recognised by content, unpacked, trafilatura, metadata), and the
resulting article.txt, less the headline line taken from the page's metadata (the benchmark's article body
has no headline), is scored with the benchmark's own ``evaluate.py`` (token 4-gram precision, recall, F1,
bootstrap deviation). Beside it: trafilatura run as the benchmark's own runner runs it, on this machine, and
the benchmark's published outputs scored by the same code.

Then the sentence kinds: every line of article.txt that is not in the page's article body (a caption, a
"Read more" line, a share button that survived extraction) should be kept out of the analysis, as
boilerplate, byline or headline; and the lines that are article body should stay body.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

from briefing.errors import InputError
from briefing.ingest import build_document
from briefing.ingest.formats import extract_source

PUBLISHED = ("trafilatura", "readability")  # the benchmark's own outputs scored beside ours


def load_evaluate(folder: Path) -> ModuleType:
    """The benchmark's evaluate.py, imported from its folder (not copied into the project)."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", folder / "evaluate.py")
    if spec is None or spec.loader is None:
        sys.exit(f"bench-ingest: no evaluate.py in {folder}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def project_outputs(pages: list[Path]) -> tuple[dict, dict, list[str], float]:
    """Per page: the body as the project extracts it, and the whole article.txt; refusals; seconds."""
    bodies, texts, refused = {}, {}, []
    t0 = time.perf_counter()
    for path in pages:
        key = path.name.split(".")[0]
        try:
            ex = extract_source(path.read_bytes(), path.name)
        except InputError as exc:
            refused.append(str(exc))
            bodies[key] = texts[key] = {"articleBody": ""}
            continue
        lines = ex.text.splitlines()
        headline = bool(ex.title) and bool(lines) and lines[0] == ex.title.value
        bodies[key] = {"articleBody": "\n".join(lines[1:] if headline else lines)}
        texts[key] = {"articleBody": ex.text}
    return bodies, texts, refused, time.perf_counter() - t0


def trafilatura_outputs(pages: list[Path]) -> dict:
    """trafilatura exactly as the benchmark's extractors/run_trafilatura.py calls it."""
    import trafilatura

    out = {}
    for path in pages:
        with gzip.open(path, "rt", encoding="utf8") as f:
            html = f.read()
        out[path.name.split(".")[0]] = {"articleBody": trafilatura.extract(html, include_comments=False)}
    return out


def kind_check(ev: ModuleType, truth: dict, texts: dict) -> tuple[Counter, Counter]:
    """Sentence kinds of article.txt lines outside the article body (extra) and inside it (body)."""
    extra, body = Counter(), Counter()
    for key, item in texts.items():
        text = item["articleBody"]
        if not text:
            continue
        gold_tokens = ev._tokenize(truth[key]["articleBody"])
        gold = f" {' '.join(gold_tokens)} "
        gold_grams = set(ev._ngrams(truth[key]["articleBody"], 4))
        doc = build_document(text)
        kinds = {s.paragraph: s.kind for s in doc.sentences}
        for p in doc.paragraphs[1:]:  # the first line is the page's headline
            tokens = ev._tokenize(text[p.start : p.end])
            if not tokens:
                continue
            inside = f" {' '.join(tokens)} " in gold
            if not inside and len(tokens) >= 4:
                grams = ev._ngrams(text[p.start : p.end], 4)
                inside = sum(g in gold_grams for g in grams) >= 0.5 * len(grams)
            (body if inside else extra)[kinds.get(p.index, "body")] += 1
    return extra, body


def row(name: str, version: str, m: dict) -> str:
    return (
        f"{name:<36} {version:<9} {m['f1']:.3f} ± {m['f1_std']:.3f}  {m['precision']:.3f} ± "
        f"{m['precision_std']:.3f}  {m['recall']:.3f} ± {m['recall_std']:.3f}"
    )


def shares(counts: Counter) -> str:
    total = sum(counts.values()) or 1
    return ", ".join(f"{k} {counts[k] / total:.0%}" for k in ("boilerplate", "byline", "headline", "body"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing.ingest.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "folder", type=Path, help="the benchmark's files (html/, ground-truth.json, evaluate.py)"
    )
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    args = parser.parse_args(argv)
    folder: Path = args.folder
    ev = load_evaluate(folder)
    truth = ev.load_json(folder / "ground-truth.json")
    pages = sorted((folder / "html").glob("*.html.gz"))
    if len(pages) != len(truth):
        sys.exit(f"bench-ingest: {len(pages)} pages but {len(truth)} ground-truth items in {folder}")

    import trafilatura

    bodies, texts, refused, seconds = project_outputs(pages)
    n = args.n_bootstrap
    per_page = 1000 * seconds / len(pages)
    print(f"{len(pages)} pages, {seconds:.1f} s ({per_page:.0f} ms a page); refused: {len(refused)}")
    for line in refused:
        print(f"  refused: {line}")
    print(f"\n{'':<36} {'version':<9} {'F1':<13}  {'precision':<13}  {'recall':<13}")
    print(row("briefing (article.txt, no headline)", trafilatura.__version__, ev.evaluate(truth, bodies, n)))
    print(row("briefing (article.txt as written)", trafilatura.__version__, ev.evaluate(truth, texts, n)))
    print(
        row(
            "trafilatura.extract, this machine",
            trafilatura.__version__,
            ev.evaluate(truth, trafilatura_outputs(pages), n),
        )
    )
    for name in PUBLISHED:
        path = folder / "output" / f"{name}.json"
        if path.exists():
            prediction, version = ev.load_prediction(path)
            print(row(f"{name}, published output", version, ev.evaluate(truth, prediction, n)))

    extra, body = kind_check(ev, truth, texts)
    print(f"\nlines of article.txt outside the article body: {sum(extra.values())}; kinds: {shares(extra)}")
    print(f"lines of article.txt inside the article body:  {sum(body.values())}; kinds: {shares(body)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
