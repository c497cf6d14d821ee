# clearcast: the two quick-start commands are `make demo` and `make test`.
# Both first install missing Debian packages (as root, or through sudo when available).

SWIFT          ?= swift
PYTHON         ?= python3
APT_PACKAGES   := libopenblas-dev liblapacke-dev libgdal-dev gdal-bin libssl-dev pkg-config python3 python3-pip
OUT            ?= out
CLEARCAST      := .build/release/clearcast
DEMO           := scenarios/demo/demo.yaml
KARABAKH       := scenarios/karabakh/baseline.yaml scenarios/karabakh/more-survey.yaml \
                  scenarios/karabakh/funding-freeze.yaml scenarios/karabakh/international-doubled.yaml \
                  scenarios/karabakh/capacity-doubled.yaml scenarios/karabakh/nearest-first.yaml \
                  scenarios/karabakh/survey-cancels-most.yaml scenarios/karabakh/capacity-doubled-more-survey.yaml \
                  scenarios/karabakh/risk-per-effort.yaml
EXPORT         := notebooks-export

BROWSER_OUT    := $(OUT)/browser
BROWSER_TITLE  := <script>alert(1)</script> & "x"

.PHONY: help deps python-deps build demo test test-browser browser-deps test-slurm ci-builds notebooks kernel-agreement bench bench-json clean

help:
	@echo "make demo       install what is missing, build in release, run the bundled scenarios (results in $(OUT)/)"
	@echo "make test       install what is missing, run the test suite, then the browser test"
	@echo "make test-browser  open the HTML briefing in headless Chromium and check it (installs chromium when missing)"
	@echo "make notebooks  regenerate the exported notebooks in $(EXPORT)/"
	@echo "make kernel-agreement  compare every bundled scenario's results across OpenBLAS kernels (minutes)"
	@echo "make sanitize   the test suite under AddressSanitizer, then ThreadSanitizer"
	@echo "make test-slurm sharded runs on a real Slurm started on localhost (installs slurm-wlm and munge as root; ~1 min)"
	@echo "make bench      run the benchmark suite (Benchmarks/, a separate package); make bench-json for JSON"

# Installs only the Debian packages that are missing; says what to run when it cannot.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
		else echo "Run as root: apt-get update && apt-get install -y$$missing" >&2; exit 1; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing >/dev/null; \
	fi
	@$(MAKE) --no-print-directory python-deps

# The tests validate results with jsonschema and notebooks with nbformat, in the python3 on PATH.
python-deps:
	@if ! $(PYTHON) -c "import jsonschema, nbformat" 2>/dev/null; then \
		echo "Installing the Python packages jsonschema and nbformat for $$(command -v $(PYTHON))"; \
		$(PYTHON) -m pip install -q jsonschema nbformat 2>/dev/null \
		|| $(PYTHON) -m pip install -q --break-system-packages jsonschema nbformat; \
	fi
	@if ! $(PYTHON) -c "import kubernetes_validate" 2>/dev/null; then \
		echo "Installing the Python package kubernetes-validate (checks the --emit k8s manifests) for $$(command -v $(PYTHON))"; \
		$(PYTHON) -m pip install -q kubernetes-validate 2>/dev/null \
		|| $(PYTHON) -m pip install -q --break-system-packages kubernetes-validate; \
	fi

build: deps
	$(SWIFT) build -c release --product clearcast

demo: build
	@mkdir -p $(OUT)
	$(CLEARCAST) validate $(DEMO)
	$(CLEARCAST) score $(DEMO) --holdout-after 2023-01-01 --out $(OUT)/demo-score.json \
		--raster $(OUT)/demo-priority.tif --hazards $(OUT)/demo-ranked.gpkg
	$(CLEARCAST) simulate $(DEMO) --out $(OUT)/demo-simulation.json --hazards $(OUT)/demo-release.gpkg
	$(CLEARCAST) report $(OUT)/demo-score.json $(OUT)/demo-simulation.json --notebook $(OUT)/demo.ipynb
	$(CLEARCAST) compare $(KARABAKH) --out $(OUT)/karabakh-comparison.json
	$(CLEARCAST) report $(OUT)/karabakh-comparison.json --notebook $(OUT)/karabakh-comparison.ipynb
	@echo
	@echo "Results are in $(OUT)/: JSON results, notebooks (.ipynb), the priority raster (.tif) and hazard layers (.gpkg)."

# check-layers: every module imports only what it declares, no lower layer depends on a higher one,
# and the clearance model builds without GDAL and OpenBLAS (scripts/check-layers.py).
test: deps
	$(PYTHON) scripts/check-layers.py
	$(SWIFT) test
	@$(MAKE) --no-print-directory test-browser

# Installs Chromium and poppler-utils (pdfinfo, pdftotext) when missing; never fails: test-browser
# says it is skipped when they are still missing.
browser-deps:
	@missing=""; for p in chromium poppler-utils; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
		if [ "$$SUDO" != none ]; then echo "Installing missing Debian packages for the browser test:$$missing"; \
			($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing >/dev/null) \
			|| echo "Could not install$$missing"; fi; \
	fi

# The HTML briefing of the committed Karabakh results in a real browser (scripts/browser-check.py):
# opened from file:// with the network off, no request may leave it and no console error occur;
# the map, every chart and the sortable table are checked, a 1280x800 screenshot and the printed PDF
# are written to $(BROWSER_OUT)/ and the PDF is read back with pdfinfo and pdftotext. The title holds
# markup, which must show as text. Skipped, saying so, where Chromium cannot be installed.
test-browser: build browser-deps
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then \
		echo "test-browser: SKIPPED: needs chromium and poppler-utils (apt-get install chromium poppler-utils)"; \
	else \
		mkdir -p $(BROWSER_OUT) && \
		$(CLEARCAST) report $(EXPORT)/karabakh/score.json $(EXPORT)/karabakh/comparison.json --quiet --title '$(BROWSER_TITLE)' \
			--html $(BROWSER_OUT)/briefing.html --pdf $(BROWSER_OUT)/briefing.pdf && \
		$(PYTHON) scripts/browser-check.py $(BROWSER_OUT)/briefing.html --areas-from scenarios/karabakh/layers/hazards.geojson \
			--min-charts 8 --title '$(BROWSER_TITLE)' --screenshot $(BROWSER_OUT)/briefing.png --pdf $(BROWSER_OUT)/briefing.pdf; \
	fi

# Sharded runs (--emit slurm) on a real Slurm started on this machine: the merged results must be
# byte-identical to the unsharded runs. Installs slurm-wlm and munge when missing (root; skips
# visibly otherwise); starts and always stops its own munged, slurmctld and slurmd.
test-slurm: deps
	bash scripts/test-slurm.sh

# What CI builds besides running the tests, so nothing rots: the release CLI with every warning an
# error (the package's own code; SwiftPM builds remote dependencies with warnings suppressed), the
# benchmark package (Benchmarks/) and the fuzz targets (Fuzz/).
ci-builds: deps
	$(SWIFT) build -c release --product clearcast -Xswiftc -warnings-as-errors --scratch-path .build-werror
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path Benchmarks/.build
	$(MAKE) fuzz-build

# The committed notebooks of the bundled scenarios; tests check that they are current.
notebooks: build
	@mkdir -p $(EXPORT)/demo $(EXPORT)/karabakh $(EXPORT)/colombia
	$(CLEARCAST) score $(DEMO) --holdout-after 2023-01-01 --reproducible --out $(EXPORT)/demo/score.json
	$(CLEARCAST) simulate $(DEMO) --reproducible --quiet --out $(EXPORT)/demo/simulation.json
	$(CLEARCAST) report $(EXPORT)/demo/score.json $(EXPORT)/demo/simulation.json --notebook $(EXPORT)/demo/demo.ipynb
	$(CLEARCAST) score scenarios/demo/learned.yaml --reproducible --out $(EXPORT)/demo/learned.json
	$(CLEARCAST) report $(EXPORT)/demo/learned.json --notebook $(EXPORT)/demo/learned.ipynb
	$(CLEARCAST) score scenarios/karabakh/baseline.yaml --reproducible --out $(EXPORT)/karabakh/score.json
	$(CLEARCAST) simulate scenarios/karabakh/backtest-2020.yaml --reproducible --quiet --out $(EXPORT)/karabakh/backtest.json
	$(CLEARCAST) compare $(KARABAKH) --reproducible --quiet --out $(EXPORT)/karabakh/comparison.json
	$(CLEARCAST) report $(EXPORT)/karabakh/score.json $(EXPORT)/karabakh/comparison.json \
		--notebook $(EXPORT)/karabakh/karabakh-comparison.ipynb
	$(CLEARCAST) report $(EXPORT)/karabakh/score.json $(EXPORT)/karabakh/comparison.json --quiet \
		--html $(EXPORT)/karabakh/karabakh-briefing.html
	@if command -v chromium >/dev/null 2>&1 || [ -n "$$CLEARCAST_CHROMIUM" ]; then \
		$(CLEARCAST) report $(EXPORT)/karabakh/score.json $(EXPORT)/karabakh/comparison.json --quiet \
			--pdf $(EXPORT)/karabakh/karabakh-briefing.pdf; \
	else echo "Skipping $(EXPORT)/karabakh/karabakh-briefing.pdf: no chromium (apt-get install chromium)"; fi
	$(CLEARCAST) calibrate scenarios/karabakh/backtest-2020.yaml --observed scenarios/karabakh/casualties-observed.csv \
		--param simulation.civilian_risk.incidents_per_year=5..120 --param simulation.civilian_risk.risk_education.effect=0.2..0.6 \
		--param simulation.civilian_risk.marking_effect=0.3..0.8 --points 200 --replications 10 \
		--reproducible --quiet --out $(EXPORT)/karabakh/casualty-calibration.json
	$(CLEARCAST) report $(EXPORT)/karabakh/backtest.json $(EXPORT)/karabakh/casualty-calibration.json \
		--observed scenarios/karabakh/backtest-observed.csv --notebook $(EXPORT)/karabakh/karabakh-backtest.ipynb
	$(CLEARCAST) plan scenarios/karabakh/baseline.yaml --types AP,AV --share 0.5 --by 2033-11-09 --reproducible --quiet \
		--out $(EXPORT)/karabakh/plan.json
	$(CLEARCAST) sensitivity scenarios/karabakh/baseline.yaml --method morris --samples 8 --replications 10 \
		--reproducible --quiet --out $(EXPORT)/karabakh/sensitivity.json
	$(CLEARCAST) calibrate scenarios/karabakh/baseline.yaml --observed scenarios/karabakh/backtest-observed.csv \
		--input "NTS cancellation share" --input "funding (all teams)" --points 100 --replications 10 \
		--reproducible --quiet --out $(EXPORT)/karabakh/calibration.json
	$(CLEARCAST) report $(EXPORT)/karabakh/plan.json $(EXPORT)/karabakh/sensitivity.json $(EXPORT)/karabakh/calibration.json \
		--notebook $(EXPORT)/karabakh/karabakh-decisions.ipynb
	for name in 2010 2015 2010-learned 2015-learned; do \
		year=$${name%%-*}; \
		$(CLEARCAST) score scenarios/colombia/antioquia-$$name.yaml --holdout-after $$((year + 1))-01-01 --reproducible \
			--out $(EXPORT)/colombia/antioquia-$$name.json && \
		$(CLEARCAST) report $(EXPORT)/colombia/antioquia-$$name.json --notebook $(EXPORT)/colombia/antioquia-$$name.ipynb || exit 1; \
	done

# Every bundled scenario under OPENBLAS_CORETYPE=Prescott, Haswell (AVX2 CPUs) and the environment's
# kernel, compared as the README's "Reproducibility" section states; prints the largest differences.
kernel-agreement: build
	CLEARCAST_KERNEL_AGREEMENT=all CLEARCAST_BINARY=$(CLEARCAST) \
		$(SWIFT) test --filter KernelIndependenceTests.bundledScenariosAgreeAcrossKernels

bench:
	$(MAKE) -C Benchmarks bench

bench-json:
	$(MAKE) -C Benchmarks bench-json

clean:
	rm -rf .build $(OUT)
include mk/robustness.mk
