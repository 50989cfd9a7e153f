#include "views/event_stream.h"

#include <algorithm>

#include "base/clock.h"
#include "base/time_json.h"
#include "codec/command.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

// The quoted event type ("\"SignalReceived\"") of each Payload member, by discriminant.
const std::vector<std::string>& TypeNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (auto m : capnp::Schema::from<schema::Payload>().getUnionFields()) {
      out.resize(std::max<size_t>(out.size(), m.getProto().getDiscriminantValue() + 1));
      out[m.getProto().getDiscriminantValue()] = "\"" + schema_info::EventTypeName(m) + "\"";
    }
    return out;
  }();
  return names;
}

// RoleName(role) as a JSON string, quoted in advance for the usual values.
void WriteRole(schema::Role role, JsonWriter& out) {
  static const auto quoted = [] {
    std::array<std::string, 16> q;
    for (size_t r = 0; r < q.size(); ++r) {
      JsonWriter w;
      w.String(RoleName(schema::Role(r)));
      q[r] = w.view();
    }
    return q;
  }();
  const auto r = static_cast<uint16_t>(role);
  if (r < quoted.size()) out.Raw(quoted[r]);
  else out.String(RoleName(role));
}

void WriteHex(capnp::Data::Reader data, JsonWriter& out) { out.Hex(data.begin(), data.size()); }

}  // namespace

EventWriter::EventWriter(PersonalFields personal)
    : personal_(personal),
      payload_(PlanOf(capnp::Schema::from<schema::Payload>())),
      corrected_(PlanOf(capnp::Schema::from<schema::EventCorrected>())
                     .fields[capnp::Schema::from<schema::EventCorrected>()
                                 .getFieldByName("corrected")
                                 .getIndex()]),
      scratch_(1024) {
  local_dates_.fill({0, kNoDate});
}

// Long on purpose: the fields of one event line in output order, written straight into `out`
// (the change feed's hot path: no intermediate objects).
void EventWriter::Write(schema::Event::Reader e, const Unsealed* unsealed, bool erased,
                        JsonWriter& out) {
  const bool reveal = personal_ == PersonalFields::kReveal;
  // Text fields as std::string would hold them: up to the first NUL (CString).
  out.Raw("{\"position\":");
  out.Uint(e.getPosition());
  out.Raw(",\"event_id\":");
  WriteHex(e.getEventId(), out);
  out.Raw(",\"case\":");
  if (auto id = e.getCaseId(); id.size()) out.CString({id.begin(), id.size()});
  else out.Null();
  out.Raw(",\"version\":");
  out.Uint(e.getVersion());
  out.Raw(",\"type\":");
  const auto payload = e.getPayload();
  const auto which = static_cast<uint16_t>(payload.which());
  if (which < TypeNames().size()) out.Raw(TypeNames()[which]);
  else out.Raw("\"Unknown\"");
  out.Raw(",\"occurred_at\":");  // as FormatTimePoint
  if (e.getOccurredIsDate()) WriteDate(LocalDateOf(e.getOccurredAt()), out);
  else WriteTime(e.getOccurredAt(), out);
  out.Raw(",\"recorded_at\":");
  WriteTime(e.getRecordedAt(), out);
  out.Raw(",\"actor\":");
  const auto actor = e.getActor();
  PayloadWriter::WriteText(actor.getId(), out);
  out.Raw(",\"role\":");
  WriteRole(actor.getRole(), out);
  out.Raw(",\"command_id\":");
  const auto command = e.getCommandId();
  out.CString({command.begin(), command.size()});
  out.Raw(",\"trace_id\":");
  WriteHex(e.getTraceId(), out);
  out.Raw(",\"span_id\":");
  WriteHex(e.getSpanId(), out);
  if (e.hasParentSpanId()) {
    out.Raw(",\"parent_span_id\":");
    WriteHex(e.getParentSpanId(), out);
  }
  if (e.hasCaller()) {
    out.Raw(",\"caller\":");
    const auto caller = e.getCaller();
    out.CString({caller.begin(), caller.size()});
  }
  out.Raw(",\"processing_activity\":{\"code\":");
  const auto activity = e.getProcessingActivity();
  const auto code = activity.getCode();
  out.CString({code.begin(), code.size()});
  out.Raw(",\"version\":");
  out.Uint(activity.getVersion());
  out.Char('}');
  // The reason: revealed from its sealed copy, else in plain text.
  bool reason_shown = true;
  if (e.hasSealedReason() && reveal && unsealed && unsealed->reason) {
    out.Raw(",\"reason\":");
    out.String(*unsealed->reason);
  } else if (e.hasReason()) {
    out.Raw(",\"reason\":");
    const auto reason = e.getReason();
    out.CString({reason.begin(), reason.size()});
  } else {
    reason_shown = false;
  }
  if (e.getOverrides().size()) {
    out.Raw(",\"overrides\":[");
    bool first = true;
    for (auto r : e.getOverrides()) {
      if (!first) out.Char(',');
      first = false;
      out.CString({r.begin(), r.size()});
    }
    out.Char(']');
  }

  out.Raw(",\"data\":");
  std::optional<capnp::AnyStruct::Reader> personal;
  if (unsealed && unsealed->payload) personal = unsealed->payload->getRoot<schema::Payload>();
  PersonalFields mode = personal_;
  if (reveal && !personal && e.hasSealed()) mode = PersonalFields::kOmit;
  hidden_.Clear();
  correction_ = WrittenFields();
  const bool correction = payload.isEventCorrected();
  WrittenFields* capture = correction ? &correction_ : nullptr;
  if (mode == PersonalFields::kReveal && !personal) {
    // Nothing sealed: no personal fields, and none listed.
    writer_.Write(payload_, payload, std::nullopt, mode, nullptr, out, &corrected_, capture);
  } else {
    writer_.Write(payload_, payload, personal, mode, &hidden_, out, &corrected_, capture);
    if (!e.hasSealed()) hidden_.Clear();
  }
  if (e.hasSealedReason() && !reason_shown) hidden_.Add("reason");
  if (correction && correction_.object) OnlyCorrectedFields(payload.getEventCorrected(), out);
  if (!hidden_.empty()) {
    out.Raw(erased ? ",\"erased\":" : ",\"sealed\":");
    hidden_.WriteArray(out);
  }
  out.Char('}');
}

Days EventWriter::LocalDateOf(Nanos ns) {
  auto& [instant, date] = local_dates_[uint64_t(ns / 1000000000) % local_dates_.size()];
  if (instant != ns || date == kNoDate) instant = ns, date = LocalDate(ns);
  return date;
}

// A correction holds a whole payload of the corrected type; only the fields it names were
// corrected (null: removed), the rest are defaults that must not read as corrections. Rewrites
// the "corrected" object just written to hold the named fields only, in the order named; sealed
// ones are named under sealed/erased instead.
void EventWriter::OnlyCorrectedFields(schema::EventCorrected::Reader correction, JsonWriter& out) {
  scratch_.Clear();
  scratch_.Char('{');
  std::vector<std::string_view> done;
  for (auto field : correction.getFields()) {
    std::string_view name = field.cStr();
    if (std::find(done.begin(), done.end(), name) != done.end()) continue;  // kept in place
    done.push_back(name);
    const WrittenFields::Field* written = nullptr;
    for (const auto& f : correction_.fields)
      if (f.plan->name == name) written = &f;
    if (!written && hidden_.Contains("corrected." + std::string(name))) continue;
    if (scratch_.size() > 1) scratch_.Char(',');
    scratch_.String(name);
    scratch_.Char(':');
    if (written)
      scratch_.Raw(out.view().substr(written->value_begin, written->value_end - written->value_begin));
    else
      scratch_.Null();
  }
  scratch_.Char('}');
  const std::string tail(out.view().substr(correction_.end));
  out.Truncate(correction_.begin);
  out.Raw(scratch_.view());
  out.Raw(tail);
}

}  // namespace rmc
