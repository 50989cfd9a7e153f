// Integrity (`rmc verify`, `rmc rebuild`): the hash chain, every index and every projection
// checked against the events, which are the only truth.
#pragma once

#include <string>
#include <vector>

#include "privacy/keystore.h"
#include "store/store.h"

namespace rmc {

struct VerifyReport {
  uint64_t events = 0;
  uint64_t cases = 0;
  uint64_t access_records = 0;
  uint64_t keys = 0;              // records in the keystore (CheckKeystore)
  uint64_t erasures_pending = 0;  // recorded, their key deletion still to complete
  std::vector<std::string> problems;  // empty: everything matches
};

// Walks the event chain and the access log's chain and refolds every case; reads only.
Result<VerifyReport> Verify(Store& store);

// The keystore against the ledger: every record intact; no key for a subject the ledger
// records as erased, and a key for every other subject; nothing left behind by an erasure that
// did not finish. An erasure recorded but not yet completed (Ledger::CompleteErasures: the next
// write finishes it) is counted in `erasures_pending`, not reported as a problem.
Status CheckKeystore(Store& store, const Keystore& keystore, VerifyReport& report);

// Recomputes the projections (cases, subjects) from the events. With `check_only`, compares
// and reports instead of writing.
Result<VerifyReport> Rebuild(Store& store, bool check_only);

}  // namespace rmc
