# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/lms
PYTEST_WORKERS ?= 2
# Ralph, the Learning Record Store the xAPI tests send to (tests/lrs.py), in a venv of its own: its
# pinned dependencies are not the site's. Its `lrs` extra lacks `requests`, which the CLI imports.
RALPH_VENV ?= .venv-ralph
RALPH_REQUIREMENTS := "ralph-malph[cli,lrs]>=5.1,<6" requests

.PHONY: run install install-test ralph migrate demo serve serve-dev test test-sqlite test-postgres lint check superuser backup restore clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install --quiet ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(RALPH_VENV)/.installed:
	$(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/pip install --quiet --upgrade pip
	$(RALPH_VENV)/bin/pip install --quiet $(RALPH_REQUIREMENTS)
	touch $@

ralph: $(RALPH_VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_academy

# Runs the command given in the foreground with the task worker (emails, reminders, Wagtail's own
# tasks) beside it, and stops the worker with it. Ctrl-C reaches both (one process group), so the
# worker is sent nothing more then: a second signal would cut short the task it is finishing.
with_worker = $(PY) manage.py run_worker --no-reload & worker=$$!; \
	trap 'interrupted=1' INT; \
	$(1); \
	[ -n "$$interrupted" ] || kill $$worker; \
	wait $$worker

run: demo
	@echo ""
	@echo "  The academy is at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  Emails go to files under var/mail/. Create an admin user in another terminal with:"
	@echo "      $(PY) manage.py createsuperuser"
	@echo ""
	@$(call with_worker,$(PY) manage.py runserver $(HOST):$(PORT))

# The production stack on this machine: production settings, hashed and compressed static files
# served by whitenoise, gunicorn (gunicorn.conf.py) on http://$(HOST):$(PORT)/ with the task worker
# beside it. Plain HTTP on loopback, so HTTPS redirects and secure-only cookies are off; a throwaway
# SECRET_KEY unless set; sign-up without email confirmation unless ACCOUNTS_EMAIL_CONFIRMATION=true
# (emails go to files under var/mail/ unless EMAIL_HOST is set).
serve: install
	@export DJANGO_SETTINGS_MODULE=lms.settings.production \
		SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}" \
		SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
		ACCOUNTS_EMAIL_CONFIRMATION="$${ACCOUNTS_EMAIL_CONFIRMATION:-false}" \
		GUNICORN_BIND=$(HOST):$(PORT); \
	$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_academy && \
	echo "  The academy (production stack) is at http://$(HOST):$(PORT)/" && \
	{ $(call with_worker,$(VENV)/bin/gunicorn --config gunicorn.conf.py); }

superuser: migrate
	$(PY) manage.py createsuperuser

# The database (whichever DATABASE_URL names) and the media files, into a new folder under
# $(BACKUP_DIR) (default var/backups/<timestamp>/); put back with `make restore BACKUP=<folder>`.
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<timestamp>"; exit 2; }
	$(PY) manage.py restore "$(BACKUP)"

check: install-test
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-logo

test: check test-sqlite

# The LRS tests always run: they start a Ralph of their own (tests/lrs.py).
test-sqlite: install-test ralph
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The same suite against the PostgreSQL server (Wagtail search then uses PostgreSQL full-text search).
test-postgres: install-test ralph
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) $(RALPH_VENV) var .pytest_cache
