// A case's earlier events (domain/case_history.h) as a StoreTxn holds them, found through
// case_events: what rebuild, verify and time travel give the fold, so that a correction folds
// the case again.
#pragma once

#include "domain/case_history.h"
#include "store/store.h"

namespace rmc {

// CaseHistory::Walk over a transaction with CasePositions and Event (a StoreTxn here, a
// LedgerTxn in ledger/ledger_case_history.h), skipping the events `include` (when given) leaves
// out.
template <typename Txn>
Status WalkCaseEvents(Txn& txn, std::string_view case_id, uint64_t before,
                      const std::function<bool(schema::Event::Reader)>& include,
                      const std::function<bool(schema::Event::Reader)>& visit) {
  auto positions = txn.CasePositions(case_id);
  if (!positions.ok()) return positions.status();
  for (uint64_t position : *positions) {
    if (position >= before) break;
    auto view = txn.Event(position);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("case_events points past the log; run rmc verify");
    auto event = (*view)->event();
    if (include && !include(event)) continue;
    if (!visit(event)) break;
  }
  return Status::Ok();
}

class StoreCaseHistory : public CaseHistory {
 public:
  // `include` (when given) picks the events this fold sees, as time travel picks them by
  // recording time; txn outlives this.
  explicit StoreCaseHistory(const StoreTxn& txn,
                            std::function<bool(schema::Event::Reader)> include = nullptr)
      : txn_(txn), include_(std::move(include)) {}

  Status Walk(std::string_view case_id, uint64_t before,
              const std::function<bool(schema::Event::Reader)>& visit) override {
    return WalkCaseEvents(txn_, case_id, before, include_, visit);
  }

 private:
  const StoreTxn& txn_;
  std::function<bool(schema::Event::Reader)> include_;
};

}  // namespace rmc
