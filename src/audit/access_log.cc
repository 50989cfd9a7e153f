#include "audit/access_log.h"

#include <capnp/message.h>

#include <set>
#include <utility>

#include "base/random.h"
#include "codec/bytes.h"

namespace rmc {

Status RecordAccess(Store& store, const Reader& reader, const std::vector<Shown>& shown,
                    TraceContext* recorded) {
  if (shown.empty()) return Status::Ok();
  auto now = Now();
  if (!now.ok()) return now.status();
  const TraceContext& caller = reader.trace;
  const std::string trace = caller.trace_id.empty() ? RandomString(16) : caller.trace_id;
  std::vector<const Shown*> distinct;
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const Shown& s : shown)
    if (seen.emplace(s.object, s.subject_id).second) distinct.push_back(&s);
  const std::string parent =
      distinct.size() > 1 ? RandomString(8) : caller.parent_span_id;
  std::string lone_span;
  auto s = store.Write([&](StoreTxn& txn) -> Status {
    for (const Shown* each : distinct) {
      const Shown& s = *each;
      capnp::MallocMessageBuilder message(256);
      auto r = message.initRoot<schema::AccessRecord>();
      r.setPosition(txn.LastAccessPosition() + 1);
      r.setRecordedAt(now->ns);
      auto actor = r.initActor();
      actor.setId(reader.actor);
      actor.setRole(reader.role);
      r.setAction(reader.action);
      r.setObject(s.object);
      if (!s.subject_id.empty())
        r.setSubject(AsData(s.subject_id));
      r.setPurpose(reader.purpose);
      auto activity = r.initProcessingActivity();
      activity.setCode(reader.activity.empty() ? ActivityForRead(reader.role, reader.action) : reader.activity);
      activity.setVersion(reader.activity_version);
      r.setResult(s.result);
      r.setTraceId(AsData(trace));
      const std::string span = RandomString(8);
      r.setSpanId(AsData(span));
      lone_span = span;
      const std::string head = txn.AccessHead();
      r.setPrevHash(AsData(head));
      if (!parent.empty()) r.setParentSpanId(AsData(parent));
      if (!caller.parent_span_id.empty()) r.setCallerSpanId(AsData(caller.parent_span_id));
      if (!caller.caller.empty()) r.setCaller(caller.caller);
      if (auto st = txn.AppendAccess(message, s.subject_id); !st.ok()) return st;
    }
    return Status::Ok();
  });
  if (s.ok() && recorded)
    *recorded = {trace, distinct.size() > 1 ? parent : lone_span, "", /*own_parent=*/true};
  return s;
}

Status ScanAccessLog(StoreTxn& txn, const AccessFilter& filter,
                     const std::function<bool(uint64_t, schema::AccessRecord::Reader)>& visit) {
  auto passes = [&](schema::AccessRecord::Reader r) {
    if (!filter.actor.empty() && r.getActor().getId() != filter.actor) return false;
    return r.getRecordedAt() >= filter.since;
  };
  if (filter.subject_id.empty()) {
    return txn.ScanAccess(1, [&](uint64_t position, EventView& view) {
      auto r = view.Root<schema::AccessRecord>();
      return !passes(r) || visit(position, r);
    });
  }
  auto positions = txn.AccessPositionsOf(filter.subject_id);
  if (!positions.ok()) return positions.status();
  for (uint64_t position : *positions) {
    auto view = txn.Access(position);
    if (!view.ok()) return view.status();
    if (!*view) return Status(Code::kLedgerError, "the access index names a missing record " + std::to_string(position));
    Status damaged;
    const bool more = Decoding(
        [&] {
          auto r = (*view)->Root<schema::AccessRecord>();
          return !passes(r) || visit(position, r);
        },
        [&](const kj::Exception& e) {
          damaged = Undecodable("access record " + std::to_string(position), e);
          return false;
        });
    if (!more) return damaged;
  }
  return Status::Ok();
}

}  // namespace rmc
