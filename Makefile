# make run  — set everything up (once) and open Dojang
# make test — set everything up (once) and run the whole test suite (Qt offscreen)
# make try  — open Dojang in a sandbox (try/): its own NPKI folder, bank and a folder acting as a USB stick
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.dojang-installed
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

TRY    := $(CURDIR)/try

.PHONY: run try test setup bench clean translations screenshots dist selfcheck dist-check

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

# Qt Linguist files compiled at build time (the .qm files are not in git)
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

setup: $(STAMP) $(QM)

run: $(STAMP) $(QM)
	@$(PY) tools/qt_preflight.py
	$(PY) main.py

# Your real certificates and settings are not touched; `rm -rf try` starts over.
try: $(STAMP) $(QM)
	@$(PY) tools/qt_preflight.py
	@mkdir -p $(TRY)/NPKI $(TRY)/home $(TRY)/USB
	@echo "sandbox: certificates in $(TRY)/NPKI, bank and settings in $(TRY)/home, USB stick = $(TRY)/USB"
	DOJANG_NPKI_ROOT=$(TRY)/NPKI DOJANG_HOME=$(TRY)/home DOJANG_FAKE_REMOVABLE=$(TRY)/USB $(PY) main.py

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py screenshots

# make dist: the one-folder app for this OS (installer/README.md); on Linux also the tarball.
VERSION  := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' core/__init__.py)
TARBALL  := dist/Dojang-$(VERSION)-linux-$(shell uname -m).tar.gz
DISTPIP  := $(VENV)/.dojang-dist-installed

$(DISTPIP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dist]'
	@touch $@

dist: $(DISTPIP) $(QM)
	rm -rf dist/Dojang dist/Dojang.app build/pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installer/dojang.spec
	@if [ "$$(uname)" = Linux ]; then \
	  cp installer/linux/dojang.desktop installer/linux/dojang-pfx.xml installer/linux/install-desktop.sh resources/icons/app.png dist/Dojang/ && \
	  tar -C dist -czf $(TARBALL) Dojang && echo "tarball: $(TARBALL)"; fi
	@du -sh dist/Dojang

# the frozen build's smoke test (offscreen without a display; throw-away data)
selfcheck:
	dist/Dojang/Dojang --self-check

dist-check: dist
	$(MAKE) selfcheck

clean:
	rm -rf $(VENV) build dist *.egg-info
