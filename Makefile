# briefing: news article -> analytical HTML briefing.  `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARTICLE ?= seeds/000_ad27deec139d2dc8.txt
PUBLISHED ?=
OUT ?=
report_args = $(ARTICLE) $(if $(PUBLISHED),--published $(PUBLISHED)) $(if $(OUT),--out $(OUT))
CORPUS ?= tests/corpus
SCHEDULER ?= local
corpus_args = $(CORPUS) $(if $(OUT),--out $(OUT)) --scheduler $(SCHEDULER) $(if $(WORKERS),--workers $(WORKERS))

.DEFAULT_GOAL := help
.PHONY: help setup report test lint format lab eval bench bench-parse bench-editorial bench-ingest bench-corpus corpus pdf browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

setup: $(STAMP) ## create .venv with the pinned dependencies (skipped when nothing changed)

# Re-install only when the dependency list or the lock changes.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $@

report: $(STAMP) ## write the briefing of ARTICLE (default: the seed) into reports/<name>/; PUBLISHED=YYYY-MM-DD optional
	@$(PY) -m briefing report $(report_args)

test: $(STAMP) ## set up and run the whole test suite (browser tests when Chromium can be installed)
	@-$(MAKE) --no-print-directory browser
	$(PY) -m pytest -q

lint: $(STAMP) ## ruff: lint and format check
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

format: $(STAMP) ## ruff: apply fixes and formatting
	$(VENV)/bin/ruff check --fix src tests
	$(VENV)/bin/ruff format src tests

lab: $(STAMP) ## open JupyterLab on notebooks/ (any user, localhost only; prints the URL with its token)
	@$(PY) -m briefing.lab $(if $(LAB_PORT),--port $(LAB_PORT))

eval: $(STAMP) ## score extraction against the hand annotations (../shared and tests/articles)
	$(PY) ../shared/eval/score.py ../shared/articles/gold --run
	$(PY) ../shared/eval/score.py tests/articles/gold --out build/own --run | tail -1
	$(PY) ../shared/eval/score.py ../shared/polnear/gold --out build/polnear --run | tail -1
	$(PY) ../shared/eval/score.py ../shared/timebank/gold --out build/timebank --run | tail -1

bench: $(STAMP) ## benchmark report and extract against a floor measured in the same run
	$(PY) -m briefing.bench

# The parse against public gold nobody here made: UD English EWT test (CoNLL-U). EWT=path/to/file.conllu
# points elsewhere; by default the file is taken from a local git copy of UniversalDependencies/UD_English-EWT
# at release r2.16 (EWT_REPO, EWT_REV). Not part of `make test`: it takes about a minute.
EWT_REPO ?= /work/.mirror/UniversalDependencies+UD_English-EWT/repo
EWT_REV ?= r2.16
EWT ?= build/en_ewt-ud-test-$(EWT_REV).conllu

build/en_ewt-ud-test-%.conllu:
	@mkdir -p build
	git -C $(EWT_REPO) show $*:en_ewt-ud-test.conllu > $@.tmp && mv $@.tmp $@

bench-parse: $(STAMP) $(EWT) ## UAS/LAS and tags of the spaCy model on UD English EWT test (EWT=file.conllu)
	$(PY) -m briefing.evaluate_parse $(EWT)

bench-editorial: $(STAMP) ## editorial detector on a SUBJ/OBJ sentence TSV (DATA=path, e.g. CheckThat! test_en_labeled.tsv)
	@test -n "$(DATA)" || { echo "usage: make bench-editorial DATA=path/to/sentences.tsv" >&2; exit 2; }
	$(PY) -m briefing.evaluate_editorial $(DATA)

# The web-page path against public gold nobody here made: scrapinghub's article-extraction-benchmark (181
# news pages with their article bodies, and its own evaluate.py). Its files are taken from a local git copy
# (AEB_REPO at AEB_REV) into build/aeb, never into the repository. Not part of `make test`: about a minute.
AEB_REPO ?= /work/.mirror/scrapinghub+article-extraction-benchmark/repo
AEB_REV ?= 4a3bc979f76c0df73cb95fe272e2fc1b96f9f010
AEB := build/aeb-$(AEB_REV)

$(AEB)/ground-truth.json:
	@mkdir -p $(AEB)/output $(AEB)/html
	set -o pipefail; git -C $(AEB_REPO) archive $(AEB_REV):html | tar -x -C $(AEB)/html
	for f in evaluate.py output/trafilatura.json output/readability.json; do \
	  git -C $(AEB_REPO) show $(AEB_REV):$$f > $(AEB)/$$f || exit 1; done
	git -C $(AEB_REPO) show $(AEB_REV):ground-truth.json > $@.tmp && mv $@.tmp $@

bench-ingest: $(STAMP) $(AEB)/ground-truth.json ## web pages: F1 on the article-extraction-benchmark, beside its published figures
	$(PY) -m briefing.ingest.bench $(AEB)

corpus: $(STAMP) ## compare many articles across outlets: CORPUS=folder|.jsonl|.csv (default: tests/corpus), OUT=, SCHEDULER=local|dask|tcp://..., WORKERS=
	@$(PY) -m briefing corpus $(corpus_args)

bench-corpus: $(STAMP) ## corpus throughput: 100 and 817 PolNeAR articles, 1 and 2 workers, local pool and Dask (about 15 minutes)
	$(PY) -m briefing.corpus.bench

pdf: report ## print the seed's (or ARTICLE's) briefing to PDF with headless Chromium
	@$(PY) -m briefing.report.pdf $(report_args)

# Chromium (Debian) and axe-core (npm) for the browser tests; skipped quietly where they cannot be installed.
browser: ## install Chromium and axe-core for the browser tests
	@command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
	  echo "chromium not installed: browser tests will be skipped"
	@test -f build/node_modules/axe-core/axe.min.js || { command -v npm >/dev/null && \
	  npm install --silent --no-audit --no-fund --prefix build axe-core@$(AXE_VERSION) >/dev/null ; } || \
	  echo "axe-core not installed: accessibility tests will be skipped"

AXE_VERSION := 4.14.1

clean: ## remove what the Makefile made (.venv, build/, generated reports)
	rm -rf $(VENV) build .pytest_cache .ruff_cache
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
