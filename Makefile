# The README's commands. Only Python >= 3.11 and make are needed: everything
# else, the PostgreSQL server included, is installed into .venv/ from requirements.lock.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: install run serve-prod serve-baseline bench test lint format lock schema

$(BIN)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is needed")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(BIN)/.installed ## Create .venv/ and install the pinned dependencies

run: install ## Serve the API with the seed data at http://127.0.0.1:$(PORT)/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	@echo "Annales API: http://127.0.0.1:$(PORT)/api/v1/  docs: http://127.0.0.1:$(PORT)/api/docs/  ReDoc: http://127.0.0.1:$(PORT)/api/redoc/"
	exec $(MANAGE) runserver 127.0.0.1:$(PORT) --noreload

# Production mode on this machine: DEBUG off, gunicorn, static files collected.
# Without TLS in front, the HTTPS redirect is off; a key is made up if none is set.
serve-prod: install ## Serve the API as in production at http://127.0.0.1:$(PORT)/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	$(MANAGE) collectstatic --noinput -v0
	@echo "Annales API (production mode): http://127.0.0.1:$(PORT)/api/v1/"
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	  DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	  DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} DJANGO_SECURE_COOKIES=$${DJANGO_SECURE_COOKIES:-0} \
	  PORT=$(PORT) exec $(BIN)/gunicorn config.wsgi --config python:config.gunicorn

# The first full run generates 1M events, 100k treaties and 500k clauses (a few minutes)
# into a database of its own in .bench/; later runs reuse it.
BENCH_SIZE ?= full
bench: install ## Measure the API against a raw baseline (BENCH_SIZE=small: a few minutes)
	BENCH_SIZE=$(BENCH_SIZE) $(BIN)/python -m bench.run

# The benchmarks' baseline (bench/baseline.py): the API's busiest reads straight from
# PostgreSQL, on the same database, served by gunicorn as serve-prod serves the API.
serve-baseline: install ## Serve the benchmarks' baseline at http://127.0.0.1:$(PORT)/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed
	@echo "Annales baseline: http://127.0.0.1:$(PORT)/api/v1/treaties/"
	PORT=$(PORT) exec $(BIN)/gunicorn bench.baseline:application --config python:config.gunicorn

test: lint ## Run the whole test suite (after the linters)
	$(BIN)/pytest

lint: install ## ruff, formatting, and no model change without its migration
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

schema: install ## Write the OpenAPI schema to schema.yaml, after an API change
	$(MANAGE) spectacular --validate --fail-on-warn --file schema.yaml

format: install ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: ## Re-pin every dependency after changing pyproject.toml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > .lock-venv/wanted.txt
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r .lock-venv/wanted.txt
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^annales' > requirements.lock
	rm -rf .lock-venv
