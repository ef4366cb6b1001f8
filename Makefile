# briefing: news article -> analytical HTML briefing.  `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed
LOCKS := requirements.lock requirements-uv.lock
SETUP_LOG := build/setup.log
ARTICLE ?= seeds/000_ad27deec139d2dc8.txt
PUBLISHED ?=
OUT ?=
report_args = $(ARTICLE) $(if $(PUBLISHED),--published $(PUBLISHED)) $(if $(OUT),--out $(OUT))
CORPUS ?= tests/corpus
SCHEDULER ?= local
corpus_args = $(CORPUS) $(if $(OUT),--out $(OUT)) --scheduler $(SCHEDULER) $(if $(WORKERS),--workers $(WORKERS))

# uv, unlike pip, does not compile bytecode at install (compiling all 8,600 files takes 40 s of CPU); Python
# writes it on first import instead, unless PYTHONDONTWRITEBYTECODE is set, as it is in many images, where
# every report would then recompile its imports (about 20 s). The cache lives in .venv and src/, git-ignored.
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.PHONY: help setup lock report test test-fast lint format lab eval bench bench-parse bench-editorial bench-ingest bench-corpus corpus pdf browser clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

setup: $(STAMP) ## create .venv with the locked dependencies (skipped when nothing changed)

# The environment is exactly requirements.lock (every package pinned by version and sha256), installed by uv;
# uv itself comes from requirements-uv.lock (the same pin and hashes), installed by pip, and pip installs the
# lock where uv cannot be had. The venv is made without pip (the machine's pip installs into it), which saves
# seconds. All installer output goes to build/setup.log: the terminal gets one line, or the log's tail on
# failure. Re-done only when pyproject.toml or a lock changes (the stamp), so a second run starts at once.
$(STAMP): pyproject.toml $(LOCKS)
	@mkdir -p build; : > $(SETUP_LOG); \
	fail() { echo "make setup: $$1; the end of $(SETUP_LOG):" >&2; tail -n 15 $(SETUP_LOG) >&2; exit 1; }; \
	step() { echo "== $$(date +%T.%N | cut -c1-12) $$1" >> $(SETUP_LOG); }; \
	py=$$($(PYTHON) -c 'import sys; print(sys.executable) if sys.version_info >= (3, 11) else sys.exit(1)' 2>/dev/null) || \
	  { echo "make setup: Python 3.11 or newer is needed; '$(PYTHON)' is not (make PYTHON=python3.11)" >&2; exit 1; }; \
	if [ ! -x $(PY) ]; then \
	  if [ -t 1 ]; then \
	    if [ -d "$${UV_CACHE_DIR:-$${XDG_CACHE_HOME:-$$HOME/.cache}/uv}" ]; then n=$(SETUP_WARM_S); else n=$(SETUP_COLD_S); fi; \
	    echo "Setting up .venv (first run, about $$n s)"; fi; \
	  step "python -m venv"; $$py -m venv --without-pip $(VENV) >> $(SETUP_LOG) 2>&1 || { rm -rf $(VENV); fail "cannot create $(VENV)"; }; \
	elif [ -t 1 ]; then echo "Updating .venv (the dependencies changed)"; fi; \
	pip="$$py -m pip --python $(PY) install --disable-pip-version-check --no-input"; \
	step "pip installs uv"; \
	if [ ! -x $(UV) ] && ! $$pip --require-hashes --no-deps -r requirements-uv.lock >> $(SETUP_LOG) 2>&1 \
	   && ! $$py -m pip --python $(PY) --version >> $(SETUP_LOG) 2>&1; then \
	  step "ensurepip (the machine's pip cannot install into $(VENV))"; \
	  $(PY) -m ensurepip >> $(SETUP_LOG) 2>&1 || fail "no pip to install with"; \
	  pip="$(PY) -m pip install --disable-pip-version-check --no-input"; \
	  $$pip --require-hashes --no-deps -r requirements-uv.lock >> $(SETUP_LOG) 2>&1; \
	fi; \
	if [ -x $(UV) ]; then \
	  step "uv installs the lock"; $(UV) pip sync --python $(PY) --require-hashes requirements.lock >> $(SETUP_LOG) 2>&1 \
	    || fail "uv could not install requirements.lock"; \
	  step "uv installs the project"; $(UV) pip install --python $(PY) --no-deps --no-build-isolation -e . >> $(SETUP_LOG) 2>&1 \
	    || fail "uv could not install the project"; \
	else \
	  if [ -t 1 ]; then echo "uv cannot be had here: pip installs the lock instead (a few minutes)"; fi; \
	  step "pip installs the lock"; $$pip --require-hashes -r requirements.lock >> $(SETUP_LOG) 2>&1 \
	    || fail "pip could not install requirements.lock"; \
	  step "pip installs the project"; $$pip --no-deps --no-build-isolation -e . >> $(SETUP_LOG) 2>&1 \
	    || fail "pip could not install the project"; \
	fi; \
	step "done"
	@touch $@

# Seconds the first `make setup` takes on these 2-core machines (fresh clone, load 3.3, 2026-12-01): 6 s with
# uv's package cache filled by an earlier setup, 13 s with no cache (1.1 GB fetched); rounded up for load.
SETUP_WARM_S := 10
SETUP_COLD_S := 20

# After adding or changing a dependency in pyproject.toml: pins every package (and the build and setup tools)
# by version and sha256 for every platform, keeping today's versions where they still fit; then
# .ci/pin_audited.py narrows the audited packages to their audited hashes and writes requirements-uv.lock.
lock: $(STAMP) ## regenerate requirements.lock from pyproject.toml with uv (after changing a dependency)
	@mkdir -p build
	@$(PY) -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' > build/lock-tools.in
	@printf 'pip\nuv\n' >> build/lock-tools.in
	$(UV) pip compile pyproject.toml build/lock-tools.in requirements-audited.txt --extra dev \
	  --universal --python-version 3.11 --generate-hashes --quiet --custom-compile-command "make lock" \
	  -o requirements.lock
	$(PY) .ci/pin_audited.py requirements.lock requirements-audited.txt requirements-uv.lock

report: $(STAMP) ## write the briefing of ARTICLE (default: the seed) into reports/<name>/; PUBLISHED=YYYY-MM-DD optional
	@$(PY) -m briefing report $(report_args)

# The suite runs on up to four cores (pytest-xdist; two on these machines): its end-to-end tests wait on
# kernels and subprocesses, so two workers finish in about 4 minutes where one takes 5.
TEST_WORKERS ?= auto --maxprocesses=4

test: $(STAMP) ## set up and run the whole test suite (browser tests when Chromium can be installed)
	@-$(MAKE) --no-print-directory browser
	$(PY) -m pytest -q -n $(TEST_WORKERS)

test-fast: $(STAMP) ## the edit-test loop: every test but the end-to-end (slow) and browser ones (2-3 min)
	$(PY) -m pytest -q -n $(TEST_WORKERS) -m "not slow and not browser"

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

# `make bench PROFILE=1` adds where the report's time beyond the floor goes (make reads `--profile` as its own
# option, so the flag is a variable); QUICK=1 stops after the floor and the report.
bench: $(STAMP) ## the report against the floor (papermill + nbconvert CLIs), extraction, batch; PROFILE=1
	@$(PY) -m briefing.bench $(if $(PROFILE),--profile) $(if $(QUICK),--quick)

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
