// A stored case projection: decoded, and what `rmc list`, `rmc due` and the routing compute from
// it; and counted as `rmc stats` counts it, straight from the bytes. A projection that decodes
// encodes back to itself.
#include <cstdlib>

#include "domain/case_state.h"
#include "domain/deadlines.h"
#include "domain/routing.h"
#include "domain/state_codec.h"
#include "domain/stats.h"
#include "targets.h"

namespace rmc::fuzz {

void Projection(std::string_view bytes) {
  const Days today = 20'777;  // 2026-11-20
  const Settings settings;
  StatsCounter counter(today, settings);
  if (auto s = counter.Add(bytes); !s.ok() && s.code() != Code::kLedgerError) std::abort();

  auto state = DecodeCaseState(bytes);
  if (!state.ok()) {
    if (state.status().code() != Code::kLedgerError) std::abort();
    return;
  }
  auto again = DecodeCaseState(EncodeCaseState(*state));
  if (!again.ok() || !(*again == *state)) std::abort();

  StatusName(EffectiveStatus(*state, today));
  DeadlinesOf(*state, settings, today, {});
  NextStep(*state);
  ExpectedSteps(*state);
  PhaseOf(state->step);
  StepName(state->step);
  for (int item = 0; item < kInfoItemCount; ++item) InfoItemMissing(*state, item);
}

}  // namespace rmc::fuzz
