#include "views/ldv_export.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "base/hex.h"
#include "base/uri.h"
#include "codec/bytes.h"
#include "codec/command.h"
#include "codec/schema_info.h"
#include "views/processing_names.h"

namespace rmc {
namespace {

constexpr const char* kSubjectIdType = "rmc-subject-pseudonym";

std::string UrnBase(const LdvOptions& options) {
  return "urn:rmc:" + PercentEncoded(options.region);
}

int64_t Millis(Nanos ns) { return ns / 1000000; }  // the ledger clock never precedes 1970

// The facts of one action, for its line.
struct Action {
  std::string trace, span;
  std::string parent;  // hex; empty: none
  std::string name;
  Nanos at = 0;
  schema::ActivityRef::Reader activity;
  capnp::Data::Reader subject;  // empty: no youth
  std::string processor;        // the calling application; empty: not called by one
};

// One line in the order of the field table of LDV 1.0.0, 3.2.2. Every stored processing
// succeeded (a refused command or read leaves no trace), so every status is Ok.
Json Line(const Action& a, const LdvOptions& options) {
  Json line = {{"trace_id", a.trace}, {"span_id", a.span}, {"status", "Ok"}, {"name", a.name},
               {"start_time", Millis(a.at)}, {"end_time", Millis(a.at)}};
  if (!a.parent.empty()) line["parent_span_id"] = a.parent;
  line["resource"] = {{"attributes", {{"service.name", "rmc"}, {"service.version", RMC_VERSION}}}};
  Json attributes = {
      {"dpl.core.processing_activity_id",
       ProcessingActivityUri(options, a.activity.getCode().cStr(), a.activity.getVersion())}};
  if (a.subject.size()) {
    attributes["dpl.core.data_subject_id"] = Hex(a.subject);
    attributes["dpl.core.data_subject_id_type"] = kSubjectIdType;
  }
  if (!a.processor.empty()) attributes["dpl.core.foreign_operation.processor"] = a.processor;
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
  Action a{Hex(e.getTraceId()), Hex(e.getSpanId()),
           e.hasParentSpanId() ? Hex(e.getParentSpanId()) : "", WriteProcessingName(EventType(e)),
           e.getRecordedAt(), e.getProcessingActivity(), e.getSubject(),
           e.hasParentSpanId() ? e.getCaller().cStr() : ""};
  return {Line(a, options), User(a.trace, a.span, e.getActor(), nullptr)};  // a write's purpose
                                                                            // is its activity's
}

bool IsReadChild(schema::AccessRecord::Reader r) {
  return r.hasParentSpanId() && r.getParentSpanId() != r.getCallerSpanId();
}

namespace {

Json PurposeOf(schema::AccessRecord::Reader r) {
  return r.getPurpose().size() ? Json(r.getPurpose().cStr()) : Json(nullptr);
}

}  // namespace

LdvEntry LdvOfRead(schema::AccessRecord::Reader r, const LdvOptions& options) {
  const bool child = IsReadChild(r);
  Action a{Hex(r.getTraceId()), Hex(r.getSpanId()),
           r.hasParentSpanId() ? Hex(r.getParentSpanId()) : "",
           ReadProcessingName(r.getAction().cStr()), r.getRecordedAt(), r.getProcessingActivity(),
           r.getSubject(), child || !r.hasCallerSpanId() ? "" : r.getCaller().cStr()};
  return {Line(a, options), User(a.trace, a.span, r.getActor(), PurposeOf(r))};
}

LdvEntry LdvOfReadParent(schema::AccessRecord::Reader child, const LdvOptions& options) {
  Action a{Hex(child.getTraceId()), Hex(child.getParentSpanId()),
           child.hasCallerSpanId() ? Hex(child.getCallerSpanId()) : "",
           ReadProcessingName(child.getAction().cStr()), child.getRecordedAt(),
           child.getProcessingActivity(), capnp::Data::Reader(),
           child.hasCallerSpanId() ? child.getCaller().cStr() : ""};
  return {Line(a, options), User(a.trace, a.span, child.getActor(), PurposeOf(child))};
}

Result<LdvExport> ExportLdv(StoreTxn& txn, const LdvOptions& options) {
  // Only the order is kept in memory; each line is rendered from the map once it is sorted.
  struct Keyed {
    Nanos at;
    int log;  // 0: events, 1: access log
    uint64_t position;
    int line;  // 0: a parent action, 1: the record's own
  };
  std::vector<Keyed> all;
  auto s = txn.ScanEvents(1, [&](uint64_t position, EventView& view) {
    auto e = view.event();
    if (e.getSubject().size() && e.getRecordedAt() >= options.since)
      all.push_back({e.getRecordedAt(), 0, position, 1});
    return true;
  });
  if (!s.ok()) return s;
  std::set<std::string> parents;  // trace || parent span of the parent actions written
  s = txn.ScanAccess(1, [&](uint64_t position, EventView& view) {
    auto r = view.Root<schema::AccessRecord>();
    if (r.getRecordedAt() < options.since) return true;
    if (IsReadChild(r) &&
        parents.insert(std::string(Bytes(r.getTraceId())).append(Bytes(r.getParentSpanId()))).second)
      all.push_back({r.getRecordedAt(), 1, position, 0});
    all.push_back({r.getRecordedAt(), 1, position, 1});
    return true;
  });
  if (!s.ok()) return s;
  std::sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.at, a.log, a.position, a.line) < std::tie(b.at, b.log, b.position, b.line);
  });
  LdvExport out;
  for (const Keyed& k : all) {
    auto view = k.log == 0 ? txn.Event(k.position) : txn.Access(k.position);
    if (!view.ok()) return view.status();
    if (!*view) return Status(Code::kLedgerError, "a log changed while it was exported");
    const LdvEntry entry =
        k.log == 0   ? LdvOfEvent((*view)->event(), options)
        : k.line == 0 ? LdvOfReadParent((*view)->Root<schema::AccessRecord>(), options)
                      : LdvOfRead((*view)->Root<schema::AccessRecord>(), options);
    out.processings += JsonLine(entry.processing);
    out.users += JsonLine(entry.user);
  }
  out.lines = all.size();
  return out;
}

}  // namespace rmc
