# Two commands do all the set-up on a fresh machine (each creates .venv on first use):
#   make run    – the main job: the MKBA of the example case parameters/de_kop.yaml
#   make test   – the test suite
# More: make compare, make report (HTML report in reports/), make docs (the Dutch handbook in site/),
# make bench, make lint.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CASE   ?= parameters/de_kop.yaml

.PHONY: run test compare report docs bench lint clean

$(BIN)/mkba: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

run: $(BIN)/mkba
	$(BIN)/mkba run $(CASE)

compare: $(BIN)/mkba
	$(BIN)/mkba compare $(CASE)

report: $(BIN)/mkba
	$(BIN)/mkba report $(CASE) --all

test: $(BIN)/mkba
	$(BIN)/python -m pytest -n 2 --dist loadfile -q

docs: $(BIN)/mkba
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

lint: $(BIN)/mkba
	$(BIN)/ruff check mkba tests benchmarks

bench: $(BIN)/mkba
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_sensitivity.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_data_in.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_excel.py
	$(BIN)/python benchmarks/bench_evppi.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis site
