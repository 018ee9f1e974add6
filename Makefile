# The archive's commands. A fresh machine needs only Python 3.11 with venv and make:
#   make serve   install into .venv, build and serve at http://127.0.0.1:8000 with live reload
#   make test    install what the tests need into .venv and run the whole test suite
#   make build   build site/ atomically (strict: any warning fails the build)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: the sitemap's date comes from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.PHONY: serve build test devset clean-seed check report clean bench weight

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --livereload -a 127.0.0.1:8000

# Build into a fresh temporary folder and swap it in only when the build succeeded,
# so a failed build never leaves a half-written site where the last good one was.
build: $(VENV)/.site-installed
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict -d site.tmp
	rm -rf site.old && if [ -d site ]; then mv site site.old; fi && mv site.tmp site && rm -rf site.old

test: $(VENV)/.test-installed
	bash tools/install-browser.sh
	$(BIN)/python -m pytest

# Score the cleaner on the development set in ../shared/devset (see README, "Cleaner quality").
devset: $(VENV)/.site-installed
	$(BIN)/python tools/devset.py

# Print one seed's cleaned Markdown and the cleaner's record of edits: make clean-seed SEED=seeds/x.txt
clean-seed: $(VENV)/.site-installed
	PYTHONPATH=hooks $(BIN)/python -m newsarchive clean $(SEED) --edits

# Check every seed and print the problems the build would warn about.
report: $(VENV)/.site-installed
	PYTHONPATH=hooks $(BIN)/python -m newsarchive report

check: $(VENV)/.site-installed
	PYTHONPATH=hooks $(BIN)/python -m newsarchive check

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; }

$(VENV)/.site-installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt requirements-browser.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -r requirements-browser.txt
	touch $(VENV)/.site-installed $@

# Build time, memory and search sizes on synthetic seeds: make bench [SIZES="100 1000"]
bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py $(if $(SIZES),--sizes $(SIZES))

# Page weight per page type, and Lighthouse scores when npm can install it (see README, "Performance").
weight: $(VENV)/.test-installed
	bash tools/install-browser.sh
	-command -v npm >/dev/null && npm ci --prefix bench --no-audit --no-fund
	$(BIN)/python bench/page_weight.py

clean:
	rm -rf site site.tmp site.old .cache
