#include "domain/case_state.h"

namespace rmc {

bool operator==(const ContactRecord& a, const ContactRecord& b) {
  return a.position == b.position && a.day == b.day && a.channel == b.channel &&
         a.outcome == b.outcome;
}
bool operator==(const ConsentRecord& a, const ConsentRecord& b) {
  return a.position == b.position && a.kind == b.kind && a.partners == b.partners &&
         a.categories == b.categories && a.valid_until == b.valid_until && a.day == b.day;
}
bool operator==(const DeviationRecord& a, const DeviationRecord& b) {
  return a.position == b.position && a.from_step == b.from_step && a.to_step == b.to_step &&
         a.rule == b.rule && a.reason == b.reason && a.actor == b.actor && a.at == b.at;
}

CaseStatus EffectiveStatus(const CaseState& s, Days today) {
  if (s.status == CaseStatus::kNazorg && s.aftercare_until != kNoDay && today > s.aftercare_until)
    return CaseStatus::kAfgesloten;
  return s.status;
}

const char* InfoItemName(int item) {
  static const char* names[kInfoItemCount] = {"reason",   "partner_actions",  "youth_agreements",
                                              "contacts", "care",             "absence_overview",
                                              "expected_action"};
  return item >= 0 && item < kInfoItemCount ? names[item] : "";
}

bool InfoItemApplies(const CaseState& s, int item) {
  if (item == 5) return s.Has(CaseState::kAbsence);
  if (item == 6) return s.Has(CaseState::kDirectReport);
  return true;
}

bool InfoItemMissing(const CaseState& s, int item) {
  return InfoItemApplies(s, item) && !(s.info_present & (1 << item));
}

const char* StatusName(CaseStatus status) {
  switch (status) {
    case CaseStatus::kOpen: return "open";
    case CaseStatus::kNazorg: return "nazorg";
    case CaseStatus::kAfgesloten: return "afgesloten";
  }
  return "open";
}

int PhaseOf(int step) {
  if (step <= 3) return 1;
  if (step <= 7) return 2;
  if (step <= 9) return 3;
  if (step <= 11) return 4;
  return 5;
}

}  // namespace rmc
