// The pseudonymised form of one case (privacy/pseudonym_form.h), from the case's events: its
// origin, and the personal values its redactor must find. ReadSession::FormOf
// (ledger/read_session.h) builds it for a read; nothing else should.
#pragma once

#include "domain/case_state.h"
#include "ledger/ledger.h"
#include "privacy/pseudonym_form.h"
#include "store/store.h"

namespace rmc {

// The form of `state`'s case over `pseudonyms`. Reads every event of the case (not only those
// up to an --as-of point: its origin and its known values are the same at every point). With
// `keep_reasoning` it unseals them to learn the personal values of the case (a read of personal
// data: the caller accounts for it) and the form redacts; without, it opens nothing sealed and
// the form shows no reasoning. A state without a case id gives the form of ledger-wide events
// (settings, the register): no known values, counting from the ledger's creation.
Result<PseudonymForm> BuildCaseForm(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                                    const Pseudonymizer& pseudonyms, bool keep_reasoning);

}  // namespace rmc
