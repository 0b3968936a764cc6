# praxisgraph — `make demo` runs the app on the demo corpus; `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STORE ?= var/store
PORT ?= 8501

.PHONY: install demo app ingest test lint fix browser-deps bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

ingest: install
	$(VENV)/bin/praxis ingest data --store $(STORE)

demo: ingest
	$(VENV)/bin/praxis app --store $(STORE) --port $(PORT)

app: install
	$(VENV)/bin/praxis app --store $(STORE) --port $(PORT)

# Debian chromium for the real-browser tests (needs root, as in CI).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: install
	$(VENV)/bin/ruff check .

fix: install
	$(VENV)/bin/ruff check --fix .

# Every test, browser tests included. pytest's exit 5 ("no tests collected") is not a failure.
test: install browser-deps lint
	$(PY) -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; else exit $$rc; fi

bench: install
	$(PY) bench/run.py

clean:
	rm -rf var .pytest_cache
