#include "domain/decide.h"

#include <algorithm>
#include <set>

#include "codec/message_sizes.h"
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

bool HasText(capnp::Text::Reader t) { return t.size() > 0; }

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
      bool enrolled = s.Has(S::kEnrolled) || IsEnrolmentImplied(s.target_group);
      bool school = false;
      for (auto who : i.getParticipants()) school |= who == "school";
      rules.Require(!enrolled || school, "three-way-intake",
                    "the subject is enrolled: the school takes part in the intake (a 3-gesprek); "
                    "add school to participants");
      rules.Require(i.getAskedYouthAboutInvolvement(), "three-way-intake",
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
      if (close.getReason() == schema::CloseReason::GEEN_CONTACT) {
        int letters = 0;
        std::set<Days> visit_days;
        for (const auto& ct : s.contacts) {
          auto ch = schema::ContactChannel(ct.channel);
          if (ch == schema::ContactChannel::BRIEF || ch == schema::ContactChannel::BRIEF_OUDERS)
            ++letters;
          if (ch == schema::ContactChannel::HUISBEZOEK_AANGEKONDIGD ||
              ch == schema::ContactChannel::HUISBEZOEK_ONAANGEKONDIGD)
            visit_days.insert(ct.day);
        }
        int min_days = f.settings->no_contact_min_days;
        bool long_enough = s.first_attempt != kNoDay && f.today - s.first_attempt >= min_days;
        rules.Require(letters >= 1 && visit_days.size() >= 2 && long_enough, "no-contact-effort",
                      "closing without contact needs at least one letter and home visits on two "
                      "different days, the first attempt at least " +
                          std::to_string(min_days) + " days before closing (now: " +
                          std::to_string(letters) + " letter(s), home visits on " +
                          std::to_string(visit_days.size()) + " day(s))");
      }
      rules.Require(!s.Has(S::kStuckLast), "stuck-close",
                    "the last monitoring said vastgelopen: closing a stuck case needs a reason");
      break;
    }
    default:
      break;
  }
}

}  // namespace

uint8_t InfoItemsOfSignal(schema::SignalReceived::Reader s) {
  uint8_t items = 0;
  if (HasText(s.getSuspectedReason())) items |= 1 << 0;
  if (HasText(s.getPartnerActions())) items |= 1 << 1;
  if (HasText(s.getYouthAgreements())) items |= 1 << 2;
  if (s.getContacts().size() > 0) items |= 1 << 3;
  if (HasText(s.getCare())) items |= 1 << 4;
  if (s.hasAbsence()) items |= 1 << 5;
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

  // The route: is this step expected now?
  int step = schema_info::StepOf(c.member);
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

  if (which == P::ASSESSMENT_RECORDED && payload.getAssessmentRecorded().getDomains().size() == 0)
    return InvalidInput("data.domains: expected at least one life domain with a score or a concern");

  // Rules that cannot be overridden.
  if (which == P::DATA_SHARED) {
    auto share = payload.getDataShared();
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
  if (which == P::CONSENT_GIVEN || which == P::DATA_SHARED || which == P::CONSENT_WITHDRAWN) {
    capnp::List<capnp::Text>::Reader categories =
        which == P::CONSENT_GIVEN   ? payload.getConsentGiven().getCategories().asReader()
        : which == P::DATA_SHARED   ? payload.getDataShared().getCategories().asReader()
                                    : payload.getConsentWithdrawn().getCategories().asReader();
    for (auto cat : categories)
      if (!f.settings->IsCategory(cat.cStr()))
        return InvalidInput("data.categories: unknown category '" + std::string(cat.cStr()) +
                            "'; expected one of the data categories (rmc config categories adds "
                            "a region's own)");
  }

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
    case P::CASE_CLOSED: {
      auto close = payload.getCaseClosed();
      if (!close.hasAftercareUntil() && StartsAftercare(int(close.getReason())) &&
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
