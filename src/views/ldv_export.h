// The export for a standard Logboek Dataverwerkingen 1.0.0 (docs/accountability.md, "Feeding a
// standard logbook (LDV)"): every processing of a youth's data — each write (an event about a
// youth) and each read (an access record) — as one JSON line in the field set of LDV 1.0.0,
// section 3.2.2, and who did it as a separate audit record linked by span_id. The LDV lines name
// no user, and a youth by their keyed pseudonym only; a line names at most one youth.
//
// A read that showed several youths is one parent action, written as a line of its own naming
// no youth, and one child line per youth with the parent's span as parent_span_id (3.3.1.1).
// The first action of a processing a calling tool started (its trace context given) has the
// caller's span as parent_span_id and the caller as dpl.core.foreign_operation.processor.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access.capnp.h"
#include "base/clock.h"
#include "base/status.h"
#include "codec/json_render.h"
#include "event.capnp.h"
#include "store/store.h"

namespace rmc {

struct LdvOptions {
  std::string region = "regio";  // Settings::region
  std::string base_uri;          // Settings::ldv_base_uri; empty: urn:rmc:REGION:verwerking
  Nanos since = 0;               // only processings recorded at or after
};

// One processing: its LDV line and its user, apart.
struct LdvEntry {
  Json processing;  // trace_id, span_id, status, name, start_time, end_time, parent_span_id?,
                    // resource, attributes
  Json user;        // {type: "audit_record", trace_id, span_id, actor, role, purpose}
};

// The register entry of an activity version: "urn:rmc:REGION:verwerking:CODE:VERSION" without
// a base; under a base "BASE:CODE:VERSION" when it is a URN, else "BASE/CODE/VERSION" (one
// trailing "/" of the base dropped). The region is percent-encoded where a URN needs it.
std::string ProcessingActivityUri(const LdvOptions& options, std::string_view code,
                                  uint32_t version);

// The mapping of one write and one read. A read of no youth (of the access log itself) gets no
// dpl.core.data_subject_* attributes. LdvOfReadParent: the parent action of a read that showed
// several youths (IsReadChild of its records), from one of its children.
LdvEntry LdvOfEvent(schema::Event::Reader event, const LdvOptions& options);
LdvEntry LdvOfRead(schema::AccessRecord::Reader record, const LdvOptions& options);
bool IsReadChild(schema::AccessRecord::Reader record);
LdvEntry LdvOfReadParent(schema::AccessRecord::Reader child, const LdvOptions& options);

// The export as JSON Lines: `processings` and `users` hold one line per processing each, in the
// same order (by recorded time; ties: writes before reads, then by position in their log, a
// parent action before its first child).
// Events about no youth (the ledger's own: settings) are not processings of personal data and
// are left out.
struct LdvExport {
  std::string processings;
  std::string users;
  size_t lines = 0;
};
Result<LdvExport> ExportLdv(StoreTxn& txn, const LdvOptions& options);

}  // namespace rmc
