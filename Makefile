# The whole set-up: `make run` and `make test`. Everything they need is installed from here.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FLASK := $(BIN)/flask --app ethics_hr
export ETHICS_HR_ENV ?= development

.PHONY: install translations migrate demo run test test-sqlite test-postgres lint format bench clean

# Quiet: one line says what happens; pip and the catalogue compiler print only problems.
$(STAMP): pyproject.toml
	@echo "== installing Ethics HR and its dependencies into $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	@$(BIN)/python -m ethics_hr.i18n

migrate: install
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo

run: demo
	$(FLASK) serve --host 127.0.0.1 --port 5000

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The two passes run side by side (TEST_JOBS=1: one after the other): each is one process, and a machine has two
# cores at least. Each pass prints its output whole when it ends; each has its own temporary folder, one per
# checkout, so that two checkouts tested at once do not clear each other's.
TEST_JOBS ?= 2
TEST_TMP ?= $(or $(TMPDIR),/tmp)/ethics-hr-tests-$(shell printf %s "$(CURDIR)" | cksum | cut -d' ' -f1)

test: install lint
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target test-sqlite test-postgres

test-sqlite: install
	@echo "== tests on SQLite"
	@mkdir -p $(TEST_TMP)
	$(BIN)/python -m pytest -q --basetemp=$(TEST_TMP)/sqlite $(PYTEST_ARGS)

test-postgres: install
	@if [ -n "$$ETHICS_HR_TEST_DATABASE_URL" ]; then \
		echo "== tests on PostgreSQL ($$ETHICS_HR_TEST_DATABASE_URL)"; \
		mkdir -p $(TEST_TMP); \
		ETHICS_HR_TEST_DB=postgres $(BIN)/python -m pytest -q --basetemp=$(TEST_TMP)/postgres $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL tests skipped: ETHICS_HR_TEST_DATABASE_URL is not set"; \
	fi

bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
