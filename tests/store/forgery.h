// What a careful forger with write access to the files does, for tests that must catch him.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace rmc::testing {

// Changes the actor of the event at `position`, then recomputes the prevHash of every later
// event and the head in meta, so that the hash chain is whole again and `rmc verify` passes.
Status RewriteAndRechain(Store& store, uint64_t position, const std::string& actor);
// The same with any change to the event.
Status RewriteAndRechain(Store& store, uint64_t position,
                         const std::function<void(schema::Event::Builder)>& change);

// Damage, not forgery: stores `bytes` as the entry at `position` of the chained log `db`
// ("events" or "access"), as they are (no rechaining).
Status WriteRawEntry(Store& store, const char* db, uint64_t position, std::string_view bytes);

// The same in the access log (its head is read from its last record: nothing in meta), so that
// a read looks as if someone else had done it.
Status RewriteAccessAndRechain(Store& store, uint64_t position, const std::string& actor);

}  // namespace rmc::testing
