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

test: install lint test-sqlite test-postgres

test-sqlite: install
	@echo "== tests on SQLite"
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-postgres: install
	@if [ -n "$$ETHICS_HR_TEST_DATABASE_URL" ]; then \
		echo "== tests on PostgreSQL ($$ETHICS_HR_TEST_DATABASE_URL)"; \
		ETHICS_HR_TEST_DB=postgres $(BIN)/python -m pytest -q $(PYTEST_ARGS); \
	else \
		echo "== PostgreSQL tests skipped: ETHICS_HR_TEST_DATABASE_URL is not set"; \
	fi

bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
