// A correction (`correct`): new values for fields of an earlier event of the same case, with a
// reason. Pure: the ledger finds the target event (ledger/executor.cc), this checks the fields
// against its type and builds the EventCorrected event. The fold applies it (fold.h).
#pragma once

#include <cstdint>

#include "base/status.h"
#include "codec/corrected_fields.h"
#include "domain/decide.h"
#include "event.capnp.h"

namespace rmc {

// The EventCorrected draft for the event at `position`, whose payload is `target`: invalid_input
// when its type records the ledger's own decision (a case opened or reopened, a deviation, an
// erasure, a correction), or naming the field that is not of the type or does not fit it.
Result<Draft> DecideCorrection(schema::Payload::Reader target, uint64_t position,
                               const CorrectedFields& corrected);

}  // namespace rmc
