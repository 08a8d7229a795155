# make run  — set everything up (once) and open Dojang
# make test — set everything up (once) and run the whole test suite (Qt offscreen)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.dojang-installed
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

.PHONY: run test setup bench clean translations screenshots

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
	$(PY) main.py

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py screenshots

clean:
	rm -rf $(VENV) build *.egg-info
