// Deadlines (termijnbewaking; docs/routekaart.md#deadlines): computed from the case state, the
// region settings and the clock; never stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case_state.h"
#include "domain/settings.h"

namespace rmc {

struct Deadline {
  std::string code;  // pickup, letter_reply, no_contact, oud_vsv_yearly, aftercare_check, ...
  Days due = kNoDay;
  bool overdue = false;  // not met and past its due date
  Days met = kNoDay;     // when it was met (late when after due)
};

// The case's deadlines on `today`. `birth` (from sealed data) adds max_age when known.
std::vector<Deadline> DeadlinesOf(const CaseState& state, const Settings& settings, Days today,
                                  std::optional<Days> birth);

}  // namespace rmc
