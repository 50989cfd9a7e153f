// The figures an RMC coordinator reports (`rmc stats`; docs/commands.md): counts over every
// case, as of one day, in one pass over the stored case projections. Pseudonymous by
// construction: a projection holds no personal data, so nothing is unsealed, and a case whose
// subject was erased is counted like any other. Nothing here knows LMDB or the terminal.
#pragma once

#include <capnp/common.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "codec/json_render.h"
#include "domain/case_state.h"
#include "domain/settings.h"
#include "projection.capnp.h"

namespace rmc {

// Sizes of the code lists counted (schema/enums.capnp; checked in stats.cc).
constexpr int kTargetGroupCount = 6;
constexpr int kJikpPerspectiveCount = 3;
constexpr int kSignalChannelCount = 10;
constexpr int kCloseReasonCount = 6;
constexpr int kStepCount = 13;

// Report quality (§1.2; docs/routekaart.md#minimal-information-for-a-judgement): triaged cases
// and the minimal-information items they lack.
struct InfoQuality {
  uint64_t triaged = 0;
  uint64_t incomplete = 0;                         // triaged with at least one item missing
  std::array<uint64_t, kInfoItemCount> missing{};  // per item, as InfoItemMissing
};

struct Stats {
  Days today = kNoDay;
  uint64_t cases = 0;
  std::array<uint64_t, 3> status{};  // by CaseStatus on `today` (EffectiveStatus)
  // By schema::TargetGroup; the last entry: not triaged yet. All cases, and the open ones.
  std::array<uint64_t, kTargetGroupCount + 1> target_group{}, open_target_group{};
  std::array<uint64_t, 6> open_phase{};              // open cases by phase 1-5 (index 0 unused)
  std::array<uint64_t, kStepCount + 1> open_step{};  // open cases by step 1-13 (highest done)
  uint64_t closed = 0;  // closed on the current round (a reopened case is open again)
  std::array<uint64_t, kCloseReasonCount> close_reason{};
  uint64_t reopened_cases = 0, reopenings = 0;
  uint64_t deviating_cases = 0;                   // cases with at least one deviation
  std::map<std::pair<int, int>, uint64_t> route;  // StepDeviated: (from, to) -> count
  std::map<std::string, uint64_t> rules;          // overridden rule -> count
  // Cases by the channel of their first signal; the last entry: unknown (no signal, or a
  // projection written before the channel was projected, until `rmc rebuild`).
  std::array<uint64_t, kSignalChannelCount + 1> channel{};
  InfoQuality quality;
  std::array<InfoQuality, kSignalChannelCount + 1> quality_by_channel;
  uint64_t jikp = 0;
  std::array<uint64_t, kJikpPerspectiveCount + 1> jikp_perspective{};  // the last: none given
  uint64_t absence = 0;                 // a signal carried an absence kind
  uint64_t verzuim_18plus_absence = 0;  // ... and the case is verzuim-18plus
  uint64_t contact_attempted = 0;       // at least one contact attempt
  uint64_t contact_reached = 0;         // ... of which one reached the youth
  uint64_t pickup_overdue = 0;          // the pickup deadline (deadlines.h) overdue on `today`
};

// Counts cases into a Stats, one stored projection at a time.
class StatsCounter {
 public:
  // `settings` (the pickup deadline) must outlive the counter.
  StatsCounter(Days today, const Settings& settings);

  // Counts the case whose projection (a CaseProjection message, as stored in `cases`) is
  // `bytes`. The bytes are read in place when 8-byte aligned, else copied into a buffer kept
  // between calls; they need to live only during the call. A ledger_error when they are not a
  // projection: the figures are then incomplete and must not be reported.
  Status Add(std::string_view bytes);
  // Counts one case from its projection reader; a damaged message throws kj::Exception (the
  // overload above turns that into a ledger_error).
  void Add(schema::CaseProjection::Reader projection);

  const Stats& stats() const { return stats_; }

 private:
  const Settings& settings_;
  Stats stats_;
  std::vector<uint64_t> buffer_;  // an unaligned projection's words (StoredMessage's scratch)
};

// The figures as the JSON object of `rmc stats --json`: snake_case keys, codes as in commands
// (docs/commands.md lists every key). Every code of a list is present, with 0 when unused.
Json StatsJson(const Stats& stats);

}  // namespace rmc
