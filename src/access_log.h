// The access log (DESIGN.md, Accountability; docs/accountability.md): every command that shows a
// youth's data appends one record per youth shown, before it shows anything, in the same ledger
// as the events and chained like them (store.h). Modelled on Logboek Dataverwerkingen: who
// (actor, role), when, which action on which object, about which subject (pseudonymous), under
// which processing activity, for which purpose, with which result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "access.capnp.h"
#include "clock.h"
#include "event.capnp.h"
#include "status.h"
#include "store.h"

namespace rmc {

// Who reads, and why: the same for every record of one command.
struct Reader {
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string purpose;  // --purpose; may be empty for the consulent role
  std::string action;   // the command: "show", "list", "history", "events", "audit reads", ...
};

// One youth's data shown.
struct Shown {
  std::string object;      // what was read: a case id, or "access-log"
  std::string subject_id;  // 16 bytes; empty when no youth was shown
  schema::AccessResult result = schema::AccessResult::OK;
};

// The processing activity a read by `role` is done under: case work for consulent and
// coordinator, evaluation for the evaluator, accountability for auditor and system.
const char* ActivityForRead(schema::Role role);

// The access log and what is derived from it (the LDV export, a youth's processing log) name
// employees: only auditor, coordinator and system read them. permission_denied for the other
// roles, saying that they may not `what` ("read the access log").
Status MayReadAccessLog(schema::Role role, const std::string& what);

// Appends one record per distinct element of `shown` in one durable transaction, all under one
// new trace id. Nothing is appended when `shown` is empty. The caller shows the data only once
// this returned ok: a read that cannot be accounted for does not happen.
Status RecordAccess(Store& store, const Reader& reader, const std::vector<Shown>& shown);

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
