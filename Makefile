# NetZPol portal. `make run` serves it with demo data, `make test` runs the whole suite
# (`make test-fast` all but the slow and browser tests).
# Both create .venv and install what is needed. Without DATABASE_URL an embedded PostgreSQL
# starts under var/pgdata and keeps running for later commands; `make stop` stops it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast relevance lint format stop db-status messages clean bench bench-load bench-reset \
	backup restore audit bench-invitations

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@# The portal runs from its checkout; only its pinned dependencies are installed.
	$(PY) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(*p["dependencies"], *p["optional-dependencies"]["dev"], sep="\n")' > $(VENV)/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt
	@touch $@

run: $(INSTALLED)
	@$(PY) -c "import socket, sys; sys.exit('netzpol: something already serves $(HOST):$(PORT) (is another make run active?)' if socket.socket().connect_ex(('$(HOST)', $(PORT))) == 0 else 0)"
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py setup_demo
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

# Search quality on the relevance suite's own corpus: nDCG@10, MRR, recall@10 and zero-result
# rate per page and query category (tests/relevance/; the test fails below floor.json).
relevance: $(INSTALLED)
	NETZPOL_RELEVANCE_REPORT=1 $(VENV)/bin/pytest tests/relevance -p no:cacheprovider --reuse-db -q -s

# While working: everything but the tests marked slow (servers, subprocesses, fuzzing, backups)
# or browser, on every core (pytest-xdist), each worker on a test database kept between runs
# (new migrations are applied; after editing an applied migration, `make test` builds them
# anew). `make test` runs them all.
test-fast: $(INSTALLED)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest -m "not slow and not browser" --reuse-db -n auto

lint: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Benchmark (not part of `make test`): its own database per scale on the embedded server (or
# DATABASE_URL), seeded once with seed_demo --scale and reused. Results: var/bench/latest.json.
# ONLY="search floor" measures only the scenarios whose names start so.
SCALE ?= 100000
BENCH_DB = $${DATABASE_URL:-$$($(PY) -m netzpol.database url netzpol_bench_$(SCALE))}
BENCH = DJANGO_SETTINGS_MODULE=netzpol.settings_bench DATABASE_URL="$(BENCH_DB)"

bench: $(INSTALLED)
	$(BENCH) $(PY) manage.py collectstatic --noinput -v0
	$(BENCH) $(PY) manage.py bench --scale $(SCALE) $(if $(ONLY),--only $(ONLY))

# 60 s at 32 connections against the search page and the floor (needs Debian's wrk).
bench-load: $(INSTALLED)
	@command -v wrk >/dev/null || (echo "netzpol: bench-load needs wrk: sudo apt-get install wrk" && exit 1)
	$(BENCH) $(PY) manage.py collectstatic --noinput -v0
	$(BENCH) $(PY) manage.py bench --scale $(SCALE) --seed-only
	@mkdir -p var/bench
	$(BENCH) $(VENV)/bin/gunicorn -c netzpol/gunicorn.conf.py --workers 2 --bind 127.0.0.1:8765 --access-logfile /dev/null --daemon --pid var/bench/gunicorn.pid netzpol.wsgi
	@sleep 3
	wrk -t4 -c32 -d60s --latency "http://127.0.0.1:8765/suche/?q=Moschee+Dortmund" | tee var/bench/load-search.txt
	wrk -t4 -c32 -d60s --latency "http://127.0.0.1:8765/bench/floor/" | tee var/bench/load-floor.txt
	kill $$(cat var/bench/gunicorn.pid)

# Build and send an invitation list of COUNT new contacts on the bench database (rolled back).
COUNT ?= 1000
bench-invitations: $(INSTALLED)
	$(BENCH) $(PY) manage.py migrate --noinput -v0
	$(BENCH) $(PY) manage.py bench_invitations --count $(COUNT)

bench-reset: $(INSTALLED)
	$(PY) -c "import psycopg, sys; from netzpol import database as d; d.ensure_embedded(d.PGDATA, 'postgres'); c = psycopg.connect(host=str(d.PGDATA), user='postgres', dbname='postgres', autocommit=True); c.execute('DROP DATABASE IF EXISTS netzpol_bench_$(SCALE)')"

messages: $(INSTALLED)
	DEBUG=1 $(PY) manage.py makemessages --locale de --no-obsolete --ignore '.venv/*'
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

stop: $(INSTALLED)
	$(PY) -m netzpol.database stop

# The database (embedded or DATABASE_URL) in pg_dump's custom format, by default to
# var/backups/netzpol-YYYYMMDD-HHMMSS.dump (FILE=... elsewhere); restore in one transaction.
backup: $(INSTALLED)
	$(PY) -m netzpol.database backup $(if $(FILE),'$(FILE)')

restore: $(INSTALLED)
	$(PY) -m netzpol.database restore $(if $(FILE),'$(FILE)')

# Known vulnerabilities in the installed pins; fails when the vulnerability database is out of reach.
audit: $(INSTALLED)
	$(PY) -m netzpol.audit

db-status: $(INSTALLED)
	$(PY) -m netzpol.database status

clean: stop
	rm -rf $(VENV) staticfiles
