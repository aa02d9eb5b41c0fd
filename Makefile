# planctl – setup and the two jobs the README starts with.
# Needs only Python 3.11+, make and git; everything else is installed into .venv from pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup report test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Bytecode now: where writing it at run time is off, an editable install would recompile on
	# every start (+0.1 s).
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

setup: $(STAMP)

## The main job: the Borås plan's follow-up report in the terminal.
report: $(STAMP)
	$(BIN)/planctl report

## The whole test suite: lint, types, tests.
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache src/*.egg-info

## Benchmark on a generated national-scale directory; writes bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/run.py
