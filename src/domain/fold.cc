#include "domain/fold.h"

#include <capnp/message.h>

#include <map>
#include <memory>
#include <vector>

#include "codec/bytes.h"
#include "domain/correction.h"
#include "domain/routing.h"

namespace rmc {
namespace {

using P = schema::Payload;
using S = CaseState;

// The state holds no personal data: a sealed reason stays in its event (the view opens it).
std::string PlainReason(schema::Event::Reader e) { return e.hasReason() ? e.getReason() : ""; }

bool IsDirectReport(schema::SignalChannel c) {
  using C = schema::SignalChannel;
  return c == C::DUO_VERZUIMLOKET || c == C::NETWERKPARTNER || c == C::JONGERE;
}

void ResetRoute(CaseState& s) {
  // A reopened case walks steps 2-10 again; what it learned before stays in its history.
  const uint32_t keep =
      S::kTriaged | S::kActionRequired | S::kEnrolled | S::kAbsence | S::kDirectReport;
  s.flags &= keep;
  s.at = 1;
  s.step = 1;
  s.steps_done = 1u << 1;
  s.status = CaseStatus::kOpen;
  s.closed_on = s.aftercare_until = s.aftercare_ended = s.feedback_on = kNoDay;
  s.close_reason = -1;
  s.aftercare_checks = 0;
  s.contact_every_days = 0;
  s.plan_started_on = kNoDay;
}

// A step 4-8 taken again while the case is stuck: a revisit (docs/routekaart.md#routing).
void MarkRevisit(CaseState& s) {
  if (s.at == 10 && s.Has(S::kStuck)) s.Set(S::kRevisiting);
}

bool Names(capnp::List<capnp::Text>::Reader list, const char* who) {
  for (auto name : list)
    if (name == who) return true;
  return false;
}

bool Overrode(schema::Event::Reader e, const char* rule) {
  for (auto r : e.getOverrides())
    if (r == rule) return true;
  return false;
}

void RouteStep(CaseState& s, int step) {
  if (step > s.step) s.step = step;
  s.steps_done |= uint16_t(1u << step);
  s.Set(S::kStuckLast, false);
}

void ApplyTriage(CaseState& s, schema::Triaged::Reader t) {
  s.target_group = int(t.getTargetGroup());
  s.jikp_perspective = t.getHasJikpPerspective() ? int(t.getJikpPerspective()) : -1;
  s.Set(S::kActionRequired, t.getActionRequired());
  s.Set(S::kTriaged);
}

void ApplyClose(CaseState& s, schema::CaseClosed::Reader c, Days day) {
  s.close_reason = int(c.getReason());
  s.closed_on = day;
  s.Set(S::kClosed);
  s.aftercare_until = c.hasAftercareUntil() ? c.getAftercareUntil().getDays() : kNoDay;
  s.status = s.aftercare_until != kNoDay ? CaseStatus::kNazorg : CaseStatus::kAfgesloten;
}

void ApplyContact(CaseState& s, uint64_t position, Days day, schema::ContactAttempted::Reader c) {
  s.contacts.push_back({position, day, int(c.getChannel()), int(c.getOutcome())});
  if (s.first_attempt == kNoDay) s.first_attempt = day;
  if (s.picked_up == kNoDay) s.picked_up = day;
  auto ch = c.getChannel();
  bool reached = c.getOutcome() == schema::ContactOutcome::BEREIKT ||
                 c.getOutcome() == schema::ContactOutcome::AFSPRAAK_GEMAAKT;
  if (ch == schema::ContactChannel::BRIEF || ch == schema::ContactChannel::BRIEF_OUDERS)
    s.last_letter = reached ? kNoDay : day;
  else if (reached || ch == schema::ContactChannel::HUISBEZOEK_AANGEKONDIGD ||
           ch == schema::ContactChannel::HUISBEZOEK_ONAANGEKONDIGD)
    s.last_letter = kNoDay;
}

ConsentRecord Consent(uint64_t position, Days day, ConsentRecord::Kind kind,
                      capnp::List<capnp::Text>::Reader partners,
                      capnp::List<capnp::Text>::Reader categories) {
  ConsentRecord r;
  r.position = position;
  r.day = day;
  r.kind = kind;
  for (auto p : partners) r.partners.emplace_back(p);
  for (auto c : categories) r.categories.emplace_back(c);
  return r;
}

// Long on purpose: one case per event type, so that what each event does to the state reads as
// one table; the cases share the bookkeeping around the switch.
// Folds the event `e` with the payload `p` (its own, or the merge of its corrections).
void Fold(CaseState& s, schema::Event::Reader e, schema::Payload::Reader p) {
  s.version = e.getVersion();
  s.last_position = e.getPosition();
  if (s.case_id.empty()) s.case_id = e.getCaseId();
  if (e.hasSubject() && s.subject.empty())
    s.subject = Bytes(e.getSubject());
  const Days day = LocalDate(e.getOccurredAt());
  for (auto rule : e.getOverrides())
    s.deviations.push_back({e.getPosition(), 0, 0, rule, PlainReason(e), e.getActor().getId(),
                            e.getRecordedAt()});
  switch (p.which()) {
    case P::CASE_OPENED:
      s.opened_at = e.getRecordedAt();
      s.status = CaseStatus::kOpen;
      break;
    case P::CASE_REOPENED:
      ++s.reopened;
      ResetRoute(s);
      break;
    case P::SIGNAL_RECEIVED: {
      auto sig = p.getSignalReceived();
      s.signals.push_back(e.getPosition());
      s.info_present |= sig.getInfoItems();
      auto subject = sig.getSubject();
      if (subject.getHasEnrolled()) s.Set(S::kEnrolled, subject.getEnrolled());
      if (sig.hasAbsence()) s.Set(S::kAbsence);
      if (IsDirectReport(sig.getChannel())) s.Set(S::kDirectReport);
      if (s.first_channel < 0) s.first_channel = int(sig.getChannel());
      s.last_signal = sig.getReceived().getDays();
      s.picked_up = kNoDay;
      if (s.at == 0) s.at = 1;
      if (s.step == 0) s.step = 1;
      s.steps_done |= 1u << 1;
      break;
    }
    case P::DOSSIER_REVIEWED: {
      auto r = p.getDossierReviewed();
      s.info_present |= r.getInfoItems();
      if (r.getHasEnrolled()) s.Set(S::kEnrolled, r.getEnrolled());
      if (r.getSchoolContacted() && !r.getSchoolMeasuresMissing()) s.Set(S::kSchoolReviewed);
      if (s.picked_up == kNoDay) s.picked_up = day;
      RouteStep(s, 2);
      s.at = 2;
      break;
    }
    case P::TRIAGED:
      ApplyTriage(s, p.getTriaged());
      RouteStep(s, 3);
      s.at = 3;
      break;
    case P::CONTACT_ATTEMPTED:
      ApplyContact(s, e.getPosition(), day, p.getContactAttempted());
      break;
    case P::INTAKE_SCHEDULED:
      s.Set(S::kIntakeScheduled);
      // An override at the scheduling of an intake without the school covers the intake it
      // planned (rule three-way-intake); one about the youth's question does not.
      s.Set(S::kThreeWayOverridden, Overrode(e, "three-way-intake") &&
                                        !Names(p.getIntakeScheduled().getParticipants(), "school"));
      MarkRevisit(s);
      RouteStep(s, 4);
      s.at = 4;
      break;
    case P::INTAKE_HELD:
      s.Set(S::kIntakeHeld);
      MarkRevisit(s);
      RouteStep(s, 4);
      s.at = 4;
      break;
    case P::ASSESSMENT_RECORDED:
      s.Set(S::kAssessed);
      MarkRevisit(s);
      RouteStep(s, 5);
      s.at = 5;
      break;
    case P::CONSENT_GIVEN:
    case P::CONSENT_REFUSED: {
      bool given = p.which() == P::CONSENT_GIVEN;
      auto c = given ? p.getConsentGiven() : p.getConsentRefused();
      auto r = Consent(e.getPosition(), day, given ? ConsentRecord::kGiven : ConsentRecord::kRefused,
                       c.getPartners(), c.getCategories());
      if (c.hasValidUntil()) r.valid_until = c.getValidUntil().getDays();
      s.consents.push_back(std::move(r));
      // Consent may be recorded at any time; the first after the intake is step 6, and moves
      // the route only where step 6 lies on it.
      if (s.Has(S::kIntakeHeld) && !s.Has(S::kConsentAsked)) {
        s.Set(S::kConsentAsked);
        if (s.at >= 4 && s.at <= 6) {
          RouteStep(s, 6);
          s.at = 6;
        } else {
          s.steps_done |= uint16_t(1u << 6);
        }
      }
      break;
    }
    case P::CONSENT_WITHDRAWN: {
      auto c = p.getConsentWithdrawn();
      s.consents.push_back(Consent(e.getPosition(), day, ConsentRecord::kWithdrawn,
                                   c.getPartners(), c.getCategories()));
      break;
    }
    case P::INQUIRY_COMPLETED:
      s.Set(S::kInquiryCompleted);
      MarkRevisit(s);
      RouteStep(s, 7);
      s.at = 7;
      break;
    case P::PLAN_MADE:
    case P::PLAN_REVISED:
      s.Set(S::kPlanned);
      s.contact_every_days = (p.isPlanMade() ? p.getPlanMade() : p.getPlanRevised()).getContactEveryDays();
      MarkRevisit(s);
      RouteStep(s, 8);
      s.at = 8;
      break;
    case P::PLAN_STARTED:
      s.Set(S::kPlanStarted);
      s.plan_started_on = p.getPlanStarted().getDate().getDays();
      s.Set(S::kRevisiting, false);
      RouteStep(s, 9);
      s.at = 9;
      break;
    case P::MONITORED: {
      bool stuck = p.getMonitored().getStatus() == schema::MonitorStatus::VASTGELOPEN;
      s.Set(S::kMonitored);
      s.Set(S::kRevisiting, false);
      RouteStep(s, 10);
      s.Set(S::kStuck, stuck);
      s.Set(S::kStuckLast, stuck);
      s.at = 10;
      break;
    }
    case P::CASE_CLOSED:
      ApplyClose(s, p.getCaseClosed(), day);
      RouteStep(s, 11);
      s.at = 11;
      break;
    case P::AFTERCARE_CHECKED:
      ++s.aftercare_checks;
      break;
    case P::AFTERCARE_ENDED:
      s.Set(S::kAftercareEnded);
      s.aftercare_ended = day;
      s.status = CaseStatus::kAfgesloten;
      break;
    case P::FEEDBACK_GIVEN:
      s.Set(S::kFeedbackGiven);
      s.feedback_on = day;
      RouteStep(s, 12);
      if (!s.Has(S::kClosed)) s.at = 12;
      break;
    case P::CASE_EVALUATED:
      s.Set(S::kEvaluated);
      RouteStep(s, 13);
      break;
    case P::CASE_ASSIGNED:
      s.consulent = p.getCaseAssigned().getConsulent();
      break;
    case P::EVENT_CORRECTED:  // what it corrects is folded again by Apply
      s.corrections.push_back(e.getPosition());
      break;
    case P::STEP_DEVIATED: {
      auto d = p.getStepDeviated();
      s.deviations.push_back({e.getPosition(), d.getFromStep(), d.getToStep(), "route-order",
                              PlainReason(e), e.getActor().getId(), e.getRecordedAt()});
      break;
    }
    case P::NOTE_ADDED:
      if (p.getNoteAdded().getCategory() == "monitoring") s.last_monitoring_note = day;
      break;
    case P::SUBJECT_ERASED:
    case P::DATA_SHARED:
    case P::LEDGER_CREATED:
    case P::SETTING_CHANGED:
    case P::ACTIVITY_REGISTERED:
      break;
  }
}

// The corrections of a case up to a point: by the position of the event they correct, each a
// copy of its EventCorrected, oldest first.
using Corrections = std::map<uint64_t, std::vector<std::unique_ptr<capnp::MallocMessageBuilder>>>;

void Keep(Corrections& corrections, schema::EventCorrected::Reader correction) {
  auto copy = std::make_unique<capnp::MallocMessageBuilder>();
  copy->setRoot(correction);
  corrections[correction.getTarget()].push_back(std::move(copy));
}

// The case folded again up to the correction `e`, with every correction up to it merged into
// the events it corrects. Two walks: the corrections come after what they correct.
Status Refold(CaseState& s, schema::Event::Reader e, CaseHistory& history) {
  const std::string case_id = s.case_id.empty() ? std::string(e.getCaseId()) : s.case_id;
  Corrections corrections;
  auto found = history.Walk(case_id, e.getPosition(), [&](schema::Event::Reader earlier) {
    if (earlier.getPayload().isEventCorrected())
      Keep(corrections, earlier.getPayload().getEventCorrected());
    return true;
  });
  if (!found.ok()) return found;
  Keep(corrections, e.getPayload().getEventCorrected());
  CaseState state;
  auto folded = history.Walk(case_id, e.getPosition(), [&](schema::Event::Reader earlier) {
    auto fixes = corrections.find(earlier.getPosition());
    if (fixes == corrections.end()) {
      Fold(state, earlier, earlier.getPayload());
      return true;
    }
    capnp::MallocMessageBuilder merged;
    merged.setRoot(earlier.getPayload());
    auto payload = merged.getRoot<schema::Payload>();
    for (const auto& fix : fixes->second)
      MergeCorrection(payload, fix->getRoot<schema::EventCorrected>().asReader());
    Fold(state, earlier, payload.asReader());
    return true;
  });
  if (!folded.ok()) return folded;
  Fold(state, e, e.getPayload());
  s = std::move(state);
  return Status::Ok();
}

}  // namespace

Status Apply(CaseState& s, schema::Event::Reader e, CaseHistory& history) {
  if (e.getPayload().isEventCorrected()) return Refold(s, e, history);
  Fold(s, e, e.getPayload());
  return Status::Ok();
}

}  // namespace rmc
