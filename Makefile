# Set-up on a fresh machine: `make demo` runs the main job, `make test` the whole test suite.
# Both install what is missing (Debian packages, as root or with sudo), configure and build.
PACKAGES := build-essential cmake ninja-build pkg-config tzdata liblmdb-dev libcapnp-dev \
  capnproto libcli11-dev libsodium-dev libsimdjson-dev nlohmann-json3-dev \
  libhowardhinnant-date-dev libgtest-dev libsqlite3-dev python3
BUILD := build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := $(BUILD)/demo-ledger

.PHONY: deps build demo test clean

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j2

clean:
	rm -rf $(BUILD)
