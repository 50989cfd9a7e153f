// A case's earlier events (domain/case_history.h) as a LedgerTxn holds them: what the executor
// and the benchmark's SQLite peer give the fold, so that a correction folds the case again.
#pragma once

#include "domain/case_history.h"
#include "ledger/ledger_txn.h"
#include "store/store_case_history.h"

namespace rmc {

class LedgerCaseHistory : public CaseHistory {
 public:
  explicit LedgerCaseHistory(LedgerTxn& txn) : txn_(txn) {}  // txn outlives this

  Status Walk(std::string_view case_id, uint64_t before,
              const std::function<bool(schema::Event::Reader)>& visit) override {
    return WalkCaseEvents(txn_, case_id, before, nullptr, visit);
  }

 private:
  LedgerTxn& txn_;
};

}  // namespace rmc
