# The two set-up commands of the README: `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= referater.db

.PHONY: install demo test eval serve clean

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

eval: install  ## what the parser gets right, measured against the gold files
	$(PY) -m referater.evaluation

serve: install
	$(VENV)/bin/referater serve --db $(DB)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
