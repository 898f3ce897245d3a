# Two commands set up a fresh machine: `make demo` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: demo test test-quick lint eval bench perl-xml chromium clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# ROUGE-1.5.5 (the DUC scorer) is Perl and needs XML::Parser; install it where apt is available.
perl-xml:
	@perl -MXML::Parser -e 1 2>/dev/null || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get install -y -qq libxml-parser-perl >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq libxml-parser-perl >/dev/null)); \
	  else \
	    echo "ROUGE needs Perl's XML::Parser: install Debian's libxml-parser-perl (sudo apt-get install libxml-parser-perl) or 'cpan XML::Parser'"; \
	  fi; }

# The browser tests drive Debian's Chromium at /usr/bin/chromium (Playwright never downloads a browser);
# install it where apt is available. Without it those tests are skipped, saying so.
chromium:
	@test -x /usr/bin/chromium || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	     (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)); \
	  else \
	    echo "The browser tests need Chromium at /usr/bin/chromium: install Debian's chromium (sudo apt-get install chromium)"; \
	  fi; }

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/newsprism brief examples/russia-pullback/*.txt -o $(OUT)/brief.html
	$(BIN)/newsprism brief examples/russia-pullback/*.txt --format json -o $(OUT)/brief.json
	$(BIN)/newsprism brief examples/russia-pullback/*.txt --format md -o $(OUT)/brief.md
	$(BIN)/newsprism verify $(OUT)/brief.json examples/russia-pullback/*.txt
	@echo
	@echo "Brief written to $(OUT)/brief.html ($(OUT)/brief.md, $(OUT)/brief.json)"
	@echo
	$(BIN)/newsprism brief examples/russia-pullback/*.txt --format md --short

test: $(STAMP) perl-xml chromium
	$(BIN)/python -m pytest

test-quick: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/brief_seeds.py

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
