# Robustness targets (issue 8), included from the top-level Makefile:
#
#   include mk/robustness.mk
#
#   make fuzz                      run every libFuzzer target for FUZZ_SECONDS each (default 600)
#   make fuzz FUZZ_TARGETS=FuzzResultReader FUZZ_SECONDS=60
#   make fuzz-build                build the fuzz targets only (Fuzz/, a separate package)
#   make sanitize                  swift test under AddressSanitizer, then ThreadSanitizer
#   make sanitize-address | sanitize-thread
#
# The fuzz targets run one at a time in a single process (the machine may be shared): libFuzzer
# writes new interesting inputs to Fuzz/corpus/<target>-work/ (gitignored; the checked-in seeds in
# Fuzz/corpus/<seed dir>/ are only read) and crashing inputs to Fuzz/artifacts/. A crash, a
# sanitizer report, an input taking longer than -timeout seconds, or a process above -rss_limit_mb
# stops the run with a non-zero status. Keep each crashing input as a regression test in
# Tests/ClearcastCLITests/Fixtures/fuzz-regressions/ (see Fuzz/README.md).

SWIFT        ?= swift
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= FuzzScenarioLoader FuzzLayerReader FuzzResultReader
# -rss_limit_mb: a malloc beyond it (or a process above it) is a finding, not a machine in swap.
# -timeout: seconds per input before it counts as a hang.
FUZZ_FLAGS   ?= -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
FUZZ_BIN     := Fuzz/.build/debug
# Seed directory of each target.
FUZZ_SEEDS_FuzzScenarioLoader := Fuzz/corpus/scenario
FUZZ_SEEDS_FuzzLayerReader    := Fuzz/corpus/layer
FUZZ_SEEDS_FuzzResultReader   := Fuzz/corpus/result
# -max_len of each target, above its largest seed (libFuzzer cuts longer seeds, and a cut JSON
# result is only ever a syntax error): scenarios and layers ~12 KB, results ~33 KB.
FUZZ_MAX_LEN_FuzzScenarioLoader := 16384
FUZZ_MAX_LEN_FuzzLayerReader    := 16384
FUZZ_MAX_LEN_FuzzResultReader   := 65536
# Extra flags of a target: the result reader gets a dictionary of the schema's field names and values.
FUZZ_EXTRA_FuzzResultReader     := -dict=Fuzz/corpus/result.dict
# Sanitizer suppressions: only leaks/races inside libraries we do not build (see each file).
LSAN_SUPPRESSIONS := $(CURDIR)/mk/lsan.supp
TSAN_SUPPRESSIONS := $(CURDIR)/mk/tsan.supp

.PHONY: fuzz fuzz-build $(FUZZ_RUNS) sanitize sanitize-address sanitize-thread

# Not `--sanitize=fuzzer --sanitize=address`: SwiftPM passes those as two -sanitize= flags and
# swiftc keeps only the last one, so a build had either no coverage or no ASan (seen with 6.3.1).
# One combined flag gives both; C dependencies (libyaml in Yams) get coverage and ASan too.
# --sanitize=fuzzer stays so SwiftPM links the executables for libFuzzer's main (no <target>_main alias);
# the -Xswiftc flag comes after it on every command line, so it is the one swiftc keeps.
FUZZ_BUILD_FLAGS ?= --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address

fuzz-build:
	$(SWIFT) build --package-path Fuzz --scratch-path Fuzz/.build $(FUZZ_BUILD_FLAGS)

# One target after the other (each prerequisite in order; do not run this with make -j).
FUZZ_RUNS := $(addprefix fuzz-run-,$(FUZZ_TARGETS))

fuzz: $(FUZZ_RUNS)

$(FUZZ_RUNS): fuzz-run-%: fuzz-build
	@test -n "$(FUZZ_SEEDS_$*)" || { echo "unknown fuzz target $*; expected one of FuzzScenarioLoader FuzzLayerReader FuzzResultReader" >&2; exit 2; }
	@mkdir -p Fuzz/artifacts Fuzz/corpus/$*-work
	@echo "== $* for $(FUZZ_SECONDS) s (seeds: $(FUZZ_SEEDS_$*))"
	$(FUZZ_BIN)/$* $(FUZZ_FLAGS) -max_len=$(FUZZ_MAX_LEN_$*) $(FUZZ_EXTRA_$*) -max_total_time=$(FUZZ_SECONDS) \
		-artifact_prefix=Fuzz/artifacts/$*- Fuzz/corpus/$*-work $(FUZZ_SEEDS_$*)

sanitize: sanitize-address sanitize-thread

# LeakSanitizer runs at exit of the test process and of every clearcast the CLI tests spawn.
sanitize-address:
	LSAN_OPTIONS="suppressions=$(LSAN_SUPPRESSIONS) $(LSAN_OPTIONS)" \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

# The Monte Carlo tests (ClearanceModelTests.MonteCarloTests) run replications on 2 threads.
sanitize-thread:
	TSAN_OPTIONS="suppressions=$(TSAN_SUPPRESSIONS) $(TSAN_OPTIONS)" \
		$(SWIFT) test --sanitize=thread --scratch-path .build-tsan
