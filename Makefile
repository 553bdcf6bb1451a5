# Outlet Lens. `make demo` and `make test` work on a fresh clone: each creates the
# environment (.venv, from pyproject.toml) if needed, then does its job.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.outlet-lens-installed
EVENT  ?= data/events/2024-07-12-austin-belousov-call
OUT    ?= out

# JupyterLab without anything that reaches the network (news feed, extension manager, updates).
LAB_OFFLINE := --LabApp.news_url=None --LabApp.extension_manager=readonly \
	--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

.PHONY: help setup demo test lint lab workshop report clean

help:
	@echo "make demo   set up, then compare the seed event: charts and report in $(OUT)/"
	@echo "make test   set up, then run ruff and the whole test suite"
	@echo "make lab    set up, then open JupyterLab on notebooks/"
	@echo "make workshop  serve the workshop notebook as a web app (Voila)"
	@echo "make report    run every notebook into HTML under $(OUT)/notebooks/"
	@echo "make setup  only create .venv and install the kit with its test tools"
	@echo "make clean  remove $(OUT)/ and caches (keeps .venv)"

# Re-install whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Outlet Lens needs Python 3.11 or newer; set PYTHON=python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -m analysis doctor
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m analysis compare $(EVENT) --out $(OUT)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check analysis tests

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_OFFLINE) notebooks/

workshop: $(STAMP)
	$(BIN)/voila notebooks/04-workshop.ipynb

# A notebook that cannot run (e.g. 06 without ../shared) is reported and the others go on.
report: $(STAMP)
	@mkdir -p $(OUT)/notebooks
	@for nb in notebooks/*.ipynb; do \
		$(BIN)/jupyter nbconvert --to html --execute "$$nb" --output-dir $(OUT)/notebooks \
			|| echo "note: $$nb did not run; see the message above"; \
	done

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
