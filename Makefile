# MED-guiden. `make serve` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# EDITION=<name> builds or serves the local edition in editions/<name>/ instead of the guide.
EDITION ?=
CONFIG := $(if $(EDITION),editions/$(EDITION)/mkdocs.yml,mkdocs.yml)
# ENGINE=zensical builds or serves with Zensical instead of MkDocs, from the same sources.
ENGINE ?= mkdocs
SITE_DIR ?= $(subst site-mkdocs,site,site-$(ENGINE))$(if $(EDITION),-$(EDITION))
OFFLINE_DIR ?= dist/med-guiden-offline
OFFLINE_ZIP ?= dist/med-guiden-offline.zip
# The booklet: the guide, or the local edition, as one A4 PDF.
BOOKLET := dist/$(if $(EDITION),med-guiden-$(EDITION),med-guiden).pdf
PIP_FLAGS := --quiet --disable-pip-version-check --no-input
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check-links edition-exists engine-exists offline pdf pdf-libraries test bench lighthouse schema browser clean

help:
	@echo "make serve   set up and serve the site on http://$(HOST)/"
	@echo "make build   set up and build the site into $(SITE_DIR)/ (strict)"
	@echo "             EDITION=<name> builds or serves a local edition from editions/<name>/"
	@echo "             ENGINE=zensical builds or serves with Zensical, into site-zensical[-<name>]/"
	@echo "make check-links  check that every internal link and anchor in $(SITE_DIR)/ resolves"
	@echo "make offline set up and build the offline edition into $(OFFLINE_ZIP)"
	@echo "make pdf     build the site and write it as one A4 booklet, $(BOOKLET) (EDITION=<name> too)"
	@echo "make test    set up (Python packages, Debian's chromium) and run every test"
	@echo "make bench   measure build time against a pre-rendered baseline, growth with the data, page weight"
	@echo "make lighthouse  install Lighthouse (npm) into .cache/npm, for make bench"
	@echo "make schema  regenerate data/schema/ from the models"

# The site's Python packages, installed once per change of the requirement files.
$(VENV)/.site-installed: requirements.txt constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements.txt -c constraints.txt
	@touch $@

# Test tools on top.
$(VENV)/.dev-installed: $(VENV)/.site-installed requirements-dev.txt
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements-dev.txt -c constraints.txt
	@touch $@

# Served at the root of $(HOST); the published address (site_url) may have a sub-path.
# Each engine's commands; macros/engines/ holds the adapters.
SERVE_mkdocs = $(BIN)/mkdocs serve -f $(CONFIG) --dev-addr $(HOST)
# Zensical serves from a folder it writes in the project (not SITE_DIR: this site has the local address).
SERVE_zensical = $(BIN)/python -m macros.engines.zensical serve -f $(CONFIG) -d .zensical-serve$(if $(EDITION),-$(EDITION)) -a $(HOST)
BUILD_mkdocs = $(BIN)/mkdocs build --strict -f $(CONFIG) --site-dir $(abspath $(1))
BUILD_zensical = $(BIN)/python -m macros.engines.zensical build -f $(CONFIG) -d $(1)

serve: $(VENV)/.site-installed edition-exists engine-exists
	MED_SITE_URL=http://$(HOST)/ $(SERVE_$(ENGINE))

# Build into a fresh directory and swap it in only when the build succeeded: a failed
# build never leaves a half-written site behind.
build: $(VENV)/.site-installed edition-exists engine-exists
	@rm -rf $(SITE_DIR).partial
	$(call BUILD_$(ENGINE),$(SITE_DIR).partial) || { rm -rf $(SITE_DIR).partial; exit 1; }
	$(BIN)/python -m macros.linkcheck $(SITE_DIR).partial || { rm -rf $(SITE_DIR).partial; exit 1; }
	@rm -rf $(SITE_DIR) && mv $(SITE_DIR).partial $(SITE_DIR)
	@echo "Site written to $(SITE_DIR)/"

# The same check on a site already written, by this build or by another engine.
check-links: $(VENV)/.site-installed
	@test -d $(SITE_DIR) || { echo "There is no site in $(SITE_DIR)/: run make build first"; exit 1; }
	$(BIN)/python -m macros.linkcheck $(SITE_DIR)

edition-exists:
	@test -f $(CONFIG) || { echo "There is no edition '$(EDITION)': $(CONFIG) is missing (editions: $$(ls editions))"; exit 1; }

engine-exists:
	@case "$(ENGINE)" in mkdocs|zensical) ;; *) echo "There is no engine '$(ENGINE)': ENGINE=mkdocs (the default) or ENGINE=zensical"; exit 1;; esac

# The offline edition: the site built to open from disk (file://) without a network, as one
# zip to put on a USB stick. Like build, a failed build leaves the previous edition alone.
offline: $(VENV)/.site-installed
	@rm -rf $(OFFLINE_DIR).partial
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml --site-dir $(abspath $(OFFLINE_DIR)).partial || { rm -rf $(OFFLINE_DIR).partial; exit 1; }
	$(BIN)/python -m macros.linkcheck --offline $(OFFLINE_DIR).partial || { rm -rf $(OFFLINE_DIR).partial; exit 1; }
	@rm -rf $(OFFLINE_DIR) && mv $(OFFLINE_DIR).partial $(OFFLINE_DIR)
	@rm -f $(OFFLINE_ZIP) && mkdir -p $(dir $(OFFLINE_ZIP)) && cd $(dir $(OFFLINE_DIR)) && $(abspath $(BIN))/python -m zipfile -c $(abspath $(OFFLINE_ZIP)) $(notdir $(OFFLINE_DIR))
	@echo "Offline edition in $(OFFLINE_ZIP): unzip it and open $(notdir $(OFFLINE_DIR))/index.html"

# The booklet is laid out from the built site; the site is then built again, now publishing the
# booklet beside it with a link from the front page. The PDF is written whole or not at all.
pdf: build pdf-libraries
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m macros.booklet $(SITE_DIR) $(BOOKLET)
	@$(MAKE) --no-print-directory build EDITION=$(EDITION) SITE_DIR=$(SITE_DIR)

# WeasyPrint lays the booklet out with Pango, in Liberation Sans (DejaVu for what it lacks).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core
pdf-libraries:
	@{ ldconfig -p | grep -q 'libpango-1.0.so.0' && ldconfig -p | grep -q 'libpangoft2-1.0.so.0' \
	   && test -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
	   && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf; } || { \
	  echo "Installing Pango and fonts for the booklet"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES); }

# Debian's chromium drives the browser tests (Playwright never downloads a browser here);
# zbarimg from zbar-tools reads the posters' QR codes back.
browser:
	@{ command -v chromium && command -v zbarimg; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and zbar-tools for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium zbar-tools; }

test: $(VENV)/.dev-installed browser pdf-libraries
	$(BIN)/python -m pytest

bench: $(VENV)/.dev-installed browser pdf-libraries
	$(BIN)/python tools/bench.py

# Lighthouse 12 (13 needs Node 22), run by make bench against Debian's chromium when present.
LIGHTHOUSE_VERSION := 12.8.2
lighthouse:
	npm install --no-save --no-audit --no-fund --prefix .cache/npm lighthouse@$(LIGHTHOUSE_VERSION)

schema: $(VENV)/.site-installed
	$(BIN)/python -m macros.schema

clean:
	rm -rf site site.partial site-* dist .pytest_cache test-artifacts .zensical*.yml .zensical-serve*
