// The peer's case projection as JSON (the `cases` table): every field of CaseState, so that a
// round trip is exact (dates as day numbers, times as nanoseconds, the subject id in hex). What a
// team on SQLite would store; rmc stores a Cap'n Proto CaseState (domain/state_codec.h).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/case_state.h"

namespace rmc::bench {

std::string CaseStateToJson(const CaseState& state);
// A ledger_error when `json` is not a projection.
Result<CaseState> CaseStateFromJson(std::string_view json);

}  // namespace rmc::bench
