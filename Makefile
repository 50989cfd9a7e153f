# Set-up on a fresh machine: `make demo` runs the main job, `make test` the whole test suite
# (what CI runs): the suite, the suite again under AddressSanitizer and UndefinedBehaviorSanitizer,
# and the fuzz targets for FUZZ_SECONDS each (docs/testing.md). Each installs what is missing
# (Debian packages, as root or with sudo), configures and builds. The sanitized suite and the fuzzers
# share one checked build (clang, -DRMC_FUZZ=ON, which implies -DRMC_SANITIZE=ON): on CI's two
# cores building takes most of the time, and one checked build is cheaper than two.
PACKAGES := build-essential cmake ninja-build pkg-config tzdata liblmdb-dev libcapnp-dev \
  capnproto libcli11-dev libsodium-dev libsimdjson-dev nlohmann-json3-dev \
  libhowardhinnant-date-dev libgtest-dev libsqlite3-dev clang libclang-rt-14-dev python3 \
  chromium tmux python3-jsonschema python3-rfc3987
BUILD := build
CHECK_BUILD := build-check
FUZZ_SECONDS := 60
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := $(BUILD)/demo-ledger

.PHONY: deps build check-build demo test test-suite test-sanitize fuzz clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD)

# A ledger on the embedded default, one realistic case through all 13 steps, its view and history.
demo: build
	rm -rf $(DEMO)
	RMC_LEDGER=$(DEMO) RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=demo $(BUILD)/rmc init --region Utrecht
	grep -v '^[@?!#]' tests/scenarios/verzuim_18plus.scn | grep -v '"id":"v15".*"note"' | \
	  RMC_LEDGER=$(DEMO) RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=c.jansen $(BUILD)/rmc apply
	RMC_LEDGER=$(DEMO) RMC_NOW=2026-11-20T09:00:00Z $(BUILD)/rmc show RMC-000001 --json
	RMC_LEDGER=$(DEMO) RMC_NOW=2026-11-20T09:00:00Z $(BUILD)/rmc history RMC-000001
	RMC_LEDGER=$(DEMO) RMC_NOW=2026-11-20T09:00:00Z $(BUILD)/rmc verify

test: test-suite test-sanitize fuzz

test-suite: build
	cd $(BUILD) && ctest --output-on-failure -j2

check-build: deps
	cmake -S . -B $(CHECK_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRMC_FUZZ=ON \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null

# The whole suite, sanitized: any sanitizer report fails it.
test-sanitize: check-build
	cmake --build $(CHECK_BUILD)
	cd $(CHECK_BUILD) && ctest --output-on-failure -j2

# The libFuzzer targets (tests/fuzz/run.sh: all but the keystore's) for FUZZ_SECONDS each, from
# the kept inputs; any finding fails it and is left in $(CHECK_BUILD)/found.
fuzz: check-build
	cmake --build $(CHECK_BUILD) --target fuzz_targets
	tests/fuzz/run.sh $(CHECK_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(CHECK_BUILD)
