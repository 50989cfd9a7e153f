#include "disclosures.h"

#include "command.h"
#include "schema_info.h"
#include "subject_events.h"

namespace rmc {
namespace {

std::string Bytes(capnp::Data::Reader d) {
  return {reinterpret_cast<const char*>(d.begin()), d.size()};
}

// The thinking steps `s` holds: the sealed part's, or the plain ones of an event written before
// they were sealed.
void TakeThinkingSteps(schema::DataShared::Reader s, Disclosure& d) {
  if (s.hasDoel()) d.doel = s.getDoel().cStr();
  if (s.hasProportionaliteit()) d.proportionaliteit = s.getProportionaliteit().cStr();
  if (s.hasSubsidiariteit()) d.subsidiariteit = s.getSubsidiariteit().cStr();
}

// The disclosure `e` records, when it records one that passes `filter`.
Result<std::optional<Disclosure>> DisclosureOf(Ledger& ledger, schema::Event::Reader e,
                                               const DisclosureFilter& filter) {
  if (!e.getPayload().isDataShared()) return std::optional<Disclosure>();
  auto s = e.getPayload().getDataShared();
  if (!filter.partner.empty() && filter.partner != s.getPartner().cStr())
    return std::optional<Disclosure>();
  Disclosure d;
  d.position = e.getPosition();
  d.case_id = e.getCaseId().cStr();
  d.subject_id = Bytes(e.getSubject());
  d.occurred = {e.getOccurredAt(), e.getOccurredIsDate()};
  d.recorded_at = e.getRecordedAt();
  d.actor = e.getActor().getId().cStr();
  d.role = e.getActor().getRole();
  d.partner = s.getPartner().cStr();
  for (auto c : s.getCategories()) d.categories.push_back(c.cStr());
  auto grounds = capnp::Schema::from<schema::Grondslag>().getEnumerants();
  if (uint16_t(s.getGrondslag()) < grounds.size())
    d.grondslag = schema_info::EnumCode(grounds[uint16_t(s.getGrondslag())]);
  TakeThinkingSteps(s, d);
  d.erased = !d.subject_id.empty() && ledger.IsErased(d.subject_id);
  if (e.hasSealed() && !d.erased) {
    auto unsealed = ledger.Unseal(e);
    if (!unsealed.ok()) return unsealed.status();
    if (*unsealed && (*unsealed)->payload)
      TakeThinkingSteps((*unsealed)->payload->getRoot<schema::Payload>().getDataShared(), d);
  }
  return std::optional<Disclosure>(std::move(d));
}

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Result<std::vector<Disclosure>> FindDisclosures(Ledger& ledger, StoreTxn& txn,
                                                const DisclosureFilter& filter) {
  std::vector<Disclosure> out;
  Status failure;
  auto collect = [&](EventView& view) {
    auto d = DisclosureOf(ledger, view.event(), filter);
    if (!d.ok()) {
      failure = d.status();
      return false;
    }
    if (*d) out.push_back(std::move(**d));
    return true;
  };
  Status s;
  if (filter.subject_id.empty()) {
    s = txn.ScanEvents(1, [&](uint64_t, EventView& view) { return collect(view); });
  } else {
    auto subject = txn.Subject(filter.subject_id);
    if (!subject.ok()) return subject.status();
    if (*subject) s = ScanEventsOfCases(txn, (*subject)->cases, collect);
  }
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  return out;
}

Json DisclosureJson(const Disclosure& d, bool with_actor) {
  Json j = {{"position", d.position},
            {"case", d.case_id},
            {"date", FormatTimePoint(d.occurred)},
            {"recorded_at", FormatTime(d.recorded_at)},
            {"partner", d.partner},
            {"categories", d.categories},
            {"grondslag", d.grondslag},
            {"doel", TextOrNull(d.doel)},
            {"proportionaliteit", TextOrNull(d.proportionaliteit)},
            {"subsidiariteit", TextOrNull(d.subsidiariteit)},
            {"erased", d.erased},
            {"role", RoleName(d.role)}};
  if (with_actor) j["actor"] = d.actor;
  return j;
}

}  // namespace rmc
