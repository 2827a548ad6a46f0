# Active Citizens Network: the commands a newcomer needs, read top to bottom.
#   make demo   install, migrate, load the demo content and serve http://127.0.0.1:8000
#               (with the task worker beside it, which writes the emails to var/mail/)
#   make worker the task worker alone: sends the queued emails, runs Wagtail's tasks
#   make test   install, check and run the whole test suite
#   make lock   pin every dependency with hashes: requirements.lock, requirements-dev.lock
#   make deploy-check  the server recipe (deploy/): nginx -t, systemd-analyze, nginx on loopback
#   make smoke  the deployment on loopback: nginx, two app servers, PostgreSQL, Redis, S3, worker
#   make test-browser  real-browser journeys and accessibility checks (Chromium, Playwright)
#   make lint   ruff lint and format check
#   make audit  security scans: bandit over our code, pip-audit over the dependencies
#   make messages  extract strings into the .po catalogues and compile them (needs gettext)
#   make i18n-report  how much of each demo page is still unmarked English, per language
#   make bench  performance benchmark: queries, latency, req/s, Lighthouse -> var/bench/report.md
#   make loadtest  members replying, messaging and editing at once on gunicorn + PostgreSQL
#   make drill  faults under load: SMTP stopped 20 s, then Redis 10 s (own servers on
#               loopback, worker running); then PostgreSQL stopped and started (not in CI)
#   make drill-short  the SMTP and Redis drill in a few minutes (CI runs it)

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= auto
# More pytest options for `make test`, e.g. PYTEST_ARGS='-m "not own_databases"'.
PYTEST_ARGS ?=

.PHONY: demo worker test test-browser lint audit install check migrate serve clean messages \
	bench loadtest drill drill-short lock lock-check deploy-check smoke i18n-report

# The exact versions and hashes of requirements-dev.lock (production's requirements.lock
# plus the dev tools), then the site itself without resolving anything again.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	@echo "==> Creating $(VENV) and installing the locked dependencies with the dev tools"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	@$(PY) -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

lock: install
	@echo "==> Locking pyproject.toml's dependencies with hashes (pip-compile)"
	@$(PY) .ci/lock.py compile

lock-check:
	@echo "==> The lock files match pyproject.toml"
	@$(PYTHON) .ci/lock.py check

migrate: install
	@echo "==> Applying database migrations"
	@mkdir -p var
	@$(MANAGE) migrate --no-input -v 0

demo: migrate
	@echo "==> Loading demo content (safe to repeat)"
	@$(MANAGE) load_demo
	@echo ""
	@echo "==> Serving the demo. Press Ctrl+C to stop."
	@echo "    Site:   http://127.0.0.1:8000/"
	@echo "    Admin:  http://127.0.0.1:8000/admin/"
	@echo "    Emails the site sends are written to var/mail/ by the task worker beside it"
	@$(MANAGE) db_worker --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000

# Production runs the same command under systemd (deploy/systemd/acn-worker.service).
worker: migrate
	@echo "==> Task worker: sends the queued emails and runs Wagtail's background tasks."
	@echo "    Press Ctrl+C to stop; tasks wait in the database until a worker runs again."
	@$(MANAGE) db_worker

check: install lock-check
	@echo "==> Django system checks and missing migrations"
	@DJANGO_SETTINGS_MODULE=network_site.settings.test $(MANAGE) check
	@DJANGO_SETTINGS_MODULE=network_site.settings.test $(MANAGE) makemigrations --check --dry-run

test: check
	@echo "==> Running the test suite ($(if $(DATABASE_URL),$(DATABASE_URL),SQLite))"
	@$(PY) -m pytest -n $(PYTEST_WORKERS) -q --ignore=tests/browser $(PYTEST_ARGS)

BROWSER_STAMP := $(VENV)/.installed-browser
CHROMIUM ?= /usr/bin/chromium

$(BROWSER_STAMP): $(STAMP)
	@echo "==> Installing Playwright and axe-core (the browser itself comes from Debian)"
	@$(PY) -m pip install --quiet -e '.[dev,browser]'
	@touch $(BROWSER_STAMP)

test-browser: $(BROWSER_STAMP)
	@test -x $(CHROMIUM) || { echo "Chromium is missing: apt-get install -y chromium"; exit 1; }
	@echo "==> Browser journeys and accessibility in $(CHROMIUM); failures saved in var/test-artifacts/"
	@mkdir -p var/test-artifacts
	@CHROMIUM=$(CHROMIUM) DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest tests/browser -p no:xdist -q

bench: install
	@echo "==> Benchmark: small and large datasets on SQLite (and PostgreSQL when it answers),"
	@echo "    gunicorn req/s with and without Redis, Lighthouse when npx and Chromium exist"
	@mkdir -p var/bench
	@$(PY) -m bench $(BENCH_ARGS)

LOADTEST_ARGS ?=

loadtest: install
	@echo "==> Load test: gunicorn on loopback against PostgreSQL (database acn_load, recreated)"
	@$(PY) -m loadtest $(LOADTEST_ARGS)

drill: install
	@echo "==> Fault drill 1: members and newcomers on gunicorn with the task worker, an SMTP"
	@echo "    server (127.0.0.1:8462) stopped for 20 s, then Redis (127.0.0.1:8461) for 10 s"
	@$(PY) -m loadtest.faults $(DRILL_ARGS)
	@echo "==> Fault drill 2: the load test while PostgreSQL is stopped for 10 s and started again"
	@$(PY) -m loadtest --drill --seconds 60 $(LOADTEST_ARGS)

drill-short: install
	@echo "==> Short fault drill: SMTP stopped for 20 s, then Redis for 10 s, under load"
	@$(PY) -m loadtest.faults --short $(DRILL_ARGS)

deploy-check: install
	@echo "==> deploy/: nginx -t on the site file, systemd-analyze verify on the units, then"
	@echo "    nginx on 127.0.0.1:18480 in front of a stand-in app (headers, paths, upload limit)"
	@$(PYTHON) .ci/deploy-check

smoke: install
	@echo "==> Smoke test: nginx (deploy/nginx/acn.conf) on 127.0.0.1:8430 in front of two gunicorn"
	@echo "    app servers with the production settings, PostgreSQL (database acn_smoke, recreated),"
	@echo "    Redis, moto's S3 server, SMTP and the task worker, all on loopback ports 8430-8437"
	@$(PY) .ci/smoke

lint: install
	@echo "==> ruff lint and format check"
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

audit: install
	@echo "==> Security scans (pip-audit is reported as SKIPPED when its database cannot be reached)"
	@.ci/audit

messages: install
	@echo "==> Extracting translatable strings into network_site/locale/*/LC_MESSAGES/django.po"
	@$(MANAGE) makemessages -l zh_Hant -l ar -l ro -l pl -l uk --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests --ignore=build
	@echo "==> Compiling the catalogues"
	@$(MANAGE) compile_translations

i18n-report: migrate
	@echo "==> Loading the demo (safe to repeat), then rendering its key pages in every language"
	@$(MANAGE) load_demo > /dev/null
	@$(MANAGE) i18n_report

clean:
	@echo "==> Removing the virtual environment and local data under var/"
	rm -rf $(VENV) var
