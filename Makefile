# The two commands in the README: `make demo` and `make test`. Everything else is a step they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := $(shell grep -v '^\#' system-packages.txt)
SHARED ?= ../shared

# The reader's translations: .po files are kept in git, their compiled .mo files are made here.
PO_FILES := $(wildcard src/broadsheet/web/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: setup system-packages node-packages demo test lint typecheck unit eval bench bench-search ocr-model-ur ocr-model-ur-crnn bench-ocr-ur clean

setup: $(STAMP) $(MO_FILES)

# Compiled with GNU gettext's msgfmt (what Django's compilemessages runs), checking that every translation
# keeps its message's %(name)s places; after setup, which installs gettext.
%.mo: %.po | $(STAMP)
	msgfmt --check -o $@ $<

# System packages (fonts for generated pages, Tesseract, Chromium...) come from Debian.
system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing system packages:" $$missing; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml system-packages.txt package.json
	$(MAKE) system-packages
	test -x $(PY) || python3.11 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	$(MAKE) node-packages
	touch $(STAMP)

# OpenSeadragon and the Urdu and Arabic web fonts (served to readers) and axe-core (injected by the
# accessibility tests), from npm; never committed.
# Node.js comes from Debian only where the machine has none (a newer one may already be installed).
# OpenSeadragon's files are gzipped beside themselves once, here (the fonts are woff2, compressed already):
# WhiteNoise serves a file's .gz to browsers that accept it (a third of the size), without compressing per request.
node-packages:
	@command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --silent
	$(PY) -m whitenoise.compress -q --no-brotli node_modules/openseadragon/build/openseadragon

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks tools
	$(VENV)/bin/ruff format --check src tests benchmarks tools

typecheck: setup
	$(VENV)/bin/mypy

unit: setup
	$(VENV)/bin/pytest -q

test: lint typecheck unit

demo: setup
	$(PY) -m broadsheet.demo

# Extraction figures on the shared corpus and on generated pages (docs/evaluation.md).
eval: setup
	$(PY) tools/eval.py --shared $(SHARED) --out build/eval

# Speed and memory targets, as ratios to a baseline measured in the same run (docs/benchmarks.md).
bench: setup
	$(PY) benchmarks/run.py
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/load.py

# Search latency on a generated archive of 1,000,000 articles: builds it once under build/ (hours).
bench-search: setup
	$(PY) benchmarks/search.py --articles 1000000

# The Urdu Nastaliq recogniser, trained from scratch by Tesseract's lstmtraining on lines the project composes
# and renders (docs/ocr.md): 60,000 iterations, about an hour on a quiet core and hours on a busy one
# (niced, one thread). Not needed by `make test`.
OCR_MODELS := build/ocr-models
ocr-model-ur: $(OCR_MODELS)/urd_nastaliq.traineddata

$(OCR_MODELS)/urd_nastaliq.traineddata: src/broadsheet/ocr/training.py src/broadsheet/synthetic/urdu_text.py src/broadsheet/synthetic/nastaliq.py | setup
	OMP_THREAD_LIMIT=1 nice -n 15 $(PY) -m broadsheet.ocr.training --out $(OCR_MODELS)

# The Urdu Nastaliq CRNN (docs/ocr.md), what `broadsheet ocr --language ur` reads with: PyTorch's CPU build
# is installed here only (the ocr-train extra), 14,400 training lines are rendered once into build/crnn-cache,
# and the network is trained on one niced thread for 12 epochs or CRNN_MINUTES, whichever ends first (its
# learning rate annealed to end on time), then exported to ONNX beside its alphabet. A stopped run keeps its
# best model so far (so make sees a model: delete it to train on) and goes on from its checkpoint.
CRNN_MINUTES ?= 55
ocr-model-ur-crnn: $(OCR_MODELS)/crnn/urd_nastaliq_crnn.onnx

$(OCR_MODELS)/crnn/urd_nastaliq_crnn.onnx: src/broadsheet/ocr/crnn_train.py src/broadsheet/ocr/crnn_model.py src/broadsheet/ocr/crnn_cache.py src/broadsheet/ocr/crnn_lines.py src/broadsheet/synthetic/urdu_text.py src/broadsheet/synthetic/nastaliq.py | setup
	$(PY) -m pip install -q -e '.[dev,ocr-train]'
	nice -n 10 $(PY) -m broadsheet.ocr.crnn_train --out $(OCR_MODELS)/crnn --minutes $(CRNN_MINUTES)

# Urdu OCR word and character accuracy on held-out text, and seconds a page (docs/ocr.md): Tesseract's urd
# and the CRNN in the same run.
bench-ocr-ur: ocr-model-ur-crnn
	$(PY) benchmarks/nastaliq_ocr.py --variants 'urd,urd psm7,crnn'

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
