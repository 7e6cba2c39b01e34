# `make run`: install, ingest data/, start the chat UI. `make test`: install, run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install browser run ingest test eval bench clean

install: $(STAMP)

# torch first, pinned to the CPU build on local disk: anything that pulls torch
# transitively would otherwise fetch a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

ingest: install
	$(BIN)/minutes ingest data/

run: ingest
	$(BIN)/minutes ui

# The UI tests drive Debian's Chromium (never a browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test: install browser
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/minutes eval

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) index .pytest_cache .hypothesis test-artifacts
