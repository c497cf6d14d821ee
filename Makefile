# clearcast: the two quick-start commands are `make demo` and `make test`.
# Both first install missing Debian packages (as root, or through sudo when available).

SWIFT        ?= swift
APT_PACKAGES := libopenblas-dev liblapacke-dev libgdal-dev gdal-bin pkg-config python3
DEMO_SCENARIO ?= scenarios/demo/demo.yaml
OUT          ?= out
CLEARCAST    := .build/release/clearcast

.PHONY: deps build demo test validate clean help

help:
	@echo "make demo   install what is missing, build in release, run the default scenario (results in $(OUT)/)"
	@echo "make test   install what is missing, run the test suite"
	@echo "make bench  run the benchmark suite (Benchmarks/, a separate package)"

# Installs only the Debian packages that are missing; prints the command when it cannot.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
		else echo "Run as root: apt-get update && apt-get install -y$$missing" >&2; exit 1; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product clearcast

demo: build
	@mkdir -p $(OUT)
	$(CLEARCAST) validate $(DEMO_SCENARIO)

test: deps
	$(SWIFT) test

clean:
	rm -rf .build $(OUT)
