// The case view (docs/commands.md, `rmc show`): the JSON object `rmc show --json` prints, and
// the source of the terminal summary.
#pragma once

#include "codec/json_render.h"
#include "ledger/ledger.h"

namespace rmc {

struct ViewOptions {
  bool pseudonymize = false;  // the evaluator role: no personal data, pseudonymous ref
  Days today = 0;
};

// Builds the view of `state` (current, or as of a point) reading the events it refers to.
Result<Json> CaseView(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                      const ViewOptions& options);

}  // namespace rmc
