// A bundle for a learning session (`rmc replay --select EXPR --output DIR`): the cases that match
// a selection (replay/select.h), each replayed in the pseudonymised form, written into a new
// folder as JSON Lines (`cases.jsonl`, one replay per line), one HTML page per case and an index
// page. A bundle is always pseudonymised, whatever the role, with one key for the whole bundle
// (one PseudonymExport): the same person has the same pseudonym on every page of it, and no
// other export can be linked to it. Case ids are pseudonyms too, and positions are numbered
// within each case.
#pragma once

#include <string>
#include <vector>

#include "ledger/read_session.h"
#include "replay/select.h"

namespace rmc {

// The cases that meet `selection` on `today`, in case id order, as `txn` sees them (the
// bundle is written from the same snapshot).
Result<std::vector<CaseRef>> SelectCases(StoreTxn& txn, const Selection& selection, Days today);

// Makes the new, empty folder of a bundle (mode 0700): usage when anything is at `dir` already
// (a symbolic link included: nothing is followed) or it cannot be made, with the system's reason.
Status MakeBundleFolder(const std::string& dir);

// Writes the bundle of `cases` into the new, empty folder `dir` (MakeBundleFolder), every file
// new and private. REQUIRES: `session` pseudonymises. Returns the number of cases written. The
// caller accounts for the read of every case before (ReadSession::AccountCases); after a failure
// part of the folder may be written, and the error names the file.
Result<size_t> WriteBundle(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                           const std::vector<CaseRef>& cases, const std::string& dir, Nanos now);

}  // namespace rmc
