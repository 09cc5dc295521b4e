# Funnelcast: build, run, test and benchmark.
#
#   make run SCENARIO=Scenarios/single-role.yaml ARGS="--trials 2000"
#   make test BUILD_DIR=.build-tests    (a separate build folder)
#   make fuzz                           (100,000 mutated scenarios, release build)

SWIFT ?= swift
BUILD_DIR ?= .build
SCENARIO ?= Scenarios/reference-plan.yaml
OUT ?= out
ARGS ?=

SWIFT_FLAGS = --scratch-path $(BUILD_DIR)

.PHONY: deps build run test fuzz bench clean

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

run: build
	$(BUILD_DIR)/release/funnelcast run $(SCENARIO) --out $(OUT) $(ARGS)

test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

# The scenario fuzzer at full strength: FUZZ_COUNT mutated copies of
# Scenarios/*.yaml through the loader and, for those that load, 2 trials.
# `make test` runs it too, with 5,000 inputs in a debug build.
FUZZ_COUNT ?= 100000
FUZZ_SEED ?= 20270301

fuzz: deps
	FUNNELCAST_FUZZ_COUNT=$(FUZZ_COUNT) FUNNELCAST_FUZZ_SEED=$(FUZZ_SEED) \
		$(SWIFT) test -c release --scratch-path $(BUILD_DIR)-release --filter FuzzTests

bench: deps
	$(SWIFT) run -c release $(SWIFT_FLAGS) funnelcast-bench $(ARGS)

clean:
	rm -rf $(BUILD_DIR) $(OUT)
