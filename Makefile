# Samskab: `make run` sets everything up and serves http://127.0.0.1:8000; `make test` runs
# the whole suite. Both work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
# What `make lint` does when no vulnerability service answers: fail, or warn (tools/audit.py).
AUDIT_OFFLINE ?= fail

.PHONY: run serve test test-postgres lint audit format bench totp messages worker clean help loadtest

help:
	@echo "make run    set up and serve http://127.0.0.1:$(PORT) with demo data"
	@echo "make serve  the same as a production server would: DEBUG=false, static files by WhiteNoise"
	@echo "make test   run the whole test suite (SQLite, or DATABASE_URL)"
	@echo "make lint   ruff, formatting, migration checks, the import layers and the vulnerability audit"
	@echo "make audit  known vulnerabilities in the Python and npm dependencies"
	@echo "make bench  benchmarks (see bench/README.md)"
	@echo "make loadtest  200 readers and 20 writers through nginx on two instances (LOADTEST_SECONDS=120)"
	@echo "make totp   the current two-factor code of the demo staff accounts"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

var:
	mkdir -p var

messages: $(VENV)/.installed
	cd samskab && ../$(BIN)/django-admin compilemessages --ignore=.venv -v 0

run: deps var messages
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py load_demo
	@echo "Serving http://127.0.0.1:$(PORT)/ (background tasks run beside it). Ctrl-C stops both."
	@DEBUG=$${DEBUG:-true} $(BIN)/python manage.py db_worker --interval 1 >var/worker.log 2>&1 & \
	  WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Like production: DEBUG off (the site's own 404 and 500 pages, no URL list), collected and
# compressed static files served by WhiteNoise, gunicorn. Plain HTTP on 127.0.0.1 (HTTPS=false);
# a random SECRET_KEY kept in var/secret_key. DEBUG tooling only with `make run`.
SERVE_ENV = DEBUG=false HTTPS=false SECRET_KEY="$$(cat var/secret_key)"

var/secret_key: | var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

serve: deps var messages var/secret_key
	$(SERVE_ENV) $(BIN)/python manage.py migrate --no-input -v 0
	$(SERVE_ENV) $(BIN)/python manage.py load_demo
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input -v 0
	@echo "Serving http://127.0.0.1:$(PORT)/ with DEBUG=false (background tasks run beside it). Ctrl-C stops both."
	@export $(SERVE_ENV); \
	  $(BIN)/python manage.py db_worker --interval 1 >var/worker.log 2>&1 & \
	  WORKER=$$!; trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/gunicorn samskab.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

worker: deps
	$(BIN)/python manage.py db_worker

test: deps messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The production set-up on loopback under load (tools/loadtest.py; needs nginx and
# redis-server). Not part of `make test`. LOADTEST_SECONDS, LOADTEST_READERS, LOADTEST_WRITERS.
loadtest: deps messages
	$(BIN)/python tools/loadtest.py

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache
	$(BIN)/python tools/audit.py --offline=$(AUDIT_OFFLINE)

audit: deps
	$(BIN)/python tools/audit.py --offline=$(AUDIT_OFFLINE)

format: deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: deps messages
	$(BIN)/python bench/run.py

totp: deps
	@$(BIN)/python manage.py demo_totp

clean:
	rm -rf $(VENV) node_modules var/static
