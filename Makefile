# NetZPol portal. `make run` serves it with demo data, `make test` runs the whole suite.
# Both create .venv and install what is needed. Without DATABASE_URL an embedded PostgreSQL
# starts under var/pgdata and keeps running for later commands; `make stop` stops it.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format stop db-status messages clean

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

lint: $(INSTALLED)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(INSTALLED)
	DEBUG=1 $(PY) manage.py makemessages --locale de --no-obsolete --ignore '.venv/*'
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*'

stop: $(INSTALLED)
	$(PY) -m netzpol.database stop

db-status: $(INSTALLED)
	$(PY) -m netzpol.database status

clean: stop
	rm -rf $(VENV) staticfiles
