// CaseState <-> the stored CaseProjection (schema/projection.capnp).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/case_state.h"

namespace rmc {

std::string EncodeCaseState(const CaseState& state);
// A ledger_error when the bytes are not a projection (a damaged `cases` database).
Result<CaseState> DecodeCaseState(std::string_view bytes);
// A ledger_error naming the first day of `state` that is neither kNoDay nor a date the ledger
// holds (clock.h; the end of aftercare up to five years later): every stored day comes from a
// checked time, and deadlines are computed from them.
Status CheckStoredDays(const CaseState& state);

}  // namespace rmc
