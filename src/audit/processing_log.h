// A youth's processing log (`rmc audit log --subject REF`; docs/accountability.md): for a
// right-of-access request, every processing of their data — each write (an event of one of their
// cases) and each read (an access record about them) — with who did it in which role, under
// which processing activity, why (a read's purpose), and every disclosure with its partner and
// ground. It holds no personal field value: a write is named by its event type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/activities.h"
#include "base/clock.h"
#include "codec/json_render.h"
#include "event.capnp.h"
#include "store/store.h"

namespace rmc {

struct Processing {
  bool write = false;  // an event; else a read (an access record)
  Nanos recorded_at = 0;
  uint64_t position = 0;  // in the event log (a write) or in the access log (a read)
  std::string what;       // the event type ("SignalReceived") or the read's action ("show")
  std::string object;     // the case id (a read of the access log: "access-log")
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string activity_code;  // the register entry it was done under, and its version
  uint32_t activity_version = 0;
  std::string purpose;  // a read's --purpose; empty for writes (their activity's) or none
  std::string result;   // a read's: "ok" or "erased"; empty for writes
  struct Disclosed {    // a DataShared event
    std::string partner;
    std::vector<std::string> categories;
    std::string grondslag;  // its JSON code, e.g. "wettelijke-taak"
  };
  std::optional<Disclosed> disclosure;
};

// The processings of the youth with pseudonymous id `subject_id` (16 bytes): by recorded time;
// ties: writes before reads, then by position in their log. not_found when the ledger knows no
// such youth; an erased youth's processings are all there (they hold no personal data).
Result<std::vector<Processing>> ProcessingLogOf(StoreTxn& txn, const std::string& subject_id);

// {kind: "write"|"read", recorded_at, position, what, object, actor, role, processing_activity
//  {code, version, and from `activities` name, purpose, legal_ground}, purpose, result,
//  disclosure: {partner, categories, grondslag} | null}.
Json ProcessingJson(const Processing& p, const ActivityRegister& activities);

}  // namespace rmc
