// The fold: apply(state, event) -> state. The one function that turns events into case state,
// used on write (inline projection), on rebuild and on replay / time travel.
#pragma once

#include "domain/case_state.h"
#include "event.capnp.h"

namespace rmc {

// Folds `event` (an event of state's case, in version order) into `state`. Pure and total:
// every event that was accepted once folds again the same way, in any later version.
void Apply(CaseState& state, schema::Event::Reader event);

}  // namespace rmc
