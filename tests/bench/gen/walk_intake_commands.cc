// The walk's commands of the routekaart's first steps: the youth's profile, signal, review,
// triage, contact attempts, the intake and its scheduling, the assessment.
#include <algorithm>
#include <cstdio>

#include "route_walk.h"

namespace rmc::gen {

void Walk::Profile() {
  std::snprintf(ref_, sizeof ref_, "J-%07llu", (unsigned long long)(o_.first_ref + index_));
  tg_ = r_.Weighted(kTgWeights);
  first_ = r_.Pick(kFirstNames);
  last_ = r_.Pick(kLastNames);
  consulent_ = std::string(r_.Pick(kConsulents));
  school_vso_ = tg_ == kJikp || (tg_ == kGeen && r_.Chance(0.3));
  school_ = std::string(school_vso_ ? r_.Pick(kVso) : r_.Pick(kMbo));
  // Start dates are stratified over start .. now-60, so consecutive cases start close together.
  const int span = (o_.now - 60) - o_.start + 1;
  const uint64_t slot = (index_ * uint64_t(span) + r_.Below(uint32_t(span))) / o_.cases;
  day_ = o_.start + int(slot);
  // Ages 18..22 at the signal (so that triage passes the age rule), some geen 16..17.
  young_ = tg_ == kGeen && r_.Chance(0.10);
  int lo, hi;
  if (young_) {
    lo = AddYears(day_, -18) + 30;
    hi = AddYears(day_, -16);
  } else {
    lo = AddYears(day_, -23) + 45;
    hi = AddYears(day_, -18) - 20;
  }
  birth_ = r_.Range(lo, hi);
  birth_given_ = r_.Chance(0.95);
  enrolled_ = tg_ == kVerzuim || tg_ == kVsvDreigend || (tg_ == kJikp && r_.Chance(0.2)) ||
              (young_ && r_.Chance(0.7));
  jikp_perspective_ = r_.Weighted({40, 35, 25});
  action_required_ = tg_ != kGeen && !r_.Chance(0.04);
  pace_ = 4 + r_.Weighted({60, 25, 10, 5}) * 2;
  if (r_.Chance(0.075)) {
    static const int w[kDevCount] = {0, 15, 12, 12, 12, 10, 10, 10, 10, 9};
    dev_ = Deviation(r_.Weighted(w));
  }
  ++st_.tg[tg_];
}

// The youth's personal data on a first signal: name, birth date, and (some of) address, phone,
// e-mail, school and enrolment, as reports of varying quality hold them.
void Walk::PersonalData() {
  Key("name");
  B().push_back('"');
  B().append(first_);
  B().push_back(' ');
  B().append(last_);
  B().push_back('"');
  if (birth_given_) Date("birth_date", birth_);
  if (r_.Chance(0.85)) {
    Key("address");
    B().push_back('"');
    B().append(r_.Pick(kStreets));
    B().push_back(' ');
    PutUint(B(), uint64_t(r_.Range(1, 240)));
    if (r_.Chance(0.15)) B().push_back(char('a' + r_.Below(4)));
    B().append(", ", 2);
    PutUint(B(), uint64_t(r_.Range(3400, 3999)));
    B().push_back(' ');
    B().push_back(char('A' + r_.Below(26)));
    B().push_back(char('A' + r_.Below(18)));
    B().push_back(' ');
    B().append(r_.Pick(kCities));
    B().push_back('"');
  }
  if (r_.Chance(0.7)) {
    Key("phone");
    B().append("\"06-", 4);
    PutPadded(B(), uint64_t(r_.Below(100000000)), 8);
    B().push_back('"');
  }
  bool ascii = true;
  for (unsigned char ch : first_) ascii &= ch < 0x80 && ch != ' ';
  for (unsigned char ch : last_) ascii &= ch < 0x80 && ch != '\'';
  if (ascii && r_.Chance(0.4)) {
    Key("email");
    B().push_back('"');
    for (char ch : first_) B().push_back(char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
    B().push_back('.');
    for (char ch : last_)
      if (ch != ' ') B().push_back(char(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
    if (r_.Chance(0.5)) PutUint(B(), uint64_t(r_.Range(1, 99)));
    B().push_back('@');
    B().append(r_.Pick(kMailDomains));
    B().push_back('"');
  }
  if (r_.Chance(0.9)) Str("school", school_);
  if (tg_ == kVerzuim || tg_ == kVsvDreigend || r_.Chance(0.7)) Bool("enrolled", enrolled_);
}

void Walk::Signal(bool first, int channel, int absence, bool follow_up) {
  if (!Begin(kSignal, {}, first ? kOpens : kAttaches)) return;
  const bool good = channel <= kCasusoverleg || channel == kGemeente;  // report quality
  const double q = good ? 0.65 : 0.2;
  ObjK("subject");
  Str("ref", ref_);
  if (!follow_up) PersonalData();
  else Bool("enrolled", enrolled_);
  Close('}');
  Str("channel", kChannels[channel]);
  switch (channel) {
    case kDuoLijst: Str("reporter", "DUO"); break;
    case kInlichtingenbureau: Str("reporter", "Inlichtingenbureau"); break;
    case kJongere: break;
    case kCasusoverleg: Str("reporter", r_.Chance(0.5) ? "MDO wijkteam"sv : "ZAT"sv); break;
    case kGemeente: Str("reporter", r_.Chance(0.5) ? "Werk en Inkomen"sv : "Jongerenloket"sv); break;
    case kOutreach: Str("reporter", "RMC outreach"); break;
    case kNetwerkpartner:
      Str("reporter", r_.Chance(0.6) ? sv(school_) : r_.Pick(kPartners));
      break;
    default: Str("reporter", school_); break;
  }
  Date("received", day_);
  if (absence >= 0) {
    absence_ever_ = true;
    ObjK("absence");
    Str("kind", kAbsenceKinds[absence]);
    if (r_.Chance(0.8))
      Int("hours", uint64_t(absence == 1 ? r_.Range(60, 130) : r_.Range(16, 60)));
    if (r_.Chance(0.7)) {
      Date("from", day_ - r_.Range(28, 60));
      Date("to", day_ - r_.Range(1, 5));
    }
    Close('}');
  }
  const bool direct = channel <= kJongere;
  if (direct || channel == kExitgesprek) Bool("action_wanted", r_.Chance(0.7));
  if (direct && r_.Chance(q)) TextK("expected_action", kExpect, 40, 200);
  if (r_.Chance(q + 0.15)) TextK("suspected_reason", kReason, 40, 300);
  if (r_.Chance(q)) TextK("partner_actions", kPartnerActions, 40, 300);
  if (r_.Chance(q * 0.7)) TextK("youth_agreements", kYouth, 40, 250);
  if (r_.Chance(q * 0.6)) {
    ArrK("contacts");
    Comma();
    B().append("\"moeder: 06-", 12);
    PutPadded(B(), uint64_t(r_.Below(100000000)), 8);
    B().push_back('"');
    if (r_.Chance(0.5)) {
      Comma();
      B().append("\"mentor ", 8);
      B().append(school_);
      B().push_back('"');
    }
    Close(']');
  }
  if (r_.Chance(q * 0.5)) TextK("care", kCare, 30, 200);
  End();
}

void Walk::Review(bool school_reason) {
  if (!Begin(kReview, school_reason ? r_.Pick(kWhyReviewNoSchool) : sv{})) return;
  Bool("checked_with_youth", r_.Chance(0.6));
  ArrK("checked_with_partners");
  if (r_.Chance(0.9)) {
    if (enrolled_ || r_.Chance(0.4)) Item(school_);
    int n = r_.Range(0, 2);
    sv prev;
    for (int i = 0; i < n; ++i) {
      sv p = r_.Pick(kPartners);
      if (p != prev) Item(p);
      prev = p;
    }
  }
  Close(']');
  // Absence, and a triage into verzuim-18plus or vsv-dreigend, need the school's measures.
  if (!school_reason &&
      (absence_ever_ || tg_ == kVerzuim || tg_ == kVsvDreigend || (enrolled_ && r_.Chance(0.6)))) {
    Bool("school_contacted", true);
    TextK("school_measures", kSchoolMeasures, 40, 300);
  }
  if (r_.Chance(0.5)) TextK("suspected_reason", kReason, 40, 300);
  if (r_.Chance(0.5)) TextK("partner_actions", kPartnerActions, 40, 300);
  if (r_.Chance(0.5)) TextK("youth_agreements", kYouth, 40, 250);
  if (r_.Chance(0.4)) {
    ArrK("contacts");
    Item(r_.Chance(0.5) ? "moeder"sv : "vader"sv);
    if (r_.Chance(0.5)) Item(r_.Pick(kPartners));
    Close(']');
  }
  if (r_.Chance(0.4)) TextK("care", kCare, 30, 200);
  if (absence_ever_ && r_.Chance(0.8)) TextK("absence_overview", kAbsenceOverview, 60, 300);
  if (r_.Chance(0.4)) Bool("enrolled", enrolled_);
  End();
}

void Walk::Triage(sv reason) {
  if (reason.empty() && !AgeOk(day_)) {
    reason = kWhyAge[0];
    ++st_.age_overrides;
  }
  if (!Begin(kTriage, reason)) return;
  Str("target_group", kTargetGroups[tg_]);
  Bool("action_required", action_required_);
  Key("rationale");
  B().push_back('"');
  if (young_) Sentence(r_.Pick(kRationaleYoung));
  else if (!action_required_) Sentence(r_.Pick(kRationaleNoAction));
  else Sentence(r_.Pick(kRationale[tg_]));
  if (r_.Chance(0.4)) {
    B().push_back(' ');
    Sentence(r_.Pick(kReason));
  }
  B().push_back('"');
  if (tg_ == kJikp) {
    static constexpr sv kPerspectives[] = {"onderwijs", "arbeid", "dagbesteding"};
    Str("jikp_perspective", kPerspectives[jikp_perspective_]);
  }
  End();
}

void Walk::Contact(int channel, sv outcome, const sv* pool, size_t n) {
  if (!Begin(kContact)) return;
  if (first_contact_ < 0) first_contact_ = day_;
  Str("channel", kContactChannels[channel]);
  Str("outcome", outcome);
  if (pool && r_.Chance(0.65)) {
    Key("note");
    B().push_back('"');
    TextOf({pool, n}, {}, {}, 30, 200);
    B().push_back('"');
  }
  End();
}

void Walk::IntakeScheduled(int date, bool deviate) {
  const bool school = enrolled_ || tg_ == kVerzuim || tg_ == kVsvDreigend;
  const bool without_school = deviate && school;
  if (!Begin(kIntakeScheduled, without_school ? r_.Pick(kWhyNoSchool) : sv{})) return;
  if (without_school) dev_done_ = true;
  Date("date", date);
  ArrK("participants");
  Item("jongere");
  if (school && !without_school) Item("school");
  if (r_.Chance(0.4)) Item("ouders");
  if (r_.Chance(0.2)) Item(r_.Pick(kPartners));
  Close(']');
  Bool("asked_youth_about_involvement", true);
  End();
}

void Walk::Intake(int date) {
  if (!Begin(kIntake)) return;
  const bool school = (enrolled_ || tg_ == kVerzuim || tg_ == kVsvDreigend) &&
                      !(dev_ == kIntakeNoSchool && dev_done_);
  Date("date", date);
  ArrK("participants");
  Item("jongere");
  if (school) Item("school");
  if (r_.Chance(0.35)) Item("ouders");
  if (r_.Chance(0.15)) Item(r_.Pick(kPartners));
  Close(']');
  TextK("support_question", kSupport, 40, 250);
  Bool("asked_youth_about_involvement", true);
  if (r_.Chance(0.85)) {
    int w = tg_ == kJikp ? (jikp_perspective_ == 2 ? 3 : jikp_perspective_ == 1 ? 1 : 0)
                         : int(r_.Weighted({45, 25, 20, 5, 5}));
    Str("wish", kWishes[w]);
  }
  if (r_.Chance(0.6)) {
    ObjK("answers");
    int n = r_.Range(1, 4);
    int start = int(r_.Below(6));
    for (int i = 0; i < n; ++i) Str(kQuestions[(start + i) % 6], r_.Pick(kAnswers));
    Close('}');
  }
  End();
}

void Walk::Assessment() {
  if (!Begin(kAssessment)) return;
  const int instrument = r_.Weighted({70, 25, 5});
  static constexpr sv kInstruments[] = {"zrm", "signaleringsinstrument", "anders"};
  Str("instrument", kInstruments[instrument]);
  int order[13];
  for (int i = 0; i < 13; ++i) order[i] = i;
  int n = instrument == 0 ? r_.Range(4, 13) : r_.Range(3, 8);
  for (int i = 0; i < n; ++i) std::swap(order[i], order[i + int(r_.Below(uint32_t(13 - i)))]);
  ObjK("domains");
  for (int i = 0; i < n; ++i) {
    ObjK(kDomains[order[i]]);
    if (instrument == 0 || (instrument == 2 && r_.Chance(0.5)))
      Int("score", uint64_t(1 + r_.Weighted({5, 25, 35, 25, 10})));
    else
      Bool("concern", r_.Chance(0.5));
    if (r_.Chance(0.25)) Str("note", r_.Pick(kDomainNotes));
    Close('}');
  }
  Close('}');
  if (r_.Chance(0.8)) {
    ObjK("big5");
    int start = int(r_.Below(5)), m = r_.Range(3, 5);
    for (int i = 0; i < m; ++i) Str(kBig5[(start + i) % 5], r_.Pick(kBig5Rating));
    Close('}');
  }
  End();
}

}  // namespace rmc::gen
