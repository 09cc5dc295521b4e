# Funnelcast: build, run, test and benchmark.
#
#   make run SCENARIO=Scenarios/single-role.yaml ARGS="--trials 2000"
#   make test BUILD_DIR=.build-tests    (a separate build folder)

SWIFT ?= swift
BUILD_DIR ?= .build
SCENARIO ?= Scenarios/reference-plan.yaml
OUT ?= out
ARGS ?=

SWIFT_FLAGS = --scratch-path $(BUILD_DIR)

.PHONY: deps build run test bench clean

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

run: build
	$(BUILD_DIR)/release/funnelcast run $(SCENARIO) --out $(OUT) $(ARGS)

test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

bench: deps
	$(SWIFT) run -c release $(SWIFT_FLAGS) funnelcast-bench $(ARGS)

clean:
	rm -rf $(BUILD_DIR) $(OUT)
