// The events about one youth: the events of every case of theirs (the subjects index), in log
// order. Read by the right-of-access export and the disclosures of one youth.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/store.h"

namespace rmc {

// Visits the events of `cases` in position order until `visit` returns false.
// REQUIRES: the view lives only as long as the call of `visit` (store.h, EventView).
// Errors: those of the store; ledger_error when the case index names a missing event.
Status ScanEventsOfCases(StoreTxn& txn, const std::vector<std::string>& cases,
                         const std::function<bool(EventView&)>& visit);

}  // namespace rmc
