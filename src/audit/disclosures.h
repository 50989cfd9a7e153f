// Disclosures of a youth's data to partners (docs/routekaart.md#privacy): the `share` command
// (event DataShared), each with the four thinking steps of §2.2, and the results fed back in
// step 12 (`feedback`, event FeedbackGiven), one per partner, on the statutory task. Read by `rmc audit disclosures` and by
// the right-of-access export (subject_export.h).
//
// Partner, categories and ground are plain facts, kept after an erasure. The reasoning — `doel`,
// `proportionaliteit`, `subsidiariteit` — is free text about the youth: sealed with their
// personal data (schema/event.capnp), so listing it unseals, and after an erasure it is gone
// (events written before it was sealed hold it in plain text, and are read as they are).
// Every disclosure says something about one youth: a caller that shows them accounts for the
// read (access_log.h).
#pragma once

#include <string>
#include <vector>

#include "base/clock.h"
#include "codec/json_render.h"
#include "event.capnp.h"
#include "privacy/unsealer.h"
#include "store/store.h"

namespace rmc {

struct Disclosure {
  // "share" (DataShared) or "feedback" (FeedbackGiven: step 12 feeds results back to partners,
  // one disclosure per partner, with no thinking steps of its own).
  std::string kind = "share";
  uint64_t position = 0;
  std::string case_id;
  std::string subject_id;  // 16 bytes, pseudonymous
  TimePoint occurred;      // when it was shared
  Nanos recorded_at = 0;
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string partner;
  std::vector<std::string> categories;
  std::string grondslag;  // its JSON code: "toestemming", "wettelijke-taak", ...
  std::string doel, proportionaliteit, subsidiariteit;  // empty when not given or erased
  bool erased = false;  // thinking steps sealed in it (or in a correction) went with the key
  std::vector<uint64_t> corrections;  // positions of the EventCorrected applied, oldest first
};

// Empty fields match everything.
struct DisclosureFilter {
  std::string subject_id;  // 16 bytes: only this youth's (read through the subjects index)
  std::string partner;     // exactly this partner name
};

// The disclosures that pass `filter`, in log order, as corrected (`correct` on a DataShared: the
// fields it names take the corrected values) and with their thinking steps unsealed. The partner
// filter matches the corrected partner. An unknown subject id has none.
// Errors: ledger_error when the store fails or an event does not unseal.
Result<std::vector<Disclosure>> FindDisclosures(Unsealer& unsealer, StoreTxn& txn,
                                                const DisclosureFilter& filter);

// {kind, position, case, date, recorded_at, partner, categories, grondslag, doel, proportionaliteit,
//  subsidiariteit, erased, corrections, role, actor?} with the actor only when `with_actor`;
//  absent texts are null.
Json DisclosureJson(const Disclosure& disclosure, bool with_actor);

}  // namespace rmc
