#include "ledger/pseudonym_export.h"

namespace rmc {

Result<const PseudonymForm*> PseudonymExport::Form(Ledger& ledger, StoreTxn& txn,
                                                   const CaseState& state) {
  if (auto it = forms_.find(state.case_id); it != forms_.end()) return &it->second;
  auto form = session_.FormOf(ledger, txn, state, pseudonyms_, reasoning_);
  if (!form.ok()) return form.status();
  return &forms_.emplace(state.case_id, std::move(*form)).first->second;
}

Result<const PseudonymForm*> PseudonymExport::Form(Ledger& ledger, StoreTxn& txn,
                                                   std::string_view case_id) {
  if (auto it = forms_.find(case_id); it != forms_.end()) return &it->second;
  if (case_id.empty()) return Form(ledger, txn, CaseState());
  auto state = ledger.LoadCase(txn, case_id);
  if (!state.ok()) return state.status();
  return Form(ledger, txn, *state);
}

}  // namespace rmc
