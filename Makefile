# courtkiosk: `make run` starts the kiosk, `make test` runs every test. Both set everything up
# first (Debian packages when run as root, the virtualenv, the Python packages), idempotently.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-packages
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/kiosk.po))

.PHONY: setup run test screenshots diagram bench bundle test-bundle locales clean

setup: $(SYSTEM_STAMP) $(STAMP) $(MO_FILES)

$(SYSTEM_STAMP): scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	@mkdir -p $(VENV) && touch $@

$(STAMP): pyproject.toml $(SYSTEM_STAMP)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,court-sim]'
	touch $@

locales/%/LC_MESSAGES/kiosk.mo: locales/%/LC_MESSAGES/kiosk.po $(STAMP)
	$(VENV)/bin/pybabel compile --use-fuzzy -d locales -D kiosk -l $* >/dev/null

locales: $(MO_FILES)

run: setup
	$(PY) -m kiosk run

test: setup
	$(PY) -m pytest

screenshots: setup
	$(PY) -m kiosk screenshots --out docs/screenshots

diagram: setup
	$(PY) -m kiosk diagram --output docs/flow.png

bench: setup
	$(PY) -m pip install --quiet -e '.[bench]'
	@for script in bench/[a-z]*.py; do case $$script in */minimal_app.py|*/process_age.py) continue;; esac; echo "== $$script"; $(PY) $$script || exit 1; done

# The one-folder PyInstaller bundle of kiosk.spec in dist/courtkiosk/, with its installer in deploy/.
bundle: setup
	$(PY) -m pip install --quiet -e '.[bundle]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN kiosk.spec
	@du -sh dist/courtkiosk

# The built bundle's own tests: its self-test under Xvfb, and a broken update refused then rolled back.
test-bundle: bundle
	$(PY) -m pytest tests/packaging/test_built_bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info locales/*/LC_MESSAGES/*.mo
