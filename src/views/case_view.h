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

// A pseudonym for `value`, stable within this process ("P-3f2a9c1b04d2e8a7"), different in
// every other one: per view or export, never linkable across them.
std::string Pseudonym(const std::string& value);

}  // namespace rmc
