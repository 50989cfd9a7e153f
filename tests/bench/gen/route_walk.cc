// The routes a walk takes: the short route, closing without contact, the full route with its
// detours (no-show, stuck, reopened), and aftercare.
#include <algorithm>
#include <cstdio>

#include "route_walk.h"

namespace rmc::gen {

void Walk::AfterEarlyClose(const sv* pool, size_t n) {
  if (stopped_) return;
  if (r_.Chance(0.9)) {
    Advance(1, 21);
    Feedback(pool, n);
    if (r_.Chance(0.55)) {
      Advance(1, 45);
      Evaluation({});
    }
  }
}

void Walk::ShortRoute() {
  // triage geen, or no action required: feedback (12), then close (11) without aftercare.
  if (r_.Chance(0.3)) {
    Advance(0, 3);
    Contact(kTelefoon, r_.Chance(0.7) ? "bereikt"sv : "niet-bereikt"sv, kContactOk, std::size(kContactOk));
  }
  MaybeNote(0.15);
  Advance(1, 10);
  if (young_) Feedback(kFeedbackShort, 1);
  else if (tg_ == kGeen) Feedback(kFeedbackShort + 1, 1);
  else Feedback(kFeedbackShort + 2, 1);
  Advance(0, 5);
  CloseCase(tg_ == kGeen ? kGeenDoelgroep : kGeenOndersteuning, {});
  if (r_.Chance(0.45)) {
    Advance(1, 30);
    Evaluation({});
  }
}

void Walk::NoContact(bool early) {
  // Closing without contact (§4.2): a letter and home visits on two different days, the
  // first attempt at least no_contact_min_days (28) before the closing; or, with a reason,
  // less (rule no-contact-effort).
  Advance(0, 5);
  const int first = day_;
  Contact(kBrief, "geen-reactie", kContactFail, std::size(kContactFail));
  if (early) {
    Advance(5, 10);
    Contact(kHuisbezoekA, "niet-thuis", kContactFail, std::size(kContactFail));
    Advance(2, 8);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kGeenContact, r_.Pick(kWhyNoContactEarly));
    AfterEarlyClose(kFeedbackNoContact, std::size(kFeedbackNoContact));
    return;
  }
  if (r_.Chance(0.5)) {
    Advance(2, 6);
    Contact(kTelefoon, "niet-bereikt", kContactFail, std::size(kContactFail));
  }
  Advance(3, 8);
  Contact(kHuisbezoekA, "niet-thuis", kContactFail, std::size(kContactFail));
  if (r_.Chance(0.3)) {
    Advance(1, 5);
    Contact(kBriefOuders, "geen-reactie", nullptr, 0);
  }
  Advance(5, 14);
  Contact(kHuisbezoekO, "niet-thuis", kContactFail, std::size(kContactFail));
  if (r_.Chance(0.2)) {
    Advance(1, 7);
    Contact(kWijkteam, "niet-bereikt", kContactFail, std::size(kContactFail));
  }
  MaybeNote(0.3);
  day_ = std::max(day_ + 1, first + 28) + r_.Range(0, 14);
  CloseCase(kGeenContact, {});
  AfterEarlyClose(kFeedbackNoContact, std::size(kFeedbackNoContact));
}

bool Walk::Contacts() {
  // 1-5 attempts, the last one reaches the youth.
  const int n = 1 + r_.Weighted({30, 30, 20, 12, 8});
  for (int i = 0; i < n; ++i) {
    Advance(i == 0 ? 0 : 2, i == 0 ? 5 : 10);
    const bool last = i == n - 1;
    int ch;
    if (tg_ == kVsvOud) ch = r_.Pick({kBrief, kBrief, kTelefoon, kHuisbezoekA, kHuisbezoekO, kApp});
    else if (tg_ == kJikp) ch = r_.Pick({kTelefoon, kBriefOuders, kWijkteam, kHuisbezoekA, kApp});
    else ch = r_.Pick({kTelefoon, kTelefoon, kApp, kBrief, kSms, kEmail, kHuisbezoekA});
    if (i == 0 && r_.Chance(0.02)) ch = kFolder;
    sv outcome;
    if (last) {
      outcome = r_.Chance(0.6) ? "afspraak-gemaakt"sv : "bereikt"sv;
      if (ch == kFolder) ch = kTelefoon;
    } else if (ch == kBrief || ch == kBriefOuders || ch == kFolder) {
      outcome = "geen-reactie";
    } else if (ch == kHuisbezoekA || ch == kHuisbezoekO) {
      outcome = "niet-thuis";
    } else {
      outcome = r_.Chance(0.7) ? "niet-bereikt"sv : "geen-reactie"sv;
    }
    if (last) Contact(ch, outcome, kContactOk, std::size(kContactOk));
    else Contact(ch, outcome, kContactFail, std::size(kContactFail));
    if (i == 0) MaybeNote(0.1);
  }
  return true;
}

// The full route (steps 3 to 13), or its second run after a reopening (`again`: no planned
// deviation, the youth is reached, fewer monitors). A phase that ends the case returns false.
void Walk::FullRoute(bool again) {
  if (!ContactPhase(again) || !IntakePhase(again)) return;
  PlanPhase(again);
  MonitorPhase(again);
  ClosePhase(again);
}

// Contact attempts until the youth is reached; false when the case was closed instead.
bool Walk::ContactPhase(bool again) {
  double p_no_contact = tg_ == kVsvOud ? 0.20 : tg_ == kVsvNieuw ? 0.10 : 0.05;
  if (again) p_no_contact = 0;
  if (dev_ == kNoContactEarly && !again) {
    NoContact(true);
    return false;
  }
  if (r_.Chance(p_no_contact)) {
    NoContact(false);
    return false;
  }
  Contacts();
  if (!again && r_.Chance(0.02)) {  // moved away before the intake
    Advance(1, 14);
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
    return false;
  }
  return true;
}

// Step 4: the intake (a three-way conversation when enrolled); false when the case ended there.
bool Walk::IntakePhase(bool again) {
  Advance(0, 2);
  if (r_.Chance(0.9)) {
    int date = day_ + r_.Range(3, 14);
    IntakeScheduled(date, dev_ == kIntakeNoSchool);
    if (r_.Chance(0.1)) {  // no-show, rescheduled
      day_ = date;
      Contact(kTelefoon, "niet-verschenen", kNoShow, std::size(kNoShow));
      Advance(0, 2);
      date = day_ + r_.Range(3, 10);
      IntakeScheduled(date, false);
    }
    day_ = date;
  } else {
    Advance(1, 7);
  }
  Intake(day_);
  if (stopped_) return false;
  MaybeNote(0.3);
  if (dev_ == kCloseAfterIntake && !again) {
    Advance(1, 10);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kDoelBereikt, r_.Pick(kWhyCloseAfterIntake));
    AfterDoelBereikt(false);
    return false;
  }
  if (r_.Chance(again ? 0.25 : 0.07)) {  // resolved at the intake
    Advance(0, 7);
    CloseCase(kGeenOndersteuning, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
    return false;
  }
  if (r_.Chance(0.02)) {
    Advance(3, 30);
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
    return false;
  }
  // A follow-up absence report while the case is open attaches to it.
  if (tg_ == kVerzuim && !again && r_.Chance(0.12)) {
    Advance(1, 10);
    Signal(false, kDuoVerzuimloket, 2, true);
    Advance(0, 3);  // picked up (deadline pickup)
    Contact(r_.Chance(0.5) ? kTelefoon : kApp, "bereikt", kContactOk, std::size(kContactOk));
  }
  return true;
}

// Steps 5 to 9: assessment and the privacy conversation, the inquiry, the plan and its start.
void Walk::PlanPhase(bool again) {
  // ---- steps 5 and 6, either order; shares after the privacy conversation ----
  const bool consent_first = r_.Chance(0.4);
  for (int k = 0; k < 2; ++k) {
    Advance(0, 7);
    if ((k == 0) == consent_first) {
      Consent();
      if (r_.Chance(0.6)) Shares(r_.Range(1, 2));
    } else {
      Assessment();
    }
  }
  MaybeNote(0.3);
  // ---- step 7 ----
  const bool skip_inquiry = dev_ == kSkipInquiry && !again;
  if (!skip_inquiry) {
    Advance(2, 14);
    Inquiry();
  }
  // ---- steps 8, 9 ----
  Advance(2, 14);
  if (skip_inquiry) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Plan(again, r_.Pick(kWhySkipInquiry), true);
  } else if (dev_ == kPlanNoDirector && !again) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Plan(again, r_.Pick(kWhyNoDirector), false);
  } else {
    Plan(again, {}, true);
  }
  MaybeNote(0.3);
  Advance(2, 21);
  PlanStarted();
  if (r_.Chance(0.15)) Shares(1);
}

// Step 10: monitoring, sometimes stuck (then steps 5, 7, 8 again).
void Walk::MonitorPhase(bool again) {
  const int monitors = again ? r_.Range(1, 3) : 1 + r_.Weighted({15, 22, 22, 18, 13, 10});
  const int stuck_at = dev_ == kStuckClose && !again ? monitors - 1
                       : r_.Chance(0.2) && monitors > 1 ? int(r_.Below(uint32_t(monitors - 1)))
                                                        : -1;
  for (int i = 0; i < monitors; ++i) {
    if (r_.Chance(0.55)) {  // keeping in touch as the plan says
      Advance(5, 20);
      static constexpr int kKeep[] = {kApp, kApp, kTelefoon, kTelefoon, kEmail, kHuisbezoekA};
      const bool reached = r_.Chance(0.85);
      Contact(r_.Pick(kKeep), reached ? "bereikt"sv : "niet-bereikt"sv,
              reached ? kMonitorOk : kContactFail,
              reached ? std::size(kMonitorOk) : std::size(kContactFail));
      Advance(5, 20);
    } else {
      Advance(14, 42);
    }
    Monitor(i == stuck_at);
    MaybeNote(0.2);
    if (i == stuck_at && !(dev_ == kStuckClose && !again)) {
      // Revisit steps 5, 7, 8 without deviation, then start again.
      if (r_.Chance(0.4)) {
        Advance(1, 10);
        Assessment();
      }
      if (r_.Chance(0.3)) {
        Advance(1, 10);
        Inquiry();
      }
      Advance(1, 14);
      Plan(true, {}, true);
      Advance(1, 14);
      PlanStarted();
    }
    if (i == 0 && consent_active_ && r_.Chance(0.04)) {
      Advance(0, 5);
      ConsentWithdrawn();
    }
    if (r_.Chance(0.05)) {
      Advance(0, 3);
      Assign(r_.Pick(kConsulents));
    }
  }
}

// Step 11: closing, and what follows it.
void Walk::ClosePhase(bool again) {
  Advance(0, 14);
  if (dev_ == kStuckClose && !again) {
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    CloseCase(kDoelBereikt, r_.Pick(kWhyStuckClose));
    AfterDoelBereikt(false);
    return;
  }
  const int w = r_.Weighted({90, 4, 3, 3});
  if (w == 0) {
    CloseCase(kDoelBereikt, {});
    AfterDoelBereikt(!again);
  } else if (w == 1) {
    CloseCase(kGeenOndersteuning, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
  } else if (w == 2 || AgeOn(birth_, day_) < 22) {
    CloseCase(kVerhuisd, {});
    AfterEarlyClose(kFeedbackShort + 3, 1);
  } else {
    CloseCase(kLeeftijdsgrens, {});
    AfterEarlyClose(kFeedbackShort + 2, 1);
  }
}

void Walk::AfterDoelBereikt(bool allow_reopen) {
  if (stopped_) return;
  // Aftercare (nazorg) checks, feedback (12), evaluation (13), sometimes an explicit end; a
  // new signal during aftercare reopens the case.
  enum { kCheck, kCheckOut, kNoteE, kFeedbackE, kEvalE, kEndE };
  struct E {
    int day, kind;
  } ev[8];
  int n = 0;
  const int c = close_day_, until = aftercare_until_;
  const bool eval_first = dev_ == kEvalFirst;
  int fb = c + r_.Range(1, 21);
  if (eval_first) {
    int e = c + r_.Range(1, 5);
    fb = e + r_.Range(1, 10);
    ev[n++] = {e, kEvalE};
  }
  ev[n++] = {fb, kFeedbackE};
  if (!eval_first && r_.Chance(0.85)) ev[n++] = {fb + r_.Range(1, 45), kEvalE};
  if (r_.Chance(0.85)) {
    const int checks = r_.Chance(0.4) ? 2 : 1;
    int last = c + 14;
    for (int i = 0; i < checks && last < until - 12; ++i) {
      last = r_.Range(last + 1, std::min(until - 12, last + 120));
      ev[n++] = {last, r_.Chance(0.08) ? kCheckOut : kCheck};
    }
  }
  if (r_.Chance(0.35)) ev[n++] = {c + r_.Range(1, 150), kNoteE};
  bool has_end = r_.Chance(0.2);
  if (has_end) ev[n++] = {until - r_.Range(0, 10), kEndE};
  std::sort(ev, ev + n, [](const E& a, const E& b) {
    return a.day != b.day ? a.day < b.day : a.kind < b.kind;
  });
  // Reopen: only while the ledger clock sees the case in aftercare (until >= now + margin).
  int reopen = -1;
  if (allow_reopen && until >= o_.now + kClockMargin && c + 20 <= o_.now) {
    bool out = false;
    for (int i = 0; i < n; ++i) out |= ev[i].kind == kCheckOut && ev[i].day <= o_.now;
    if (r_.Chance(out ? 0.9 : 0.2)) {
      reopen = r_.Range(c + 20, std::min(o_.now, until));
      if (out)
        for (int i = 0; i < n; ++i)
          if (ev[i].kind == kCheckOut && ev[i].day <= o_.now) {
            reopen = std::max(ev[i].day, r_.Range(ev[i].day, std::min(o_.now, ev[i].day + 30)));
            break;
          }
      // the second triage must still pass the age rule
      if (!AgeOk(reopen + 40)) reopen = -1;
    }
  }
  bool dropped_out = false;  // the ledger reopens the case: what aftercare planned is moot
  for (int i = 0; i < n && !dropped_out; ++i) {
    if (reopen >= 0 && (ev[i].day >= reopen || ev[i].kind == kEndE)) break;
    day_ = std::max(day_, ev[i].day);
    switch (ev[i].kind) {
      case kCheck: AftercareCheck(false); break;
      case kCheckOut:
        AftercareCheck(true);
        dropped_out = !stopped_;
        break;
      case kNoteE: Note(); break;
      case kFeedbackE: Feedback(kFeedbackDone, std::size(kFeedbackDone)); break;
      case kEvalE:
        if (eval_first && !stopped_ && day_ <= o_.now) dev_done_ = true;
        Evaluation(eval_first ? r_.Pick(kWhyEvalFirst) : sv{});
        break;
      case kEndE: AftercareEnd(); break;
    }
  }
  if (reopen < 0 || stopped_) return;
  Reopened(reopen);
}

// Reopened on `reopen`: a new signal while in aftercare, and the route restarts at review.
void Walk::Reopened(int reopen) {
  day_ = std::max(day_, reopen);
  static constexpr int kReopenChannels[] = {kNetwerkpartner, kJongere, kCasusoverleg,
                                            kDuoVerzuimloket, kGemeente};
  const int ch = r_.Pick(kReopenChannels);
  Signal(false, ch, ch == kDuoVerzuimloket ? r_.Weighted(kAbsenceWeights) : -1, false);
  if (stopped_) return;
  ++st_.reopened;
  subject_ok_ = true;
  Advance(1, 6);
  Review(false);
  Advance(0, 3);
  Triage({});
  FullRoute(true);
}

void Walk::Run() {
  Profile();
  const int channel = r_.Weighted(kChannelWeights[tg_]);
  int absence = -1;
  if (tg_ == kVerzuim) absence = r_.Weighted(kAbsenceWeights);
  else if ((tg_ == kVsvDreigend && r_.Chance(0.3)) || (young_ && r_.Chance(0.3)))
    absence = r_.Weighted({50, 40, 0, 10});
  if (channel == kDuoVerzuimloket && absence < 0) absence = r_.Weighted({50, 40, 0, 10});
  Signal(true, channel, absence, false);
  subject_ok_ = true;
  if (r_.Chance(0.8)) {
    Advance(0, 2);
    Assign(consulent_);
  }
  MaybeNote(0.2);
  if (dev_ == kTriageNoReview) {
    Advance(1, 4);
    if (!stopped_ && day_ <= o_.now) dev_done_ = true;
    Triage(r_.Pick(kWhyTriageNoReview));
  } else {
    Advance(1, 6);
    const bool school_reason = dev_ == kReviewNoSchool && absence_ever_;
    if (school_reason && day_ <= o_.now) dev_done_ = true;
    Review(school_reason);
    Advance(0, 3);
    // Without the school's measures on record, the triage carries the review's reason too.
    const bool school_needed = tg_ == kVerzuim || tg_ == kVsvDreigend;
    Triage(school_reason && school_needed ? r_.Pick(kWhyReviewNoSchool) : sv{});
  }
  MaybeNote(0.3);
  if (!stopped_) {
    if (tg_ == kGeen || !action_required_) ShortRoute();
    else FullRoute(false);
  }
  if (dev_done_) ++st_.deviations[dev_];
  ++st_.cases;
  if (stopped_) ++st_.in_progress;
}

}  // namespace rmc::gen
