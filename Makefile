# Two entry points for a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed        # what the site needs (pyproject dependencies)
TESTED := $(VENV)/.installed-test   # and the test tools (the [test] extra)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site docs test eval bench serve clean chromium

site: docs  ## generate docs/ from seeds/ and build the static site into site/
	$(VENV)/bin/mkdocs build --strict --site-dir site

docs: $(STAMP)  ## generate docs/ from seeds/
	$(PY) -m newswiki build --seeds seeds --docs docs

test: $(TESTED) chromium  ## run the test suite (browser tests use Debian's Chromium)
	$(PY) -m pytest

chromium:  ## Debian's Chromium for the browser tests and a Chinese font for its screenshots, installed when missing
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }
	@test -d /usr/share/fonts/truetype/wqy || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null || echo "warning: no Chinese font: screenshots show boxes"; }

bench: $(STAMP)  ## benchmark on synthetic corpora of 5, 100 and 1,000 articles: a table, the search in Chromium, --jobs, incremental
	$(PY) scripts/bench.py

eval: $(STAMP)  ## lenient and strict P/R/F1 per topic: seeds, tests/corpus (tests/gold) and ../shared/corpus (its gold/)
	$(PY) -m newswiki eval

serve: $(STAMP)  ## preview on http://127.0.0.1:8000, rebuilding when seeds/ changes
	$(PY) -m newswiki serve --dev-addr 127.0.0.1:8000

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TESTED): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf site .pytest_cache
