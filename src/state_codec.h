// CaseState <-> the stored CaseProjection (schema/projection.capnp).
#pragma once

#include <string>
#include <string_view>

#include "case_state.h"
#include "status.h"

namespace rmc {

std::string EncodeCaseState(const CaseState& state);
// A ledger_error when the bytes are not a projection (a damaged `cases` database).
Result<CaseState> DecodeCaseState(std::string_view bytes);

}  // namespace rmc
