#include "domain/deadlines.h"

#include <algorithm>
#include <set>

#include "base/working_days.h"
#include "domain/routing.h"
#include "event.capnp.h"

namespace rmc {
namespace {

using S = CaseState;
using Channel = schema::ContactChannel;

bool IsLetter(int channel) {
  return channel == int(Channel::BRIEF) || channel == int(Channel::BRIEF_OUDERS);
}

bool IsHomeVisit(int channel) {
  return channel == int(Channel::HUISBEZOEK_AANGEKONDIGD) ||
         channel == int(Channel::HUISBEZOEK_ONAANGEKONDIGD);
}

// The day the route of a closed case ended: its closing, or the end of its aftercare.
Days EndOfRoute(const CaseState& s) {
  if (s.aftercare_ended != kNoDay) return s.aftercare_ended;
  return s.aftercare_until != kNoDay ? s.aftercare_until : s.closed_on;
}

}  // namespace

bool Reached(const ContactRecord& c) {
  return c.outcome == int(schema::ContactOutcome::BEREIKT) ||
         c.outcome == int(schema::ContactOutcome::AFSPRAAK_GEMAAKT);
}

NoContactEffort EffortSinceLastContact(const CaseState& s, Days on) {
  Days reached = kNoDay;
  for (const auto& c : s.contacts)
    if (Reached(c) && c.day <= on) reached = std::max(reached, c.day);
  NoContactEffort effort;
  std::set<Days> visit_days;
  for (const auto& c : s.contacts) {
    if (Reached(c) || c.day > on || (reached != kNoDay && c.day <= reached)) continue;
    if (effort.first == kNoDay || c.day < effort.first) effort.first = c.day;
    if (IsLetter(c.channel)) ++effort.letters;
    if (IsHomeVisit(c.channel)) visit_days.insert(c.day);
  }
  effort.visit_days = int(visit_days.size());
  return effort;
}

bool KeepsInView(const CaseState& s) {
  using R = schema::CloseReason;
  using G = schema::TargetGroup;
  if (!s.Has(S::kClosed)) return false;
  if (s.target_group == int(G::VSV_OUD))
    return s.close_reason == int(R::GEEN_CONTACT) ||
           s.close_reason == int(R::WIJST_ONDERSTEUNING_AF);
  if (s.target_group == int(G::JIKP))
    return s.close_reason != int(R::VERHUISD) && s.close_reason != int(R::LEEFTIJDSGRENS);
  return false;
}

bool InView(const CaseState& s, const Settings& cfg, Days today, const DeadlineFacts& facts) {
  return KeepsInView(s) && facts.latest_case && facts.birth &&
         EffectiveStatus(s, today) == CaseStatus::kAfgesloten &&
         today < AddYears(*facts.birth, cfg.max_age);
}

std::vector<Deadline> DeadlinesOf(const CaseState& s, const Settings& cfg, Days today,
                                  const DeadlineFacts& facts) {
  std::vector<Deadline> out;
  auto add = [&](const char* code, Days due, Days met) {
    Deadline d{code, due, met == kNoDay && today > due, met};
    out.push_back(d);
  };
  const CaseStatus status = EffectiveStatus(s, today);
  const bool open = status == CaseStatus::kOpen;
  const bool in_view = InView(s, cfg, today, facts);
  if (s.last_signal != kNoDay)  // a case closed before any pick-up needs none any more
    add("pickup", AddWorkingDays(s.last_signal, cfg.pickup_days),
        s.picked_up != kNoDay || !s.Has(S::kClosed) ? s.picked_up : s.closed_on);
  if (open && s.last_letter != kNoDay) add("letter_reply", s.last_letter + cfg.letter_reply_days, kNoDay);
  if (s.first_attempt != kNoDay) {
    // Counted from the first attempt since the youth was last reached; met when they are
    // reached again (or the case closed). A case whose last attempt reached them: that day.
    // By the dates the contacts occurred, whatever the order they were recorded in.
    std::vector<ContactRecord> by_day = s.contacts;
    std::stable_sort(by_day.begin(), by_day.end(),
                     [](const ContactRecord& a, const ContactRecord& b) { return a.day < b.day; });
    // (No contacts behind a first attempt: a damaged projection; count from what it says.)
    Days first = by_day.empty() ? s.first_attempt : by_day.front().day, met = kNoDay;
    for (const auto& c : by_day) {
      if (Reached(c)) {
        if (met == kNoDay) met = c.day;
      } else if (met != kNoDay) {
        first = c.day;
        met = kNoDay;
      }
    }
    if (met == kNoDay && s.Has(S::kClosed)) met = s.closed_on;
    add("no_contact", first + cfg.no_contact_min_days, met);
  }
  const bool vsv_oud = s.target_group == int(schema::TargetGroup::VSV_OUD);
  if (vsv_oud && (open || in_view) && s.last_signal != kNoDay) {
    // A letter and a home visit, each at least every N months: the older of the two decides.
    Days letter = s.last_signal, visit = s.last_signal;
    for (const auto& c : s.contacts) {
      if (IsLetter(c.channel)) letter = std::max(letter, c.day);
      if (IsHomeVisit(c.channel)) visit = std::max(visit, c.day);
    }
    add("oud_vsv_yearly", AddMonths(std::min(letter, visit), cfg.oud_vsv_months), kNoDay);
  }
  if (in_view && s.target_group == int(schema::TargetGroup::JIKP)) {
    // Monitoring: a contact attempt or a note of category monitoring, every N months.
    Days last = std::max(EndOfRoute(s), s.last_monitoring_note);
    for (const auto& c : s.contacts) last = std::max(last, c.day);
    add("in_beeld_check", AddMonths(last, cfg.in_beeld_months), kNoDay);
  }
  if (open && s.contact_every_days > 0 && (s.at == 9 || s.at == 10) &&
      s.plan_started_on != kNoDay) {
    Days last = s.plan_started_on;
    for (const auto& c : s.contacts) last = std::max(last, c.day);
    add("contact_due", last + s.contact_every_days, kNoDay);
  }
  if (s.aftercare_until != kNoDay && s.Has(S::kClosed))
    add("aftercare_check", s.aftercare_until,
        s.aftercare_checks > 0 ? s.aftercare_until - 1 : kNoDay);
  if (s.Has(S::kClosed) && s.Has(S::kFeedbackGiven) && !IsShortRoute(s))
    add("evaluation", s.feedback_on + cfg.evaluation_days,
        s.Has(S::kEvaluated) ? s.feedback_on : kNoDay);
  if (facts.birth && (status != CaseStatus::kAfgesloten || in_view))
    add("max_age", AddYears(*facts.birth, cfg.max_age), kNoDay);
  return out;
}

}  // namespace rmc
