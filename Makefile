# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   virtualenv + kg, load seeds/ into the embedded store, report, page
#   make test   the same install plus test needs (Chromium), then the whole suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kg-installed

.PHONY: install demo test chromium bench clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg load seeds/
	$(BIN)/kg report --top 15
	$(BIN)/kg viz --out visualizations/seeds.html

# Debian's Chromium drives the page tests; Playwright is only the remote control and
# never downloads a browser of its own.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

test: $(STAMP) chromium
	$(BIN)/python -m pytest -q

# Full-size benchmarks (several minutes); each prints its figures and targets.
bench: $(STAMP) chromium
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	-$(BIN)/kg stop 2>/dev/null
	rm -rf $(VENV) .kg build *.egg-info .pytest_cache test-artifacts
