# Two commands: `make run` and `make test`. Each sets up everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install run test lint chromium bench bench-retrieval index clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: plain pip finds the CPU build on this machine's disk
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# a new .env gets a random ADMIN_TOKEN, printed once (scripts/init_env.py); an existing one is kept
.env:
	$(PYTHON) scripts/init_env.py .env.example .env

# Headless Chromium for the admin page's browser test (Debian packages; no browser download).
chromium:
	@dpkg -s chromium chromium-driver fonts-wqy-microhei >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-wqy-microhei; }

run: install .env
	$(VENV)/bin/zhaoshang serve

test: install chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

index: install .env
	$(VENV)/bin/zhaoshang index

bench-retrieval: install
	$(VENV)/bin/zhaoshang bench retrieval

bench: install
	$(VENV)/bin/zhaoshang bench all --sizes 1000,10000 --out bench-results

clean:
	rm -rf data test-output bench-results .pytest_cache
