// LedgerTxn on the peer's SQLite tables (sqlite_db.h), inside the transaction its owner began:
// what lets the peer run rmc's own executor (ledger/executor.h). Keys live in the `keys` table and
// go with an erasure at once, in the same transaction.
#pragma once

#include <string>
#include <vector>

#include "ledger/ledger_txn.h"
#include "peer/sqlite_db.h"

namespace rmc::bench {

class PeerTxn final : public LedgerTxn {
 public:
  // The end of the log, as the owner read it when the database was opened.
  struct End {
    uint64_t position = 0;
    std::string head;
  };
  // `db` outlives this object; `pepper` keys the subjects' pseudonymous ids.
  PeerTxn(SqliteDb& db, std::string pepper, End end) : db_(db), pepper_(std::move(pepper)), end_(std::move(end)) {}

  const std::string& pepper() const { return pepper_; }
  const End& end() const { return end_; }
  void set_end(End end) { end_ = std::move(end); }  // after a rollback

  uint64_t LastPosition() const override { return end_.position; }
  std::string ChainHead() const override { return end_.head; }
  Result<uint64_t> Append(capnp::MessageBuilder& event, std::string_view case_id,
                          uint32_t version) override;
  Result<std::optional<EventView>> Event(uint64_t position) override;
  Result<std::vector<uint64_t>> CasePositions(std::string_view case_id) const override;

  Result<std::optional<CommandRecord>> Command(std::string_view id) const override;
  Status PutCommand(std::string_view id, const CommandRecord& record) override;
  Result<std::optional<CaseState>> Case(std::string_view case_id) const override;
  Status PutCase(const CaseState& state) override;
  Result<std::optional<SubjectRecord>> Subject(std::string_view subject_id) const override;
  Status PutSubject(std::string_view subject_id, const SubjectRecord& record) override;
  Result<std::optional<std::string>> Meta(std::string_view key) const override;
  Status PutMeta(std::string_view key, std::string_view value) override;

  std::string SubjectId(std::string_view ref) const override;
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id) override;
  Result<SubjectKey> KeyOrCreate(std::string_view subject_id) override;
  bool HoldsKey(std::string_view subject_id) override;
  Status EraseKey(std::string_view subject_id) override;

 private:
  SqliteDb& db_;
  std::string pepper_;
  End end_;
  std::string body_;  // the last event read (Event)
};

}  // namespace rmc::bench
