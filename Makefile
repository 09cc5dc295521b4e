# Funnelcast: build, run, test and benchmark.
#
#   make run SCENARIO=Scenarios/single-role.yaml ARGS="--trials 2000"
#   make test BUILD_DIR=.build-tests    (a separate build folder)
#   make test-report                    (the HTML report in headless Chromium)
#   make fuzz                           (100,000 mutated scenarios, release build)
#   make test-sanitize                  (the parallel runner under TSan and ASan)
#   make install PREFIX=$$HOME/.local   (funnelcast into PREFIX/bin, the docs into PREFIX/share/doc)
#   make test-slurm                     (shards on a one-node Slurm cluster, merged)

SWIFT ?= swift
BUILD_DIR ?= .build
SCENARIO ?= Scenarios/reference-plan.yaml
OUT ?= out
ARGS ?=

SWIFT_FLAGS = --scratch-path $(BUILD_DIR)

# The tests run on an optimized build with @testable imports allowed: the
# suite's trials and its fuzzer then take about a quarter of a debug
# build's time, and `make test-report` and `make test-slurm` reuse that
# build: they build with --build-tests (a build of the products alone
# compiles every module again, with other flags), which has funnelcast
# too. `make build` and `make run` build without -enable-testing (the
# fastest binary), so after `make test` they rebuild once. Debug-only
# checks (`assert`, `#if DEBUG`: the engine's release-count check, the
# event queue's times, the schema's field lists) run in `make
# test-sanitize`, which stays a debug build, and in `make test-debug`.
TEST_FLAGS = -c release -Xswiftc -enable-testing $(SWIFT_FLAGS)
TEST_FUZZ_COUNT ?= 20000

REPORT_OUT ?= $(OUT)/report-check

.PHONY: deps build run test test-debug test-report fuzz test-sanitize test-slurm bench clean install uninstall

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DOCDIR ?= $(PREFIX)/share/doc/funnelcast

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

run: build
	$(BUILD_DIR)/release/funnelcast run $(SCENARIO) --out $(OUT) $(ARGS)

# Every test on the release build (TEST_FLAGS), the fuzzer with
# TEST_FUZZ_COUNT inputs; `make test-debug` runs them on a debug build.
test: deps
	FUNNELCAST_FUZZ_COUNT=$(TEST_FUZZ_COUNT) $(SWIFT) test $(TEST_FLAGS)

test-debug: deps
	$(SWIFT) test --scratch-path $(BUILD_DIR)-debug

# Renders the reference plan's report (the tests' release build, 2000 trials) and a page
# with hand-made tornado and interventions sections in headless Chromium;
# fails on a console error or a missing or empty chart. Screenshots are left
# in $(REPORT_OUT) to look at.
test-report: deps
	./scripts/install-chromium.sh
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	mkdir -p $(REPORT_OUT)
	FUNNELCAST_REPORT_SAMPLE=$(abspath $(REPORT_OUT))/sample-extras.html \
		$(SWIFT) test $(TEST_FLAGS) --filter HTMLReportTests/testWriteSampleWithExtras
	./scripts/test-report.sh $(BUILD_DIR)/release/funnelcast $(REPORT_OUT) $(abspath $(REPORT_OUT))/sample-extras.html

# Shards on a real scheduler (docs/scale-out.md): a one-node Slurm cluster in
# a temporary folder (slurm-wlm and munge installed when missing, as root),
# 4 shards of the reference plan and a 3-shard Sobol study submitted with
# deploy/slurm/submit.sh, merged, compared byte for byte with unsharded runs;
# the daemons stopped after. On the tests' release build; BUILD=debug for a
# debug one.
test-slurm: deps
	BUILD=$(or $(BUILD),release) SWIFT_BUILD_FLAGS="$(SWIFT_FLAGS) $(if $(filter debug,$(BUILD)),,-Xswiftc -enable-testing)" \
		SWIFT_BUILD_WHAT=--build-tests ./scripts/test-slurm.sh

# The scenario fuzzer at full strength: FUZZ_COUNT mutated copies of
# Scenarios/*.yaml through the loader and, for those that load, 2 trials.
# `make test` runs it too, with TEST_FUZZ_COUNT (20,000) inputs.
FUZZ_COUNT ?= 100000
FUZZ_SEED ?= 20270301

fuzz: deps
	FUNNELCAST_FUZZ_COUNT=$(FUZZ_COUNT) FUNNELCAST_FUZZ_SEED=$(FUZZ_SEED) \
		$(SWIFT) test -c release --scratch-path $(BUILD_DIR)-release --filter FuzzTests

# ThreadSanitizer and AddressSanitizer on the tests that run trials in
# parallel (the runner, the CLI, interrupts), that cross into C (GSL, the
# Philox generator, libyaml's event parser), the event queue (raw memory it
# manages itself), the tests' process runner (a thread per pipe) and a short
# fuzz on 2 threads. FUNNELCAST_SANITIZER tells the tests which sanitizer runs:
# they skip their wall-clock limits under it (TestSupport's XCTAssertElapsed).
# Each sanitizer builds in its own folder. Leaks that XCTest and Foundation
# leave at exit are suppressed (scripts/lsan-suppressions.txt).
SANITIZE_TESTS ?= ProcessRunnerTests|EventQueueTests|ForecastBuilderTests|RunLimitsTests|DegenerateValueTests|FaultTests|RunCommandTests|GSLNeverAbortsTests|GSLErrorTests|RandomStreamTests|YAMLEdgeCaseTests|ScenarioFuzzTests
SANITIZE_FUZZ_COUNT ?= 400

test-sanitize: deps
	FUNNELCAST_SANITIZER=thread FUNNELCAST_FUZZ_COUNT=$(SANITIZE_FUZZ_COUNT) $(SWIFT) test --sanitize=thread \
		--scratch-path $(BUILD_DIR)-tsan --filter '$(SANITIZE_TESTS)'
	FUNNELCAST_SANITIZER=address FUNNELCAST_FUZZ_COUNT=$(SANITIZE_FUZZ_COUNT) \
		LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt $(SWIFT) test --sanitize=address \
		--scratch-path $(BUILD_DIR)-asan --filter '$(SANITIZE_TESTS)'

# The release binary into BINDIR (it needs no files beside it; GSL is a
# shared library of the system), README and the model's contract into DOCDIR.
install: build
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(BUILD_DIR)/release/funnelcast $(DESTDIR)$(BINDIR)/funnelcast
	install -m 644 README.md docs/MODEL.md docs/model.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/funnelcast
	rm -rf $(DESTDIR)$(DOCDIR)

bench: deps
	$(SWIFT) run -c release $(SWIFT_FLAGS) funnelcast-bench $(ARGS)

clean:
	rm -rf $(BUILD_DIR) $(OUT)
