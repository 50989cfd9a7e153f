// The retention rule (docs/routekaart.md#retention): whether a subject's
// personal data is due for erasure on a given day. Pure: the subject's case states, their birth
// date, the settings and the day in; no store, no keys, no clock.
//
// A subject is due once both conditions have passed:
//  - age: `retention_after_age_years` after their `max_age` birthday;
//  - end: `retention_after_end_years` after the day their last case ended;
// and never while any of their cases is open or in aftercare on that day. A condition passes
// on its date, the anniversary itself: a subject is due from the later of the two dates on.
//
// A birth date that is unknown (never given, or given only in a sealed field of an erased
// subject) cannot hold erasure back: keeping data longer because a field is missing would turn
// data minimisation around. Then the end condition alone decides, and the result says so.
// Consequence for callers: a subject that is not due without a birth date is not due with one,
// so the birth date (a sealed personal field) need only be read for subjects due without it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case_state.h"
#include "domain/settings.h"

namespace rmc {

struct RetentionDue {
  std::string last_case;     // the case that ended last
  Days ended = kNoDay;       // the day it ended
  Days end_passed = kNoDay;  // ended + retention_after_end_years
  Days age_passed = kNoDay;  // max_age birthday + retention_after_age_years; kNoDay: unknown
  Days passed = kNoDay;      // the later of end_passed and age_passed: due from this day on

  bool birth_date_unknown() const { return age_passed == kNoDay; }
};

// The day `state` ended, seen on `today`: kNoDay while it is open or in aftercare. A case
// closed without aftercare ended on its closing day; with aftercare, on the last day of the
// aftercare (aftercare_until), or on the day aftercare_end ended it when that came first (never
// before the closing day); a case ended by aftercare_end alone, on that day.
Days CaseEnded(const CaseState& state, Days today);

// The day the age condition passes for a subject born on `birth`.
Days AgeConditionPasses(Days birth, const Settings& settings);

// When the subject with `cases` (all their cases, any order) and `birth` (nothing: unknown) is
// due for erasure on `today`: the dates that make it so, or nothing when it is not due (yet),
// a case is open or in aftercare, or there are no cases.
std::optional<RetentionDue> RetentionDueOn(const std::vector<CaseState>& cases,
                                           std::optional<Days> birth, const Settings& settings,
                                           Days today);

}  // namespace rmc
