# Two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
export FLASK_APP := app

.PHONY: run test lint format unit install native assets browser-deps bench-deps migrate serve bench \
	clean help translations extract update-translations new-language screenshots

help:
	@echo "make run    install, migrate and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test   install and run every check (lint, unit, browser, migration)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The project itself (what `make run` needs), with mypyc for `make native`.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[native]'
	touch $@

# The project with its test tools.
$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,native]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

# The detector (app/pii) compiled by mypyc into build/pii-native/ (git-ignored; about a
# minute, needs gcc and the Python headers). app/pii/_native.py loads it only while it
# was built from the sources now in app/pii; otherwise the same code runs as Python.
PII_SOURCES := $(wildcard app/pii/_*.py)
build/pii-native/SOURCES.sha256: $(PII_SOURCES) scripts/build_pii_native.py | $(VENV)/.installed
	$(PY) scripts/build_pii_native.py

native: build/pii-native/SOURCES.sha256

# npm packages, pinned by package-lock.json: USWDS for the site, ESLint for `make lint`.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# USWDS copied into a git-ignored static folder: nothing is loaded from a third-party
# host at run time.
app/static/vendor/uswds/.copied: node_modules/.installed scripts/copy_assets.py | $(PY)
	$(PY) scripts/copy_assets.py
	touch $@

assets: app/static/vendor/uswds/.copied

# Translations (README: "Adding a language"). Catalogues (.po) are in git; their compiled
# form (.mo) is built here, never committed.
CATALOGUES := $(wildcard app/translations/*/LC_MESSAGES/messages.po)
POT := app/translations/messages.pot
BABEL_EXTRACT = $(VENV)/bin/pybabel extract -F babel.cfg -k lazy_gettext -k _l \
	-k localized_route:2 --add-comments=Translators: --no-location --sort-output \
	--project="DRS privacy site" --msgid-bugs-address=webmaster@example.invalid

translations: $(CATALOGUES:.po=.mo)

app/translations/%/LC_MESSAGES/messages.mo: app/translations/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(VENV)/bin/pybabel compile --statistics -i $< -o $@

# Every marked string of the public side into the template (git-ignored).
extract: $(VENV)/.installed
	$(BABEL_EXTRACT) -o $(POT) app

# Bring every catalogue up to date with the code: new strings appear untranslated,
# changed ones marked fuzzy (tests fail until a translator has seen each).
update-translations: extract
	$(VENV)/bin/pybabel update -i $(POT) -d app/translations --no-wrap

# Start a catalogue: make new-language LANGUAGE=fr
new-language: extract
	@test -n "$(LANGUAGE)" || { echo "usage: make new-language LANGUAGE=fr"; exit 1; }
	$(VENV)/bin/pybabel init -i $(POT) -d app/translations -l $(LANGUAGE) --no-wrap

# Debian's chromium for the browser tests, goaccess for the access-log test, gettext's
# msgfmt for the catalogue test and nginx for the test of the production front in
# deploy/ (tests/security/test_nginx_front.py).
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v goaccess >/dev/null 2>&1 || missing="$$missing goaccess"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Browser, log and catalogue tests need Debian packages:$$missing."; \
	    echo "Install them with: sudo apt-get install$$missing  (those tests are skipped until then)"; \
	  fi; \
	fi

migrate: $(VENV)/.installed translations
	$(PY) -m flask db upgrade

run: $(VENV)/.installed native assets translations migrate
	$(PY) -m app.devserver

# Several workers under gunicorn (gunicorn.conf.py); set DATABASE_URL and REDIS_URL to
# share PostgreSQL and Redis between hosts.
serve: $(VENV)/.installed native assets translations migrate
	$(VENV)/bin/gunicorn -c gunicorn.conf.py app.wsgi:app

# Debian's wrk for bench/http_bench.py (it falls back to a slower Python generator).
bench-deps:
	@if ! command -v wrk >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: wrk"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "The HTTP bench loads the site with wrk: sudo apt-get install wrk"; \
	    echo "(until then it uses its own, slower Python generator)"; \
	  fi; \
	fi

# Proof under load and faults (bench/README.md): real gunicorn on SQLite and PostgreSQL.
# Not part of `make test`; runs all three and fails if any check failed.
bench: $(VENV)/.installed native translations bench-deps
	@status=0; \
	$(PY) -m bench.load || status=1; \
	$(PY) -m bench.crash || status=1; \
	$(PY) -m bench.http_bench || status=1; \
	exit $$status

# The README's pictures of the contact flow, at a desktop and a 375 px phone width: the
# real app on a throw-away database, in Debian's Chromium. Not part of `make test`.
screenshots: $(VENV)/.installed-test assets translations browser-deps
	$(PY) scripts/screenshots.py

# ruff (style, complexity, pytest style, unused arguments, app.pii's banned imports),
# mypy on app/, and ESLint on our own JavaScript (eslint.config.mjs).
lint: $(VENV)/.installed-test node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	npx --no-install eslint .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The whole suite on SQLite, then again on PostgreSQL when it answers (required in CI),
# all but tests/pii: the detector never opens a database (test_pii_package.py proves that
# `import app.pii` loads neither Flask nor SQLAlchemy), and its corpus and parity tests
# are most of the suite's time, which CI caps.
POSTGRES_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
# Tests whose outcome depends on what day it is. The app's "today" is Hartford's
# (SITE_TIMEZONE), never the machine's: `make unit` runs these once more as if the machine
# were at UTC+14, so a test that read the machine's date fails at any hour, not only
# between 00:00 and 05:00 UTC.
DATE_TESTS := tests/public/test_pages.py tests/public/test_caching.py \
	tests/staff/test_admin.py tests/staff/test_inbox.py tests/staff/test_statistics.py \
	tests/accesslog/test_writer.py tests/accesslog/test_stats.py \
	tests/contact/test_contact_flow.py tests/test_retention.py \
	tests/security/test_clock_in_tests.py

unit: $(VENV)/.installed-test native assets translations browser-deps
	$(PY) -m pytest
	@echo "== The date-sensitive tests again, in a far time zone (TZ=Pacific/Kiritimati)"
	TZ=Pacific/Kiritimati $(PY) -m pytest -q -m "not browser" $(DATE_TESTS)
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "== The suite again, on PostgreSQL"; \
	  TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(PY) -m pytest --ignore=tests/pii; \
	elif [ -n "$$CI" ]; then \
	  echo "PostgreSQL does not answer on 127.0.0.1:5432, and CI needs it."; exit 1; \
	else \
	  echo "PostgreSQL does not answer on 127.0.0.1:5432: the PostgreSQL run is skipped."; \
	fi

test: lint unit

clean:
	rm -rf $(VENV) node_modules app/static/vendor build .pytest_cache .ruff_cache .mypy_cache
