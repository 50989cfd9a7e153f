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
// Records written into a real keystore (bound to kKeystoreLedgerId, with keys for
// kKeystoreRefs), then Keystore::Open, key look-ups, CheckRecords and Forget. The bytes are a
// sequence of records, each a 4-byte header (op, key size, value size as 16 bits little-endian)
// and then the key and the value; op bit 0 chooses the database (0 keys, 1 meta), bit 1 deletes
// the key instead of putting the value, bit 2 replaces the key by the subject id of
// kKeystoreRefs[key[0] % 3] (ids depend on the keystore's random pepper).
void Keystore(std::string_view bytes);
inline constexpr std::string_view kKeystoreLedgerId = "fuzz-ledger-id-0";
inline constexpr const char* kKeystoreRefs[] = {"J-1", "J-600", "J-700"};

}  // namespace rmc::fuzz
