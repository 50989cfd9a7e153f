// The state of one case: what the fold (fold.h) derives from its events, and all that routing
// and the rules need to decide the next command. Holds no personal data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"

namespace rmc {

constexpr Days kNoDay = -1;

enum class CaseStatus { kOpen, kNazorg, kAfgesloten };

struct ContactRecord {
  uint64_t position = 0;
  Days day = kNoDay;
  int channel = 0;  // schema::ContactChannel
  int outcome = 0;  // schema::ContactOutcome
};

struct ConsentRecord {
  enum Kind { kGiven, kRefused, kWithdrawn };
  uint64_t position = 0;
  Kind kind = kGiven;
  std::vector<std::string> partners;    // "*" covers every partner
  std::vector<std::string> categories;  // empty on a withdrawal: every category
  Days valid_until = kNoDay;
  Days day = kNoDay;
};

struct DeviationRecord {
  uint64_t position = 0;
  int from_step = 0, to_step = 0;  // both 0 for a rule override
  std::string rule;                // "route-order" or the overridden rule
  std::string reason, actor;
  Nanos at = 0;
};

struct CaseState {
  enum Flag : uint32_t {
    kIntakeScheduled = 1 << 0,
    kIntakeHeld = 1 << 1,
    kAssessed = 1 << 2,
    kConsentAsked = 1 << 3,
    kInquiryCompleted = 1 << 4,
    kPlanned = 1 << 5,
    kPlanStarted = 1 << 6,
    kMonitored = 1 << 7,
    kClosed = 1 << 8,
    kFeedbackGiven = 1 << 9,
    kEvaluated = 1 << 10,
    kStuck = 1 << 11,        // the latest monitor said vastgelopen
    kStuckLast = 1 << 12,    // ... and no route step came after it (rule stuck-close)
    kRevisiting = 1 << 13,   // a step 4-8 revisited after being stuck
    kActionRequired = 1 << 14,
    kEnrolled = 1 << 15,     // the latest signal or review that said so: enrolled
    kAbsence = 1 << 16,      // a signal carried an absence kind
    kTriaged = 1 << 17,
    kAftercareEnded = 1 << 18,
    kDirectReport = 1 << 19,  // a signal came as a direct report (§1.1 a)
    kThreeWayOverridden = 1 << 20,  // the intake was scheduled overriding three-way-intake
    kSchoolReviewed = 1 << 21,  // a review recorded the school contact and its measures
  };

  std::string case_id;
  uint32_t version = 0;
  std::string subject;  // pseudonymous subject id
  CaseStatus status = CaseStatus::kOpen;
  int step = 0;  // highest step done
  int at = 0;    // the route step last performed
  uint16_t steps_done = 0;  // bit i: step i done (since the case was last reopened)
  uint32_t flags = 0;
  int target_group = -1;  // schema::TargetGroup
  int jikp_perspective = -1;
  uint8_t info_present = 0;  // bit i: minimal-information item i+1 of §1.2
  std::string consulent;
  Nanos opened_at = 0;
  Days last_signal = kNoDay;
  Days picked_up = kNoDay;
  Days first_attempt = kNoDay;
  Days last_letter = kNoDay;  // a letter not yet followed by a home visit or a reply
  Days closed_on = kNoDay;
  int close_reason = -1;  // schema::CloseReason
  Days aftercare_until = kNoDay;
  Days aftercare_ended = kNoDay;  // the day AftercareEnded ended the aftercare; none: not ended
  int aftercare_checks = 0;
  Days feedback_on = kNoDay;
  Days last_monitoring_note = kNoDay;  // the latest note of category monitoring
  int contact_every_days = 0;          // the plan's contact frequency; 0: none agreed
  Days plan_started_on = kNoDay;
  int reopened = 0;
  int first_channel = -1;  // schema::SignalChannel of the first signal: where the case came from
  uint64_t last_position = 0;
  std::vector<uint64_t> signals;
  std::vector<ContactRecord> contacts;
  std::vector<ConsentRecord> consents;
  std::vector<DeviationRecord> deviations;
  std::vector<uint64_t> corrections;

  bool Has(Flag f) const { return flags & f; }
  void Set(Flag f, bool on = true) { flags = on ? (flags | f) : (flags & ~uint32_t(f)); }
  bool operator==(const CaseState&) const = default;
};

bool operator==(const ContactRecord&, const ContactRecord&);
bool operator==(const ConsentRecord&, const ConsentRecord&);
bool operator==(const DeviationRecord&, const DeviationRecord&);

// The status on `today`: a case in aftercare whose aftercare_until has passed is afgesloten
// (docs/routekaart.md#closing-and-aftercare: computed from the clock, no event needed).
CaseStatus EffectiveStatus(const CaseState& state, Days today);
const char* StatusName(CaseStatus status);
// The minimal information for a judgement (§1.2), items 1-7 as bits 0-6 of info_present.
constexpr int kInfoItemCount = 7;
// "reason", "partner_actions", ... : the item's name in the case view and on Triaged.
const char* InfoItemName(int item);
// Whether item 0-6 is asked of this case: the absence overview only about absence, the
// reporter's expectation only for a direct report.
bool InfoItemApplies(const CaseState& state, int item);
// Whether the item is asked and not present.
bool InfoItemMissing(const CaseState& state, int item);

// Phase 1-5 of a step (1 before any step).
int PhaseOf(int step);

}  // namespace rmc
