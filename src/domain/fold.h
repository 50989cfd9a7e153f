// The fold: apply(state, event) -> state. The one function that turns events into case state,
// used on write (inline projection), on rebuild and verify, and on replay / time travel.
#pragma once

#include "base/status.h"
#include "domain/case_history.h"
#include "domain/case_state.h"
#include "event.capnp.h"

namespace rmc {

// Folds `event` (an event of state's case, in version order) into `state`, the fold of the
// case's events before it. Deterministic and total: every event that was accepted once folds
// again the same way, in any later version.
//
// A correction (EventCorrected) changes the past, so it folds the case again from its first
// event, read through `history` (the events before the correction): each corrected event folds
// with the fields its corrections up to this one name replaced by their corrected values
// (MergeCorrection, correction.h; for one field the later correction wins), and the correction
// itself is listed in state.corrections. A fold up to a position before a correction therefore
// shows the event as first recorded. Only a correction reads `history`; an error comes only
// from there, and then `state` is left as it was.
Status Apply(CaseState& state, schema::Event::Reader event, CaseHistory& history);

}  // namespace rmc
