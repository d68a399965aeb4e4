# Two commands set everything up: `make run` (no services needed) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
PORT ?= 8000

.PHONY: run var-dirs test lint typecheck services browser clean bench bench-scale css audit messages compile-messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Tests, lint and benches need the dev tools; running needs only what runs.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[run]"
	touch $(RUN_STAMP)

# Local defaults: SQLite and Celery's filesystem transport under var/, emails saved as .eml
# files under var/mail/ (listed at /dev/mail/), the mail-in service on 127.0.0.1:2525 unless
# MAILIN_SMTP_PORT says otherwise. PORT and SITE_URL may be set.
run: export DEBUG ?= 1
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(RUN_STAMP) var-dirs compile-messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Rebound is starting on http://127.0.0.1:$(PORT)/  (web, Celery worker and beat, and the mail-in service)"
	@echo ""
	PATH="$(abspath $(BIN)):$$PATH" PORT=$(PORT) $(BIN)/honcho start

# Translations: each app's strings in <app>/locale, the shared templates' and the JavaScript's
# in locale/ (docs/settings.md, "Languages"). `make messages` gathers new strings into the .po
# catalogues (edited by hand, committed); their compiled .mo files are built here, never
# committed. Both need GNU gettext (msgfmt), as Django's commands do.
I18N_IGNORE := -i ".venv/*" -i "node_modules/*" -i "tools/*" -i "bench/*" -i "tests/*" -i "var/*" -i "staticfiles/*" -i "static/vendor/*"
messages: $(STAMP)
	SECRET_KEY=messages REBOUND_OFFLINE_COMMAND=1 $(BIN)/python manage.py makemessages -l de --no-obsolete $(I18N_IGNORE)
	SECRET_KEY=messages REBOUND_OFFLINE_COMMAND=1 $(BIN)/python manage.py makemessages -d djangojs -l de --no-obsolete $(I18N_IGNORE)

compile-messages: | $(BIN)/python
	SECRET_KEY=messages REBOUND_OFFLINE_COMMAND=1 $(BIN)/python manage.py compilemessages -v 0 -i .venv -i node_modules -i tools

# The folders the local database and Celery's filesystem queue need before their first write
# (importing the settings creates none: docs/settings.md, "Local files").
var-dirs:
	mkdir -p "$(or $(REBOUND_VAR_DIR),var)/celery-queue/processed"

services:
	scripts/ensure-services

browser:
	scripts/ensure-chromium

# The whole suite against the machine's real PostgreSQL and Redis, and a real Chromium.
test: $(STAMP) services browser compile-messages
	scripts/ensure-dovecot
	$(BIN)/pytest $(PYTEST_ARGS)

# The inner loop: no browser, no slow tests (real worker processes, or over 5 s), on every core;
# pytest-xdist gives each worker its own test database, tests/settings.py its Redis databases.
.PHONY: test-fast
test-fast: $(STAMP) services compile-messages
	scripts/ensure-dovecot
	$(BIN)/pytest -m "not browser and not slow" -n auto $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	SECRET_KEY=typecheck REBOUND_OFFLINE_COMMAND=1 $(BIN)/mypy rebound reminders applications interviews coping mailin insights feeds portability api mcp_server demo home todos offers people weekly

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache .ruff_cache .mypy_cache

# Speed targets (see docs/performance.md); uses its own database, rebound_bench.
bench: $(STAMP) services
	REBOUND_TEST_DB=rebound_bench scripts/ensure-services
	command -v wrk >/dev/null || apt-get install -y -q wrk
	@# Every bench runs and prints its table; the target fails if any missed its targets.
	@# load.py times pages.py's heavy user; delivery.py empties the database, so it runs last.
	status=0; for bench in run pages load import_bench delivery; do \
	  $(BIN)/python bench/$$bench.py || status=1; done; exit $$status

# One user's pages alone and among 2,000 users, and a burst of 50,000 reminders (docs/scaling.md).
bench-scale: $(STAMP) services
	REBOUND_TEST_DB=rebound_scale scripts/ensure-services
	$(BIN)/python bench/scale.py

# Bootstrap without the rules no page uses (PurgeCSS, from npm), committed as
# static/vendor/bootstrap/bootstrap.trimmed.min.css; rerun after adding Bootstrap classes.
css:
	cd tools/css && npm install --no-audit --no-fund --silent
	cd tools/css && node build.cjs

# Lighthouse (npm, in tools/audit) on the main pages as a phone sees them, with Debian's
# chromium; prints the scores and fails below the targets (docs/performance.md).
audit: $(STAMP) services browser
	REBOUND_TEST_DB=rebound_audit scripts/ensure-services
	cd tools/audit && npm install --no-audit --no-fund --silent
	$(BIN)/python bench/audit.py
