// The fuzz targets: each takes arbitrary bytes and must return, whatever they are, without a
// crash, an abort, an uncaught exception or a sanitizer report; where a target can check more of
// the contract cheaply, it aborts when that breaks. libFuzzer drives them (fuzz_main.cc, built
// with -DRMC_FUZZ=ON, `make fuzz`); the normal suite runs them on every input kept under
// tests/fuzz/corpus (fuzz_corpus_test.cc), so that whatever a fuzzer once found stays fixed.
#pragma once

#include <string_view>

namespace rmc::fuzz {

// A line of `rmc apply`: ParseCommand.
void Command(std::string_view bytes);
// The arguments of `rmc`, separated by NUL bytes: the whole CLI11 app of cli/ (BuildApp) with
// its callbacks, on a ledger that cannot be opened, so that every path stops at the open.
void CommandLine(std::string_view bytes);
// A stored event, as the readers walk it: EventView, the change feed's JSON, unsealing, the
// fold. kj::Exception, Cap'n Proto's report of a message that does not decode, is an outcome.
void Event(std::string_view bytes);
// A stored case projection: DecodeCaseState.
void Projection(std::string_view bytes);
// The data file of a keystore: Keystore::Open and key look-ups, and every record read raw.
void Keystore(std::string_view bytes);

}  // namespace rmc::fuzz
