#include "domain/state_codec.h"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include "base/clock.h"
#include "codec/bytes.h"
#include "codec/message_sizes.h"
#include "codec/stored_message.h"
#include "projection.capnp.h"

namespace rmc {
namespace {

template <typename List>
std::vector<std::string> Strings(List list) {
  std::vector<std::string> out;
  for (auto t : list) out.emplace_back(t);
  return out;
}

template <typename Builder>
void SetStrings(Builder builder, const std::vector<std::string>& v) {
  for (size_t i = 0; i < v.size(); ++i) builder.set(i, v[i]);
}

}  // namespace

std::string EncodeCaseState(const CaseState& s) {
  capnp::MallocMessageBuilder message(kProjectionWords);
  auto p = message.initRoot<schema::CaseProjection>();
  p.setCaseId(s.case_id);
  p.setVersion(s.version);
  p.setSubject(AsData(s.subject));
  p.setStatus(schema::CaseStatus(s.status));
  p.setStep(uint8_t(s.step));
  p.setAt(uint8_t(s.at));
  p.setFlags(s.flags);
  p.setTargetGroup(int8_t(s.target_group));
  p.setJikpPerspective(int8_t(s.jikp_perspective));
  p.setInfoPresent(s.info_present);
  p.setConsulent(s.consulent);
  p.setOpenedAt(s.opened_at);
  p.setLastSignal(s.last_signal);
  p.setPickedUp(s.picked_up);
  p.setFirstAttempt(s.first_attempt);
  p.setLastLetter(s.last_letter);
  p.setClosedOn(s.closed_on);
  p.setCloseReason(int8_t(s.close_reason));
  p.setAftercareUntil(s.aftercare_until);
  p.setAftercareChecks(uint16_t(s.aftercare_checks));
  p.setFeedbackOn(s.feedback_on);
  p.setReopened(uint16_t(s.reopened));
  p.setFirstChannel(int8_t(s.first_channel));
  p.setAftercareEnded(s.aftercare_ended);
  p.setLastMonitoringNote(s.last_monitoring_note);
  p.setContactEveryDays(uint16_t(s.contact_every_days));
  p.setPlanStartedOn(s.plan_started_on);
  p.setStepsDone(s.steps_done);
  p.setLastPosition(s.last_position);
  auto signals = p.initSignals(s.signals.size());
  for (size_t i = 0; i < s.signals.size(); ++i) signals.set(i, s.signals[i]);
  auto contacts = p.initContacts(s.contacts.size());
  for (size_t i = 0; i < s.contacts.size(); ++i) {
    contacts[i].setPosition(s.contacts[i].position);
    contacts[i].setDay(s.contacts[i].day);
    contacts[i].setChannel(schema::ContactChannel(s.contacts[i].channel));
    contacts[i].setOutcome(schema::ContactOutcome(s.contacts[i].outcome));
  }
  auto consents = p.initConsents(s.consents.size());
  for (size_t i = 0; i < s.consents.size(); ++i) {
    const auto& c = s.consents[i];
    consents[i].setPosition(c.position);
    consents[i].setKind(schema::ConsentRecord::Kind(c.kind));
    SetStrings(consents[i].initPartners(c.partners.size()), c.partners);
    SetStrings(consents[i].initCategories(c.categories.size()), c.categories);
    consents[i].setValidUntil(c.valid_until);
    consents[i].setDay(c.day);
  }
  auto deviations = p.initDeviations(s.deviations.size());
  for (size_t i = 0; i < s.deviations.size(); ++i) {
    const auto& d = s.deviations[i];
    deviations[i].setPosition(d.position);
    deviations[i].setFromStep(uint8_t(d.from_step));
    deviations[i].setToStep(uint8_t(d.to_step));
    deviations[i].setRule(d.rule);
    deviations[i].setReason(d.reason);
    deviations[i].setActor(d.actor);
    deviations[i].setAt(d.at);
  }
  auto corrections = p.initCorrections(s.corrections.size());
  for (size_t i = 0; i < s.corrections.size(); ++i) corrections.set(i, s.corrections[i]);
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

namespace {

// The state a projection holds; throws kj::Exception when it is damaged.
Result<CaseState> FromProjection(schema::CaseProjection::Reader p) {
  CaseState s;
  s.case_id = p.getCaseId();
  s.version = p.getVersion();
  s.subject = Bytes(p.getSubject());
  s.status = CaseStatus(p.getStatus());
  s.step = p.getStep();
  s.at = p.getAt();
  s.flags = p.getFlags();
  s.target_group = p.getTargetGroup();
  s.jikp_perspective = p.getJikpPerspective();
  s.info_present = p.getInfoPresent();
  s.consulent = p.getConsulent();
  s.opened_at = p.getOpenedAt();
  s.last_signal = p.getLastSignal();
  s.picked_up = p.getPickedUp();
  s.first_attempt = p.getFirstAttempt();
  s.last_letter = p.getLastLetter();
  s.closed_on = p.getClosedOn();
  s.close_reason = p.getCloseReason();
  s.aftercare_until = p.getAftercareUntil();
  s.aftercare_checks = p.getAftercareChecks();
  s.feedback_on = p.getFeedbackOn();
  s.reopened = p.getReopened();
  s.first_channel = p.getFirstChannel();
  s.aftercare_ended = p.getAftercareEnded();
  s.last_monitoring_note = p.getLastMonitoringNote();
  s.contact_every_days = p.getContactEveryDays();
  s.plan_started_on = p.getPlanStartedOn();
  s.steps_done = p.getStepsDone();
  s.last_position = p.getLastPosition();
  for (auto v : p.getSignals()) s.signals.push_back(v);
  for (auto c : p.getContacts())
    s.contacts.push_back({c.getPosition(), c.getDay(), int(c.getChannel()), int(c.getOutcome())});
  for (auto c : p.getConsents()) {
    // A kind outside the enum cannot even be held in ConsentRecord::Kind.
    if (uint16_t(c.getKind()) > ConsentRecord::kWithdrawn)
      return LedgerError("damaged case projection: consent kind " +
                         std::to_string(uint16_t(c.getKind())) + " outside the schema");
    ConsentRecord r;
    r.position = c.getPosition();
    r.kind = ConsentRecord::Kind(c.getKind());
    r.partners = Strings(c.getPartners());
    r.categories = Strings(c.getCategories());
    r.valid_until = c.getValidUntil();
    r.day = c.getDay();
    s.consents.push_back(std::move(r));
  }
  for (auto d : p.getDeviations())
    s.deviations.push_back({d.getPosition(), d.getFromStep(), d.getToStep(), d.getRule(),
                            d.getReason(), d.getActor(), d.getAt()});
  for (auto v : p.getCorrections()) s.corrections.push_back(v);
  if (auto days = CheckStoredDays(s); !days.ok()) return days;
  return s;
}

}  // namespace

Result<CaseState> DecodeCaseState(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) return LedgerError("damaged case projection");
  StoredMessage message(bytes);
  return Decoding([&] { return FromProjection(message.Root<schema::CaseProjection>()); },
                  [](const kj::Exception& e) -> Result<CaseState> {
                    return LedgerError(std::string("damaged case projection: ") +
                                       e.getDescription().cStr());
                  });
}

Status CheckStoredDays(const CaseState& s) {
  // No allocation: stats calls this for every case of the ledger.
  Status bad;
  auto held = [&](const char* name, Days day, Days last = kLastDay) {
    if (day == kNoDay || (day >= kFirstDay && day <= last)) return true;
    bad = LedgerError("damaged case projection: " + std::string(name) + " is day " +
                      std::to_string(day) + ", outside the dates the ledger holds");
    return false;
  };
  // The end of aftercare lies up to 60 months (the most aftercare_months may be) after a
  // closing; every other day is a date given or recorded.
  constexpr Days kLastAftercareDay = kLastDay + 1827;
  bool ok = held("lastSignal", s.last_signal) && held("pickedUp", s.picked_up) &&
            held("firstAttempt", s.first_attempt) && held("lastLetter", s.last_letter) &&
            held("closedOn", s.closed_on) &&
            held("aftercareUntil", s.aftercare_until, kLastAftercareDay) &&
            held("aftercareEnded", s.aftercare_ended, kLastAftercareDay) &&
            held("feedbackOn", s.feedback_on) &&
            held("lastMonitoringNote", s.last_monitoring_note) &&
            held("planStartedOn", s.plan_started_on);
  for (size_t i = 0; ok && i < s.contacts.size(); ++i) ok = held("contacts.day", s.contacts[i].day);
  for (size_t i = 0; ok && i < s.consents.size(); ++i)
    ok = held("consents.day", s.consents[i].day) &&
         held("consents.validUntil", s.consents[i].valid_until);
  return bad;
}

}  // namespace rmc
