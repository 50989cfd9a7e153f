#include "domain/deadlines.h"

#include <algorithm>

#include "base/working_days.h"
#include "event.capnp.h"

namespace rmc {

std::vector<Deadline> DeadlinesOf(const CaseState& s, const Settings& cfg, Days today,
                                  std::optional<Days> birth) {
  using S = CaseState;
  std::vector<Deadline> out;
  auto add = [&](const char* code, Days due, Days met) {
    Deadline d{code, due, met == kNoDay && today > due, met};
    out.push_back(d);
  };
  const CaseStatus status = EffectiveStatus(s, today);
  const bool open = status == CaseStatus::kOpen;
  if (s.last_signal != kNoDay)  // a case closed before any pick-up needs none any more
    add("pickup", AddWorkingDays(s.last_signal, cfg.pickup_days),
        s.picked_up != kNoDay || !s.Has(S::kClosed) ? s.picked_up : s.closed_on);
  if (open && s.last_letter != kNoDay) add("letter_reply", s.last_letter + cfg.letter_reply_days, kNoDay);
  if (s.first_attempt != kNoDay) {
    Days reached = kNoDay;
    for (const auto& c : s.contacts)
      if (reached == kNoDay && (c.outcome == int(schema::ContactOutcome::BEREIKT) ||
                                c.outcome == int(schema::ContactOutcome::AFSPRAAK_GEMAAKT)))
        reached = c.day;
    if (reached == kNoDay && s.Has(S::kClosed)) reached = s.closed_on;
    add("no_contact", s.first_attempt + cfg.no_contact_min_days, reached);
  }
  if (open && s.target_group == int(schema::TargetGroup::VSV_OUD) && s.last_signal != kNoDay) {
    // A letter and a home visit, each at least every N months: the older of the two decides.
    Days letter = s.last_signal, visit = s.last_signal;
    for (const auto& c : s.contacts) {
      auto ch = schema::ContactChannel(c.channel);
      if (ch == schema::ContactChannel::BRIEF || ch == schema::ContactChannel::BRIEF_OUDERS)
        letter = std::max(letter, c.day);
      if (ch == schema::ContactChannel::HUISBEZOEK_AANGEKONDIGD ||
          ch == schema::ContactChannel::HUISBEZOEK_ONAANGEKONDIGD)
        visit = std::max(visit, c.day);
    }
    add("oud_vsv_yearly", AddMonths(std::min(letter, visit), cfg.oud_vsv_months), kNoDay);
  }
  if (s.aftercare_until != kNoDay && s.Has(S::kClosed))
    add("aftercare_check", s.aftercare_until,
        s.aftercare_checks > 0 ? s.aftercare_until - 1 : kNoDay);
  if (s.Has(S::kClosed) && s.Has(S::kFeedbackGiven))
    add("evaluation", s.feedback_on + cfg.evaluation_days,
        s.Has(S::kEvaluated) ? s.feedback_on : kNoDay);
  if (birth && status != CaseStatus::kAfgesloten)
    add("max_age", AddYears(*birth, cfg.max_age), kNoDay);
  return out;
}

}  // namespace rmc
