// The filter language of a bundle export (docs/selecting-cases.md): terms FIELD OP VALUE,
// separated by spaces, all required, e.g. "status=afgesloten closed>=2026-01-01 deviations>=1".
// Parsing and matching are pure: a selection sees only CaseFacts, a few plain values drawn from a
// case state, so it needs neither the ledger nor the clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/case_state.h"

namespace rmc {

// The route a case is on in its current walk (since it was last reopened): kLang once any of
// steps 4-10 is done or its triage chose the full route, kKort when its triage chose the short
// route and none of steps 4-10 is done, kNone before triage.
enum class Route { kNone, kKort, kLang };

// What a selection can ask of one case. A value may be missing: target_group -1 (not triaged),
// closed kNoDay (not closed), route kNone, right_decision -1 (not evaluated).
struct CaseFacts {
  CaseStatus status = CaseStatus::kOpen;
  int target_group = -1;  // schema::TargetGroup
  Days opened = kNoDay;   // the local date the case was opened
  Days closed = kNoDay;   // the date it was closed (also while in aftercare)
  int step = 0;           // the highest step done, as `step` in the case view
  int deviations = 0;     // route deviations and rule overrides, as listed in the case view
  Route route = Route::kNone;
  int right_decision = -1;  // schema::RightDecision
};

// The facts of `state` on `today` (the status is EffectiveStatus). `right_decision` is that of
// the case's latest evaluation (CaseEvaluated), -1 when it has none: the case state does not
// keep it.
CaseFacts FactsOf(const CaseState& state, Days today, int right_decision);

enum class SelectField {
  kStatus,
  kTargetGroup,
  kOpened,
  kClosed,
  kStep,
  kDeviations,
  kRoute,
  kRightDecision
};
enum class SelectOp { kEq, kNe, kLt, kLe, kGt, kGe };

struct SelectTerm {
  SelectField field;
  SelectOp op;
  std::optional<int64_t> value;  // as in CaseFacts (an enum as its number); nullopt: `none`
};

struct Selection {
  std::vector<SelectTerm> terms;  // never empty
};

// Longer expressions are refused: a real one is a few terms.
constexpr size_t kMaxSelectionLength = 4096;

// Parses EXPR. Errors: kUsage, "--select: column N: <what was found>; expected <what>", N the
// 1-based column where the error starts. Messages quote only printable ASCII from `expr`, at
// most 40 characters of it.
Result<Selection> ParseSelection(std::string_view expr);

// Whether the case meets every term. A term on a missing value matches only with != (and
// FIELD=none matches exactly the missing ones): != is always the negation of =.
bool Matches(const Selection& selection, const CaseFacts& facts);

}  // namespace rmc
