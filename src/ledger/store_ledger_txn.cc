#include "ledger/store_ledger_txn.h"

#include <algorithm>

#include "domain/state_codec.h"

namespace rmc {

Result<std::optional<CaseState>> StoreLedgerTxn::Case(std::string_view case_id) const {
  auto bytes = txn_.Case(case_id);
  if (!bytes.ok()) return bytes.status();
  if (!*bytes) return std::optional<CaseState>();
  auto state = DecodeCaseState(**bytes);
  if (!state.ok()) return state.status();
  return std::optional<CaseState>(std::move(*state));
}

Status StoreLedgerTxn::PutCase(const CaseState& state) {
  return txn_.PutCase(state.case_id, EncodeCaseState(state));
}

Result<SubjectKey> StoreLedgerTxn::KeyOrCreate(std::string_view subject_id) {
  auto key = keystore_.KeyOrCreate(subject_id);
  if (key.ok()) unsealer_.Remember(std::string(subject_id), *key);
  return key;
}

bool StoreLedgerTxn::HoldsKey(std::string_view subject_id) {
  // A key this transaction erases is gone for it, though deleted only after the commit.
  if (erasures_ && std::find(erasures_->begin(), erasures_->end(), subject_id) != erasures_->end())
    return false;
  auto key = keystore_.Key(subject_id);
  return !key.ok() || *key;  // unreadable: try the deletion, which reports the damage
}

Status StoreLedgerTxn::EraseKey(std::string_view subject_id) {
  if (!erasures_) return LedgerError("an erasure outside a write of the ledger");
  erasures_->emplace_back(subject_id);
  unsealer_.Remember(std::string(subject_id), std::nullopt);  // later commands see the erasure
  return Status::Ok();
}

}  // namespace rmc
