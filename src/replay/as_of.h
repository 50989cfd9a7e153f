// Time travel: a case as it was at a global position or a recording time, by folding only
// that case's events (via case_events) up to the point asked for, with the one fold.
#pragma once

#include <string>

#include "domain/case_state.h"
#include "store/store.h"

namespace rmc {

struct AsOf {
  uint64_t position = UINT64_MAX;  // include events with position <= this
  Nanos recorded = INT64_MAX;      // include events recorded at or before this
};

// Parses "--as-of": an integer is a position, else an ISO date (the end of that day in
// Europe/Amsterdam) or time.
Result<AsOf> ParseAsOf(const std::string& text);

// The case folded from its events up to `as_of`; unknown_case when it had no events by then.
// `point_time`, when given, receives the time of that point, which the view's deadlines are
// computed against: the time asked for, or the recording time of the position asked for (the
// last event folded).
Result<CaseState> CaseAsOf(StoreTxn& txn, const std::string& case_id, const AsOf& as_of,
                           Nanos* point_time = nullptr);

}  // namespace rmc
