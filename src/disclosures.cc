#include "disclosures.h"

#include "command.h"
#include "schema_info.h"
#include "subject_events.h"

namespace rmc {
namespace {

std::string Bytes(capnp::Data::Reader d) {
  return {reinterpret_cast<const char*>(d.begin()), d.size()};
}

// The disclosure `e` records, when it records one that passes `filter`.
std::optional<Disclosure> DisclosureOf(schema::Event::Reader e, const DisclosureFilter& filter) {
  if (!e.getPayload().isDataShared()) return std::nullopt;
  auto s = e.getPayload().getDataShared();
  if (!filter.partner.empty() && filter.partner != s.getPartner().cStr()) return std::nullopt;
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
  d.doel = s.getDoel().cStr();
  d.proportionaliteit = s.getProportionaliteit().cStr();
  d.subsidiariteit = s.getSubsidiariteit().cStr();
  return d;
}

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Result<std::vector<Disclosure>> FindDisclosures(StoreTxn& txn, const DisclosureFilter& filter) {
  std::vector<Disclosure> out;
  auto collect = [&](EventView& view) {
    if (auto d = DisclosureOf(view.event(), filter)) out.push_back(std::move(*d));
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
            {"role", RoleName(d.role)}};
  if (with_actor) j["actor"] = d.actor;
  return j;
}

}  // namespace rmc
