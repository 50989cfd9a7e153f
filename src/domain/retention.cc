#include "domain/retention.h"

#include <algorithm>

namespace rmc {

Days CaseEnded(const CaseState& state, Days today) {
  if (EffectiveStatus(state, today) != CaseStatus::kAfgesloten) return kNoDay;
  Days end = state.aftercare_until != kNoDay ? state.aftercare_until : state.closed_on;
  if (state.aftercare_ended != kNoDay)  // also a case ended by aftercare_end without a closing
    end = end == kNoDay ? state.aftercare_ended : std::min(end, state.aftercare_ended);
  return std::max(end, state.closed_on);  // an end dated before the closing: the closing
}

Days AgeConditionPasses(Days birth, const Settings& settings) {
  return AddYears(AddYears(birth, settings.max_age), settings.retention_after_age_years);
}

std::optional<RetentionDue> RetentionDueOn(const std::vector<CaseState>& cases,
                                           std::optional<Days> birth, const Settings& settings,
                                           Days today) {
  if (cases.empty()) return std::nullopt;
  RetentionDue due;
  for (const CaseState& state : cases) {
    const Days ended = CaseEnded(state, today);
    if (ended == kNoDay) return std::nullopt;  // open or in aftercare: never
    if (ended >= due.ended) due.ended = ended, due.last_case = state.case_id;
  }
  due.end_passed = AddYears(due.ended, settings.retention_after_end_years);
  due.passed = due.end_passed;
  if (birth) {
    due.age_passed = AgeConditionPasses(*birth, settings);
    due.passed = std::max(due.passed, due.age_passed);
  }
  if (today < due.passed) return std::nullopt;
  return due;
}

}  // namespace rmc
