# The two set-up commands of the README: `make demo` and `make test` work on a fresh Debian machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= referater.db
# The browser tests drive Debian's chromium through Playwright (never `playwright install`).
CHROMIUM ?= /usr/bin/chromium
# apt-get needs root: sudo only where we are not root already.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq

.PHONY: install demo test eval fuzz serve screenshots clean bench bench-full

# A Debian python3 without ensurepip cannot make a venv until python3-venv is installed.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV) || { $(APT_INSTALL) python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@# Plugins this project no longer uses would claim .ics, /-/search and an English menu entry.
	$(PY) -m pip uninstall -q -y datasette-ics datasette-search-all
	touch $(STAMP)

$(CHROMIUM):
	$(APT_INSTALL) chromium

install: $(STAMP)

demo: install  ## venv, install, ingest the example referater into referater.db, serve on 127.0.0.1:8001
	$(VENV)/bin/referater demo --db $(DB)

test: install $(CHROMIUM)  ## the whole suite (installs Debian's chromium first when it is missing)
	$(PY) -m pytest -q

eval: install  ## what the parser gets right, measured against the gold files (V=1: every document of ../shared/real)
	$(PY) -m referater.evaluation $(if $(V),-v)

fuzz: install  ## 10 000 mutated referater through every step of ingest; prints the escaped exceptions (must be 0)
	$(PY) -m fuzz.run $(if $(N),--inputs $(N)) $(if $(SEED),--seed $(SEED))

bench: install  ## every figure of the performance issue in one table (default size: about 5 min on 2 cores)
	$(PY) -m benchmarks.run

bench-full: install  ## the same plus search and size at ≈ 1 M punkter (20 000 referater; hours, most of it the ingest)
	$(PY) -m benchmarks.run --full

screenshots: install $(CHROMIUM)  ## regenerate docs/screenshots/*.png through the browser tests
	SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest -q tests/test_browser.py

serve: install
	$(VENV)/bin/referater serve --db $(DB)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
