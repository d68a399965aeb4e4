# Two commands set everything up: `make run` (no services needed) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test lint typecheck services browser clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Local defaults: SQLite and Celery's filesystem transport under var/, emails on the console.
run: export DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Rebound is starting on http://127.0.0.1:$(PORT)/  (web, Celery worker and beat)"
	@echo ""
	PATH="$(abspath $(BIN)):$$PATH" PORT=$(PORT) $(BIN)/honcho start

services:
	scripts/ensure-services

browser:
	scripts/ensure-chromium

# The whole suite against the machine's real PostgreSQL and Redis, and a real Chromium.
test: $(STAMP) services browser
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	SECRET_KEY=typecheck $(BIN)/mypy rebound reminders applications interviews coping home

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .mypy_cache

# Speed targets (see docs/performance.md); uses its own database, rebound_bench.
bench: $(STAMP) services
	REBOUND_TEST_DB=rebound_bench scripts/ensure-services
	$(BIN)/python bench/run.py
	$(BIN)/python bench/delivery.py
