// LedgerTxn on rmc's own storage: an LMDB transaction of the store, the keystore and the
// process's Unsealer (whose cache learns every key made or erased). Keys are erased in two steps
// (ledger.h, CompleteErasures): EraseKey lists the subject in `erasures`, the ledger promises the
// deletion in the same transaction (meta "erasing") and deletes the keys after the commit.
#pragma once

#include <string>
#include <vector>

#include "ledger/ledger_txn.h"
#include "privacy/keystore.h"
#include "privacy/unsealer.h"
#include "store/store.h"

namespace rmc {

class StoreLedgerTxn final : public LedgerTxn {
 public:
  // Everything outlives this object. Without `erasures` (a read), EraseKey is refused.
  StoreLedgerTxn(StoreTxn& txn, Keystore& keystore, Unsealer& unsealer,
                 std::vector<std::string>* erasures = nullptr)
      : txn_(txn), keystore_(keystore), unsealer_(unsealer), erasures_(erasures) {}

  uint64_t LastPosition() const override { return txn_.LastPosition(); }
  std::string ChainHead() const override { return txn_.ChainHead(); }
  Result<uint64_t> Append(capnp::MessageBuilder& event, std::string_view case_id,
                          uint32_t version) override {
    return txn_.Append(event, case_id, version);
  }
  Result<std::optional<EventView>> Event(uint64_t position) override { return txn_.Event(position); }
  Result<std::vector<uint64_t>> CasePositions(std::string_view case_id) const override {
    return txn_.CasePositions(case_id);
  }

  Result<std::optional<CommandRecord>> Command(std::string_view id) const override {
    return txn_.Command(id);
  }
  Status PutCommand(std::string_view id, const CommandRecord& record) override {
    return txn_.PutCommand(id, record);
  }
  Result<std::optional<CaseState>> Case(std::string_view case_id) const override;
  Status PutCase(const CaseState& state) override;
  Result<std::optional<SubjectRecord>> Subject(std::string_view subject_id) const override {
    return txn_.Subject(subject_id);
  }
  Status PutSubject(std::string_view subject_id, const SubjectRecord& record) override {
    return txn_.PutSubject(subject_id, record);
  }
  Result<std::optional<std::string>> Meta(std::string_view key) const override { return txn_.Meta(key); }
  Status PutMeta(std::string_view key, std::string_view value) override {
    return txn_.PutMeta(key, value);
  }

  std::string SubjectId(std::string_view ref) const override { return keystore_.SubjectId(ref); }
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id) override {
    return unsealer_.Key(subject_id);
  }
  Result<SubjectKey> KeyOrCreate(std::string_view subject_id) override;
  bool HoldsKey(std::string_view subject_id) override;
  Status EraseKey(std::string_view subject_id) override;

 private:
  StoreTxn& txn_;
  Keystore& keystore_;
  Unsealer& unsealer_;
  std::vector<std::string>* erasures_;
};

}  // namespace rmc
