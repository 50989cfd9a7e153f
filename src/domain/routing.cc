#include "domain/routing.h"

#include "event.capnp.h"

namespace rmc {
namespace {
using S = CaseState;
}

bool IsEnrolmentImplied(int tg) {
  return tg == int(schema::TargetGroup::VERZUIM18PLUS) || tg == int(schema::TargetGroup::VSV_DREIGEND);
}

bool IsEarlyCloseReason(int r) {
  using R = schema::CloseReason;
  return r == int(R::GEEN_CONTACT) || r == int(R::VERHUISD) || r == int(R::LEEFTIJDSGRENS) ||
         r == int(R::GEEN_RMC_DOELGROEP) || r == int(R::GEEN_ONDERSTEUNING_NODIG) ||
         r == int(R::WIJST_ONDERSTEUNING_AF);
}

bool StartsAftercare(int r, const CaseState& s) {
  using R = schema::CloseReason;
  return r == int(R::DOEL_BEREIKT) || (r == int(R::GEEN_ONDERSTEUNING_NODIG) && s.Has(S::kIntakeHeld));
}

bool IsVerzuimRoute(const CaseState& s) {
  return s.target_group == int(schema::TargetGroup::VERZUIM18PLUS);
}

bool IsShortRoute(const CaseState& s) {
  return s.Has(S::kTriaged) &&
         (s.target_group == int(schema::TargetGroup::GEEN) || !s.Has(S::kActionRequired));
}

std::set<int> ExpectedSteps(const CaseState& s) {
  if (s.Has(S::kClosed)) {
    if (!s.Has(S::kFeedbackGiven)) return {12};
    if (!s.Has(S::kEvaluated)) return {13};
    return {};
  }
  // A stuck case may revisit steps 4-8 (fase 2 en/of 3); revisiting, it goes on from any of them.
  if (s.Has(S::kRevisiting)) return {4, 5, 6, 7, 8, 9, 10, 11};
  switch (s.at) {
    case 0: return {1};
    case 1: return {2};
    case 2: return {2, 3};
    case 3: return IsShortRoute(s) ? std::set<int>{3, 12} : std::set<int>{3, 4};
    case 4:
      if (!s.Has(S::kIntakeHeld)) return {4};
      return IsVerzuimRoute(s) ? std::set<int>{4, 5, 6, 7, 8} : std::set<int>{4, 5, 6};
    case 5:
    case 6: {
      std::set<int> e{s.at};
      if (IsVerzuimRoute(s)) e.insert({5, 6, 7, 8});
      if (!s.Has(S::kAssessed)) e.insert(5);
      if (!s.Has(S::kConsentAsked)) e.insert(6);
      if (s.Has(S::kAssessed) && s.Has(S::kConsentAsked)) e.insert(7);
      return e;
    }
    case 7: return {7, 8};
    case 8: return {8, 9};
    case 9: return {9, 10};
    case 10:
      return s.Has(S::kStuck) ? std::set<int>{4, 5, 6, 7, 8, 10, 11} : std::set<int>{10, 11};
    case 12: return {11};
    default: return {};
  }
}

int NextStep(const CaseState& s) {
  if (s.Has(S::kClosed)) {
    if (!s.Has(S::kFeedbackGiven)) return 12;
    if (!s.Has(S::kEvaluated)) return 13;
    return 0;
  }
  if (s.Has(S::kRevisiting)) return 9;
  switch (s.at) {
    case 0: return 1;
    case 1: return 2;
    case 2: return 3;
    case 3: return IsShortRoute(s) ? 12 : 4;
    case 4:
      if (!s.Has(S::kIntakeHeld)) return 4;
      return IsVerzuimRoute(s) ? 8 : 5;
    case 5:
    case 6:
      if (IsVerzuimRoute(s)) return 8;
      if (!s.Has(S::kAssessed)) return 5;
      if (!s.Has(S::kConsentAsked)) return 6;
      return 7;
    case 7: return 8;
    case 8: return 9;
    case 9: return 10;
    case 10: return s.Has(S::kStuck) ? 8 : 11;
    case 12: return 11;
    default: return 0;
  }
}

bool IsOnRoute(const CaseState& s, int step, int close_reason) {
  // The short route closes without aftercare: with one of the reasons that end a route early.
  if (step == 11 && IsShortRoute(s) && !s.Has(S::kClosed) && !IsEarlyCloseReason(close_reason))
    return false;
  if (step == 11 && close_reason >= 0 && !s.Has(S::kClosed) && s.step >= 3 &&
      IsEarlyCloseReason(close_reason))
    return true;
  return ExpectedSteps(s).count(step) > 0;
}

const char* PhaseName(int phase) {
  static const char* names[] = {"", "Waarnemen", "Analyseren", "Plannen", "Handelen", "Evalueren"};
  return phase >= 1 && phase <= 5 ? names[phase] : "";
}

const char* StepName(int step) {
  static const char* names[] = {"",
                                "signaal",
                                "dossier bekijken",
                                "oordeel signalering",
                                "intake",
                                "systeem in kaart",
                                "privacygesprek",
                                "vooronderzoek afgerond",
                                "plan van aanpak",
                                "traject gestart",
                                "monitoren",
                                "afsluiten en nazorg",
                                "terugkoppeling",
                                "evaluatie"};
  return step >= 1 && step <= 13 ? names[step] : "";
}

}  // namespace rmc
