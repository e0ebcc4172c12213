PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := server/static/vendor/NOTICE.json

CONFORMANCE := tools/conformance

.PHONY: run test lint typecheck unit browser bench wheel conformance clean


$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# GraphiQL, React and the explorer plugin: pinned npm tarballs, sha256-checked (server/assets.py).
$(VENDOR): server/assets.py $(STAMP)
	$(BIN)/python -m server.assets

run: $(STAMP) $(VENDOR)
	$(BIN)/budget-kg serve

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(VENDOR) browser
	$(BIN)/pytest

browser:
	@sh tools/ensure-chromium

# wrk from Debian when it can be installed; else the speed bench's bounded Python client.
bench: $(STAMP)
	$(BIN)/python -m bench.build_bench
	$(BIN)/python -m bench.serves_report
	command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || true
	$(BIN)/python -m bench.speed_bench
	$(BIN)/python -m bench.serve_bench

# One wheel with the vendored files: an air-gapped host installs it and serves GraphiQL.
wheel: $(STAMP) $(VENDOR)
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .


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
	rm -rf $(VENV) build dist *.egg-info server/static/vendor $(CONFORMANCE)/node_modules $(CONFORMANCE)/.venv
