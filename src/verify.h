// Integrity (`rmc verify`, `rmc rebuild`): the hash chain, every index and every projection
// checked against the events, which are the only truth.
#pragma once

#include <string>
#include <vector>

#include "keystore.h"
#include "store.h"

namespace rmc {

struct VerifyReport {
  uint64_t events = 0;
  uint64_t cases = 0;
  uint64_t access_records = 0;
  std::vector<std::string> problems;  // empty: everything matches
};

// Walks the event chain and the access log's chain and refolds every case; reads only.
Result<VerifyReport> Verify(Store& store);

// Erasures whose key deletion did not complete: each subject the ledger records as erased whose
// key the keystore still holds, and a key deleted but not yet rewritten out of the keystore file.
// Problems are appended to `report`; any later forget_subject of the subject completes it.
Status CheckErasedKeys(Store& store, const Keystore& keystore, VerifyReport& report);

// Recomputes the projections (cases, subjects) from the events. With `check_only`, compares
// and reports instead of writing.
Result<VerifyReport> Rebuild(Store& store, bool check_only);

}  // namespace rmc
