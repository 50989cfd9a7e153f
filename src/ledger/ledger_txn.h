// What the executor (executor.h) reads and writes, as one transaction: the log, the records
// beside it (commands, cases, subjects, meta) and the youths' keys. LMDB with the keystore
// implements it (store_ledger_txn.h); so does the SQLite peer of the benchmark, which therefore
// runs rmc's own executor and differs from rmc in storage only.
//
// A transaction is all or nothing: what the executor wrote is committed together, or not at all,
// by whoever opened it. Reads see the transaction's own writes.
#pragma once

#include <capnp/message.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/case_state.h"
#include "privacy/sealing.h"
#include "store/store.h"

namespace rmc {

class LedgerTxn {
 public:
  virtual ~LedgerTxn() = default;

  // The log. Append takes an event whose position and prevHash are LastPosition()+1 and
  // ChainHead() (event_builder.h, Link), indexes it under its case and returns its position.
  virtual uint64_t LastPosition() const = 0;
  virtual std::string ChainHead() const = 0;
  virtual Result<uint64_t> Append(capnp::MessageBuilder& event, std::string_view case_id,
                                  uint32_t version) = 0;
  // The event at `position` (nothing past the end); valid until the next Event call.
  virtual Result<std::optional<EventView>> Event(uint64_t position) = 0;
  // The positions of a case's events, in version order.
  virtual Result<std::vector<uint64_t>> CasePositions(std::string_view case_id) const = 0;

  // The records: commands (idempotency), case states (the fold's result), subjects (their cases
  // and whether erased) and the ledger-wide values.
  virtual Result<std::optional<CommandRecord>> Command(std::string_view id) const = 0;
  virtual Status PutCommand(std::string_view id, const CommandRecord& record) = 0;
  virtual Result<std::optional<CaseState>> Case(std::string_view case_id) const = 0;
  virtual Status PutCase(const CaseState& state) = 0;
  virtual Result<std::optional<SubjectRecord>> Subject(std::string_view subject_id) const = 0;
  virtual Status PutSubject(std::string_view subject_id, const SubjectRecord& record) = 0;
  virtual Result<std::optional<std::string>> Meta(std::string_view key) const = 0;
  virtual Status PutMeta(std::string_view key, std::string_view value) = 0;

  // The keys. SubjectId: the pseudonymous id of a youth's ref. Key: nothing when the youth is
  // erased (ledger_error when a key is missing for a youth who is not). KeyOrCreate: made on
  // first use, kept with this transaction. HoldsKey: whether a key is still stored, erased or
  // not (an erasure whose key deletion did not happen). EraseKey: the key goes when this
  // transaction commits; from now on the youth reads as erased.
  virtual std::string SubjectId(std::string_view ref) const = 0;
  virtual Result<std::optional<SubjectKey>> Key(std::string_view subject_id) = 0;
  virtual Result<SubjectKey> KeyOrCreate(std::string_view subject_id) = 0;
  virtual bool HoldsKey(std::string_view subject_id) = 0;
  virtual Status EraseKey(std::string_view subject_id) = 0;
};

}  // namespace rmc
