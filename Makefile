# Two commands do everything on a fresh machine:
#   make audit   set up, then audit the bundled sample reports into data/clean/
#   make test    set up, then run the whole test suite (pytest + nbval on the notebooks)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

# The workbook test opens the workbook in LibreOffice; Debian's package is installed when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system-deps audit test clean

setup: $(VENV)/.installed

system-deps:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "installing LibreOffice Calc (headless) for the workbook test"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-calc-nogui >/dev/null; }

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

audit: setup
	$(VENV)/bin/lkjip-audit audit

test: setup system-deps
	$(PY) -m pytest

clean:
	rm -rf $(VENV) data/clean/*/
