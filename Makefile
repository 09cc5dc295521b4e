# Funnelcast: build, run, test and benchmark.
#
#   make run SCENARIO=Scenarios/single-role.yaml ARGS="--trials 2000"
#   make test BUILD_DIR=.build-tests    (a separate build folder)
#   make test-report                    (the HTML report in headless Chromium)

SWIFT ?= swift
BUILD_DIR ?= .build
SCENARIO ?= Scenarios/reference-plan.yaml
OUT ?= out
ARGS ?=

SWIFT_FLAGS = --scratch-path $(BUILD_DIR)

REPORT_OUT ?= $(OUT)/report-check

.PHONY: deps build run test test-report bench clean

deps:
	./scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

run: build
	$(BUILD_DIR)/release/funnelcast run $(SCENARIO) --out $(OUT) $(ARGS)

test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

# Renders the reference plan's report (debug build, 2000 trials) and a page
# with hand-made tornado and interventions sections in headless Chromium;
# fails on a console error or a missing or empty chart. Screenshots are left
# in $(REPORT_OUT) to look at.
test-report: deps
	./scripts/install-chromium.sh
	$(SWIFT) build $(SWIFT_FLAGS) --product funnelcast
	mkdir -p $(REPORT_OUT)
	FUNNELCAST_REPORT_SAMPLE=$(abspath $(REPORT_OUT))/sample-extras.html \
		$(SWIFT) test $(SWIFT_FLAGS) --filter HTMLReportTests/testWriteSampleWithExtras
	./scripts/test-report.sh $(BUILD_DIR)/debug/funnelcast $(REPORT_OUT) $(abspath $(REPORT_OUT))/sample-extras.html

bench: deps
	$(SWIFT) run -c release $(SWIFT_FLAGS) funnelcast-bench $(ARGS)

clean:
	rm -rf $(BUILD_DIR) $(OUT)
