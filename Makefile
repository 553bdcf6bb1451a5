# Outlet Lens. `make demo` and `make test` work on a fresh clone: each creates the
# environment (.venv, from pyproject.toml) if needed, then does its job.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# Two stamps: the kit alone (demo, lab, workshop, report) and the kit with its test tools.
STAMP  := $(VENV)/.outlet-lens-installed
DEV    := $(VENV)/.outlet-lens-dev-installed
EVENT  ?= analysis/data/events/2024-07-12-austin-belousov-call
OUT    ?= out
# JupyterLab refuses to run as root unless told; containers and classroom images often are.
ROOT_OK := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

# JupyterLab without anything that reaches the network (news feed, extension manager, updates).
LAB_OFFLINE := --LabApp.news_url=None --LabApp.extension_manager=readonly \
	--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

.PHONY: help setup demo test lint lab workshop workshop-blind printables report wheel clean

help:
	@echo "make demo   set up, then compare the seed event: charts and report in $(OUT)/"
	@echo "make test   set up, then run ruff and the whole test suite"
	@echo "make lab    set up, then open JupyterLab on notebooks/"
	@echo "make workshop  serve the workshop notebook as a web app (Voila)"
	@echo "make workshop-blind  serve the blind round as its own web app (Voila)"
	@echo "make printables  the blind round on paper, and its answer sheet, in $(OUT)/printables/"
	@echo "make report    run every notebook into HTML under $(OUT)/notebooks/"
	@echo "make setup  only create .venv and install the kit with its test tools"
	@echo "make wheel  build the sdist and wheel into dist/"
	@echo "make clean  remove $(OUT)/ and caches (keeps .venv)"

# Re-install whenever pyproject.toml changes. The demo needs only the kit; the tests add the
# `dev` extra (pytest, hypothesis, ruff, playwright, dask, build).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Outlet Lens needs Python 3.11 or newer; set PYTHON=python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/python -m analysis doctor
	touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV)

setup: $(DEV)

demo: $(STAMP)
	$(BIN)/python -m analysis compare $(EVENT) --out $(OUT)

test: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check analysis tests

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_OFFLINE) $(ROOT_OK) notebooks/

# The kit's Voila template: the lab template without its CDN stylesheet links (offline).
workshop: $(STAMP)
	JUPYTER_PATH=analysis/data/jupyter $(BIN)/voila --template=outlet-lens \
		notebooks/04-workshop.ipynb

# The blind round on its own page, so nothing on it names the outlets before the reveal.
workshop-blind: $(STAMP)
	JUPYTER_PATH=analysis/data/jupyter $(BIN)/voila --template=outlet-lens \
		notebooks/04-workshop-blind.ipynb

printables: $(STAMP)
	$(BIN)/python -m analysis printables $(EVENT) --out $(OUT)/printables --seed 2024

# A notebook that cannot run (e.g. 06 without ../shared) is reported and the others go on.
report: $(STAMP)
	@mkdir -p $(OUT)/notebooks
	@for nb in notebooks/*.ipynb; do \
		$(BIN)/jupyter nbconvert --to html --execute "$$nb" --output-dir $(OUT)/notebooks \
			|| echo "note: $$nb did not run; see the message above"; \
	done

wheel: $(DEV)
	$(BIN)/python -m build --outdir dist .

clean:
	rm -rf $(OUT) dist build .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
