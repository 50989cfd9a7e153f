// The case view (docs/commands.md, `rmc show`): the JSON object `rmc show --json` prints, and
// the source of the terminal summary.
#pragma once

#include "codec/json_render.h"
#include "ledger/ledger.h"

namespace rmc {

struct ViewOptions {
  // Non-null: the pseudonymised form of this case (privacy/pseudonym_form.h, built by
  // ReadSession::FormOf), the evaluator's: no personal data, pseudonyms for the youth, the
  // consultant, actors and partners, day numbers for dates, deviation reasons redacted.
  const PseudonymRules* pseudonymous = nullptr;
  Days today = 0;
  // The view as of a point of the log (replay, show --as-of): a later case of the youth opened
  // after it is not known yet (it decides whether this case keeps the youth in view).
  uint64_t until_position = UINT64_MAX;
  Nanos until_recorded = INT64_MAX;
};

// Builds the view of `state` (current, or as of a point) reading the events it refers to. In
// the pseudonymised form it unseals only the reasons of deviations, to redact them, and only
// when the form keeps reasoning.
Result<Json> CaseView(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                      const ViewOptions& options);

}  // namespace rmc
