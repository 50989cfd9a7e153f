// The lists over every case: `rmc list` (one row per case, filtered) and `rmc due` (the
// deadlines falling due, earliest first). Pure queries over the stored case states: no terminal
// output, no access record: each list names the cases it shows (CaseRef), and the caller's read
// session (ledger/read_session.h) accounts for them before anything is printed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "codec/json_render.h"
#include "domain/deadlines.h"
#include "ledger/ledger.h"
#include "ledger/read_session.h"
#include "privacy/pseudonymizer.h"

namespace rmc {

// Visits the state of every case of `ledger`, in case id order; the first failure.
Status ForEachCase(Ledger& ledger, const std::function<void(const CaseState&)>& visit);
// The same within `txn`, for a reader that must see one snapshot throughout.
Status ForEachCase(StoreTxn& txn, const std::function<void(const CaseState&)>& visit);

// The filters of `rmc list`; empty (or 0, false) fields match every case.
struct ListFilter {
  std::string status;  // open, nazorg or afgesloten, on `today`
  int phase = 0;
  std::string target_group;
  std::string consulent;
  bool overdue = false;  // only cases with an overdue deadline
};

struct CaseList {
  std::vector<CaseRef> cases;  // in case id order
  Json rows = Json::array();   // one object per case, as `rmc list --json` prints it
  // Cases kept in view whose birth date was read to decide, then left out by --overdue: a read
  // to account for all the same.
  std::vector<CaseRef> consulted;
};

// The cases that pass `filter` on `today`. With `pseudonyms` (the pseudonymised form: the
// evaluator) the consultant appears by pseudonym; a row holds no other name, text or date.
Result<CaseList> ListCases(Ledger& ledger, const ListFilter& filter, Days today,
                           const Pseudonymizer* pseudonyms);

struct DueDeadline {
  std::string case_id;
  Deadline deadline;
};

struct DueList {
  // The cases with a deadline listed, and the closed cases that keep their youth in view, whose
  // birth date was read to decide (a read to account for), in case id order.
  std::vector<CaseRef> cases;
  std::vector<DueDeadline> rows;  // earliest due first; equal days in case id order
};

// The deadlines not met that are overdue or fall due within `within` days of `today`, those of
// youths kept in view after their case closed included (deadlines.h InView).
Result<DueList> DueDeadlines(Ledger& ledger, Days today, int within);

}  // namespace rmc
