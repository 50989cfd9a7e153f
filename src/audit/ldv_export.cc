#include "audit/ldv_export.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "base/hex.h"
#include "codec/command.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

constexpr const char* kSubjectIdType = "rmc-subject-pseudonym";

// `text` with every character but RFC 3986's unreserved ones percent-encoded, so that a region
// named "Zuid Holland" still makes a valid URN.
std::string PercentEncoded(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string UrnBase(const LdvOptions& options) {
  return "urn:rmc:" + PercentEncoded(options.region);
}

// "SignalReceived" -> "signal_received".
std::string SnakeCase(std::string_view camel) {
  std::string out;
  for (char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!out.empty()) out += '_';
      out += char(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

// "audit reads" -> "audit.reads".
std::string Dotted(std::string_view action) {
  std::string out(action);
  std::replace(out.begin(), out.end(), ' ', '.');
  return out;
}

int64_t Millis(Nanos ns) { return ns / 1000000; }  // the ledger clock never precedes 1970

// One line in the LDV's field order. `parent` empty: no caller's span; `subject` empty: no youth.
Json Line(const std::string& trace, const std::string& span, const std::string& parent,
          const std::string& name, Nanos at, schema::ActivityRef::Reader activity,
          capnp::Data::Reader subject, const LdvOptions& options) {
  Json line = {{"trace_id", trace}, {"span_id", span}};
  if (!parent.empty()) line["parent_span_id"] = parent;
  line["name"] = name;
  line["status_code"] = "STATUS_CODE_OK";  // only what succeeded is stored
  line["start_time"] = Millis(at);
  line["end_time"] = Millis(at);
  line["resource"] = {{"attributes", {{"service.name", "rmc"}, {"service.version", RMC_VERSION}}}};
  // rmc keeps the caller's trace and span, not who the caller was (docs/accountability.md).
  if (!parent.empty())
    line["foreign_operation"] = {
        {"trace_id", trace}, {"span_id", parent}, {"entity", UrnBase(options) + ":caller"}};
  Json attributes = {
      {"dpl.core.processing_activity_id",
       ProcessingActivityUri(options, activity.getCode().cStr(), activity.getVersion())}};
  if (subject.size()) {
    attributes["dpl.core.data_subject_id"] = Hex(subject);
    attributes["dpl.core.data_subject_id_type"] = kSubjectIdType;
  }
  line["attributes"] = std::move(attributes);
  return line;
}

Json User(const std::string& trace, const std::string& span, schema::Actor::Reader actor,
          Json purpose) {
  return {{"type", "audit_record"},
          {"trace_id", trace},
          {"span_id", span},
          {"actor", actor.getId().cStr()},
          {"role", RoleName(actor.getRole())},
          {"purpose", std::move(purpose)}};
}

// Text that is not UTF-8 (an actor name from an odd terminal) is replaced, never fatal.
std::string JsonLine(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string ProcessingActivityUri(const LdvOptions& options, std::string_view code,
                                  uint32_t version) {
  const std::string v = std::to_string(version);
  if (options.base_uri.empty())
    return UrnBase(options) + ":verwerking:" + std::string(code) + ":" + v;
  if (options.base_uri.starts_with("urn:"))
    return options.base_uri + ":" + std::string(code) + ":" + v;
  std::string base = options.base_uri;
  if (base.ends_with('/')) base.pop_back();
  return base + "/" + std::string(code) + "/" + v;
}

LdvEntry LdvOfEvent(schema::Event::Reader e, const LdvOptions& options) {
  const std::string trace = Hex(e.getTraceId()), span = Hex(e.getSpanId());
  const std::string parent = e.hasParentSpanId() ? Hex(e.getParentSpanId()) : "";
  return {Line(trace, span, parent, "rmc." + SnakeCase(EventType(e)), e.getRecordedAt(),
               e.getProcessingActivity(), e.getSubject(), options),
          User(trace, span, e.getActor(), nullptr)};  // a write's purpose is its activity's
}

LdvEntry LdvOfRead(schema::AccessRecord::Reader r, const LdvOptions& options) {
  const std::string trace = Hex(r.getTraceId()), span = Hex(r.getSpanId());
  Json purpose = r.getPurpose().size() ? Json(r.getPurpose().cStr()) : Json(nullptr);
  return {Line(trace, span, "", "rmc." + Dotted(r.getAction().cStr()), r.getRecordedAt(),
               r.getProcessingActivity(), r.getSubject(), options),
          User(trace, span, r.getActor(), std::move(purpose))};
}

Result<LdvExport> ExportLdv(StoreTxn& txn, const LdvOptions& options) {
  struct Keyed {
    Nanos at;
    int log;  // 0: events, 1: access log
    uint64_t position;
    LdvEntry entry;
  };
  std::vector<Keyed> all;
  auto s = txn.ScanEvents(1, [&](uint64_t position, EventView& view) {
    auto e = view.event();
    if (e.getSubject().size() && e.getRecordedAt() >= options.since)
      all.push_back({e.getRecordedAt(), 0, position, LdvOfEvent(e, options)});
    return true;
  });
  if (!s.ok()) return s;
  s = txn.ScanAccess(1, [&](uint64_t position, EventView& view) {
    auto r = view.Root<schema::AccessRecord>();
    if (r.getRecordedAt() >= options.since)
      all.push_back({r.getRecordedAt(), 1, position, LdvOfRead(r, options)});
    return true;
  });
  if (!s.ok()) return s;
  std::sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.at, a.log, a.position) < std::tie(b.at, b.log, b.position);
  });
  LdvExport out;
  for (const Keyed& k : all) {
    out.processings += JsonLine(k.entry.processing);
    out.users += JsonLine(k.entry.user);
  }
  out.lines = all.size();
  return out;
}

}  // namespace rmc
