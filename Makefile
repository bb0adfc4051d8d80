# The two commands of the README, and the pieces they are made of.
# Each does its own set-up from a fresh clone: a virtualenv with the pinned dependencies.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED ?= 42
SCALE ?= small
RAW ?= data/raw
TRUTH ?= data/truth
WAREHOUSE ?= data/countylines.duckdb

.PHONY: demo test setup lint pytest clean

## demo: generate a demo extract, build the warehouse on it, and show the results
demo: setup
	$(BIN)/countylines generate --scale $(SCALE) --seed $(SEED) --out $(RAW) --truth $(TRUTH)
	$(BIN)/countylines build --raw $(RAW) --warehouse $(WAREHOUSE) --docs data/docs
	$(BIN)/countylines report --warehouse $(WAREHOUSE) --out data/report.html
	$(BIN)/countylines export --warehouse $(WAREHOUSE) --out data/exports
	$(BIN)/countylines summary --warehouse $(WAREHOUSE)
	$(BIN)/countylines evaluate --truth $(TRUTH) --warehouse $(WAREHOUSE) --json data/evaluation.json
	@echo ""
	@echo "Where to look:"
	@echo "  briefing report   data/report.html      (open in a browser; works offline)"
	@echo "  lineage and docs  data/docs/index.html  (every model, column, seed, macro)"
	@echo "  exports           data/exports/         (i2 and Gephi; public aggregates)"
	@echo "  warehouse         $(WAREHOUSE)  (DuckDB; query schema marts)"
	@echo "  evaluation        data/evaluation.json"

## test: every check: Python lint, SQL lint, and the pytest suites (which build dbt)
test: setup lint pytest

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

lint: setup
	$(BIN)/ruff check python tests
	$(BIN)/ruff format --check python tests
	@# lint compiles against its own empty warehouse, never the analysts' one: it neither
	@# reads their seeds (a built cl_lexicon changes how a model compiles) nor holds its lock
	@rm -rf target/lint && mkdir -p target/lint
	COUNTYLINES_WAREHOUSE=target/lint/lint.duckdb $(BIN)/sqlfluff lint models macros analyses tests/dbt

pytest: setup
	$(BIN)/pytest

clean:
	rm -rf $(VENV) target logs data
