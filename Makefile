# Two commands do everything on a fresh machine:
#   make audit   set up, then audit the bundled sample reports into data/clean/
#   make test    set up, then run the whole test suite (pytest + nbval on the notebooks)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup audit test clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

audit: setup
	$(VENV)/bin/lkjip-audit audit

test: setup
	$(PY) -m pytest

clean:
	rm -rf $(VENV) data/clean/*/
