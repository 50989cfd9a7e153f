// The access log (docs/accountability.md): every command that shows a
// youth's data appends one record per youth shown, before it shows anything, in the same ledger
// as the events and chained like them (store.h). Modelled on Logboek Dataverwerkingen: who
// (actor, role), when, which action on which object, about which subject (pseudonymous), under
// which processing activity, for which purpose, with which result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "access.capnp.h"
#include "audit/activities.h"
#include "base/clock.h"
#include "base/status.h"
#include "codec/trace_context.h"
#include "event.capnp.h"
#include "store/store.h"

namespace rmc {

// Who reads, and why: the same for every record of one command.
struct Reader {
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string purpose;  // --purpose; may be empty for the consulent role
  std::string action;   // the command: "show", "list", "history", "events", "audit reads", ...
  std::string activity;           // the processing activity's code; empty: ActivityForRead(role, action)
  uint32_t activity_version = 1;  // the version in force (activities.h)
  TraceContext trace;             // a calling tool's, or none; its caller already resolved
};

// One youth's data shown.
struct Shown {
  std::string object;      // what was read: a case id, or "access-log"
  std::string subject_id;  // 16 bytes; empty when no youth was shown
  schema::AccessResult result = schema::AccessResult::OK;
};

// Appends one record per distinct element of `shown` in one durable transaction, all in one
// trace: the caller's, else a new one. Several records are the children of one parent action
// (LDV 1.0.0, 3.3.1.1): each names a new parent span as parentSpanId and the caller's span, if
// any, as callerSpanId; a lone record names the caller's span as both. Nothing is appended when
// `shown` is empty. The caller shows the data only once this returned ok: a read that cannot be
// accounted for does not happen.
// `recorded`, when given, receives the trace and the span the records hang under: the parent
// action's, or the lone record's own (own_parent set), for writes that continue the processing.
Status RecordAccess(Store& store, const Reader& reader, const std::vector<Shown>& shown,
                    TraceContext* recorded = nullptr);

// The filter of `rmc audit reads`; empty fields match everything.
struct AccessFilter {
  std::string subject_id;  // 16 bytes
  std::string actor;
  Nanos since = 0;  // recorded at or after
};

// The records that pass `filter`, oldest first: visit(position, record) until it returns false.
// REQUIRES: the record lives only as long as the call of `visit`.
Status ScanAccessLog(StoreTxn& txn, const AccessFilter& filter,
                     const std::function<bool(uint64_t, schema::AccessRecord::Reader)>& visit);

}  // namespace rmc
