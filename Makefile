# KER Field. `make run`: the app with demo data. `make test`: the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR ?= run-data

.PHONY: run test lint os-deps bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "KER Field needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed-app

os-deps:
	@./scripts/os-deps.sh

run: os-deps $(VENV)/.installed-app
	$(BIN)/ker-field --data-dir $(DATA_DIR) --demo

test: os-deps $(VENV)/.installed-dev
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(VENV)/.installed-dev
	@for script in bench/*.py; do echo "# $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(DATA_DIR) build dist .pytest_cache .mypy_cache .ruff_cache
