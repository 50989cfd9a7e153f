// The walk's commands from the privacy conversation on: consent and sharing, inquiry, plan,
// monitoring, closing, aftercare, feedback, evaluation, notes and assignment.
#include <algorithm>
#include <cstdio>

#include "route_walk.h"

namespace rmc::gen {

void Walk::Consent() {
  const bool given = !r_.Chance(0.1);
  if (!Begin(kConsent)) return;
  if (!given) ++st_.refused_consent;
  Bool("given", given);
  consent_partners_.clear();
  consent_all_ = r_.Chance(0.1);
  ArrK("partners");
  if (consent_all_) {
    Item("*");
  } else {
    consent_partners_.push_back(school_);
    int n = r_.Range(0, 2);
    for (int i = 0; i < n; ++i) {
      sv p = r_.Pick(kPartners);
      if (std::find(consent_partners_.begin(), consent_partners_.end(), p) == consent_partners_.end())
        consent_partners_.push_back(p);
    }
    for (sv p : consent_partners_) Item(p);
  }
  Close(']');
  consent_cats_ = 1u << 0;  // contactgegevens
  int extra = r_.Range(1, 4);
  for (int i = 0; i < extra; ++i) consent_cats_ |= 1u << (1 + r_.Below(9));
  if (tg_ == kVerzuim) consent_cats_ |= 1u << 1;
  ArrK("categories");
  for (int i = 0; i < 10; ++i)
    if (consent_cats_ & (1u << i)) Item(kCategories[i]);
  Close(']');
  Key("purpose");
  B().push_back('"');
  Sentence(r_.Pick(kPurpose));
  B().push_back('"');
  if (r_.Chance(0.9)) Bool("signed", given && r_.Chance(0.85));
  consent_until_ = -1;
  if (given && r_.Chance(0.5)) {
    consent_until_ = AddMonths(day_, 12);
    Date("valid_until", consent_until_);
  }
  consent_active_ = given;
  End();
}

void Walk::Share(bool consent_ground) {
  if (!Begin(kShare)) return;
  sv partner;
  uint32_t cats = 0;
  if (consent_ground) {
    partner = consent_all_ ? r_.Pick(kPartners) : consent_partners_[r_.Below(uint32_t(consent_partners_.size()))];
    // a non-empty subset of the consented categories
    for (int i = 0; i < 10; ++i)
      if ((consent_cats_ & (1u << i)) && r_.Chance(0.6)) cats |= 1u << i;
    if (!cats) cats = 1u << 0;
  } else {
    static constexpr sv kStatutory[] = {"leerplicht", "DUO", "Werk en Inkomen", "Jongerenloket"};
    partner = r_.Pick(kStatutory);
    if (partner == "leerplicht" || partner == "DUO") cats = (1u << 0) | (1u << 2);
    else cats = (1u << 0) | (1u << 3);
    if (absence_ever_) cats |= 1u << 1;
  }
  Str("partner", partner);
  ArrK("categories");
  for (int i = 0; i < 10; ++i)
    if (cats & (1u << i)) Item(kCategories[i]);
  Close(']');
  Str("grondslag", consent_ground ? "toestemming"sv : "wettelijke-taak"sv);
  SentK("doel", kShareDoel);
  SentK("proportionaliteit", kShareProp);
  SentK("subsidiariteit", kShareSubsid);
  End();
}

void Walk::Shares(int n) {
  for (int i = 0; i < n; ++i) {
    const bool consent_ok = consent_active_ && (consent_until_ < 0 || day_ <= consent_until_);
    Share(consent_ok && r_.Chance(0.75));
  }
}

void Walk::ConsentWithdrawn() {
  if (!Begin(kConsentWithdrawn)) return;
  ArrK("partners");
  if (consent_all_) Item("*");
  else
    for (sv p : consent_partners_) Item(p);
  Close(']');
  consent_active_ = false;
  End();
}

void Walk::Inquiry() {
  if (!Begin(kInquiry)) return;
  Key("reasons");
  B().push_back('"');
  TextOf({kReason, std::size(kReason)}, {kCare, std::size(kCare)}, {}, 80, 500);
  B().push_back('"');
  if (tg_ == kVerzuim || r_.Chance(0.3)) TextK("education_reasons", kEduReasons, 80, 400);
  WhatAndEffect("interventions", kInterventions, r_.Weighted({20, 40, 30, 10}));
  WhatAndEffect("care", kCareMeasures, r_.Weighted({50, 35, 15}));
  TextK("next_steps", kNextSteps, 80, 400);
  End();
}

void Walk::Plan(bool revised, sv reason, bool ask_director) {
  if (!Begin(revised ? kPlanRevised : kPlan, reason)) return;
  ArrK("trajectories");
  bool any = false;
  if (tg_ == kJikp) {
    if (jikp_perspective_ == 0) Item("onderwijs"), any = true;
    if (jikp_perspective_ == 1) Item("arbeid"), any = true;
    if (jikp_perspective_ == 2 || r_.Chance(0.4)) Item("hulpverlening"), any = true;
  } else {
    if (r_.Chance(0.7)) Item("onderwijs"), any = true;
    if (r_.Chance(0.35)) Item("arbeid"), any = true;
    if (!any || r_.Chance(0.25)) Item("hulpverlening");
  }
  Close(']');
  if (r_.Chance(0.4)) SentK("career_tests", kCareerTests);
  if (r_.Chance(0.3)) SentK("work_guidance", kWorkGuidance);
  if (r_.Chance(0.7)) {
    ObjK("youth_contact");
    Str("frequency", r_.Pick(kFrequency));
    Str("channel", r_.Pick(kYouthChannel));
    Close('}');
  }
  if (r_.Chance(0.6)) {
    ObjK("partner_feedback");
    ArrK("partners");
    Item(school_);
    if (r_.Chance(0.4)) Item(r_.Pick(kPartners));
    Close(']');
    Str("how", r_.Pick(kFeedbackHow));
    Close('}');
  }
  Str("case_director", r_.Chance(0.5) ? sv(school_) : r_.Pick(kPartners));
  Bool("asked_youth_for_director", ask_director);
  if (r_.Chance(0.6)) {
    ArrK("responsibilities");
    int n = r_.Range(1, 3);
    for (int i = 0; i < n; ++i) {
      ItemObj();
      Str("partner", i == 0 ? sv(school_) : r_.Pick(kPartners));
      Str("task", r_.Pick(kTasks));
      Close('}');
    }
    Close(']');
  }
  Bool("made_with_youth", true);
  End();
}

void Walk::PlanStarted() {
  if (!Begin(kPlanStarted)) return;
  Date("date", day_);
  if (r_.Chance(0.6)) Str("partner", r_.Chance(0.5) ? sv(school_) : r_.Pick(kPartners));
  End();
}

void Walk::Monitor(bool stuck) {
  if (!Begin(kMonitor)) return;
  if (stuck) ++st_.stuck;
  Str("status", stuck ? "vastgelopen"sv : "op-koers"sv);
  if (r_.Chance(0.6)) {
    ArrK("feedback_from");
    Item(school_);
    if (r_.Chance(0.3)) Item(r_.Pick(kPartners));
    Close(']');
  }
  if (stuck || r_.Chance(0.8)) {
    if (stuck) TextK("follow_up", kMonitorStuck, 60, 400);
    else TextK("follow_up", kMonitorOk, 60, 400);
  }
  End();
}

void Walk::CloseCase(CloseReason why, sv reason) {
  if (!Begin(kClose, reason)) return;
  Str("reason", kCloseReasons[why]);
  close_day_ = day_;
  close_kind_ = why;
  aftercare_until_ = -1;
  if (why == kDoelBereikt) {
    ArrK("outcome");
    bool work = false;
    if (tg_ == kJikp && jikp_perspective_ == 2) {
      Item("dagbesteding");
    } else {
      int w = r_.Weighted({55, 30, 10, 5});
      if (w == 0) Item("onderwijs");
      if (w == 1) Item("werk"), work = true;
      if (w == 2) Item("onderwijs"), Item("werk"), work = true;
      if (w == 3) Item("zorg");
    }
    Close(']');
    if (work) Int("work_hours_per_week", uint64_t(r_.Range(8, 40)));
    if (r_.Chance(0.1)) {
      aftercare_until_ = AddMonths(day_, r_.Range(3, 12));
      Date("aftercare_until", aftercare_until_);
    } else {
      aftercare_until_ = AddMonths(day_, 6);  // the region default (aftercare_months)
    }
  }
  ++st_.closes[why];
  End();
  // Addressing by subject stays possible only while the ledger clock sees the case in aftercare.
  subject_ok_ = why == kDoelBereikt && aftercare_until_ >= o_.now + kClockMargin;
}

void Walk::AftercareCheck(bool out) {
  if (!Begin(kAftercareCheck)) return;
  Str("status", out ? "uitgevallen"sv : "op-plek"sv);
  if (r_.Chance(0.85)) {
    Key("activity");
    B().push_back('"');
    Sentence(out ? r_.Pick(kAftercareOut) : r_.Pick(kAftercareOk));
    B().push_back('"');
  }
  if (!out && r_.Chance(0.2)) Int("work_hours_per_week", uint64_t(r_.Range(12, 38)));
  End();
}

void Walk::AftercareEnd() {
  if (!Begin(kAftercareEnd)) return;
  if (r_.Chance(0.7)) SentK("note", kEndNote);
  End();
  subject_ok_ = false;
}

void Walk::Feedback(const sv* pool, size_t n) {
  if (!Begin(kFeedback)) return;
  ArrK("partners");
  Item(school_);
  if (r_.Chance(0.4)) Item(r_.Pick(kPartners));
  Close(']');
  Key("summary");
  B().push_back('"');
  TextOf({pool, n}, {kFeedbackTail, std::size(kFeedbackTail)}, {}, 80, 500);
  B().push_back('"');
  Bool("limited_to_case", true);
  End();
}

void Walk::Evaluation(sv reason) {
  if (!Begin(kEvaluation, reason)) return;
  static constexpr sv kJaDeelsNee[] = {"ja", "ja", "deels", "nee"};
  static constexpr sv kRight[] = {"ja", "ja", "ja", "twijfel", "nee"};
  Str("resolved", r_.Pick(kJaDeelsNee));
  Str("partners_followed_up", r_.Pick(kJaDeelsNee));
  ArrK("bottlenecks");
  int n = r_.Weighted({35, 50, 15});
  for (int i = 0; i < n; ++i) {
    ItemObj();
    Str("issue", r_.Pick(kBottleneck));
    if (r_.Chance(0.7)) Str("owner", r_.Pick(kBottleneckOwner));
    if (r_.Chance(0.6)) Str("solution", r_.Pick(kBottleneckSolution));
    Close('}');
  }
  Close(']');
  sv right = r_.Pick(kRight);
  Str("right_decision", right);
  if (right != "ja" || r_.Chance(0.2)) TextK("right_decision_note", kDoDifferently, 40, 250);
  TextK("do_differently", kDoDifferently, 80, 400);
  TextK("went_well", kWentWell, 80, 400);
  if (r_.Chance(0.5)) {
    ArrK("learning_points");
    int m = r_.Range(1, 3), s = int(r_.Below(std::size(kLearning)));
    for (int i = 0; i < m; ++i) Item(kLearning[(s + i) % std::size(kLearning)]);
    Close(']');
  }
  if (r_.Chance(0.6)) {
    ArrK("improvements");
    ItemObj();
    Str("text", r_.Pick(kImprovement));
    ArrK("tags");
    int m = r_.Range(1, 3), s = int(r_.Below(std::size(kTags)));
    for (int i = 0; i < m; ++i) Item(kTags[(s + i) % std::size(kTags)]);
    Close(']');
    Close('}');
    Close(']');
  }
  if (r_.Chance(0.5)) {
    ArrK("participants");
    Item(school_);
    if (r_.Chance(0.5)) Item(r_.Pick(kPartners));
    Close(']');
  }
  End();
}

void Walk::Note() {
  if (!Begin(kNote)) return;
  Key("text");
  B().push_back('"');
  TextOf({kNoteExtra, std::size(kNoteExtra)}, {kReason, std::size(kReason)},
         {kYouth, std::size(kYouth)}, 80, 600);
  B().push_back('"');
  if (r_.Chance(0.6)) Str("category", r_.Pick(kNoteCategory));
  End();
}

void Walk::Assign(sv who) {
  if (!Begin(kAssign)) return;
  consulent_ = std::string(who);
  Str("consulent", who);
  End();
}

}  // namespace rmc::gen
