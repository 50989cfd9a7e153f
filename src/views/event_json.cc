#include "views/event_json.h"

#include <algorithm>

#include "base/hex.h"
#include "base/clock.h"
#include "codec/command.h"
#include "codec/schema_info.h"

namespace rmc {

namespace {

// A correction holds a whole payload of the corrected type; only the fields it names were
// corrected (null: removed), the rest are defaults that must not read as corrections.
void OnlyCorrectedFields(Json& data, const std::vector<std::string>& hidden) {
  if (!data.contains("corrected") || !data["corrected"].is_object()) return;
  Json kept = Json::object();
  for (const auto& name : data.value("fields", Json::array()))
    if (data["corrected"].contains(name)) kept[name.get<std::string>()] = data["corrected"][name];
    else if (std::find(hidden.begin(), hidden.end(), "corrected." + name.get<std::string>()) ==
             hidden.end())
      kept[name.get<std::string>()] = nullptr;  // sealed ones are named under sealed/erased
  data["corrected"] = std::move(kept);
}

}  // namespace

bool ReasonIsReasoning(schema::Event::Reader e) {
  const auto p = e.getPayload();
  return p.isStepDeviated() || p.isEventCorrected() || e.getOverrides().size() > 0;
}

Json EventToJson(schema::Event::Reader e, const Unsealed* unsealed, const RenderOptions& options,
                 bool erased) {
  const PseudonymRules* pseudonymous = options.pseudonymous;
  // An id or a name: its pseudonym in the pseudonymised form. Event ids are UUIDv7 and hold
  // their recording time; command, trace and span ids are the caller's and may say anything.
  auto name = [&](const std::string& value) {
    return pseudonymous ? Json(pseudonymous->Pseudonym(value)) : Json(value);
  };
  Json j;
  j["position"] = e.getPosition();
  j["event_id"] = name(Hex(e.getEventId()));
  j["case"] = e.getCaseId().size() ? Json(e.getCaseId().cStr()) : Json(nullptr);
  j["version"] = e.getVersion();
  j["type"] = EventType(e);
  if (pseudonymous) {
    j["occurred_at"] = pseudonymous->TimeDayNumber(e.getOccurredAt());
    j["recorded_at"] = pseudonymous->TimeDayNumber(e.getRecordedAt());
  } else {
    j["occurred_at"] = FormatTimePoint({e.getOccurredAt(), e.getOccurredIsDate()});
    j["recorded_at"] = FormatTime(e.getRecordedAt());
  }
  j["actor"] = name(e.getActor().getId());
  j["role"] = RoleName(e.getActor().getRole());
  j["command_id"] = name(e.getCommandId().cStr());
  j["trace_id"] = name(Hex(e.getTraceId()));
  j["span_id"] = name(Hex(e.getSpanId()));
  if (e.hasParentSpanId()) j["parent_span_id"] = name(Hex(e.getParentSpanId()));
  if (e.hasCaller()) j["caller"] = e.getCaller().cStr();
  j["processing_activity"] = {{"code", e.getProcessingActivity().getCode().cStr()},
                              {"version", e.getProcessingActivity().getVersion()}};
  const bool reveal = !pseudonymous && options.personal == PersonalFields::kReveal;
  if (pseudonymous) {
    // Only the reasoning of a deviation or a correction, redacted; an erasure's is free text.
    std::optional<std::string> reason;
    if (e.hasSealedReason() && unsealed && unsealed->reason) reason = *unsealed->reason;
    else if (e.hasReason()) reason = e.getReason().cStr();
    if (reason && ReasonIsReasoning(e))
      if (auto redacted = pseudonymous->Reasoning(*reason)) j["reason"] = std::move(*redacted);
  } else {
    if (e.hasReason()) j["reason"] = e.getReason().cStr();  // free text
    if (e.hasSealedReason() && reveal && unsealed && unsealed->reason) j["reason"] = *unsealed->reason;
  }
  if (e.getOverrides().size()) {
    Json o = Json::array();
    for (auto r : e.getOverrides()) o.push_back(r.cStr());
    j["overrides"] = o;
  }
  std::vector<std::string> hidden;
  std::optional<capnp::DynamicStruct::Reader> personal;
  if (unsealed && unsealed->payload)
    personal = capnp::toDynamic(unsealed->payload->getRoot<schema::Payload>());
  RenderOptions o = options;
  if (reveal && !personal && e.hasSealed()) o.personal = PersonalFields::kOmit;
  if (!pseudonymous && o.personal == PersonalFields::kReveal && !personal) {
    // Nothing sealed: render without personal fields and list nothing.
    j["data"] = RenderStruct(capnp::toDynamic(e.getPayload()), std::nullopt, o, nullptr);
  } else {
    j["data"] = RenderStruct(capnp::toDynamic(e.getPayload()), personal, o, &hidden);
    if (!e.hasSealed()) hidden.clear();
  }
  if (e.hasSealedReason() && !j.contains("reason")) hidden.push_back("reason");
  if (!hidden.empty()) j[erased ? "erased" : "sealed"] = hidden;
  if (e.getPayload().isEventCorrected()) OnlyCorrectedFields(j["data"], hidden);
  return j;
}

}  // namespace rmc
