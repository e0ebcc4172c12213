PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CONFORMANCE := tools/conformance

.PHONY: run test lint typecheck unit bench conformance clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/budget-kg serve

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench.build_bench

# Clients nobody here wrote (graphql-http's audit, Apollo Client, gql), pinned in
# tools/conformance, against a `budget-kg serve` it starts and stops: docs/CONFORMANCE.md
conformance: $(STAMP) $(CONFORMANCE)/node_modules/.installed $(CONFORMANCE)/.venv/.installed
	$(BIN)/python -m tools.conformance.run

$(CONFORMANCE)/node_modules/.installed: $(CONFORMANCE)/package.json $(CONFORMANCE)/package-lock.json
	cd $(CONFORMANCE) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CONFORMANCE)/.venv/.installed: $(CONFORMANCE)/requirements.txt
	test -x $(CONFORMANCE)/.venv/bin/python || $(PYTHON) -m venv $(CONFORMANCE)/.venv
	$(CONFORMANCE)/.venv/bin/python -m pip install --quiet -r $(CONFORMANCE)/requirements.txt
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info $(CONFORMANCE)/node_modules $(CONFORMANCE)/.venv
