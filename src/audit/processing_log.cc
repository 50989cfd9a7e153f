#include "audit/processing_log.h"

#include <algorithm>
#include <tuple>

#include "audit/access_log.h"
#include "codec/command.h"
#include "codec/schema_info.h"
#include "store/subject_events.h"

namespace rmc {
namespace {

std::optional<Processing::Disclosed> DisclosureOf(schema::Payload::Reader payload) {
  if (!payload.isDataShared()) return std::nullopt;
  auto shared = payload.getDataShared();
  Processing::Disclosed d;
  d.partner = shared.getPartner().cStr();
  for (auto c : shared.getCategories()) d.categories.push_back(c.cStr());
  auto grounds = capnp::Schema::from<schema::Grondslag>().getEnumerants();
  if (uint16_t(shared.getGrondslag()) < grounds.size())
    d.grondslag = schema_info::EnumCode(grounds[uint16_t(shared.getGrondslag())]);
  return d;
}

Processing WriteOf(schema::Event::Reader e) {
  Processing p;
  p.write = true;
  p.recorded_at = e.getRecordedAt();
  p.position = e.getPosition();
  p.what = EventType(e);
  p.object = e.getCaseId().cStr();
  p.actor = e.getActor().getId().cStr();
  p.role = e.getActor().getRole();
  p.activity_code = e.getProcessingActivity().getCode().cStr();
  p.activity_version = e.getProcessingActivity().getVersion();
  p.disclosure = DisclosureOf(e.getPayload());
  return p;
}

Processing ReadOf(uint64_t position, schema::AccessRecord::Reader r) {
  Processing p;
  p.recorded_at = r.getRecordedAt();
  p.position = position;
  p.what = r.getAction().cStr();
  p.object = r.getObject().cStr();
  p.actor = r.getActor().getId().cStr();
  p.role = r.getActor().getRole();
  p.activity_code = r.getProcessingActivity().getCode().cStr();
  p.activity_version = r.getProcessingActivity().getVersion();
  p.purpose = r.getPurpose().cStr();
  p.result = r.getResult() == schema::AccessResult::ERASED ? "erased" : "ok";
  return p;
}

}  // namespace

Result<std::vector<Processing>> ProcessingLogOf(StoreTxn& txn, const std::string& subject_id) {
  auto subject = txn.Subject(subject_id);
  if (!subject.ok()) return subject.status();
  if (!*subject) return Status(Code::kNotFound, "no youth with this id in the ledger");
  std::vector<Processing> out;
  auto s = ScanEventsOfCases(txn, (*subject)->cases, [&](EventView& view) {
    out.push_back(WriteOf(view.event()));
    return true;
  });
  if (!s.ok()) return s;
  AccessFilter filter;
  filter.subject_id = subject_id;
  s = ScanAccessLog(txn, filter, [&](uint64_t position, schema::AccessRecord::Reader r) {
    out.push_back(ReadOf(position, r));
    return true;
  });
  if (!s.ok()) return s;
  std::stable_sort(out.begin(), out.end(), [](const Processing& a, const Processing& b) {
    return std::tuple(a.recorded_at, !a.write, a.position) <
           std::tuple(b.recorded_at, !b.write, b.position);
  });
  return out;
}

Json ProcessingJson(const Processing& p, const ActivityRegister& activities) {
  Json activity = {{"code", p.activity_code}, {"version", p.activity_version}};
  // The purpose and ground that applied then: the version the processing named.
  if (const Activity* a = activities.Find(p.activity_code, p.activity_version)) {
    activity["name"] = a->name;
    activity["purpose"] = a->purpose;
    activity["legal_ground"] = LegalGroundName(a->legal_ground);
  }
  Json disclosure = nullptr;
  if (p.disclosure)
    disclosure = {{"partner", p.disclosure->partner},
                  {"categories", p.disclosure->categories},
                  {"grondslag", p.disclosure->grondslag}};
  return {{"kind", p.write ? "write" : "read"},
          {"recorded_at", FormatTime(p.recorded_at)},
          {"position", p.position},
          {"what", p.what},
          {"object", p.object},
          {"actor", p.actor},
          {"role", RoleName(p.role)},
          {"processing_activity", std::move(activity)},
          {"purpose", p.purpose.empty() ? Json(nullptr) : Json(p.purpose)},
          {"result", p.result.empty() ? Json(nullptr) : Json(p.result)},
          {"disclosure", std::move(disclosure)}};
}

}  // namespace rmc
