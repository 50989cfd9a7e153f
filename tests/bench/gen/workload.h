// What the route walk writes and main merges: the command types, a command's place in its
// cohort's arena, the options, and the statistics reported at the end.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "calendar.h"
#include "vocabularies.h"

namespace rmc::gen {

enum Type {
  kSignal, kReview, kTriage, kContact, kIntakeScheduled, kIntake, kAssessment, kConsent,
  kConsentWithdrawn, kShare, kInquiry, kPlan, kPlanRevised, kPlanStarted, kMonitor, kClose,
  kAftercareCheck, kAftercareEnd, kFeedback, kEvaluation, kNote, kAssign, kTypeCount
};
inline constexpr sv kTypeNames[] = {"signal", "review", "triage", "contact", "intake_scheduled",
                             "intake", "assessment", "consent", "consent_withdrawn", "share",
                             "inquiry_completed", "plan", "plan_revised", "plan_started",
                             "monitor", "close", "aftercare_check", "aftercare_end",
                             "feedback", "evaluation", "note", "assign"};

enum Addr : uint8_t { kByCase, kBySubject, kOpens, kAttaches };

struct Cmd {
  int32_t day;
  uint32_t kase;  // index of the case in its cohort
  uint32_t off, len;
  uint8_t type, addr;
};

enum Deviation {
  kNoDeviation, kTriageNoReview, kSkipInquiry, kIntakeNoSchool, kPlanNoDirector,
  kNoContactEarly, kStuckClose, kCloseAfterIntake, kReviewNoSchool, kEvalFirst, kDevCount
};

enum CloseReason {
  kDoelBereikt, kGeenOndersteuning, kGeenContact, kVerhuisd, kLeeftijdsgrens, kGeenDoelgroep,
  kCloseCount
};
inline constexpr sv kCloseReasons[] = {"doel-bereikt", "geen-ondersteuning-nodig", "geen-contact",
                                "verhuisd", "leeftijdsgrens", "geen-rmc-doelgroep"};

struct Options {
  uint64_t cases = 1000;
  uint64_t seed = 1;
  int now = DaysFromCivil(2026, 11, 20);
  int start = DaysFromCivil(2024, 1, 1);
  const char* out = nullptr;
  uint64_t cohort = 1000;
  uint64_t first_case = 1;
  uint64_t first_ref = 1;
};

struct Stats {
  uint64_t cases = 0, commands = 0, bytes = 0, by_subject = 0;
  uint64_t tg[kTgCount] = {};
  uint64_t types[kTypeCount] = {};
  uint64_t closes[kCloseCount] = {};
  uint64_t deviations[kDevCount] = {};
  uint64_t reopened = 0, stuck = 0, in_progress = 0, refused_consent = 0, age_overrides = 0;
};

struct Cohort {
  std::string arena;
  std::vector<Cmd> cmds;
};

// Days of margin between --now and an aftercare end date for the generator to rely on a case
// being in aftercare by the ledger's clock (reopening, addressing by subject): the ledger's
// clock may be a little later than --now.
inline constexpr int kClockMargin = 30;

}  // namespace rmc::gen
