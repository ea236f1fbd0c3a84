# thinktank: `make run` for a local site with demo content, `make test` for every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Local development defaults; production sets these in its environment.
export DEBUG ?= 1

.PHONY: run serve services-stop install migrate demo test test-packages axe pdf-packages lint format messages lock clean

run: pdf-packages migrate
	$(BIN)/python manage.py load_demo --base-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The site as production runs it (gunicorn, DEBUG off, WhiteNoise), with a local
# PostgreSQL and Redis in .serve/ unless DATABASE_URL / REDIS_URL are given.
# WEB_CONCURRENCY sets the number of workers (2). VARNISH=1 puts Varnish in front
# (deploy/varnish.sh, deploy/varnish.vcl; VARNISH_PORT, else a free port).
VARNISH ?= 0
serve: pdf-packages install
	HOST=$(HOST) PORT=$(PORT) VARNISH=$(VARNISH) bash deploy/serve.sh

# Stop the PostgreSQL and Redis that `make serve` started (their data stays in .serve/).
services-stop:
	bash deploy/local-services.sh stop

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

# Tests run with DEBUG off, as production does. The Debian packages they need (Chromium,
# fonts, Redis, gettext) are installed first when missing (deploy/test-packages.sh), and
# axe-core, which the browser tests run on the admin's pages (deploy/axe.sh).
test: test-packages axe install
	DEBUG=0 $(BIN)/pytest $(PYTEST_ARGS)

test-packages:
	bash deploy/test-packages.sh

# axe-core at its pinned version in .cache/axe/ (npm), when missing.
axe:
	bash deploy/axe.sh

# The Debian packages of the PDF edition (WeasyPrint's Pango, the Noto fonts), when missing.
pdf-packages:
	bash deploy/pdf-packages.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Update the translation catalogues from the code, then compile them (needs gettext).
# Translate the new entries in locale/<lang>/LC_MESSAGES/django.po before committing.
messages: install
	$(BIN)/python manage.py makemessages --all --no-location \
		--ignore=.venv --ignore=tests --ignore=staticfiles --ignore=media
	$(BIN)/python manage.py compilemessages --ignore=.venv

# Regenerate requirements.lock from pyproject.toml in a throwaway environment.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet ".[dev]"
	.lock-venv/bin/python -m pip freeze --exclude thinktank > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .cache staticfiles
