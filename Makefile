# The two set-up commands of the README: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= referater.db

.PHONY: install demo test eval fuzz serve screenshots clean bench bench-full

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install  ## venv, install, ingest examples/ into referater.db, serve on 127.0.0.1:8001
	$(VENV)/bin/referater demo --db $(DB)

test: install  ## the whole suite
	$(PY) -m pytest -q

eval: install  ## what the parser gets right, measured against the gold files (V=1: every document of ../shared/real)
	$(PY) -m referater.evaluation $(if $(V),-v)

fuzz: install  ## 10 000 mutated referater through every step of ingest; prints the escaped exceptions (must be 0)
	$(PY) -m fuzz.run $(if $(N),--inputs $(N)) $(if $(SEED),--seed $(SEED))

bench: install  ## every figure of the performance issue in one table (default size: about 5 min on 2 cores)
	$(PY) -m benchmarks.run

bench-full: install  ## the same plus search and size at ≈ 1 M punkter (20 000 referater; hours, most of it the ingest)
	$(PY) -m benchmarks.run --full

screenshots: install  ## regenerate docs/screenshots/*.png through the browser tests (needs /usr/bin/chromium)
	SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest -q tests/test_browser.py

serve: install
	$(VENV)/bin/referater serve --db $(DB)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
