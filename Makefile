# KER Field. `make run`: the app with demo data. `make test`: the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATA_DIR ?= run-data

.PHONY: run test lint os-deps bench clean translations screenshots dist self-test

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

# The app in demo mode: starts the embedded server (demo data, SQLite in $(DATA_DIR)/server,
# 127.0.0.1:8765 or a free port) and opens the app pointed at it; closing the app stops it.
run: os-deps $(VENV)/.installed-app
	$(BIN)/ker-field --data-dir $(DATA_DIR) --demo

# Refresh resources/translations/*.ts from the sources and compile the .qm files.
translations: $(VENV)/.installed-app
	$(BIN)/python -m ker_field.tools.translations update

# PNGs of every main screen, offscreen, in Spanish, at 1024x600 and 1920x1080.
screenshots: $(VENV)/.installed-app
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m ker_field.tools.screenshots screenshots

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

# The self-contained desktop build (PyInstaller, build.spec): dist/ker-field/ker-field.
dist: $(VENV)/.installed-dev
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

# Checks the built bundle offscreen (local store, both QR decoders, the main window).
self-test: dist
	QT_QPA_PLATFORM=offscreen dist/ker-field/ker-field --self-test
