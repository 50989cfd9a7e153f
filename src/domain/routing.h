// The routekaart as a state machine (docs/routekaart.md#routing): which steps a case expects
// next. An action whose step is not expected is a deviation: refused, or recorded with a reason.
#pragma once

#include <set>
#include <string>

#include "domain/case_state.h"

namespace rmc {

// The steps whose commands are expected now (repeats of the current step included).
std::set<int> ExpectedSteps(const CaseState& state);
// The one step the case should take next (the case view's next_step); 0 when none.
int NextStep(const CaseState& state);
// Whether a command of `step` (for `close`: with `close_reason`, else -1) is on the route.
bool IsOnRoute(const CaseState& state, int step, int close_reason);
// Whether the case's triage chose the short route: target group geen, or no action required.
bool IsShortRoute(const CaseState& state);

// verzuim-18plus and vsv-dreigend imply a current enrolment (rule three-way-intake).
bool IsEnrolmentImplied(int target_group);
// Close reasons that may end a route early, from step 3 on, without a deviation.
bool IsEarlyCloseReason(int close_reason);
// Whether closing the case with this reason starts aftercare by default: doel-bereikt, and
// geen-ondersteuning-nodig once the intake was held (§4.2).
bool StartsAftercare(int close_reason, const CaseState& state);
// The verzuim route (verzuim-18plus, "geïnspireerd op de MAS"): the plan may follow the intake,
// and steps 5-7 are optional.
bool IsVerzuimRoute(const CaseState& state);

// "Waarnemen", ... for phases 1-5; "signal" .. for steps 1-13.
const char* PhaseName(int phase);
const char* StepName(int step);

}  // namespace rmc
