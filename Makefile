# Two commands do everything on a fresh machine:
#   make audit   set up, then audit the bundled sample reports into data/clean/
#   make test    set up, then run the whole test suite (pytest + nbval on the notebooks)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

# The workbook test opens the workbook in LibreOffice; Debian's package is installed when it is missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system-deps ocr-deps audit test clean

setup: $(VENV)/.installed

# Scanned pages are read by tesseract with its Indonesian data (lkjip_audit/ingest/ocr.py).
ocr-deps:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind; } || { \
	  echo "installing tesseract OCR with its Indonesian data, for scanned PDF pages"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    tesseract-ocr tesseract-ocr-ind >/dev/null; }

system-deps: ocr-deps
	@{ command -v soffice >/dev/null 2>&1 && ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1; } || { \
	  echo "installing LibreOffice Calc and Writer (headless): the workbook test prints the workbook, the Word-style test renderings are exported to PDF"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null; }
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Chromium (headless) to render the notebook's HTML in the render test"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium >/dev/null; }

$(VENV)/.installed: pyproject.toml
	@echo "setup: creating $(VENV) with $$($(PYTHON) --version)"
	$(PYTHON) -m venv $(VENV)
	@echo "setup: upgrading pip"
	$(PY) -m pip install --quiet --upgrade pip
	@echo "setup: installing lkjip-audit (editable) with its test dependencies; the first time takes minutes"
	$(PY) -m pip install --quiet -e '.[test]'
	@echo "setup: done"
	touch $@

audit: setup ocr-deps
	$(VENV)/bin/lkjip-audit audit

# Every core (pytest-xdist). One file per worker, so a notebook's cells run in order in one kernel (xdist's
# loadgroup cannot keep them together under pytest 9.2: it marks the group on a node id pytest no longer reads).
test: setup system-deps
	$(PY) -m pytest -n auto --dist loadfile

clean:
	rm -rf $(VENV) data/clean/*/
