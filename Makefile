# Two commands on a fresh machine: `make demo` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE := examples/plan.xlsx
# The platforms' exports of the example's last finished month, which `make demo` imports.
EXPORTS := $(dir $(EXAMPLE))exports
# The pages with parts generated from the schema and from --help (cog blocks); the tests check them.
GENERATED_DOCS := docs/workbook.md docs/commands.md docs/imports.md

.PHONY: demo test lint docs messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	mkdir -p $(dir $(EXAMPLE))
	rm -rf $(EXPORTS)
	$(BIN)/sheetplan init --example --force --exports $(EXPORTS) $(EXAMPLE)
	$(BIN)/sheetplan import $(EXAMPLE) $(EXPORTS)/*
	$(BIN)/sheetplan review $(EXAMPLE)
	@$(BIN)/python -c 'from datetime import date; from sheetplan.review.variance import default_review_month as m; \
	print(f"Open $(EXAMPLE): the sheet \"Review {m(date.today())}\", after the sheets of the plan, is the agenda of the monthly meeting.")'


test: $(VENV)/.installed-test
	$(BIN)/python -m pytest
	$(BIN)/ruff check sheetplan tests bench docs
	$(BIN)/ruff format --check sheetplan tests bench docs
	$(BIN)/mypy
	$(BIN)/lint-imports

lint: $(VENV)/.installed-test
	$(BIN)/ruff check sheetplan tests bench docs
	$(BIN)/mypy
	$(BIN)/lint-imports

docs: $(VENV)/.installed-test
	$(BIN)/cog -r -I docs $(GENERATED_DOCS)

# The messages marked in the code, into the catalogs under sheetplan/locale (translate the new ones there).
messages: $(VENV)/.installed-test
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k n_:1,2 --no-location --sort-output --project=sheetplan \
		-o build/sheetplan.pot .
	$(BIN)/pybabel update -i build/sheetplan.pot -d sheetplan/locale -D sheetplan -w 100 --ignore-obsolete -N

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
