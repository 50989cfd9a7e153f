#include "domain/decide.h"

#include <algorithm>
#include <cctype>

#include "codec/message_sizes.h"
#include "domain/deadlines.h"
#include "domain/routing.h"

namespace rmc {
namespace {

using P = schema::Payload;
using S = CaseState;

Draft NewDraft() {
  Draft d;
  d.payload = std::make_unique<capnp::MallocMessageBuilder>(kPayloadWords);
  d.payload->initRoot<schema::Payload>();
  return d;
}

// Collects rule outcomes: a broken rule is an override when the command has a reason,
// else the command's error.
class RuleCheck {
 public:
  explicit RuleCheck(const Command& c) : reason_(!c.reason.empty()) {}
  void Require(bool ok, const char* rule, std::string message) {
    if (ok || !error_.ok()) return;
    if (reason_) {
      if (std::find(overrides_.begin(), overrides_.end(), rule) == overrides_.end())
        overrides_.push_back(rule);
    } else {
      error_ = RuleViolation(rule, std::move(message) + " (rule " + rule +
                                       "; give a reason to deviate)");
    }
  }
  const Status& error() const { return error_; }
  std::vector<std::string> overrides() const { return overrides_; }

 private:
  bool reason_;
  Status error_;
  std::vector<std::string> overrides_;
};

// Text that says something: not empty, and not only white space.
bool HasText(capnp::Text::Reader t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
}

// Whether the youth was met in this case by `on`: a contact that reached them, or the intake.
bool HasSuccessfulContact(const CaseState& s, Days on) {
  if (s.Has(S::kIntakeHeld)) return true;
  return std::any_of(s.contacts.begin(), s.contacts.end(),
                     [on](const ContactRecord& c) { return Reached(c) && c.day <= on; });
}

bool IsEnrolled(const CaseState& s) {
  return s.Has(S::kEnrolled) || IsEnrolmentImplied(s.target_group);
}

bool Names(capnp::List<capnp::Text>::Reader list, const char* who) {
  for (auto name : list)
    if (name == who) return true;
  return false;
}

bool Covers(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end() ||
         std::find(list.begin(), list.end(), "*") != list.end();
}

// Long on purpose: every rule of the routekaart in one list, by event type, so that a reader (and
// docs/routekaart.md) can check them against each other in one place.
void CheckRules(const CaseState& s, const Command& c, const Facts& f, schema::Payload::Builder p,
                RuleCheck& rules) {
  switch (p.which()) {
    case P::DOSSIER_REVIEWED: {
      auto r = p.getDossierReviewed();
      rules.Require(!s.Has(S::kAbsence) || (r.getSchoolContacted() && HasText(r.getSchoolMeasures())),
                    "review-school",
                    "a signal about absence needs a review that records school_contacted: true "
                    "and what the school did (school_measures)");
      break;
    }
    case P::TRIAGED: {
      auto t = p.getTriaged();
      rules.Require(!IsEnrolmentImplied(int(t.getTargetGroup())) || s.Has(S::kSchoolReviewed),
                    "review-school",
                    "triage into verzuim-18plus or vsv-dreigend follows a review that records "
                    "school_contacted: true and what the school did (school_measures)");
      rules.Require(t.getTargetGroup() != schema::TargetGroup::JIKP || t.getHasJikpPerspective(),
                    "jikp-perspective",
                    "triage into jikp names the perspective (jikp_perspective: onderwijs, "
                    "arbeid or dagbesteding)");
      if (f.birth_date && t.getTargetGroup() != schema::TargetGroup::GEEN) {
        // JIKP takes in pro and vso leavers, who may leave school before 18.
        const bool jikp = t.getTargetGroup() == schema::TargetGroup::JIKP;
        const int from = jikp ? 16 : 18;
        const int age = AgeOn(*f.birth_date, f.today);
        rules.Require(age >= from && age < f.settings->max_age, "age",
                      "the subject is " + std::to_string(age) + " on the triage date; " +
                          (jikp ? "jikp is" : "the RMC target groups are") + " for ages " +
                          std::to_string(from) + " until the " +
                          std::to_string(f.settings->max_age) +
                          (f.settings->max_age % 10 == 3 ? "rd" : "th") + " birthday");
      }
      break;
    }
    case P::INTAKE_SCHEDULED: {
      auto i = p.getIntakeScheduled();
      rules.Require(!IsEnrolled(s) || Names(i.getParticipants(), "school"), "three-way-intake",
                    "the subject is enrolled: the school takes part in the intake (a 3-gesprek); "
                    "add school to participants");
      rules.Require(i.getAskedYouthAboutInvolvement(), "three-way-intake",
                    "record that the youth was asked whether parents or partners should join "
                    "(asked_youth_about_involvement: true)");
      break;
    }
    case P::INTAKE_HELD: {
      auto i = p.getIntakeHeld();
      rules.Require(Names(i.getParticipants(), "jongere"), "three-way-intake",
                    "the intake is a conversation with the youth: add jongere to participants");
      rules.Require(!IsEnrolled(s) || s.Has(S::kThreeWayOverridden) ||
                        Names(i.getParticipants(), "school"),
                    "three-way-intake",
                    "the subject is enrolled: the school takes part in the intake (a 3-gesprek); "
                    "add school to participants");
      rules.Require(s.Has(S::kIntakeScheduled) || i.getAskedYouthAboutInvolvement(),
                    "three-way-intake",
                    "record that the youth was asked whether parents or partners should join "
                    "(asked_youth_about_involvement: true)");
      break;
    }
    case P::INQUIRY_COMPLETED: {
      auto q = p.getInquiryCompleted();
      std::vector<std::string> missing;
      if (!HasText(q.getReasons())) missing.push_back("reasons");
      if (!q.hasInterventions()) missing.push_back("interventions");
      if (!q.hasCare()) missing.push_back("care");
      if (!HasText(q.getNextSteps())) missing.push_back("next_steps");
      if (s.target_group == int(schema::TargetGroup::VERZUIM18PLUS) &&
          !HasText(q.getEducationReasons()))
        missing.push_back("education_reasons");
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
      rules.Require(missing.empty(), "inquiry-complete",
                    "the inquiry is not complete: missing " + list +
                        " (use [] for interventions or care when nothing was tried)");
      break;
    }
    case P::PLAN_MADE:
    case P::PLAN_REVISED: {
      auto plan = p.which() == P::PLAN_MADE ? p.getPlanMade() : p.getPlanRevised();
      rules.Require(plan.getTrajectories().size() > 0, "plan-complete",
                    "a plan has at least one trajectory (onderwijs, arbeid, hulpverlening)");
      rules.Require(HasText(plan.getCaseDirector()), "plan-complete",
                    "a plan names the case director (case_director, casusregie)");
      rules.Require(plan.getAskedYouthForDirector(), "plan-complete",
                    "a plan records that the youth was asked who should be case director "
                    "(asked_youth_for_director: true)");
      rules.Require(plan.getMadeWithYouth(), "plan-complete",
                    "a plan is made together with the youth (made_with_youth: true)");
      break;
    }
    case P::DATA_SHARED: {
      auto d = p.getDataShared();
      rules.Require(HasText(d.getDoel()) && HasText(d.getProportionaliteit()) &&
                        HasText(d.getSubsidiariteit()),
                    "sharing-ground",
                    "a disclosure records the four thinking steps: grondslag, doel, "
                    "proportionaliteit and subsidiariteit");
      break;
    }
    case P::FEEDBACK_GIVEN:
      rules.Require(p.getFeedbackGiven().getLimitedToCase(), "sharing-ground",
                    "feedback to partners is limited to what relates to the absence or "
                    "drop-out (limited_to_case: true)");
      break;
    case P::CASE_CLOSED: {
      auto close = p.getCaseClosed();
      const auto reason = close.getReason();
      bool effort_met = false;
      if (reason == schema::CloseReason::GEEN_CONTACT) {
        const Settings& cfg = *f.settings;
        const NoContactEffort effort = EffortSinceLastContact(s, f.today);
        const bool long_enough =
            effort.first != kNoDay && f.today - effort.first >= cfg.no_contact_min_days;
        effort_met = effort.letters >= cfg.no_contact_letters &&
                     effort.visit_days >= cfg.no_contact_home_visits && long_enough;
        rules.Require(effort_met, "no-contact-effort",
                      "closing without contact needs, since the youth was last reached, at least " +
                          std::to_string(cfg.no_contact_letters) + " letter(s) and home visits on " +
                          std::to_string(cfg.no_contact_home_visits) +
                          " different days, the first attempt at least " +
                          std::to_string(cfg.no_contact_min_days) + " days before closing (now: " +
                          std::to_string(effort.letters) + " letter(s), home visits on " +
                          std::to_string(effort.visit_days) + " day(s)" +
                          (effort.first == kNoDay
                               ? ", no attempt"
                               : ", the first " + std::to_string(f.today - effort.first) +
                                     " days ago") +
                          ")");
      }
      if (reason == schema::CloseReason::WIJST_ONDERSTEUNING_AF)
        rules.Require(HasSuccessfulContact(s, f.today), "declines-support",
                      "wijst-ondersteuning-af is the youth's own answer: it needs a contact that "
                      "reached them (or the intake) in this case; without one, close geen-contact");
      // A stuck case whose no-contact effort is met may close geen-contact: that is the effort.
      rules.Require(!s.Has(S::kStuckLast) || effort_met, "stuck-close",
                    "the last monitoring said vastgelopen: closing a stuck case needs a reason");
      break;
    }
    default:
      break;
  }
}

// What a command must hold whatever its reason: invalid_input names the field.
Status CheckFields(const CaseState& s, schema::Payload::Reader p) {
  switch (p.which()) {
    case P::ASSESSMENT_RECORDED:
      if (p.getAssessmentRecorded().getDomains().size() == 0)
        return InvalidInput("data.domains: expected at least one life domain with a score or a concern");
      break;
    case P::INTAKE_HELD:
      if (!s.Has(S::kIntakeScheduled) && !p.getIntakeHeld().getHasAskedYouthAboutInvolvement())
        return InvalidInput(
            "data.asked_youth_about_involvement: missing; an intake that no intake_scheduled "
            "planned records whether the youth was asked if parents or partners should join");
      break;
    case P::CASE_CLOSED: {
      using R = schema::CloseReason;
      auto close = p.getCaseClosed();
      const auto outcomes = close.getOutcome();
      if (close.getReason() == R::DOEL_BEREIKT && outcomes.size() == 0)
        return InvalidInput("data.outcome: missing; doel-bereikt names what the youth reached "
                            "(startkwalificatie, onderwijs, werk, dagbesteding, zorg)");
      for (uint32_t i = 0; i < outcomes.size(); ++i) {
        const std::string at = "data.outcome[" + std::to_string(i) + "]: ";
        for (uint32_t j = 0; j < i; ++j)
          if (outcomes[j] == outcomes[i]) return InvalidInput(at + "given twice");
        if (outcomes[i] == schema::Outcome::GEEN && close.getReason() == R::DOEL_BEREIKT)
          return InvalidInput(at + "geen contradicts doel-bereikt, which names what the youth "
                                   "reached; close with another reason");
        if (outcomes[i] == schema::Outcome::WERK && close.getWorkHoursPerWeek() == 0)
          return InvalidInput("data.work_hours_per_week: missing; outcome werk gives the hours "
                              "per week (1-80)");
      }
      if (close.hasHandedTo() && close.getReason() != R::VERHUISD &&
          close.getReason() != R::GEEN_RMC_DOELGROEP)
        return InvalidInput("data.handed_to: only a closing verhuisd or geen-rmc-doelgroep hands "
                            "the youth over to another organisation");
      break;
    }
    case P::CASE_EVALUATED: {
      auto e = p.getCaseEvaluated();
      if (e.getResolvedOmitted() && e.getPartnersFollowedUpOmitted() &&
          e.getRightDecisionOmitted() && !e.hasBottlenecks() && !HasText(e.getDoDifferently()) &&
          !HasText(e.getWentWell()))
        return InvalidInput("data: an evaluation answers at least one of resolved, "
                            "partners_followed_up, bottlenecks, right_decision, do_differently, "
                            "went_well");
      break;
    }
    default:
      break;
  }
  return Status::Ok();
}

// What no reason overrides: the fields of CheckFields, consent behind a share on the ground
// toestemming, and known data categories.
Status CheckUnconditional(const CaseState& s, schema::Payload::Reader p, const Facts& f) {
  if (auto invalid = CheckFields(s, p); !invalid.ok()) return invalid;
  const auto which = p.which();
  if (which == P::DATA_SHARED) {
    auto share = p.getDataShared();
    if (share.getGrondslag() == schema::Grondslag::TOESTEMMING) {
      std::vector<std::string> categories;
      for (auto cat : share.getCategories()) categories.emplace_back(cat.cStr());
      if (!HasActiveConsent(s, share.getPartner().cStr(), categories, f.today))
        return Status(Code::kConsentRequired,
                      "sharing with " + std::string(share.getPartner().cStr()) +
                          " on the ground toestemming needs active consent for that partner and "
                          "every category shared");
    }
  }
  if (which == P::CONSENT_GIVEN || which == P::CONSENT_REFUSED || which == P::DATA_SHARED ||
      which == P::CONSENT_WITHDRAWN || which == P::FEEDBACK_GIVEN) {
    capnp::List<capnp::Text>::Reader categories =
        which == P::CONSENT_GIVEN     ? p.getConsentGiven().getCategories()
        : which == P::CONSENT_REFUSED ? p.getConsentRefused().getCategories()
        : which == P::DATA_SHARED     ? p.getDataShared().getCategories()
        : which == P::FEEDBACK_GIVEN  ? p.getFeedbackGiven().getCategories()
                                      : p.getConsentWithdrawn().getCategories();
    for (auto cat : categories)
      if (!f.settings->IsCategory(cat.cStr()))
        return InvalidInput("data.categories: unknown category '" + std::string(cat.cStr()) +
                            "'; expected one of the data categories (rmc config categories adds "
                            "a region's own)");
  }
  return Status::Ok();
}

}  // namespace

Status CheckCorrected(const CaseState& s, schema::Payload::Reader corrected, const Facts& f) {
  return CheckUnconditional(s, corrected, f);
}

uint8_t InfoItemsOfSignal(schema::SignalReceived::Reader s) {
  uint8_t items = 0;
  if (HasText(s.getSuspectedReason())) items |= 1 << 0;
  if (HasText(s.getPartnerActions())) items |= 1 << 1;
  if (HasText(s.getYouthAgreements())) items |= 1 << 2;
  if (s.getContacts().size() > 0) items |= 1 << 3;
  if (HasText(s.getCare())) items |= 1 << 4;
  // An absence kind alone is no overview of the absence (§1.2, item 6): hours or dates are.
  if (s.hasAbsence() && (s.getAbsence().getHours() > 0 || s.getAbsence().hasFrom() ||
                         s.getAbsence().hasTo()))
    items |= 1 << 5;
  if (HasText(s.getExpectedAction())) items |= 1 << 6;
  return items;
}

uint8_t InfoItemsOfReview(schema::DossierReviewed::Reader r) {
  uint8_t items = 0;
  if (HasText(r.getSuspectedReason())) items |= 1 << 0;
  if (HasText(r.getPartnerActions()) || r.getCheckedWithPartners().size() > 0) items |= 1 << 1;
  if (HasText(r.getYouthAgreements())) items |= 1 << 2;
  if (r.getContacts().size() > 0) items |= 1 << 3;
  if (HasText(r.getCare())) items |= 1 << 4;
  if (HasText(r.getAbsenceOverview())) items |= 1 << 5;
  return items;
}

bool SignalOpensNewCase(const CaseState& s, Days today) {
  return EffectiveStatus(s, today) == CaseStatus::kAfgesloten;
}

bool HasActiveConsent(const CaseState& s, const std::string& partner,
                      const std::vector<std::string>& categories, Days day) {
  for (const auto& category : categories) {
    bool active = false;
    for (const auto& r : s.consents) {  // in log order: the latest covering record decides
      if (!Covers(r.partners, partner)) continue;
      if (r.kind == ConsentRecord::kWithdrawn) {
        if (r.categories.empty() || Covers(r.categories, category)) active = false;
        continue;
      }
      if (!Covers(r.categories, category)) continue;
      active = r.kind == ConsentRecord::kGiven && (r.valid_until == kNoDay || r.valid_until >= day);
    }
    if (!active) return false;
  }
  return true;
}

// Long on purpose: the steps of deciding in their order (route, deviation, rules, derived fields
// per type), each short; split up, the order would have to be read across functions.
Result<std::vector<Draft>> Decide(const CaseState& s, const Command& c,
                                  std::unique_ptr<capnp::MallocMessageBuilder> message,
                                  const Facts& f) {
  std::vector<Draft> out;
  auto payload = message->getRoot<schema::Payload>();
  const auto which = payload.which();

  if (which == P::SIGNAL_RECEIVED) {
    auto sig = payload.getSignalReceived();
    sig.setInfoItems(InfoItemsOfSignal(sig.asReader()));
    if (f.new_case) {
      out.push_back(NewDraft());
      out.back().root().initCaseOpened();
    } else if (EffectiveStatus(s, f.today) == CaseStatus::kNazorg) {
      out.push_back(NewDraft());
      out.back().root().initCaseReopened().setPreviousStep(uint8_t(s.step));
    }
    out.push_back(Draft{std::move(message), {}});
    return out;
  }

  // The route: is this step expected now? Consent may be given at any time (partners are often
  // chosen in step 8); its first after the intake marks step 6 (the fold).
  int step = which == P::CONSENT_GIVEN ? 0 : schema_info::StepOf(c.member);
  if (which == P::AFTERCARE_CHECKED || which == P::AFTERCARE_ENDED) {
    if (EffectiveStatus(s, f.today) != CaseStatus::kNazorg) {
      if (c.reason.empty())
        return RouteViolation(NextStep(s), c.type + " needs a case in aftercare (nazorg); this case is " +
                                               StatusName(EffectiveStatus(s, f.today)));
      out.push_back(NewDraft());
      auto d = out.back().root().initStepDeviated();
      d.setFromStep(uint8_t(NextStep(s)));
      d.setToStep(11);
      d.setCommand(c.type);
    }
  } else if (step > 0) {
    int close_reason = which == P::CASE_CLOSED ? int(payload.getCaseClosed().getReason()) : -1;
    if (!IsOnRoute(s, step, close_reason)) {
      int expected = NextStep(s);
      if (c.reason.empty()) {
        std::string msg = c.type + " (step " + std::to_string(step) + ") is not expected now; ";
        msg += expected ? "expected step " + std::to_string(expected) + " (" + StepName(expected) + ")"
                        : std::string("the route of this case is complete");
        return RouteViolation(expected, msg + "; give a reason to deviate");
      }
      out.push_back(NewDraft());
      auto d = out.back().root().initStepDeviated();
      d.setFromStep(uint8_t(expected));
      d.setToStep(uint8_t(step));
      d.setCommand(c.type);
    }
  }


  // Rules that cannot be overridden.
  if (which == P::FEEDBACK_GIVEN) {
    // Feedback is a disclosure on the statutory task (§5.1): of what relates to the absence.
    auto feedback = payload.getFeedbackGiven();
    if (!feedback.hasCategories()) feedback.initCategories(1).set(0, "verzuim");
    feedback.setGrondslag(schema::Grondslag::WETTELIJKE_TAAK);
    feedback.setHasGrondslag(true);
  }
  if (auto unconditional = CheckUnconditional(s, payload.asReader(), f); !unconditional.ok())
    return unconditional;

  RuleCheck rules(c);
  CheckRules(s, c, f, payload, rules);
  if (!rules.error().ok()) return rules.error();

  // Derived fields.
  switch (which) {
    case P::CONSENT_GIVEN:
      if (!payload.getConsentGiven().getGiven()) {
        // `consent` with given: false is a refusal: the same fields, another event type.
        auto refused = NewDraft();
        refused.root().setConsentRefused(payload.getConsentGiven().asReader());
        refused.overrides = rules.overrides();
        out.push_back(std::move(refused));
        return out;
      }
      break;
    case P::DOSSIER_REVIEWED: {
      auto r = payload.getDossierReviewed();
      r.setInfoItems(InfoItemsOfReview(r.asReader()));
      r.setSchoolMeasuresMissing(!HasText(r.getSchoolMeasures()));
      break;
    }
    case P::TRIAGED: {
      auto t = payload.getTriaged();
      int n = 0;
      for (int i = 0; i < kInfoItemCount; ++i) n += InfoItemMissing(s, i);
      auto missing = t.initMissingInfo(n);
      n = 0;
      for (int i = 0; i < kInfoItemCount; ++i)
        if (InfoItemMissing(s, i)) missing.set(n++, InfoItemName(i));
      if (f.birth_date) t.setAgeAtTriage(uint8_t(std::clamp(AgeOn(*f.birth_date, f.today), 0, 255)));
      break;
    }
    case P::AFTERCARE_CHECKED:
      // A youth who dropped out in aftercare is a case again: the route starts at step 2, as
      // after a new signal.
      if (payload.getAftercareChecked().getStatus() == schema::AftercareStatus::UITGEVALLEN &&
          EffectiveStatus(s, f.today) == CaseStatus::kNazorg) {
        out.push_back(NewDraft());
        auto reopened = out.back().root().initCaseReopened();
        reopened.setPreviousStep(uint8_t(s.step));
        reopened.setByAftercareCheck(true);
      }
      break;
    case P::CASE_CLOSED: {
      auto close = payload.getCaseClosed();
      if (!close.hasAftercareUntil() && StartsAftercare(int(close.getReason()), s) &&
          f.settings->aftercare_months > 0)
        close.initAftercareUntil().setDays(AddMonths(f.today, f.settings->aftercare_months));
      break;
    }
    default:
      break;
  }
  out.push_back(Draft{std::move(message), rules.overrides()});
  return out;
}

}  // namespace rmc
